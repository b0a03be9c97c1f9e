# test_data also scores baselines on aa.txt, which needs the eval module.
target_link_libraries(test_data PRIVATE vmsweep_eval)
