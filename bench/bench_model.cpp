// Times training epochs of model::LstmStack on synthetic windows and prints one line:
//   vmsweep T=<T> hidden=<a,b,c> threads=<n> windows=<w> seconds_per_epoch=<min wall>
//           cpu_seconds_per_epoch=<min CPU> gflop_per_epoch=<count>
// FLOPs counted as the issue asks: 2*4*H*(I+H) per step and window forward, twice that backward.
// Usage: bench_model [--threads N] [--time-steps T] [--hidden 256,128,64] [--windows 440]
//                    [--batch 32] [--epochs 5] [--window-norm none|last|mean|std] [--target level|delta]
//                    [--ar-highway K]
// With any of the last three (issue 13's levers) the line starts with "levers" instead of "vmsweep",
// and a second line "paired" times the same model without them, trained in turn, epoch for epoch.
// The minimum over epochs after one warm-up epoch is reported (the machine is shared).
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "vmsweep/model/lstm_stack.hpp"
#include "vmsweep/model/window_norm.hpp"

namespace {

struct Options {
  int threads = 1;
  int windows = 440;
  int epochs = 5;
  vmsweep::model::ModelConfig model;
};

std::vector<int> parse_sizes(const std::string& text) {
  std::vector<int> sizes;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');) sizes.push_back(std::stoi(item));
  return sizes;
}

vmsweep::model::WindowNorm window_norm_named(const std::string& name) {
  using vmsweep::model::WindowNorm;
  if (name == "none") return WindowNorm::none;
  if (name == "last") return WindowNorm::last;
  if (name == "mean") return WindowNorm::mean;
  if (name == "std") return WindowNorm::std;
  throw std::invalid_argument("unknown --window-norm " + name);
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--threads") options.threads = std::stoi(value);
    else if (flag == "--time-steps") options.model.time_steps = std::stoi(value);
    else if (flag == "--hidden") options.model.hidden = parse_sizes(value);
    else if (flag == "--windows") options.windows = std::stoi(value);
    else if (flag == "--batch") options.model.batch = std::stoi(value);
    else if (flag == "--epochs") options.epochs = std::stoi(value);
    else if (flag == "--window-norm") options.model.window_norm = window_norm_named(value);
    else if (flag == "--target") options.model.target = value == "delta" ? vmsweep::model::TargetKind::delta : vmsweep::model::TargetKind::level;
    else if (flag == "--ar-highway") options.model.ar_highway = std::stoi(value);
    else throw std::invalid_argument("unknown option " + flag);
  }
  return options;
}

double flops_per_epoch(const Options& options) {
  double per_step = 0.0;
  int inputs = options.model.input_channels;
  for (const int hidden : options.model.hidden) {
    per_step += 2.0 * 4 * hidden * (inputs + hidden);
    inputs = hidden;
  }
  return 3.0 * per_step * options.model.time_steps * options.windows;  // forward + 2x backward
}

// Mini-batches of time-major windows of a noisy daily-like cycle, built once.
struct Batch {
  std::vector<float> x, y;
  int size;
};

std::vector<Batch> make_batches(const Options& options) {
  const int T = options.model.time_steps, batch = options.model.batch;
  const auto series = [](int i) { return static_cast<float>(std::sin(0.9 * i) + 0.1 * std::cos(7.3 * i * i)); };
  std::vector<Batch> batches;
  for (int first = 0; first < options.windows; first += batch) {
    const int n = std::min(batch, options.windows - first);
    Batch b{std::vector<float>(static_cast<std::size_t>(T) * n), std::vector<float>(n), n};
    for (int i = 0; i < n; ++i) {
      for (int t = 0; t < T; ++t) b.x[static_cast<std::size_t>(t) * n + i] = series(first + i + t);
      b.y[i] = series(first + i + T);
    }
    batches.push_back(std::move(b));
  }
  return batches;
}

struct EpochTime {
  double wall;  // seconds
  double cpu;   // process CPU seconds: on a shared machine, closer to what an idle core would give
};

EpochTime time_epoch(vmsweep::model::LstmStack& model, const std::vector<Batch>& batches) {
  const auto wall_start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (const auto& batch : batches) model.train_step(batch.x.data(), batch.y.data(), batch.size, 1e-3);
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count(),
          static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC};
}

EpochTime faster(EpochTime a, EpochTime b) { return {std::min(a.wall, b.wall), std::min(a.cpu, b.cpu)}; }

void print_line(const char* label, const Options& options, EpochTime best) {
  std::string hidden;
  for (const int h : options.model.hidden) hidden += (hidden.empty() ? "" : ",") + std::to_string(h);
  std::printf("%s T=%d hidden=%s threads=%d windows=%d seconds_per_epoch=%.4f cpu_seconds_per_epoch=%.4f "
              "gflop_per_epoch=%.3f\n",
              label, options.model.time_steps, hidden.c_str(), options.threads, options.windows, best.wall, best.cpu,
              flops_per_epoch(options) * 1e-9);
}

}  // namespace

// With a lever on, the same model without levers trains alongside, epoch for epoch in turn, and is
// printed as "paired": the two minima then come from the same seconds of a shared machine.
int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  omp_set_num_threads(options.threads);  // this thread's budget, as a trainer would set it
  const auto batches = make_batches(options);
  const bool levers = vmsweep::model::frames_windows(options.model);
  Options plain_options = options;
  plain_options.model.window_norm = vmsweep::model::WindowNorm::none;
  plain_options.model.target = vmsweep::model::TargetKind::level;
  plain_options.model.ar_highway = 0;
  vmsweep::model::LstmStack model(options.model);
  std::optional<vmsweep::model::LstmStack> plain;
  if (levers) plain.emplace(plain_options.model);
  time_epoch(model, batches);  // warm-up: JIT and first touch
  if (plain) time_epoch(*plain, batches);
  EpochTime best{INFINITY, INFINITY}, best_plain{INFINITY, INFINITY};
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    best = faster(best, time_epoch(model, batches));
    if (plain) best_plain = faster(best_plain, time_epoch(*plain, batches));
  }
  print_line(levers ? "levers" : "vmsweep", options, best);
  if (plain) print_line("paired", plain_options, best_plain);
  return EXIT_SUCCESS;
}
