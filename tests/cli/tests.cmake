# cli: `vmsweep report` and `vmsweep plot` on a tiny real sweep (4 trials of a few epochs on aa.txt)
# run once by the real binary as a fixture, checked from Python against the HDF5 file with h5py.
set(cli_report_dir "${CMAKE_CURRENT_BINARY_DIR}/cli-report")
add_test(NAME "cli: report fixture sweep"
         COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/cli/test_report_setup.py"
                 "$<TARGET_FILE:vmsweep>" "${PROJECT_SOURCE_DIR}/data/aa.txt" "${cli_report_dir}")
set_tests_properties("cli: report fixture sweep" PROPERTIES FIXTURES_SETUP cli_report_sweep TIMEOUT 120)
foreach(cli_case report plot)
  add_test(NAME "cli: ${cli_case} reads the results"
           COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/cli/test_${cli_case}.py"
                   "$<TARGET_FILE:vmsweep>" "${cli_report_dir}")
  set_tests_properties("cli: ${cli_case} reads the results" PROPERTIES FIXTURES_REQUIRED cli_report_sweep TIMEOUT 300)
endforeach()

# The report's unit tests (tests/cli/test_report_units.cpp) reach its private headers.
if(TARGET test_cli)
  target_include_directories(test_cli PRIVATE "${PROJECT_SOURCE_DIR}/src/cli")
endif()

# `vmsweep predict` on two tiny sweeps (horizons 1 and 7) that keep their models: bitwise the stored
# test predictions, conformal bounds, formats, the fan chart, bad input; per-step baselines vs numpy.
add_test(NAME "cli: predict reproduces the stored forecasts and refuses bad input"
         COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/cli/test_predict.py"
                 "$<TARGET_FILE:vmsweep>" "${PROJECT_SOURCE_DIR}/data/aa.txt" "${CMAKE_CURRENT_BINARY_DIR}/cli-predict")
set_tests_properties("cli: predict reproduces the stored forecasts and refuses bad input" PROPERTIES TIMEOUT 300)
# Messages for a mistyped command and out-of-range numeric options.
add_test(NAME "cli: command-line messages"
         COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/cli/command_line.sh" "$<TARGET_FILE:vmsweep>"
                 "${PROJECT_SOURCE_DIR}/sweeps/quickstart.yaml")

# `vmsweep report` and `vmsweep plot` on a fleet: 3 synthetic traces x 4 small configurations, run by
# the real binary; the rows per trace, the guarded forecasts and the summary recomputed with h5py/numpy.
add_test(NAME "cli: fleet report and plot"
         COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/cli/test_fleet_report.py"
                 "$<TARGET_FILE:vmsweep>" "${CMAKE_CURRENT_BINARY_DIR}/cli-fleet-report")
set_tests_properties("cli: fleet report and plot" PROPERTIES TIMEOUT 300)
