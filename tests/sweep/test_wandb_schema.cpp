// W&B's sweep schema as vmsweep reads it (issue 16): nested parameters, metric aliases and goals,
// agent keys, names, values listed twice, probabilities with grid, hyperband's forms, bare layer
// sizes, trial-count limits, and what validate checks and prints.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config_ledger.hpp"
#include "configs.hpp"
#include "sweep_fixtures.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/sweep/hyperband.hpp"
#include "vmsweep/sweep/preview.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/parameters.hpp"

namespace fs = std::filesystem;
using vmsweep::Value;
using namespace vmsweep::sweep;

namespace {

constexpr const char* kData = "data: {path: trace.txt}\n";

std::string error_of_with(const std::string& text, std::span<const vmsweep::Knob> knobs) {
  try {
    sweep_test::parse(text, knobs);
  } catch (const vmsweep::InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string error_of(const std::string& text) { return error_of_with(text, vmsweep::train::all_knobs()); }

// `lines` as one text, so a failed check shows them all.
std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}


struct Run {
  int exit_code = -1;
  std::string out, err;
};

// `vmsweep validate` on `text` written to a file in a fresh folder.
Run validate_text(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("vmsweep-wandb-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / name;
  std::ofstream(file) << text;
  const fs::path err = dir / "stderr.txt";
  const sweep_test::CommandRun run =
      sweep_test::run_command("'" VMSWEEP_BINARY "' validate '" + file.string() + "' 2>'" + err.string() + "'");
  std::ifstream in(err);
  Run result{run.exit_code, run.output, std::string(std::istreambuf_iterator<char>(in), {})};
  fs::remove_all(dir);
  return result;
}

std::string trace_path() { return (sweep_test::kGoodDir / "trace.txt").string(); }

}  // namespace

TEST_CASE("Nested parameters flatten to vmsweep's names, and say which inner name is unknown", "[sweep][wandb]") {
  const SweepSpec spec = sweep_test::parse(std::string(kData) + R"(method: random
run_cap: 4
parameters:
  optimizer:
    parameters:
      type: {values: [adam, sgd]}
      learning_rate: {min: 0.001, max: 0.01}
  lr:
    parameters:
      schedule: {value: step}
      step_size: {value: 5}
  dropout: {value: 0.1}
)");
  std::vector<std::string> names;
  for (const ParameterSpec& p : spec.parameters) names.push_back(p.name);
  CHECK(names == std::vector<std::string>{"optimizer", "learning_rate", "lr_schedule", "lr_step_size", "dropout"});
  CHECK_THAT(joined(spec.readings), Catch::Contains("inline.yaml:8:7: key 'optimizer.learning_rate': nested parameter read as learning_rate"));
  CHECK(error_of(std::string(kData) + "method: random\nparameters:\n  lr_schedule:\n    parameters:\n      warmup: {value: 3}\n") ==
        "inline.yaml:6:7: key 'lr_schedule.warmup': unknown parameter; nested parameters are supported and read as "
        "vmsweep's flat names, but lr_schedule_warmup, lr_warmup or warmup is none; the parameters are listed in "
        "docs/parameters.md");
  CHECK(error_of(std::string(kData) + "method: random\nparameters:\n  dropout: {value: 0.1}\n  g:\n    parameters:\n"
                                      "      dropout: {value: 0.2}\n") ==
        "inline.yaml:7:7: key 'g.dropout': gives parameter dropout a second time (first as 'dropout')");
  CHECK(error_of(std::string(kData) + "method: random\nparameters:\n  g:\n    parameters: {}\n") ==
        "inline.yaml:5:5: key 'g.parameters': empty; give at least one parameter");
}

TEST_CASE("Metric aliases resolve to the stored objective and are reported", "[sweep][wandb]") {
  for (const char* alias : {"val_loss", "loss", "validation_loss", "valid/loss", "eval_loss", "val.loss"}) {
    INFO(alias);
    const SweepSpec spec = sweep_test::parse(std::string(kData) + "method: grid\nmetric: {name: " + alias +
                                             "}\nparameters:\n  look_back: {values: [7]}\n");
    CHECK(spec.metric.name == "val_mse");
    CHECK(spec.metric.written == alias);
    CHECK(spec.readings.back().find("read as val_mse (mse on the validation part, in original units)") != std::string::npos);
  }
  CHECK(sweep_test::parse(std::string(kData) + "method: grid\nmetric: {name: train_loss}\nparameters:\n  look_back: {values: [7]}\n")
            .metric.name == "train_mse");
  CHECK(sweep_test::parse(std::string(kData) + "method: grid\nmetric: {name: rmse}\nparameters:\n  look_back: {values: [7]}\n")
            .metric.name == "val_rmse");
  CHECK(error_of(std::string(kData) + "method: grid\nmetric: {name: val_loss}\nparameters:\n  loss: {value: huber}\n") ==
        "inline.yaml:3:10: key 'metric.name': 'val_loss' means the validation huber loss, which trials do not store in "
        "original units; name a stored metric such as val_mse or val_mae");
  CHECK(error_of(std::string(kData) + "method: grid\nmetric: {name: loss}\nparameters:\n  loss: {values: [mse, huber]}\n")
            .find("but `loss` is swept") != std::string::npos);
  CHECK(error_of(std::string(kData) + "method: grid\nmetric: {name: test_r2, goal: maximize}\nparameters:\n  look_back: {values: [7]}\n")
            .starts_with("inline.yaml:3:10: key 'metric.name': test_r2 is measured on the test part"));
}

TEST_CASE("goal: maximize is for R squared, minimize for the errors", "[sweep][wandb]") {
  const SweepSpec spec = sweep_test::parse(std::string(kData) +
                                           "method: bayes\nrun_cap: 4\nmetric: {name: val_r2, goal: maximize, target: 0.9}\n"
                                           "parameters:\n  dropout: {min: 0.0, max: 0.5}\n");
  CHECK(spec.metric.maximize);
  CHECK(spec.metric.reached(0.95));
  CHECK_FALSE(spec.metric.reached(0.85));
  CHECK(spec.metric.to_loss(0.9) == -0.9);
  CHECK(error_of(std::string(kData) + "method: grid\nmetric: {name: val_r2}\nparameters:\n  look_back: {values: [7]}\n") ==
        "inline.yaml:3:1: key 'metric.goal': val_r2 is R squared (higher is better); write goal: maximize (W&B's "
        "default goal is minimize)");
  CHECK(error_of(std::string(kData) + "method: grid\nmetric: {name: val_r2, goal: maximize, target: 1.5}\nparameters:\n"
                                      "  look_back: {values: [7]}\n") ==
        "inline.yaml:3:40: key 'metric.target': R squared is at most 1; got 1.5");
}

TEST_CASE("metric.impute: worst is what vmsweep does; best and latest are not supported", "[sweep][wandb]") {
  const std::string head = std::string(kData) + "method: bayes\nrun_cap: 4\nparameters:\n  dropout: {min: 0.0, max: 0.5}\n";
  CHECK(sweep_test::parse(head + "metric: {name: val_mse, impute: worst, impute_while_running: worst}\n").warnings.size() == 0);
  CHECK(error_of(head + "metric: {name: val_mse, impute: best}\n") ==
        "inline.yaml:6:25: key 'metric.impute': 'best' is not supported: a failed trial always counts as the worst "
        "(impute: worst, W&B's default)");
  const SweepSpec spec = sweep_test::parse(head + "metric: {name: val_mse, impute_while_running: 'false'}\n");
  REQUIRE(spec.warnings.size() == 1);
  CHECK(spec.warnings[0].starts_with("inline.yaml:6:25: key 'metric.impute_while_running': ignored;"));
}

TEST_CASE("W&B's agent and server keys are ignored with a warning; metrics and method custom are not supported",
          "[sweep][wandb]") {
  const SweepSpec spec = sweep_test::parse(std::string(kData) + R"(controller: {type: local}
job: team/project/job:latest
scheduler: {engine: wandb}
image_uri: ghcr.io/x
apiVersion: v1
kind: sweep
method: grid
parameters:
  look_back: {values: [7]}
)");
  CHECK(spec.warnings.size() == 6);
  CHECK_THAT(joined(spec.warnings), Catch::Contains("inline.yaml:2:1: key 'controller': used by W&B's agent or server only; ignored"));
  CHECK_THAT(joined(spec.warnings), Catch::Contains("inline.yaml:4:1: key 'scheduler': used by W&B's agent or server only; ignored"));
  CHECK(error_of(std::string(kData) + "method: grid\nmetrics: [{name: a}, {name: b}]\nparameters:\n  look_back: {values: [7]}\n")
            .starts_with("inline.yaml:3:1: key 'metrics': not supported: vmsweep optimises one metric"));
  CHECK(error_of(std::string(kData) + "method: custom\nparameters:\n  look_back: {values: [7]}\n")
            .starts_with("inline.yaml:2:1: key 'method': custom is not supported"));
}

TEST_CASE("A name with spaces or any text keeps its display name and gets a safe folder", "[sweep][wandb]") {
  const std::string body = std::string(kData) + "method: grid\nparameters:\n  look_back: {values: [7]}\n";
  const SweepSpec spaced = sweep_test::parse("name: my sweep / v2\n" + body);
  CHECK(spaced.display_name == "my sweep / v2");
  CHECK(spaced.name == "my_sweep_v2");
  CHECK_THAT(joined(spaced.readings), Catch::Contains("inline.yaml:1:1: key 'name': 'my sweep / v2' kept as the sweep's name; its results "
                                  "folder is 'my_sweep_v2'"));
  const SweepSpec unicode = sweep_test::parse("name: Prévision de charge\n" + body);
  CHECK(unicode.name == "Prévision_de_charge");  // non-ASCII letters whole, never a broken byte
  CHECK(sweep_test::parse("name: ..\n" + body).name == "_");
  CHECK(sweep_test::parse("name: .hidden.v1\n" + body).name == "_hidden.v1");
  CHECK(error_of("name: bad \xE9\xFF\n" + body) == "inline.yaml:1:1: key 'name': is not valid UTF-8 text (byte 5)");
  // A file named my.sweep.yaml without name: is named by its stem.
  const SweepSpec dotted = SweepSpec::parse(body, "my.sweep.yaml", vmsweep::train::all_knobs(), sweep_test::kGoodDir);
  CHECK(dotted.name == "my.sweep");
  CHECK(dotted.display_name == "my.sweep");
}

TEST_CASE("A value listed twice is kept (drawn twice as often), and a grid runs it once", "[sweep][wandb]") {
  const std::string body = "parameters:\n  look_back: {values: [7, 14, 7]}\n";
  const SweepSpec random = sweep_test::parse(std::string(kData) + "method: random\nrun_cap: 3\n" + body);
  CHECK(random.find_parameter("look_back")->values.size() == 3);
  CHECK_THAT(joined(random.readings), Catch::Contains("inline.yaml:5:24: key 'look_back': the value 7 is listed 2 times: kept, as W&B keeps "
                                  "it (random and bayes draw it that much more often; grid runs it once)"));
  const SweepSpec grid = sweep_test::parse(std::string(kData) + "method: grid\n" + body);
  CHECK(grid_size(grid) == 2);
  // bayes over a list with a repeated value ends after the distinct configurations (it once looped forever).
  SweepSpec bayes = sweep_test::parse(std::string(kData) + "method: bayes\nrun_cap: 10\n" + body);
  auto sampler = make_sampler(bayes);
  int proposed = 0;
  while (auto trial = sampler->next()) sampler->tell(trial->id, 1.0), ++proposed;
  CHECK(proposed == 2);
}

TEST_CASE("grid refuses probabilities, as W&B's grid_search does", "[sweep][wandb]") {
  CHECK(error_of(std::string(kData) + "method: grid\nparameters:\n  optimizer: {values: [adam, sgd], probabilities: [0.5, 0.5]}\n") ==
        "inline.yaml:4:3: key 'optimizer': method grid runs every value, so probabilities do not apply (W&B's grid "
        "refuses them too); remove them or use method random");
}

TEST_CASE("layers given as bare sizes are one-layer lists, stored as lists", "[sweep][wandb]") {
  const SweepSpec spec = sweep_test::parse(std::string(kData) + "method: grid\nparameters:\n  layers: {values: [64, [128, 64]]}\n");
  CHECK(Value(spec.find_parameter("layers")->values).to_string() == "[[64], [128, 64]]");
  const SweepSpec constant = sweep_test::parse(std::string(kData) + "method: grid\nparameters:\n  layers: {value: 8}\n");
  CHECK(constant.find_parameter("layers")->values.front().to_string() == "[8]");
  CHECK_THAT(joined(constant.readings), Catch::Contains("inline.yaml:4:12: key 'layers': 8 read as [8] (one LSTM layer)"));
  CHECK(grid_config(constant, 0).find("layers")->is_list());
}

TEST_CASE("Hyperband: any eta > 1, no band refused, unreachable bands warned, strict warned", "[sweep][wandb][hyperband]") {
  const std::string body = std::string(kData) + "method: random\nrun_cap: 2\nparameters:\n  epochs: {value: 20}\n";
  const SweepSpec fractional = sweep_test::parse(body + "early_terminate: {type: hyperband, min_iter: 2, eta: 1.5}\n");
  CHECK(fractional.early_terminate->eta == 1.5);
  const std::vector<int> bands = hyperband_bands(*fractional.early_terminate);
  // int(2 * 1.5^k): 2, 3, 4.5, 6.75, 10.125, 15.1875, ...
  CHECK(std::vector<int>(bands.begin(), bands.begin() + 6) == std::vector<int>{2, 3, 4, 6, 10, 15});
  CHECK(bands.size() <= 100);  // W&B lists 100
  CHECK(error_of(body + "early_terminate: {type: hyperband, max_iter: 2, s: 1, eta: 3}\n") ==
        "inline.yaml:6:36: key 'early_terminate': max_iter 2 / eta 3 is below 1 epoch, so no trial would ever be "
        "judged (W&B refuses it too); raise max_iter or lower eta");
  const SweepSpec late = sweep_test::parse(body + "early_terminate: {type: hyperband, min_iter: 30}\n");
  CHECK_THAT(joined(late.warnings), Catch::Contains("inline.yaml:6:1: key 'early_terminate': its first band is epoch 30, but no trial runs "
                                "more than 20 epochs: no trial will ever be judged or stopped"));
  const SweepSpec strict = sweep_test::parse(body + "early_terminate: {type: hyperband, min_iter: 3, strict: true}\n");
  CHECK_THAT(joined(strict.warnings), Catch::Contains("inline.yaml:6:49: key 'early_terminate.strict': ignored, as W&B's own "
                                  "hyperband_stopping.py ignores it"));
  // W&B's threshold index int(n / eta) with a fractional eta: 5 values, eta 1.5 -> index 3.
  EarlyTerminate rule;
  rule.min_iter = 1;
  rule.eta = 1.5;
  HyperbandPruner pruner(rule);
  for (int id = 0; id < 4; ++id) pruner.remember(id, 1, id);  // 0, 1, 2, 3 at band 1
  CHECK(pruner.should_stop(9, 1, 3.5).has_value());             // sorted [0, 1, 2, 3, 3.5][3] = 3 < 3.5
  CHECK_FALSE(pruner.should_stop(10, 1, 2.5).has_value());      // [0, 1, 2, 2.5, 3, 3.5][4] = 3
}

TEST_CASE("Trial counts are limited to 1e9 at the key that asks for more", "[sweep][wandb]") {
  std::string grid = std::string(kData) + "method: grid\nparameters:\n";
  for (int i = 1; i <= 5; ++i) grid += "  x" + std::to_string(i) + ": {values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n";
  const SweepSpec million = sweep_test::parse(grid + "  n: {min: 1, max: 10}\n", sweep_test::benchmark_knobs());
  CHECK(config_count(million) == 1000000);
  // 1e7 x 101 configurations: refused at the parameter that passes the limit ...
  std::string huge = grid + "  n: {min: 1, max: 100}\n  c: {values: [";
  for (int i = 0; i < 101; ++i) huge += (i ? ", v" : "v") + std::to_string(i);
  huge += "]}\n";
  CHECK(error_of_with(huge, sweep_test::benchmark_knobs()) ==
        "inline.yaml:10:3: key 'c': the grid passes the limit of 1000000000 trials here (101 values after 10000000 "
        "trials); set run_cap to run part of it, or use method random");
  // ... and runs in part with a run_cap, its configurations enumerated lazily by index.
  const SweepSpec capped = sweep_test::parse(huge + "run_cap: 5\n", sweep_test::benchmark_knobs());
  CHECK(config_count(capped) == 5);
  CHECK(grid_size(capped) == 1010000000LL);
  CHECK(grid_config(capped, 1009999999).find("c")->as_string() == "v100");
  const std::string small = std::string(kData) + "method: random\nparameters:\n  look_back: {values: [7]}\n";
  CHECK(error_of(small + "run_cap: 9223372036854775807\n") ==
        "inline.yaml:5:1: key 'run_cap': 9223372036854775807 is more than the limit of 1000000000 trials a sweep may run");
  CHECK(error_of(small + "repeats: 20000000\n") ==
        "inline.yaml:5:1: key 'repeats': 20000000 repeats of the default 100 configurations pass the limit of "
        "1000000000 trials; set run_cap");
  // grid size x repeats: 2 x 1e6 x 1000 passes at epochs.
  CHECK(error_of(std::string(kData) + "method: grid\nrepeats: 2\nparameters:\n"
                                      "  batch_size: {distribution: int_uniform, min: 1, max: 1000000}\n"
                                      "  epochs: {distribution: int_uniform, min: 1, max: 1000}\n")
            .starts_with("inline.yaml:6:3: key 'epochs': the grid passes the limit of 1000000000 trials here"));
}

TEST_CASE("A maximised target is reached at or above it, and the stop says by which trials", "[sweep][wandb]") {
  Metric metric;
  metric.name = "val_r2";
  metric.maximize = true;
  metric.target = 0.95;
  ConfigLedger ledger(2, metric);
  ledger.start(0, 0);
  ledger.start(1, 0);
  ledger.record(0, 0.97);
  CHECK_FALSE(ledger.target_reached());
  ledger.record(1, 0.95);  // mean 0.96 >= 0.95
  REQUIRE(ledger.target_reached());
  CHECK(*ledger.stop_reason() == "target 0.95 reached by configuration 0 (trials 0-1, mean val_r2 0.96)");
}

TEST_CASE("validate finds a value only the edge of the space takes, before any run", "[sweep][wandb][cli]") {
  // The first trial (look_back 7) is fine; look_back 1400 leaves no test windows in a 1500-step trace.
  const Run grid = validate_text("edge.yaml", "data: {path: " + trace_path() + "}\nmethod: grid\nrun_cap: 1\nparameters:\n"
                                              "  look_back: {distribution: int_uniform, min: 7, max: 1400}\n");
  CHECK(grid.exit_code == 2);
  CHECK(grid.err.find("edge.yaml: edge check (look_back 1400, its highest): split") != std::string::npos);
  const Run listed = validate_text("edge.yaml", "data: {path: " + trace_path() + "}\nmethod: bayes\nrun_cap: 4\n"
                                                "bayes: {n_startup: 1}\nparameters:\n  look_back: {values: [7, 1400]}\n"
                                                "  dropout: {min: 0.0, max: 0.3}\n");
  CHECK(listed.exit_code == 2);
  CHECK(listed.err.find("edge check (look_back 1400, a listed value)") != std::string::npos);
}

TEST_CASE("validate never builds a large grid's list, and prints how it read a W&B file", "[sweep][wandb][cli]") {
  std::string text = "data: {path: " + trace_path() + "}\nmethod: grid\nmetric: {name: val_loss}\nparameters:\n"
                     "  batch_size: {distribution: int_uniform, min: 1, max: 1000}\n"
                     "  epochs: {distribution: int_uniform, min: 1, max: 1000}\n"
                     "  seed: {values: [5]}\n  layers: {value: 4}\n"
                     "early_terminate: {type: hyperband, max_iter: 27, s: 3, eta: 3}\n";
  const Run result = validate_text("million.yaml", text);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("trials: 1000000\n") != std::string::npos);
  CHECK(result.out.find("checked: 1000 of 1000000 trials, and ") != std::string::npos);
  CHECK(result.out.find("metric val_mse (minimize), written val_loss") != std::string::npos);
  CHECK(result.out.find("early_terminate: hyperband, max_iter 27, s 3, eta 3; trials judged after epochs 1, 3, 9") !=
        std::string::npos);
  CHECK(result.out.find("int_uniform [1, 1000] -> grid 1, 2, 3, 4, 5, 6, ... 1000 (1000 values)") != std::string::npos);
  CHECK(result.out.find("key 'layers': 4 read as [4] (one LSTM layer)") != std::string::npos);
  // A swept seed shows once, as given, with the trial seed it makes.
  CHECK(result.out.find("#0 batch_size=1 epochs=1 layers=[4] seed=5 (trial seed ") != std::string::npos);
  CHECK(result.out.find("seed=5 (trial seed ") != std::string::npos);
}

TEST_CASE("bayes climbs when the goal is maximize (median best of 20 seeds x 40 trials beats random)",
          "[sweep][wandb][tpe]") {
  // With goal minimize on the same numbers (told as an error), TPE chases the lowest R squared.
  auto best_of = [](const char* method, int seed, const char* metric) {
    const SweepSpec spec = sweep_test::parse(std::string("method: ") + method + "\nseed: " + std::to_string(seed) +
                                                 "\nrun_cap: 40\nmetric: " + metric + "\n" + kData +
                                                 "parameters:\n  x1: {min: -5.0, max: 5.0}\n  x2: {min: -5.0, max: 5.0}\n",
                                             sweep_test::benchmark_knobs());
    auto sampler = make_sampler(spec);
    double best = -INFINITY;
    while (auto trial = sampler->next()) {
      const double x1 = trial->params.find("x1")->as_double(), x2 = trial->params.find("x2")->as_double();
      const double r2 = 1 - (x1 - 1) * (x1 - 1) - (x2 + 2) * (x2 + 2);  // highest, 1, at (1, -2)
      best = std::max(best, r2);
      sampler->tell(trial->id, r2);
    }
    return best;
  };
  auto median = [&](const char* method, const char* metric) {
    std::vector<double> bests;
    for (int seed = 0; seed < 20; ++seed) bests.push_back(best_of(method, seed, metric));
    std::ranges::sort(bests);
    return 0.5 * (bests[9] + bests[10]);
  };
  const char* maximize = "{name: val_r2, goal: maximize}";
  const double tpe = median("bayes", maximize), random = median("random", maximize);
  const double backwards = median("bayes", "{name: val_mse, goal: minimize}");
  CHECK(tpe > random + 0.1);
  CHECK(backwards < random);
}
