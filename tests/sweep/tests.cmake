# The sweep tests read the real knob tables (train links data) and unit-test private pieces
# (the PRNG, SHA-256, the Parzen estimators) through the module's private headers.
target_link_libraries(test_sweep PRIVATE vmsweep_train)
target_include_directories(test_sweep PRIVATE "${PROJECT_SOURCE_DIR}/src/sweep")
