# test_data also scores baselines on aa.txt, which needs the eval module.
target_link_libraries(test_data PRIVATE vmsweep_eval)

# scripts/fetch-data.sh's download path, with a stand-in curl (CI has no internet).
add_test(NAME "data: fetch-data.sh downloads the pinned aa.txt"
         COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/data/fetch_data.sh" "${PROJECT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/data/aa.txt")
