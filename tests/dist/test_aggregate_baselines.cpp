// The baselines the end of a sweep stores: a row set for every look-back that ran, also when all of
// its trials were pruned, none for the parameters of a failed trial, ordered by look-back.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "vmsweep/dist/aggregate_sweep.hpp"
#include "vmsweep/io/baselines_table.hpp"
#include "vmsweep/io/table.hpp"
#include "vmsweep/io/trial_store.hpp"

using namespace vmsweep;

namespace {

io::StoredTrial aa_trial(const std::string& id, Value look_back, TrialStatus status) {
  io::StoredTrial trial;
  trial.id = id;
  trial.host = "node-0";
  trial.result.status = status;
  trial.result.params = Value::Map{{"look_back", std::move(look_back)}, {"path", VMSWEEP_AA_TXT},
                                   {"timestamp", "datetime"}, {"value", "data_hourly"}, {"resample", "D"},
                                   {"split", Value::Map{{"train", 0.7}, {"val", 0.1}, {"test", 0.2}}}};
  return trial;
}

io::SweepMeta meta_of(const std::string& name) {
  io::SweepMeta meta;
  meta.name = name;
  meta.method = "grid";
  meta.metric = "val_mse";
  meta.metric_goal = "minimize";
  return meta;
}

}  // namespace

TEST_CASE("dist: the stored baselines cover every look-back that ran, pruned ones too, in look-back order") {
  const auto root = std::filesystem::temp_directory_path() / ("vmsweep-dist-baselines-" + std::to_string(getpid()));
  std::filesystem::remove_all(root);
  const io::ResultsLayout layout(root / "lookbacks");
  const io::TrialStore store(layout.trials_dir());
  store.prepare();
  store.write(aa_trial("0", 21, TrialStatus::ok));
  store.write(aa_trial("1", 7, TrialStatus::stopped));          // pruned: every trial of look_back 7
  store.write(aa_trial("2", "wide", TrialStatus::failed));      // its parameters never made windows

  const dist::AggregateReport report = dist::aggregate_sweep(layout, meta_of("lookbacks"));
  CHECK(report.trials == 3);
  CHECK(report.problems.empty());
  const auto scores = io::baselines_from_table(io::read_table(layout.baselines_file(), io::baselines_table_name));
  std::filesystem::remove_all(root);

  std::vector<std::int64_t> ridge_look_backs, order;
  for (const BaselineScore& score : scores) {
    order.push_back(score.look_back);
    if (score.method == "ridge_ar") ridge_look_backs.push_back(score.look_back);
  }
  CHECK(ridge_look_backs == std::vector<std::int64_t>{7, 21});
  CHECK(std::is_sorted(order.begin(), order.end()));
}
