# The sweep tests read the real knob tables (train links data) and unit-test private pieces
# (the PRNG, SHA-256, the Parzen estimators) through the module's private headers.
target_link_libraries(test_sweep PRIVATE vmsweep_train)
target_include_directories(test_sweep PRIVATE "${PROJECT_SOURCE_DIR}/src/sweep")

# goal: maximize end to end: a real bayes sweep maximising val_r2, ranked by run and report, and
# stopped by metric.target (tests/sweep/maximize_run.py).
add_test(NAME "sweep: maximize val_r2 in a real run"
         COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/sweep/maximize_run.py"
                 "$<TARGET_FILE:vmsweep>" "${PROJECT_SOURCE_DIR}/data/aa.txt" "${CMAKE_CURRENT_BINARY_DIR}/sweep-maximize")
set_tests_properties("sweep: maximize val_r2 in a real run" PROPERTIES TIMEOUT 120)
