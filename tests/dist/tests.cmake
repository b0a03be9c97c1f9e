# dist: the unit tests reach the private protocol, queue and executor headers; the sweep itself is
# tested under real mpirun (oversubscribed: the machine may have fewer cores than ranks).
target_include_directories(test_dist PRIVATE "${PROJECT_SOURCE_DIR}/src/dist")

foreach(dist_case ranks kill_worker kill_all failures bad_input sigterm sigterm_rank0 hyperband target tpe_resume)
  add_test(NAME "dist: mpirun ${dist_case}"
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/dist/mpirun_sweep.sh" "$<TARGET_FILE:vmsweep>" ${dist_case})
  # The kill tests time their kills against trials in flight: keep them off a crowded machine.
  set_tests_properties("dist: mpirun ${dist_case}" PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE)
endforeach()
