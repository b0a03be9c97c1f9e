# test_data also scores baselines on aa.txt, which needs the eval module.
target_link_libraries(test_data PRIVATE vmsweep_eval)

# scripts/fetch-data.sh's download path, with a stand-in curl (CI has no internet).
add_test(NAME "data: fetch-data.sh downloads the pinned aa.txt"
         COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/data/fetch_data.sh" "${PROJECT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/data/aa.txt")

# value: auto (the default) on a file with several numeric columns that vary: exit 2 naming them,
# the likely load columns marked, before anything is trained or written; aa.txt's one value column
# is still taken without being named.
add_test(NAME "data: validate refuses a trace with several value columns and none named, exit code 2"
         COMMAND sh -c "out=$(\"$0\" validate \"$1\" 2>&1); echo \"exit code $?\"; echo \"$out\""
                 "$<TARGET_FILE:vmsweep>" "${PROJECT_SOURCE_DIR}/tests/fixtures/data/bitbrains_layout.yaml")
set_tests_properties("data: validate refuses a trace with several value columns and none named, exit code 2" PROPERTIES
                     PASS_REGULAR_EXPRESSION "exit code 2\n.*bitbrains_layout.csv: 3 numeric columns could be the value; name it .*The columns: 2 'CPU cores' \\(constant\\), 3 'CPU capacity provisioned \\[MHZ\\]' \\(constant\\), 4 'CPU usage \\[MHZ\\]' \\(likely load\\), 5 'CPU usage \\[%\\]' \\(likely load\\), 6 'Memory usage \\[KB\\]'\n$"
                     TIMEOUT 60)
add_test(NAME "data: inspect refuses several value columns (exit code 2), takes aa.txt's only one"
         COMMAND sh -c "\"$0\" data inspect \"$1\" 2>&1; echo \"exit code $?\"; \"$0\" data inspect \"$2\" --resample D 2>&1 | head -3"
                 "$<TARGET_FILE:vmsweep>" "${PROJECT_SOURCE_DIR}/tests/fixtures/data/bitbrains_layout.csv"
                 "${PROJECT_SOURCE_DIR}/data/aa.txt")
set_tests_properties("data: inspect refuses several value columns (exit code 2), takes aa.txt's only one" PROPERTIES
                     PASS_REGULAR_EXPRESSION "3 numeric columns could be the value.*5 'CPU usage \\[%\\]' \\(likely load\\).*\nexit code 2\n.*columns +timestamp 'datetime' \\(ISO 8601\\), value 'data_hourly' \\(auto\\), tab-separated\nvalue columns 2 'data_hourly'"
                     TIMEOUT 60)

# Fair splits: quickstart's three look-backs share one validation and one test period, printed once.
add_test(NAME "data: validate prints the parts' target periods once for every look-back"
         COMMAND "$<TARGET_FILE:vmsweep>" validate "${PROJECT_SOURCE_DIR}/sweeps/quickstart.yaml")
set_tests_properties("data: validate prints the parts' target periods once for every look-back" PROPERTIES
                     PASS_REGULAR_EXPRESSION "windows train 371, val 55, test 110\n.*windows train 357, val 55, test 110\n.*windows train 378, val 55, test 110\n  periods \\(target timestamps\\) of [^\n]*aa.txt: train 2013-01-08 00:00:00 .. 2014-01-20 00:00:00 \\(from the shortest look-back\\), val 2014-01-21 00:00:00 .. 2014-03-16 00:00:00, test 2014-03-17 00:00:00 .. 2014-07-04 00:00:00\nfirst trials"
                     TIMEOUT 60)
add_test(NAME "data: run refuses a trace with several value columns and none named, exit code 2, nothing written"
         COMMAND sh -c "d=$(mktemp -d); \"$0\" run \"$1\" --results \"$d/out\" --threads 1 2>&1; echo \"exit code $?\"; ls -A \"$d\" | wc -l | sed 's/^/files written: /'; rm -rf \"$d\""
                 "$<TARGET_FILE:vmsweep>" "${PROJECT_SOURCE_DIR}/tests/fixtures/data/bitbrains_layout.yaml")
set_tests_properties("data: run refuses a trace with several value columns and none named, exit code 2, nothing written" PROPERTIES
                     PASS_REGULAR_EXPRESSION "3 numeric columns could be the value; name it .*4 'CPU usage \\[MHZ\\]' \\(likely load\\), 5 'CPU usage \\[%\\]' \\(likely load\\).*\nexit code 2\nfiles written: 0\n"
                     TIMEOUT 60)

# A synthetic fleet (data synth --traces): the same seed gives the same files, the traces differ.
add_test(NAME "data: synth --traces writes a fleet decided by its seed"
         COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/data/synth_fleet.sh" "$<TARGET_FILE:vmsweep>")
set_tests_properties("data: synth --traces writes a fleet decided by its seed" PROPERTIES TIMEOUT 60)
