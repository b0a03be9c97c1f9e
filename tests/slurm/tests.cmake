# Tests of slurm/ against a real single-machine Slurm cluster that tests/slurm/local_cluster.sh
# starts for each test and always tears down. Where Slurm is not installed they are reported as
# skipped with the reason (exit code 77), never silently passed.
add_executable(slurm_mpi_hello "${CMAKE_CURRENT_LIST_DIR}/mpi_hello.cpp")
target_link_libraries(slurm_mpi_hello PRIVATE MPI::MPI_CXX)

# mpi_hello: srun (PMIx) and mpirun inside sbatch. array: an MPI job, then 2 shards and the
# aggregation job, equal. requeue: `scontrol requeue` and the time-limit warning mid-sweep.
foreach(slurm_case mpi_hello array requeue)
  set(name "slurm: ${slurm_case}")
  add_test(NAME "${name}"
           COMMAND "${CMAKE_CURRENT_LIST_DIR}/local_cluster.sh" --timeout 150
                   "${CMAKE_CURRENT_LIST_DIR}/slurm_jobs.sh" "$<TARGET_FILE:vmsweep>"
                   "$<TARGET_FILE:slurm_mpi_hello>" "${slurm_case}")
  # One cluster at a time: the tests share the machine's cores and Slurm's job ids.
  set_tests_properties("${name}" PROPERTIES TIMEOUT 200 SKIP_RETURN_CODE 77
                       RESOURCE_LOCK vmsweep_slurm_cluster LABELS slurm)
endforeach()
