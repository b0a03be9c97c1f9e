# dist: the unit tests reach the private protocol, queue and executor headers; the sweep itself is
# tested under real mpirun (oversubscribed: the machine may have fewer cores than ranks).
target_include_directories(test_dist PRIVATE "${PROJECT_SOURCE_DIR}/src/dist")

foreach(dist_case ranks kill_worker kill_all failures bad_input sigterm sigterm_rank0 hyperband target)
  add_test(NAME "dist: mpirun ${dist_case}"
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/dist/mpirun_sweep.sh" "$<TARGET_FILE:vmsweep>" ${dist_case})
  # The kill tests time their kills against trials in flight: keep them off a crowded machine.
  set_tests_properties("dist: mpirun ${dist_case}" PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE)
endforeach()

# Issue 11's defects: each case stops or kills at a point the program reports, so they need no
# quiet machine. disk_full mounts a tmpfs and says SKIP (exit 77) where it cannot.
foreach(dist_case data_cache tpe_resume signal_worker signal_preflight data_preflight shard_bayes lock disk_full strays shrink_grid trial_logs)
  add_test(NAME "dist: mpirun ${dist_case}"
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/dist/mpirun_sweep.sh" "$<TARGET_FILE:vmsweep>" ${dist_case})
  set_tests_properties("dist: mpirun ${dist_case}" PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
endforeach()

# Issue 11's guarantees: kill -9 of rank 0, a worker or mpirun at points a seeded generator picks,
# then resume; every trial once, bitwise equal, nothing left behind (docs/reliability.md). The kills
# happen where the program says it is, never after a sleep, so the test may share the machine.
add_test(NAME "dist: fault injection"
         COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/dist/fault_injection.py" "$<TARGET_FILE:vmsweep>")
set_tests_properties("dist: fault injection" PROPERTIES TIMEOUT 900)

# Fleet sweeps (issue 14): many traces in one sweep, one search per trace; each case runs seconds.
foreach(fleet_case inputs ranks bad_trace resume shard shard_bayes global)
  add_test(NAME "dist: fleet ${fleet_case}"
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/dist/fleet_sweep.sh" "$<TARGET_FILE:vmsweep>" ${fleet_case})
  set_tests_properties("dist: fleet ${fleet_case}" PROPERTIES TIMEOUT 180)
endforeach()

# --trial-records takes files or logs: anything else is exit 2 naming the choices, nothing written.
add_test(NAME "dist: run --trial-records with an unknown kind is exit code 2, nothing written"
         COMMAND sh -c "rm -rf \"$2\"; out=$(\"$0\" run \"$1\" --results \"$2\" --trial-records foo 2>&1); echo \"exit code $?\"; echo \"$out\"; test -e \"$2\" && echo written; true"
                 "$<TARGET_FILE:vmsweep>" "${PROJECT_SOURCE_DIR}/sweeps/quickstart.yaml" "${CMAKE_CURRENT_BINARY_DIR}/bad-trial-records")
set_tests_properties("dist: run --trial-records with an unknown kind is exit code 2, nothing written" PROPERTIES
                     PASS_REGULAR_EXPRESSION "exit code 2\n--trial-records: foo not in \\{files,logs\\}\nRun with --help for more information.\n$"
                     TIMEOUT 60)
