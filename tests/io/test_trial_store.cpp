#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "io/sample_trials.hpp"
#include "vmsweep/common/error.hpp"
#include "io/trial_checks.hpp"
#include "vmsweep/io/trial_store.hpp"

using namespace vmsweep;
using namespace vmsweep::io;
using namespace vmsweep::io::testing;

TEST_CASE("A trial file reads back bitwise, parameter kinds included", "[io]") {
  ScratchDir scratch("trial-roundtrip");
  TrialStore store(scratch.path() / "trials");
  store.prepare();
  StoredTrial trial = sample_trial("7", 14, 0.001);
  trial.result.status = TrialStatus::diverged;
  trial.result.diverged_epoch = 4;
  trial.result.reason = "loss became NaN at epoch 4";
  trial.result.curve.back().train_loss = std::numeric_limits<double>::quiet_NaN();
  trial.result.params.set("note", "a \"quoted\"\n\ttab \x01 é");

  auto path = store.write(trial);
  CHECK(path == scratch.path() / "trials" / "7.h5");
  check_same_trial(store.read("7"), trial);
  StoredTrial summary = store.read_summary("7");
  check_same_summary(summary, trial);
  CHECK(summary.result.curve.empty());
  CHECK(summary.result.predictions.actual.empty());
  StoredTrial with_curves = store.read_with_curves("7");
  check_same_summary(with_curves, trial);
  REQUIRE(with_curves.result.curve.size() == trial.result.curve.size());
  CHECK(with_curves.result.curve.front().val_loss == trial.result.curve.front().val_loss);
  CHECK(with_curves.result.predictions.actual.empty());
  CHECK(store.read("7").result.params.find("min_delta")->kind() == Value::Kind::real);
  CHECK(store.read("7").result.params.find("seed")->kind() == Value::Kind::integer);
}

TEST_CASE("A trial with no curve, metrics or predictions round-trips", "[io]") {
  ScratchDir scratch("trial-empty");
  TrialStore store(scratch.path());
  StoredTrial failed = sample_failed_trial("3");
  store.write(failed);
  StoredTrial got = store.read("3");
  check_same_trial(got, failed);
  check_same_summary(store.read_summary("3"), failed);
  CHECK(got.result.curve.empty());
  CHECK(got.result.predictions.actual.empty());
}

TEST_CASE("Only renamed trial files count as finished, and leftover temporaries are cleaned", "[io]") {
  ScratchDir scratch("trial-list");
  TrialStore store(scratch.path());
  for (const char* id : {"10", "2", "1"}) store.write(sample_trial(id, 7, 0.01, 2));
  // What a writer killed before its rename leaves behind, plus unrelated files.
  std::ofstream(scratch.path() / "4.h5.tmp-1234-99") << "half written";
  std::ofstream(scratch.path() / "notes.txt") << "not a trial";
  CHECK(store.list() == std::vector<std::string>{"1", "2", "10"});
  CHECK_FALSE(store.contains("4"));
  CHECK(store.remove_temporaries() == 1);
  CHECK_FALSE(std::filesystem::exists(scratch.path() / "4.h5.tmp-1234-99"));
  CHECK(std::filesystem::exists(scratch.path() / "notes.txt"));
  CHECK(store.list().size() == 3);
}

TEST_CASE("A shard removes only its own trials' temporaries", "[io]") {
  ScratchDir scratch("trial-shard-temporaries");
  TrialStore store(scratch.path());
  for (const char* name : {"4.h5.tmp-a-1-2", "5.h5.tmp-b-3-4", "6.h5.tmp-c-5-6"}) std::ofstream(scratch.path() / name) << "x";
  CHECK(store.remove_temporaries([](const std::string& id) { return std::stoll(id) % 2 == 0; }) == 2);
  CHECK(std::filesystem::exists(scratch.path() / "5.h5.tmp-b-3-4"));
}

TEST_CASE("Writing leaves no temporary file behind, and rewriting replaces", "[io]") {
  ScratchDir scratch("trial-rewrite");
  TrialStore store(scratch.path());
  store.write(sample_trial("5", 7, 0.01, 2));
  store.write(sample_trial("5", 7, 0.01, 4));
  CHECK(store.read("5").result.curve.size() == 4);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scratch.path())) {
    CHECK(entry.path().filename() == "5.h5");
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("Several threads write trials at once", "[io]") {
  ScratchDir scratch("trial-threads");
  TrialStore store(scratch.path());
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t)
    writers.emplace_back([&, t] {
      for (int i = 0; i < 8; ++i) store.write(sample_trial(std::to_string(t * 8 + i), t * 8 + i, 0.001));
    });
  for (auto& writer : writers) writer.join();
  REQUIRE(store.list().size() == 32);
  for (int id : {0, 13, 31}) check_same_trial(store.read(std::to_string(id)), sample_trial(std::to_string(id), id, 0.001));
}

TEST_CASE("Trial ids are numbers written plainly; anything else is refused", "[io]") {
  ScratchDir scratch("trial-ids");
  TrialStore store(scratch.path());
  for (const char* id : {"", "../x", ".hidden", "a/b", "007", "-1", "x", "1e3"})
    CHECK_THROWS_AS(store.write(sample_trial(id, 7, 0.1)), Error);
  CHECK(is_trial_id("0"));
  CHECK(is_trial_id("1234"));
  CHECK_FALSE(is_trial_id("01"));
}

TEST_CASE("Only well-named, readable trial files count; the others are named", "[io]") {
  ScratchDir scratch("trial-scan");
  TrialStore store(scratch.path());
  for (const char* id : {"1", "3", "7"}) store.write(sample_trial(id, 7, 0.01, 2));
  namespace fs = std::filesystem;
  fs::copy_file(store.path_of("7"), scratch.path() / "007.h5");  // a stray copy: would be a second trial 7
  fs::copy_file(store.path_of("7"), scratch.path() / "foo.h5");
  fs::copy_file(store.path_of("1"), store.path_of("5"));         // trial 1's file under another id
  fs::resize_file(store.path_of("3"), fs::file_size(store.path_of("3")) / 2);  // a truncated copy
  CHECK(store.list() == std::vector<std::string>{"1", "3", "5", "7"});
  const TrialScan scan = store.scan();
  REQUIRE(scan.trials.size() == 2);
  CHECK(scan.trials[0].id == "1");
  CHECK(scan.trials[1].id == "7");
  REQUIRE(scan.problems.size() == 4);
  CHECK_THAT(scan.problems[0], Catch::Contains("007.h5: not a trial file"));
  CHECK_THAT(scan.problems[1], Catch::Contains("foo.h5: not a trial file"));
  CHECK_THAT(scan.problems[2], Catch::Contains("3.h5"));
  CHECK_THAT(scan.problems[3], Catch::Contains("5.h5: holds trial 1, not trial 5"));
  CHECK(store.scan(true).trials[1].result.curve.size() == 2);
}

TEST_CASE("A trial with ragged predictions is refused and leaves no file", "[io]") {
  ScratchDir scratch("trial-ragged");
  TrialStore store(scratch.path());
  StoredTrial trial = sample_trial("4", 7, 0.1);
  trial.result.predictions.actual.pop_back();
  CHECK_THROWS_WITH(store.write(trial), Catch::Contains("4.h5") && Catch::Contains("predictions") &&
                                            Catch::Contains("'actual' has 11 rows, expected 12"));
  CHECK(std::filesystem::is_empty(scratch.path()));
  CHECK(store.list().empty());
}
