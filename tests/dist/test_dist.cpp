// dist: the protocol's encoding, the thread budget rules, shards, the trial queue (resume, shards,
// longest first), interrupts and the trial executor. The sweep itself, under real mpirun, is
// tested by mpirun_sweep.sh (see tests.cmake).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>

#include "fake_trial.hpp"
#include "interrupt.hpp"
#include "progress.hpp"
#include "protocol.hpp"
#include "trial_executor.hpp"
#include "trial_queue.hpp"
#include "vmsweep/common/duration_text.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/dist/run_sweep.hpp"
#include "vmsweep/dist/thread_choice.hpp"
#include "vmsweep/train/parameters.hpp"
#include "vmsweep/train/run_trial.hpp"
#include "vmsweep/train/settings.hpp"

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

// Two epochs of a tiny model on aa.txt's daily means.
Value train_params() {
  Value params;
  params.set("path", VMSWEEP_AA_TXT);
  params.set("timestamp", "datetime");
  params.set("value", "data_hourly");
  params.set("resample", "D");
  params.set("layers", Value::List{4});
  params.set("epochs", 2);
  return params;
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

TEST_CASE("a value's source mark crosses the wire, so a worker's error names the sweep file's line") {
  Value params;
  params.set("layers", Value(Value::List{Value(64).with_mark({"s.yaml", 9, 13})}).with_mark({"s.yaml", 9, 12}));
  params.set("dropout", Value(1.5).with_mark({"s.yaml", 11, 11}));
  const sweep::TrialSpec back = decode_assign(encode_assign(sweep::TrialSpec{1, 1, 0, 5, params}).body);
  CHECK(back.params.find("dropout")->mark().to_string() == "s.yaml:11:11");
  CHECK(back.params.find("layers")->mark().to_string() == "s.yaml:9:12");
  CHECK(back.params.find("layers")->as_list().front().mark().to_string() == "s.yaml:9:13");
  CHECK_THROWS_WITH(train::settings_from_params(back.params),
                    "s.yaml:11:11: key 'dropout': expected a number in [0, 0.95], got 1.5");
}

TEST_CASE("epoch reports, verdicts, results and fatal errors round-trip") {
  EpochRecord record{3, 0.25, std::nan(""), 1e-3, 0.5};
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
  const FatalReport fatal = decode_fatal(encode_fatal({"disk full", 12}).body);
  CHECK(fatal.what == "disk full");
  CHECK(fatal.lost_trial == 12);
  CHECK(decode_fatal(encode_fatal({"MPI_Recv failed", no_trial}).body).lost_trial == no_trial);
  CHECK(decode_interrupted(encode_interrupted(SIGTERM).body) == SIGTERM);

  TrialOutcome outcome{5, TrialStatus::diverged, "the loss became NaN in epoch 2", {{"val_mse", 0.125}},
                       2, 1.5, 3, "node7", false};
  TrialOutcome back = decode_result(encode_result(outcome).body);
  CHECK(back.trial_id == 5);
  CHECK(back.status == TrialStatus::diverged);
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
  std::memcpy(huge_count.data() + sizeof(std::int64_t) + sizeof(TrialStatus) + sizeof(std::uint64_t), &absurd,
              sizeof absurd);
  CHECK_THROWS_AS(decode_result(huge_count), Error);
  // A flag byte other than 0 or 1 (found by fuzz_wire; reading it into a bool was undefined).
  Bytes bad_flag = encode_result({}).body;
  bad_flag.back() = 2;
  CHECK_THROWS_AS(decode_result(bad_flag), Error);
  // The one byte where true and false differ is the flag.
  Bytes bad_bool = encode_assign({1, 1, 0, 1, Value(true)}).body;
  const Bytes with_false = encode_assign({1, 1, 0, 1, Value(false)}).body;
  REQUIRE(with_false.size() == bad_bool.size());
  const auto flag = std::mismatch(bad_bool.begin(), bad_bool.end(), with_false.begin()).first;
  REQUIRE(flag != bad_bool.end());
  *flag = 'f';
  CHECK_THROWS_AS(decode_assign(bad_bool), Error);
  // A trial status that is none of the four (found by fuzz_wire).
  Bytes bad_status = encode_result({}).body;
  bad_status[sizeof(std::int64_t)] = 4;
  CHECK_THROWS_AS(decode_result(bad_status), Error);
}

TEST_CASE("the thread budget follows --threads, then Slurm, then cores per rank, capped by affinity") {
  ThreadChoiceInputs inputs;
  inputs.node_cores = 32;
  inputs.ranks_on_node = 4;
  inputs.affinity_cpus = 32;
  CHECK(choose_threads(inputs).threads == 8);
  inputs.slurm_cpus_per_task = 6;
  CHECK(choose_threads(inputs).threads == 6);
  inputs.requested = 3;
  CHECK(choose_threads(inputs).threads == 3);
  CHECK(choose_threads(inputs).reason == "--threads 3");
  inputs.affinity_cpus = 2;  // mpirun bound the rank to two cores
  CHECK(choose_threads(inputs).threads == 2);
  CHECK_THAT(choose_threads(inputs).reason, Catch::Contains("affinity"));
  ThreadChoiceInputs crowded{std::nullopt, std::nullopt, 2, 16, 2};  // 16 ranks oversubscribing 2 cores
  CHECK(choose_threads(crowded).threads == 1);
  CHECK(affinity_cpu_count() >= 1);
  CHECK(load_average() >= 0);
}

TEST_CASE("by default a rank takes only the cores the node's load leaves idle; asked for, it gets them") {
  ThreadChoiceInputs one_rank{std::nullopt, std::nullopt, 2, 1, 2, 0.1};
  CHECK(choose_threads(one_rank).threads == 2);
  CHECK(choose_threads(one_rank).reason == "2 cores / 1 rank on the node");
  one_rank.load_average = 2.3;  // two busy loops beside it
  CHECK(choose_threads(one_rank).threads == 1);
  CHECK(choose_threads(one_rank).reason == "2 cores / 1 rank on the node, fewer for the node's load average 2.3");
  ThreadChoiceInputs big_node{std::nullopt, std::nullopt, 32, 2, 32, 11.6};  // 32 - 12 idle cores for 2 ranks
  CHECK(choose_threads(big_node).threads == 10);
  one_rank.requested = 2;
  CHECK(choose_threads(one_rank).threads == 2);
  one_rank.requested.reset();
  one_rank.slurm_cpus_per_task = 2;
  CHECK(choose_threads(one_rank).threads == 2);
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

// Three copies of aa.txt under other names: a fleet of 3 traces with the same windows.
struct ThreeTraces {
  ThreeTraces() {
    std::filesystem::create_directories(root);
    for (const char* name : {"a.txt", "b.txt", "c.txt"})
      std::filesystem::copy_file(VMSWEEP_AA_TXT, root / name, std::filesystem::copy_options::overwrite_existing);
  }
  ~ThreeTraces() { std::filesystem::remove_all(root); }
  sweep::SweepSpec fleet() const {
    const std::string text = "name: t\nseed: 1\ndata: {path: '*.txt', timestamp: datetime, value: data_hourly, resample: D}\n"
                             "method: grid\nparameters:\n  layers: {values: [[4], [64, 32]]}\n  epochs: {value: 2}\n";
    return sweep::SweepSpec::parse(text, "t.yaml", train::all_knobs(), root);
  }
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("vmsweep-affinity-" + std::to_string(::getpid()));
};

TEST_CASE("a rank gets a trial on the trace it ran last when that keeps the longest first") {
  ThreeTraces traces;
  const sweep::SweepSpec spec = traces.fleet();
  REQUIRE(spec.traces.size() == 3);
  FinishedTrials none;
  TrialQueue plain(spec, none, std::nullopt);
  // Trials 3, 4, 5 ([64, 32] on a, b, c) before 0, 1, 2 ([4]).
  CHECK(drain(plain) == std::vector<std::int64_t>{3, 4, 5, 0, 1, 2});

  TrialQueue queue(spec, none, std::nullopt);
  const std::string& c = spec.traces[2].id;
  auto first = queue.next(c);  // the longest trial on c, ahead of the longest on a and b
  REQUIRE(first);
  CHECK(first->id == 5);
  CHECK(first->trace == c);
  auto second = queue.next(c);  // nothing as long is left on c: the longest first, on a
  REQUIRE(second);
  CHECK(second->id == 3);
  auto third = queue.next(c);  // [64, 32] on b is longer than [4] on c
  REQUIRE(third);
  CHECK(third->id == 4);
  auto fourth = queue.next(c);  // then [4]: c's first
  REQUIRE(fourth);
  CHECK(fourth->id == 2);
  CHECK(drain(queue) == std::vector<std::int64_t>{0, 1});
  CHECK(queue.next("no such trace") == std::nullopt);
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

TEST_CASE("metric.target ends a grid once a configuration reaches it, also when a resume tells it so") {
  sweep::SweepSpec spec = grid_spec("metric: {name: val_mse, goal: minimize, target: 2.0}\n");
  FinishedTrials none;
  TrialQueue queue(spec, none, std::nullopt);
  auto first = queue.next();
  REQUIRE(first);
  CHECK_FALSE(queue.stop_reason());
  queue.tell(first->id, 0.5);
  CHECK_FALSE(queue.next());
  CHECK(queue.exhausted());
  CHECK(queue.stop_reason() == "target 2 reached by trial " + std::to_string(first->id) + " (val_mse 0.5)");

  // An earlier run's trial reached the target: the resumed sweep starts nothing and says why.
  FinishedTrials finished{{0, 0.25}};
  TrialQueue resumed(spec, finished, std::nullopt);
  CHECK_FALSE(resumed.next());
  CHECK(resumed.stop_reason() == "target 2 reached by trial 0 (val_mse 0.25)");
}

TEST_CASE("a grid of 10^8 trials is drawn lazily: the queue holds a window, not the list") {
  std::string values = "[";
  for (int i = 1; i <= 100; ++i) values += std::to_string(i) + (i < 100 ? ", " : "]");
  sweep::SweepSpec spec = grid_spec("  look_back: {values: " + values + "}\n  batch_size: {values: " + values +
                                    "}\n  lr_decay_start: {values: " + values + "}\n  patience: {values: " + values + "}\n");
  FinishedTrials none;
  TrialQueue queue(spec, none, Shard{3, 7});
  CHECK(queue.total() == (600'000'000 - 1 - 3) / 7 + 1);
  for (int i = 0; i < 3; ++i) {
    auto trial = queue.next();
    REQUIRE(trial);
    CHECK(trial->id % 7 == 3);
  }
  CHECK_FALSE(queue.exhausted());
}

// Before anything is written a signal ends the process at once (in a child here: it exits).
TEST_CASE("a signal before stop_cleanly ends the process at once with exit code 4") {
  for (int signal_number : {SIGTERM, SIGINT}) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      InterruptWatch watch;
      std::raise(signal_number);
      std::_Exit(0);  // not reached when the handler exits
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == exit_interrupted);
  }
}

TEST_CASE("the first SIGTERM is noted, and the handlers are restored afterwards") {
  struct sigaction before {};
  sigaction(SIGTERM, nullptr, &before);
  {
    InterruptWatch watch;
    watch.stop_cleanly();
    CHECK_FALSE(watch.requested());
    std::raise(SIGTERM);
    CHECK(watch.requested());
    CHECK(watch.signal_number() == SIGTERM);
  }
  struct sigaction current {};
  sigaction(SIGTERM, nullptr, &current);
  CHECK(current.sa_handler == before.sa_handler);
}

TEST_CASE("the executor marks a failed trial to be recorded as trained, and passes on what is not the trial's fault") {
  InterruptWatch interrupt;
  interrupt.stop_cleanly();
  int written = 0;
  TrialStatus written_status = TrialStatus::ok;
  auto write = [&](const sweep::TrialSpec&, const TrialResult& result) {
    ++written;
    written_status = result.status;
  };
  // train::run_trial turns a trial's own error (here a look_back longer than the series) into this.
  Value too_long = train_params();
  too_long.set("look_back", 5000);
  TrialExecutor executor(&train::run_trial, write, {4, "node", 1}, interrupt);
  const sweep::TrialSpec trial{8, 8, 0, 1, too_long};
  TrainedTrial trained = executor.train(trial, [](const auto&) { return Ruling{}; });
  const TrialOutcome& outcome = trained.outcome;
  CHECK(outcome.trial_id == 8);
  CHECK(outcome.status == TrialStatus::failed);
  CHECK_THAT(outcome.reason, Catch::Contains("look_back"));
  CHECK(outcome.rank == 4);
  CHECK(trained.to_record);
  CHECK(written == 0);  // train() leaves the writing to the worker loop
  executor.record(trial, trained.result);
  CHECK(written == 1);
  CHECK(written_status == TrialStatus::failed);
  // The coordinator's link failing in the middle of a trial is the worker's problem, not the trial's.
  auto lost_link = [](const auto&) -> Ruling { throw Error("MPI_Send failed"); };
  CHECK_THROWS_WITH(executor.train({9, 9, 0, 1, train_params()}, lost_link), "MPI_Send failed");
  // Without trial files nothing is to be recorded.
  TrialExecutor no_files(fake_trial(std::chrono::milliseconds(1), interrupt), {}, {4, "node", 1}, interrupt);
  CHECK_FALSE(no_files.train({10, 10, 0, 1, Value::Map{}}, [](const auto&) { return Ruling{}; }).to_record);
}

TEST_CASE("an interrupted trial is reported as such and not written, so a resume reruns it") {
  InterruptWatch interrupt;
  interrupt.stop_cleanly();
  int written = 0;
  auto write = [&](const sweep::TrialSpec&, const TrialResult&) { ++written; };
  TrialExecutor executor(fake_trial(std::chrono::milliseconds(200), interrupt), write, {0, "node", 1}, interrupt);
  std::raise(SIGINT);
  TrainedTrial trained = executor.train({1, 1, 0, 1, Value::Map{}}, [](const auto&) { return Ruling{}; });
  CHECK(trained.outcome.interrupted);
  CHECK_FALSE(trained.to_record);
  CHECK(written == 0);
}

TEST_CASE("a prune verdict ends a trial as stopped and to be recorded; abandon leaves it for a resume") {
  InterruptWatch interrupt;
  interrupt.stop_cleanly();
  int written = 0;
  auto write = [&](const sweep::TrialSpec&, const TrialResult&) { ++written; };
  TrialExecutor executor(fake_trial(std::chrono::milliseconds(1), interrupt), write, {0, "node", 1}, interrupt);
  auto prune = [](const auto&) { return Ruling{Verdict::prune, "pruned by hyperband at epoch 1"}; };
  TrainedTrial pruned = executor.train({1, 1, 0, 1, Value::Map{}}, prune);
  CHECK(pruned.outcome.status == TrialStatus::stopped);
  CHECK(pruned.outcome.reason == "pruned by hyperband at epoch 1");  // the coordinator's reason, not the trainer's
  CHECK(pruned.result.reason == "pruned by hyperband at epoch 1");   // and so its file's
  CHECK_FALSE(pruned.outcome.interrupted);
  CHECK(pruned.to_record);
  auto abandon = [](const auto&) { return Ruling{Verdict::abandon, {}}; };
  TrainedTrial abandoned = executor.train({2, 2, 0, 1, Value::Map{}}, abandon);
  CHECK(abandoned.outcome.interrupted);
  CHECK_FALSE(abandoned.to_record);
  CHECK(written == 0);  // the worker loop writes, not train()
}

TEST_CASE("progress prints a line per trial, a status line and JSON for batch logs") {
  std::ostringstream text, json;
  sweep::Metric metric;
  ProgressSetup setup{&text, LogFormat::text, false, 0.0, 10, 4, metric, {"learning_rate"}};
  Progress progress(setup);
  progress.trial_started({6, 6, 0, 1, Value::Map{{"learning_rate", 0.01}, {"epochs", 3}}});
  progress.trial_finished({6, TrialStatus::ok, "", {{"val_mse", 0.5}}, 3, 2.0, 1, "node", false});
  progress.tick();
  CHECK_THAT(text.str(), Catch::Contains("trial 6 ok  val_mse=0.5"));
  CHECK_THAT(text.str(), Catch::Contains("5/10 done, 0 running, 0 failed"));
  CHECK_THAT(text.str(), Catch::Contains("best val_mse=0.5 (trial 6: {learning_rate: 0.01})"));
  // A trial whose record is being written is no longer running, and is shown once it is written.
  progress.trial_started({8, 8, 0, 1, Value::Map{{"learning_rate", 0.03}}});
  progress.trial_ended(8);
  progress.summary();
  CHECK_THAT(text.str(), Catch::Contains("[summary] 5/10 done, 0 running"));
  progress.trial_finished({8, TrialStatus::ok, "", {{"val_mse", 0.25}}, 3, 2.0, 1, "node", false});
  progress.summary();
  CHECK_THAT(text.str(), Catch::Contains("[summary] 6/10 done, 0 running"));
  CHECK_THAT(text.str(), Catch::Contains("best val_mse=0.25 (trial 8: {learning_rate: 0.03})"));

  setup.out = &json;
  setup.format = LogFormat::json;
  Progress batch(setup);
  batch.trial_started({7, 7, 0, 1, Value::Map{}});
  batch.trial_finished({7, TrialStatus::failed, "bad \"data\"", {}, 0, 0.1, 0, "node", false});
  batch.summary();
  CHECK_THAT(json.str(), Catch::Contains(R"({"event":"trial","id":7,"status":"failed","val_mse":null)"));
  CHECK_THAT(json.str(), Catch::Contains(R"("reason":"bad \"data\"")"));
  CHECK_THAT(json.str(), Catch::Contains(R"({"event":"summary","done":5,"total":10,"running":0,"failed":1)"));
  CHECK(format_duration(125) == "2m05s");
  CHECK(format_duration(3 * 3600 + 120) == "3h02m");
}

TEST_CASE("with a cost model the ETA weighs what is left, corrected by how the finished trials did") {
  std::ostringstream text;
  ProgressSetup setup{&text, LogFormat::text, false, 0.0, 11, 0, sweep::Metric{}, {}};
  setup.estimate = [](const Value&) { return TrialEstimate{10.0, 10}; };  // every trial: 10 s for 10 epochs
  setup.unstarted_seconds = 110;
  setup.workers = 2;
  Progress progress(setup);
  progress.summary();  // nothing ran: the estimate as it is, over two workers
  CHECK_THAT(text.str(), Catch::Contains("ETA 55.0s"));
  progress.trial_started({1, 1, 0, 1, Value::Map{}});
  // It stopped after 5 of its 10 epochs and took 10 s, twice its estimate for 5 epochs: what is left
  // (100 s) takes half its epochs at half the speed, 100 s over two workers.
  progress.trial_finished({1, TrialStatus::ok, "", {{"val_mse", 0.5}}, 5, 10.0, 0, "node", false});
  progress.summary();
  CHECK_THAT(text.str(), Catch::Contains("1/11 done, 0 running, 0 failed, 0 pruned, "));
  CHECK_THAT(text.str(), Catch::Contains("ETA 50.0s"));
}

TEST_CASE("progress counts pruned trials in the status line and shows why per trial") {
  std::ostringstream text, json;
  ProgressSetup setup{&text, LogFormat::text, false, 0.0, 3, 0, sweep::Metric{}, {}};
  const std::string why = "pruned by hyperband at epoch 2: val_loss 0.9 > threshold 0.5 of 3 trials at this band";
  const TrialOutcome pruned{2, TrialStatus::stopped, why, {{"val_mse", 0.7}}, 2, 1.0, 0, "node", false};
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
