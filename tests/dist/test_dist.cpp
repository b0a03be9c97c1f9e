// dist: the protocol's encoding, the thread budget rules, shards, the trial queue (resume, shards,
// longest first), interrupts and the trial executor. The sweep itself, under real mpirun, is
// tested by mpirun_sweep.sh (see tests.cmake).
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <csignal>
#include <limits>
#include <set>
#include <sstream>

#include "fake_trial.hpp"
#include "interrupt.hpp"
#include "progress.hpp"
#include "protocol.hpp"
#include "trial_executor.hpp"
#include "trial_queue.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/dist/run_sweep.hpp"
#include "vmsweep/dist/thread_budget.hpp"
#include "vmsweep/train/knobs.hpp"

using namespace vmsweep;
using namespace vmsweep::dist;

namespace {

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

Value sample_params() {
  Value params;
  params.set("layers", Value::List{256, 128, 64});
  params.set("learning_rate", 0.1 + 0.2);  // not representable in short decimal text
  params.set("tiny", std::numeric_limits<double>::denorm_min());
  params.set("negative_zero", -0.0);
  params.set("resample", Value::Map{{"freq", "D"}, {"agg", "mean"}});
  params.set("restore_best", true);
  params.set("season", Value());
  params.set("name", std::string("a\0b", 3));
  return params;
}

sweep::SweepSpec grid_spec(const std::string& extra = "") {
  std::string text = "name: t\nseed: 1\ndata: {path: " VMSWEEP_AA_TXT
                     ", timestamp: datetime, value: data_hourly, resample: D}\n"
                     "method: grid\nparameters:\n"
                     "  layers: {values: [[4], [64, 32], [16]]}\n"
                     "  learning_rate: {values: [0.01, 0.1]}\n"
                     "  epochs: {value: 2}\n" +
                     extra;
  return sweep::SweepSpec::parse(text, "t.yaml", train::all_knobs(), VMSWEEP_SOURCE_DIR);
}

std::vector<std::int64_t> drain(TrialQueue& queue) {
  std::vector<std::int64_t> ids;
  while (auto trial = queue.next()) ids.push_back(trial->id);
  return ids;
}

}  // namespace

TEST_CASE("an assignment crosses the wire bit for bit") {
  sweep::TrialSpec trial{42, 7, 2, 123456789012345LL, sample_params()};
  Message message = encode_assign(trial);
  REQUIRE(message.tag == Tag::assign);
  sweep::TrialSpec back = decode_assign(message.body);
  CHECK(back.id == 42);
  CHECK(back.config_id == 7);
  CHECK(back.repeat == 2);
  CHECK(back.seed == 123456789012345LL);
  CHECK(back.params == trial.params);
  CHECK(same_bits(back.params.find("learning_rate")->as_double(), 0.1 + 0.2));
  CHECK(same_bits(back.params.find("negative_zero")->as_double(), -0.0));
  CHECK(same_bits(back.params.find("tiny")->as_double(), std::numeric_limits<double>::denorm_min()));
  CHECK(back.params.find("name")->as_string() == std::string("a\0b", 3));
}

TEST_CASE("epoch reports, verdicts, results and fatal errors round-trip") {
  train::EpochRecord record{3, 0.25, std::nan(""), 1e-3, 0.5};
  EpochReport report = decode_epoch(encode_epoch({9, record}).body);
  CHECK(report.trial_id == 9);
  CHECK(report.record.epoch == 3);
  CHECK(same_bits(report.record.val_loss, record.val_loss));
  for (Verdict verdict : {Verdict::go_on, Verdict::prune, Verdict::abandon})
    CHECK(decode_verdict(encode_verdict({verdict, {}}).body).verdict == verdict);
  Ruling pruned = decode_verdict(encode_verdict({Verdict::prune, "pruned by hyperband at epoch 2"}).body);
  CHECK(pruned.verdict == Verdict::prune);
  CHECK(pruned.reason == "pruned by hyperband at epoch 2");
  Bytes unknown{char(7)};
  CHECK_THROWS_AS(decode_verdict(unknown), Error);
  CHECK(decode_fatal(encode_fatal("disk full").body) == "disk full");

  TrialOutcome outcome{5, train::TrialStatus::diverged, "the loss became NaN in epoch 2", {{"val_mse", 0.125}},
                       2, 1.5, 3, "node7", false};
  TrialOutcome back = decode_result(encode_result(outcome).body);
  CHECK(back.trial_id == 5);
  CHECK(back.status == train::TrialStatus::diverged);
  CHECK(back.reason == outcome.reason);
  REQUIRE(back.metric("val_mse"));
  CHECK(*back.metric("val_mse") == 0.125);
  CHECK(back.epochs_run == 2);
  CHECK(back.rank == 3);
  CHECK(back.host == "node7");
  CHECK_FALSE(back.interrupted);
}

TEST_CASE("a truncated or padded message is an error, not garbage") {
  Bytes body = encode_assign({1, 1, 0, 1, sample_params()}).body;
  Bytes truncated(body.begin(), body.end() - 3);
  CHECK_THROWS_AS(decode_assign(truncated), Error);
  Bytes padded = body;
  padded.push_back(0);
  CHECK_THROWS_AS(decode_assign(padded), Error);
  // A list claiming more elements than the message has bytes.
  Bytes huge_count = encode_result({}).body;
  std::uint64_t absurd = 1ULL << 60;
  std::memcpy(huge_count.data() + sizeof(std::int64_t) + sizeof(train::TrialStatus) + sizeof(std::uint64_t), &absurd,
              sizeof absurd);
  CHECK_THROWS_AS(decode_result(huge_count), Error);
  // A flag byte other than 0 or 1 (found by fuzz_wire; reading it into a bool was undefined).
  Bytes bad_flag = encode_result({}).body;
  bad_flag.back() = 2;
  CHECK_THROWS_AS(decode_result(bad_flag), Error);
  Bytes bad_bool = encode_assign({1, 1, 0, 1, Value(true)}).body;
  bad_bool.back() = 'f';
  CHECK_THROWS_AS(decode_assign(bad_bool), Error);
  // A trial status that is none of the four (found by fuzz_wire).
  Bytes bad_status = encode_result({}).body;
  bad_status[sizeof(std::int64_t)] = 4;
  CHECK_THROWS_AS(decode_result(bad_status), Error);
}

TEST_CASE("the thread budget follows --threads, then Slurm, then cores per rank, capped by affinity") {
  ThreadBudgetInputs inputs;
  inputs.node_cores = 32;
  inputs.ranks_on_node = 4;
  inputs.affinity_cpus = 32;
  CHECK(thread_budget(inputs).threads == 8);
  inputs.slurm_cpus_per_task = 6;
  CHECK(thread_budget(inputs).threads == 6);
  inputs.requested = 3;
  CHECK(thread_budget(inputs).threads == 3);
  CHECK(thread_budget(inputs).reason == "--threads 3");
  inputs.affinity_cpus = 2;  // mpirun bound the rank to two cores
  CHECK(thread_budget(inputs).threads == 2);
  CHECK_THAT(thread_budget(inputs).reason, Catch::Contains("affinity"));
  ThreadBudgetInputs crowded{std::nullopt, std::nullopt, 2, 16, 2};  // 16 ranks oversubscribing 2 cores
  CHECK(thread_budget(crowded).threads == 1);
  CHECK(affinity_cpu_count() >= 1);
}

TEST_CASE("a shard is written I/N with 0 <= I < N") {
  Shard shard = Shard::parse("2/5");
  CHECK(shard.index == 2);
  CHECK(shard.count == 5);
  for (const char* bad : {"5/5", "-1/3", "1", "1/0", "a/b", "1/2/3", ""})
    CHECK_THROWS_AS(Shard::parse(bad), InputError);
}

TEST_CASE("the trial queue hands out the longest trials first and skips finished ones") {
  sweep::SweepSpec spec = grid_spec();
  FinishedTrials none;
  TrialQueue all(spec, none, std::nullopt);
  CHECK(all.total() == 6);
  // Trials 2 and 3 have layers [64, 32], the most expensive; [16] comes next, [4] last.
  CHECK(drain(all) == std::vector<std::int64_t>{2, 3, 4, 5, 0, 1});
  CHECK(all.exhausted());

  FinishedTrials finished{{2, 0.5}, {5, std::nullopt}};
  TrialQueue resumed(spec, finished, std::nullopt);
  CHECK(resumed.total() == 6);
  CHECK(resumed.pending_count() == 4);
  CHECK(drain(resumed) == std::vector<std::int64_t>{3, 4, 0, 1});
}

TEST_CASE("shards split the trial list without overlap or gaps") {
  sweep::SweepSpec spec = grid_spec();
  FinishedTrials none;
  std::multiset<std::int64_t> seen;
  for (int index = 0; index < 4; ++index) {
    TrialQueue shard(spec, none, Shard{index, 4});
    for (std::int64_t id : drain(shard)) {
      CHECK(id % 4 == index);
      seen.insert(id);
    }
  }
  CHECK(seen == std::multiset<std::int64_t>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("the first SIGTERM is noted, and the handlers are restored afterwards") {
  struct sigaction before {};
  sigaction(SIGTERM, nullptr, &before);
  {
    InterruptWatch watch;
    CHECK_FALSE(watch.requested());
    std::raise(SIGTERM);
    CHECK(watch.requested());
    CHECK(watch.signal_number() == SIGTERM);
  }
  struct sigaction current {};
  sigaction(SIGTERM, nullptr, &current);
  CHECK(current.sa_handler == before.sa_handler);
}

TEST_CASE("the executor turns an exception into a failed trial and writes it") {
  InterruptWatch interrupt;
  int written = 0;
  train::TrialStatus written_status = train::TrialStatus::ok;
  auto write = [&](const sweep::TrialSpec&, const train::TrialResult& result) {
    ++written;
    written_status = result.status;
  };
  auto throwing = [](const Value&, int, const EpochCallback&) -> train::TrialResult {
    throw InputError("look_back 5000 is longer than the series");
  };
  TrialExecutor executor(throwing, write, {4, "node", 2}, interrupt);
  TrialOutcome outcome = executor.execute({8, 8, 0, 1, sample_params()}, [](const auto&) { return Ruling{}; });
  CHECK(outcome.trial_id == 8);
  CHECK(outcome.status == train::TrialStatus::failed);
  CHECK_THAT(outcome.reason, Catch::Contains("longer than the series"));
  CHECK(outcome.rank == 4);
  CHECK(written == 1);
  CHECK(written_status == train::TrialStatus::failed);
}

TEST_CASE("an interrupted trial is reported as such and not written, so a resume reruns it") {
  InterruptWatch interrupt;
  int written = 0;
  auto write = [&](const sweep::TrialSpec&, const train::TrialResult&) { ++written; };
  TrialExecutor executor(fake_trial(std::chrono::milliseconds(200), interrupt), write, {0, "node", 1}, interrupt);
  std::raise(SIGINT);
  TrialOutcome outcome = executor.execute({1, 1, 0, 1, Value::Map{}}, [](const auto&) { return Ruling{}; });
  CHECK(outcome.interrupted);
  CHECK(written == 0);
}

TEST_CASE("a prune verdict ends a trial as stopped and written; abandon leaves it for a resume") {
  InterruptWatch interrupt;
  int written = 0;
  auto write = [&](const sweep::TrialSpec&, const train::TrialResult&) { ++written; };
  TrialExecutor executor(fake_trial(std::chrono::milliseconds(1), interrupt), write, {0, "node", 1}, interrupt);
  auto prune = [](const auto&) { return Ruling{Verdict::prune, "pruned by hyperband at epoch 1"}; };
  TrialOutcome pruned = executor.execute({1, 1, 0, 1, Value::Map{}}, prune);
  CHECK(pruned.status == train::TrialStatus::stopped);
  CHECK(pruned.reason == "pruned by hyperband at epoch 1");  // the coordinator's reason, not the trainer's
  CHECK_FALSE(pruned.interrupted);
  CHECK(written == 1);
  auto abandon = [](const auto&) { return Ruling{Verdict::abandon, {}}; };
  TrialOutcome abandoned = executor.execute({2, 2, 0, 1, Value::Map{}}, abandon);
  CHECK(abandoned.interrupted);
  CHECK(written == 1);
}

TEST_CASE("progress prints a line per trial, a status line and JSON for batch logs") {
  std::ostringstream text, json;
  sweep::Metric metric;
  ProgressSetup setup{&text, LogFormat::text, false, 0.0, 10, 4, metric, {"learning_rate"}};
  Progress progress(setup);
  progress.trial_started({6, 6, 0, 1, Value::Map{{"learning_rate", 0.01}, {"epochs", 3}}});
  progress.trial_finished({6, train::TrialStatus::ok, "", {{"val_mse", 0.5}}, 3, 2.0, 1, "node", false});
  progress.tick();
  CHECK_THAT(text.str(), Catch::Contains("trial 6 ok  val_mse=0.5"));
  CHECK_THAT(text.str(), Catch::Contains("5/10 done, 0 running, 0 failed"));
  CHECK_THAT(text.str(), Catch::Contains("best val_mse=0.5 (trial 6: {learning_rate: 0.01})"));

  setup.out = &json;
  setup.format = LogFormat::json;
  Progress batch(setup);
  batch.trial_started({7, 7, 0, 1, Value::Map{}});
  batch.trial_finished({7, train::TrialStatus::failed, "bad \"data\"", {}, 0, 0.1, 0, "node", false});
  batch.summary();
  CHECK_THAT(json.str(), Catch::Contains(R"({"event":"trial","id":7,"status":"failed","val_mse":null)"));
  CHECK_THAT(json.str(), Catch::Contains(R"("reason":"bad \"data\"")"));
  CHECK_THAT(json.str(), Catch::Contains(R"({"event":"summary","done":5,"total":10,"running":0,"failed":1)"));
  CHECK(format_duration(125) == "2m05s");
  CHECK(format_duration(3 * 3600 + 120) == "3h02m");
}

TEST_CASE("progress counts pruned trials in the status line and shows why per trial") {
  std::ostringstream text, json;
  ProgressSetup setup{&text, LogFormat::text, false, 0.0, 3, 0, sweep::Metric{}, {}};
  const std::string why = "pruned by hyperband at epoch 2: val_loss 0.9 > threshold 0.5 of 3 trials at this band";
  const TrialOutcome pruned{2, train::TrialStatus::stopped, why, {{"val_mse", 0.7}}, 2, 1.0, 0, "node", false};
  Progress progress(setup);
  progress.trial_finished(pruned);
  progress.summary();
  CHECK_THAT(text.str(), Catch::Contains("trial 2 stopped  val_mse=0.7  2 epochs"));
  CHECK_THAT(text.str(), Catch::Contains("(" + why + ")"));
  CHECK_THAT(text.str(), Catch::Contains("[summary] 1/3 done, 0 running, 0 failed, 1 pruned, "));

  setup.out = &json;
  setup.format = LogFormat::json;
  Progress batch(setup);
  batch.trial_finished(pruned);
  batch.summary();
  CHECK_THAT(json.str(), Catch::Contains(R"("status":"stopped")"));
  CHECK_THAT(json.str(), Catch::Contains(R"("running":0,"failed":0,"pruned":1,)"));
}
