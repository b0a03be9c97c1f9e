# io: the fixture program writes a small sweep (trial files, stamp, aggregate) that the Python
# test reads with h5py and pandas, as a user would.
add_executable(io_write_sample_sweep "${CMAKE_CURRENT_SOURCE_DIR}/io/fixture/write_sample_sweep.cpp")
target_link_libraries(io_write_sample_sweep PRIVATE vmsweep_io)
target_include_directories(io_write_sample_sweep PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")

set(io_sample_dir "${CMAKE_CURRENT_BINARY_DIR}/io-sample")
add_test(NAME "io: write sample sweep" COMMAND io_write_sample_sweep "${io_sample_dir}")
set_tests_properties("io: write sample sweep" PROPERTIES FIXTURES_SETUP io_sample_sweep)

add_test(NAME "io: python reads results" COMMAND /usr/bin/python3
         "${CMAKE_CURRENT_SOURCE_DIR}/io/test_results_python.py" "${io_sample_dir}")
set_tests_properties("io: python reads results" PROPERTIES FIXTURES_REQUIRED io_sample_sweep)
