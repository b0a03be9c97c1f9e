// Models in trial files and in the aggregate: bitwise round trips, which models the aggregate
// keeps, and the ensembles' members it records.
#include <catch2/catch.hpp>

#include "io/sample_trials.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/kept_models.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/io/trial_log.hpp"
#include "vmsweep/io/trial_store.hpp"

using namespace vmsweep;
using namespace vmsweep::io;
using namespace vmsweep::io::testing;

namespace {

Checkpoint sample_model(const Value& params, float first_weight) {
  Checkpoint model;
  model.params = params;
  model.scaler_kind = "minmax";
  model.scaler_offset = 0.1 + 0.2;
  model.scaler_scale = 7.25;
  model.history_scaler_kind = "zscore";
  model.history_scaler_offset = -0.0;
  model.history_scaler_scale = 1e-300;
  model.best_epoch = 4;
  model.weights = {{"lstm0/weights_layer", {1, 4, 2}, {first_weight, 2, 3, 4, 5, 6, 7, 8}},
                   {"head/bias", {1}, {-1.5f}}};
  model.calibration = {{0.5, 1.0, 2.0}, {0.75, 3.0}};  // steps may hold different counts
  return model;
}

// A trial with a model, a per-step validation loss and the sweep metric val_mse = 0.5 + look_back / 100.
StoredTrial trial_with_model(const std::string& id, int look_back, std::int64_t seed) {
  StoredTrial trial = sample_trial(id, look_back, 0.001, 2);
  trial.result.params.set("seed", seed);
  trial.result.val_loss_by_step = {0.5, 0.25, 0.125, 0.0625};  // 2 epochs x 2 steps
  trial.result.model = sample_model(trial.result.params, static_cast<float>(look_back));
  return trial;
}

void check_same_model(const Checkpoint& read, const Checkpoint& written) {
  CHECK(read.params == written.params);
  CHECK(read.scaler_kind == written.scaler_kind);
  CHECK(same_bits(read.scaler_offset, written.scaler_offset));
  CHECK(same_bits(read.history_scaler_offset, written.history_scaler_offset));
  CHECK(same_bits(read.history_scaler_scale, written.history_scaler_scale));
  CHECK(read.history_scaler_kind == written.history_scaler_kind);
  CHECK(read.best_epoch == written.best_epoch);
  CHECK(read.weights == written.weights);
  CHECK(read.calibration == written.calibration);
}

}  // namespace

TEST_CASE("a trial file keeps the model and the per-step validation loss, read only when asked", "[io]") {
  ScratchDir scratch("trial-model");
  TrialStore store(scratch.path());
  const StoredTrial written = trial_with_model("3", 7, 11);
  store.write(written);
  const StoredTrial read = store.read("3");
  CHECK_FALSE(read.result.model);
  CHECK(read.result.val_loss_by_step == written.result.val_loss_by_step);
  CHECK(store.read_summary("3").result.val_loss_by_step.empty());
  const std::optional<Checkpoint> model = store.read_model("3");
  REQUIRE(model);
  check_same_model(*model, *written.result.model);
  CHECK(store.model_parameters("3") == 9);
  store.write(sample_failed_trial("4"));
  CHECK_FALSE(store.read_model("4"));
  CHECK(store.model_parameters("4") == 0);
}

TEST_CASE("the aggregate keeps every model while they are small, and names the ensembles' members", "[io]") {
  ScratchDir scratch("kept-all");
  ResultsLayout layout(scratch.path() / "sample");
  write_sweep_stamp(layout, sample_meta());
  TrialStore store(layout.trials_dir());
  // Two configurations (look_back 7 and 9) with two seeds each, one of 8, and a failed trial.
  const std::vector<StoredTrial> trials{trial_with_model("1", 9, 1), trial_with_model("2", 7, 1),
                                        trial_with_model("3", 8, 1), trial_with_model("4", 7, 2),
                                        trial_with_model("5", 9, 2), sample_failed_trial("6")};
  for (const StoredTrial& trial : trials) store.write(trial);
  REQUIRE(aggregate(layout, sample_meta()).trials == 6);

  SweepReader reader(layout.results_file());
  const std::optional<KeptModels> kept = reader.kept_models();
  REQUIRE(kept);
  CHECK(kept->members.best == "2");
  CHECK(kept->members.seed_mean == std::vector<std::string>{"2", "4"});  // look_back 7: the best mean
  CHECK(kept->members.top_k == std::vector<std::string>{"2", "4", "3", "1", "5"});
  CHECK(kept->all);
  CHECK(kept->ids == std::set<std::string>{"1", "2", "3", "4", "5"});
  CHECK(kept->total_bytes == 5 * 9 * 4);
  check_same_model(*reader.model("3"), *trials[2].result.model);
  CHECK_FALSE(reader.model("6"));
  CHECK_THROWS_AS(reader.model("7"), InputError);
  CHECK(reader.trial("1").result.val_loss_by_step == trials[0].result.val_loss_by_step);
}

TEST_CASE("over the size limit only the best trial's and the ensembles' models are kept", "[io]") {
  ScratchDir scratch("kept-chosen");
  ResultsLayout layout(scratch.path() / "sample");
  TrialStore store(layout.trials_dir());
  store.prepare();
  for (int i = 1; i <= 8; ++i) store.write(trial_with_model(std::to_string(i), 20 - i, i));  // 8 is the best
  const KeptModels kept = choose_kept_models(store, sample_meta(), 8 * 9 * 4 - 1);
  CHECK_FALSE(kept.all);
  CHECK(kept.members.seed_mean.empty());  // no configuration ran twice
  CHECK(kept.ids == std::set<std::string>{"4", "5", "6", "7", "8"});
  CHECK(choose_kept_models(store, sample_meta(), 8 * 9 * 4).all);
}

TEST_CASE("over the size limit a local fleet also keeps each trace's best trial's model", "[io][fleet]") {
  ScratchDir scratch("kept-fleet");
  ResultsLayout layout(scratch.path() / "sample");
  TrialStore store(layout.trials_dir());
  store.prepare();
  // Trace a: trials 1..6 (6 the best of all); trace b: 7 and 8, worse than a's top 5; 8 is b's best.
  for (int i = 1; i <= 8; ++i) {
    StoredTrial trial = trial_with_model(std::to_string(i), i <= 6 ? 20 - i : 40 - i, i);
    trial.result.trace = i <= 6 ? "a" : "b";
    store.write(trial);
  }
  const KeptModels kept = choose_kept_models(store, sample_meta(), 8 * 9 * 4 - 1);
  CHECK_FALSE(kept.all);
  CHECK(kept.ids == std::set<std::string>{"2", "3", "4", "5", "6", "8"});  // the top 5, and b's best
  std::vector<StoredTrial> summaries;
  for (const std::string& id : store.list()) summaries.push_back(store.read_summary(id));
  CHECK(best_per_trace(summaries, sample_meta()) == std::map<std::string, std::string>{{"a", "6"}, {"b", "8"}});
  summaries.resize(6);  // one trace: no answer per trace
  CHECK(best_per_trace(summaries, sample_meta()).empty());
}

TEST_CASE("a trace's answer is its best trial that ended ok or stopped, the first among equals", "[io][fleet]") {
  std::vector<StoredTrial> trials{sample_trial("1", 30, 0.01), sample_trial("2", 10, 0.01), sample_trial("3", 10, 0.01),
                                  sample_trial("4", 5, 0.01), sample_trial("5", 20, 0.01)};
  trials[3].result.status = TrialStatus::diverged;  // 4 has the best metric but diverged
  trials[4].result.status = TrialStatus::stopped;
  std::vector<const StoredTrial*> pointers;
  for (const StoredTrial& trial : trials) pointers.push_back(&trial);
  const StoredTrial* lowest = best_finished(pointers, sample_meta());
  REQUIRE(lowest);
  CHECK(lowest->id == "2");  // 2 and 3 tie: the first
  SweepMeta maximize = sample_meta();
  maximize.metric_goal = "maximize";
  CHECK(best_finished(pointers, maximize)->id == "1");
  CHECK(best_finished({pointers[3]}, sample_meta()) == nullptr);
}

TEST_CASE("a trial log keeps the model too, read only when asked", "[io]") {
  ScratchDir scratch("trial-log-model");
  TrialLog log(scratch.path(), "rank0");
  const StoredTrial written = trial_with_model("3", 7, 11);
  log.append(written);
  log.append(sample_failed_trial("4"));
  const TrialStore store(scratch.path());
  CHECK_FALSE(store.read("3").result.model);
  const std::optional<Checkpoint> model = store.read_model("3");
  REQUIRE(model);
  check_same_model(*model, *written.result.model);
  CHECK(store.model_parameters("3") == 9);
  CHECK_FALSE(store.read_model("4"));
  CHECK(store.model_parameters("4") == 0);
}
