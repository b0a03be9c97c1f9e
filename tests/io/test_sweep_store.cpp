#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cmath>
#include <fstream>

#include "io/sample_trials.hpp"
#include "vmsweep/common/error.hpp"
#include "io/trial_checks.hpp"
#include "vmsweep/common/version.hpp"
#include "vmsweep/io/leftovers.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/io/trial_store.hpp"

using namespace vmsweep;
using namespace vmsweep::io;
using namespace vmsweep::io::testing;

namespace {

// A sweep folder with a stamp, a baseline table and three finished trials, one of them failed.
std::vector<StoredTrial> make_sweep(const ResultsLayout& layout) {
  write_sweep_stamp(layout, sample_meta());
  Table baselines{{{"method", std::vector<std::string>{"persistence", "ridge_ar"}, {}},
                   {"test_mse", std::vector<double>{1.4287, 1.08}, {}}}};
  write_tables(layout.baselines_file(), {{"baselines", baselines}});
  std::vector<StoredTrial> trials{sample_trial("1", 7, 0.001), sample_trial("2", 14, 0.01, 3),
                                  sample_failed_trial("10")};
  TrialStore store(layout.trials_dir());
  for (const auto& trial : trials) store.write(trial);
  return trials;
}

}  // namespace

TEST_CASE("Aggregation keeps every trial bitwise and the sweep's meta", "[io]") {
  ScratchDir scratch("aggregate");
  ResultsLayout layout(scratch.path() / "sample");
  auto written = make_sweep(layout);
  SweepMeta meta = sample_meta();
  meta.finished = parse_iso8601_utc("2026-11-29T16:30:00.000Z");
  REQUIRE(aggregate(layout, meta).trials == 3);

  SweepReader reader(scratch.path() / "sample.h5");
  CHECK(reader.meta().sweep_text == meta.sweep_text);
  CHECK(reader.meta().sweep_hash == meta.sweep_hash);
  CHECK(reader.meta().seed == 42);
  CHECK(reader.meta().ranks == 3);
  CHECK(reader.meta().started == meta.started);
  CHECK(reader.meta().finished == meta.finished);
  CHECK(reader.meta().vmsweep_version == version_string);
  CHECK(reader.meta().hosts == std::vector<std::string>{"node-0", "node-1", "node-9"});

  for (const auto& trial : written) check_same_trial(reader.trial(trial.id), trial);
  auto summaries = reader.trials();
  REQUIRE(summaries.size() == 3);
  CHECK(summaries[2].id == "10");  // natural order: 1, 2, 10
  for (std::size_t i = 0; i < written.size(); ++i) check_same_summary(summaries[i], written[i]);
  CHECK(reader.table_names() == std::vector<std::string>{"baselines"});
  CHECK(reader.table("baselines").values<double>("test_mse") == std::vector<double>{1.4287, 1.08});
}

TEST_CASE("The trials table has a typed column per parameter and metric", "[io]") {
  ScratchDir scratch("trials-table");
  ResultsLayout layout(scratch.path() / "sample");
  make_sweep(layout);
  aggregate(layout, sample_meta());
  SweepReader reader(layout.results_file());
  Table table = reader.trials_table();
  REQUIRE(table.rows() == 3);
  CHECK(table.values<std::string>("id") == std::vector<std::string>{"1", "2", "10"});
  CHECK(table.values<std::string>("status") == std::vector<std::string>{"ok", "ok", "failed"});
  // look_back is 3.5 in the failed trial, so the column is float64.
  CHECK(table.values<double>("look_back") == std::vector<double>{7, 14, 3.5});
  CHECK(table.values<std::string>("layers") == std::vector<std::string>{"[256, 128, 64]", "[256, 128, 64]", "wide"});
  CHECK(table.values<std::string>("data.freq") == std::vector<std::string>{"D", "D", ""});
  CHECK(table.values<std::string>("restore_best") == std::vector<std::string>{"true", "true", ""});
  CHECK(table.values<double>("param.seed")[0] == 7);  // "seed" is the trial's own seed column
  CHECK(table.values<std::int64_t>("seed")[1] == 14'000'000'098LL);
  auto val_mse = table.values<double>("val_mse");
  CHECK(val_mse[1] == 0.5 + 14 * 0.01);
  CHECK(std::isnan(val_mse[2]));
  CHECK(table.values<std::int32_t>("epochs_run") == std::vector<std::int32_t>{5, 3, 0});
  CHECK(table.values<std::string>("host") == std::vector<std::string>{"node-1", "node-0", "node-9"});
  CHECK(reader.metric_columns() == std::vector<std::string>{"val_mse", "test_mse", "val_mae"});
  CHECK(reader.param_columns().front() == "look_back");
}

TEST_CASE("Typed parameter columns: int64 and booleans when every trial agrees", "[io]") {
  ScratchDir scratch("typed-columns");
  ResultsLayout layout(scratch.path() / "typed");
  write_sweep_stamp(layout, sample_meta());
  TrialStore store(layout.trials_dir());
  store.write(sample_trial("1", 7, 0.001));
  store.write(sample_trial("2", 21, 0.002));
  aggregate(layout);
  Table table = SweepReader(layout.results_file()).trials_table();
  CHECK(table.values<std::int64_t>("look_back") == std::vector<std::int64_t>{7, 21});
  CHECK(table.values<std::int8_t>("restore_best") == std::vector<std::int8_t>{1, 1});
  CHECK(table.find("restore_best")->labels == std::vector<std::string>{"FALSE", "TRUE"});
  CHECK(table.values<double>("learning_rate") == std::vector<double>{0.001, 0.002});
}

TEST_CASE("aggregate without a meta takes the stamp's and ends at the last trial", "[io]") {
  ScratchDir scratch("aggregate-again");
  ResultsLayout layout(scratch.path() / "sample");
  make_sweep(layout);
  REQUIRE(aggregate(layout).trials == 3);
  SweepReader reader(layout.results_file());
  CHECK(reader.meta().name == "sample");
  auto last_write = std::filesystem::last_write_time(layout.trials_dir() / "10.h5");
  auto expected = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::file_clock::to_sys(last_write));
  CHECK(reader.meta().finished == expected);
}

TEST_CASE("The stored sweep hash comes from the stamp, else from the results file", "[io]") {
  ScratchDir scratch("hash");
  ResultsLayout layout(scratch.path() / "sample");
  CHECK_FALSE(stored_sweep_hash(layout).has_value());
  make_sweep(layout);
  CHECK(stored_sweep_hash(layout) == sample_meta().sweep_hash);
  aggregate(layout);
  std::filesystem::remove(layout.stamp_file());
  CHECK(stored_sweep_hash(layout) == sample_meta().sweep_hash);
  CHECK(ResultsLayout(scratch.path() / "sample/").results_file() == layout.results_file());
}

TEST_CASE("A rewritten stamp is a new file; the baselines live in a file of their own", "[io]") {
  ScratchDir scratch("restamp");
  ResultsLayout layout(scratch.path() / "sample");
  make_sweep(layout);
  const auto inode = [](const std::filesystem::path& file) {
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    return info.st_ino;
  };
  const auto first = inode(layout.stamp_file());
  SweepMeta changed = sample_meta();
  changed.sweep_text += "# edited\n";
  changed.sweep_hash = sweep_hash(changed.sweep_text);
  write_sweep_stamp(layout, changed);
  CHECK(stored_sweep_hash(layout) == changed.sweep_hash);
  CHECK(inode(layout.stamp_file()) != first);  // replaced through a rename, never written in place
  CHECK(table_names(layout.stamp_file()).empty());
  CHECK(read_table(layout.baselines_file(), "baselines").values<double>("test_mse") == std::vector<double>{1.4287, 1.08});
}

TEST_CASE("Sweep hash and ISO 8601 times", "[io]") {
  CHECK(sweep_hash("") == "fnv1a64:cbf29ce484222325");
  CHECK(sweep_hash("a") == "fnv1a64:af63dc4c8601ec8c");
  CHECK(sweep_hash("a: 1\n") != sweep_hash("a: 2\n"));
  auto time = parse_iso8601_utc("2026-11-29T15:46:22.123Z");
  CHECK(iso8601_utc(time) == "2026-11-29T15:46:22.123Z");
  CHECK(std::chrono::system_clock::to_time_t(time) == 1795967182);
  CHECK_THROWS_AS(parse_iso8601_utc("yesterday"), Error);
}

TEST_CASE("A tables file is written whole, in the order given", "[io]") {
  ScratchDir scratch("tables");
  auto file = scratch.path() / "t.h5";
  write_tables(file, {{"a", Table{{{"x", std::vector<double>{1, 2}, {}}}}}});
  write_tables(file, {{"b", Table{{{"y", std::vector<std::int32_t>{3}, {}}}}},
                      {"a", Table{{{"x", std::vector<double>{5}, {}}, {"s", std::vector<std::string>{"long text"}, {}}}}}});
  CHECK(table_names(file) == std::vector<std::string>{"b", "a"});
  Table a = read_table(file, "a");
  CHECK(a.values<double>("x") == std::vector<double>{5});
  CHECK(a.values<std::string>("s") == std::vector<std::string>{"long text"});
  CHECK_THROWS_WITH(a.values<std::int32_t>("x"), Catch::Contains("'x'") && Catch::Contains("int32"));
  CHECK_THROWS_WITH(read_table(file, "c"), Catch::Contains("t.h5") && Catch::Contains("'c'"));
}

TEST_CASE("The aggregate leaves out and names the trial files that do not count, and never counts one twice", "[io]") {
  ScratchDir scratch("aggregate-strays");
  ResultsLayout layout(scratch.path() / "sample");
  make_sweep(layout);
  std::filesystem::copy_file(layout.trials_dir() / "2.h5", layout.trials_dir() / "002.h5");
  std::filesystem::resize_file(layout.trials_dir() / "10.h5", 100);
  const Aggregated aggregated = aggregate(layout, sample_meta());
  CHECK(aggregated.trials == 2);
  REQUIRE(aggregated.problems.size() == 2);
  CHECK_THAT(aggregated.problems[0], Catch::Contains("10.h5") && Catch::Contains("left out"));
  CHECK_THAT(aggregated.problems[1], Catch::Contains("002.h5: not a trial file"));
  std::vector<std::string> ids;
  for (const StoredTrial& trial : SweepReader(layout.results_file()).trials()) ids.push_back(trial.id);
  CHECK(ids == std::vector<std::string>{"1", "2"});
}

TEST_CASE("Leftover temporaries of a sweep are removed, other sweeps' are not", "[io]") {
  ScratchDir scratch("leftovers");
  ResultsLayout layout(scratch.path() / "sample");
  make_sweep(layout);
  const std::vector<std::filesystem::path> leftovers{
      layout.trials_dir() / "4.h5.tmp-host-1-2", layout.sweep_dir() / "sweep.h5.tmp-host-1-2",
      layout.sweep_dir() / "baselines.h5.tmp-host-1-2", scratch.path() / "sample.h5.tmp-host-1-2"};
  for (const auto& file : leftovers) std::ofstream(file) << "half written";
  std::ofstream(scratch.path() / "other.h5.tmp-host-1-2") << "another sweep's aggregate being written";
  CHECK(remove_leftovers(layout) == 4);
  for (const auto& file : leftovers) CHECK_FALSE(std::filesystem::exists(file));
  CHECK(std::filesystem::exists(scratch.path() / "other.h5.tmp-host-1-2"));
  CHECK(std::filesystem::exists(layout.stamp_file()));
}
