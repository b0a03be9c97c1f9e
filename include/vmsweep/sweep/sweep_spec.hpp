#pragma once
// SweepSpec: a sweep file (W&B's schema plus seed, data, repeats and bayes options), parsed and
// checked against the knob tables. Every problem is an InputError "FILE:LINE:COL: key 'k': ...".
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/parameter.hpp"

namespace vmsweep::sweep {

enum class Method { grid, random, bayes };
std::string_view method_name(Method method);

// A sweep runs at most this many trials (grid size x repeats, or run_cap): more is refused at the
// key that asks for it, before anything is allocated or written.
inline constexpr std::int64_t kMaxTrials = 1'000'000'000;

struct Metric {
  std::string name = "val_mse";  // {train,val}_{mse,rmse,mae,mape,smape,r2}, aliases resolved
  std::string written;           // the name as the file gives it (an alias such as val_loss), or empty
  bool maximize = false;         // only R squared is maximised; the errors are minimised
  std::optional<double> target;  // the sweep stops once a configuration reaches it

  // True when `value` is at least as good as the target.
  bool reached(double value) const;
  // Lower is better after this: the objective samplers minimise.
  double to_loss(double value) const { return maximize ? -value : value; }
};

// Hyperband as W&B describes it: brackets from min_iter (or max_iter and s) and eta. Parsed and
// checked here; HyperbandPruner (hyperband.hpp) applies it.
struct EarlyTerminate {
  std::string type = "hyperband";
  std::optional<std::int64_t> min_iter;
  std::optional<std::int64_t> max_iter;
  double eta = 3;  // any number > 1, as W&B's schema
  std::optional<std::int64_t> s;
  bool strict = false;
};

// Tree-structured Parzen Estimator settings (Optuna's defaults).
struct BayesOptions {
  int n_startup = 10;       // the first configurations are sampled at random
  int n_candidates = 24;    // candidates drawn from l(x) per parameter
  double gamma = 0.1;       // fraction of finished configurations that count as good (at most 25)
};

// One trace of the sweep: a file `data.path` names (itself, or through a glob, a folder or a list).
struct Trace {
  std::string id;    // its path relative to the sweep file's folder: stable, written into every trial
  std::string path;  // absolute
};

// A trace the preflight could not use (it does not load, or is too short for a trial's windows).
struct SkippedTrace {
  std::string id;
  std::string reason;
};

// How a sweep over several traces searches: `local`, one search per trace (configurations x
// traces); `global`, one search whose every trial trains one model on the windows of all traces
// (its params' `path` is the list of them) and is scored per trace (docs/fleets.md).
enum class Fleet { local, global };

struct SweepSpec {
  std::string name;          // the results folder's name: display_name with unsafe characters replaced
  std::string display_name;  // `name:` as written (W&B allows spaces and any text), else the file's stem
  std::string description;
  std::string text;  // the file's text, as read
  std::string hash;  // SHA-256 of text, lowercase hex
  std::filesystem::path path;
  std::int64_t seed = 0;
  Value data;        // the data block; `path` made absolute (a fleet: its first trace's, each trace's sampler its own)
  // The traces data.path names, sorted by id, each once; empty when `path` is a swept parameter.
  // More than one make a fleet: make_sampler runs one search per trace, or one search of global
  // models (docs/fleets.md).
  std::vector<Trace> traces;
  Fleet fleet = Fleet::local;
  bool skip_bad = false;               // data.skip_bad: the preflight skips bad traces instead of refusing
  std::vector<SkippedTrace> skipped;   // the traces the preflight skipped (dist::check_sweep), with why
  Method method = Method::grid;
  Metric metric;
  std::optional<std::int64_t> run_cap;  // trials (a configuration with repeats: r trials)
  int repeats = 1;
  std::vector<ParameterSpec> parameters;  // in file order
  std::optional<EarlyTerminate> early_terminate;
  BayesOptions bayes;
  std::vector<std::string> warnings;      // accepted but ignored keys (program, command, ...)
  // How the file was read where it differs from its letter: metric aliases, nested parameter
  // names, a bare layer size made a list, values listed twice. "FILE:LINE:COL: key 'k': ...".
  std::vector<std::string> readings;

  static SweepSpec load(const std::filesystem::path& path, std::span<const Knob> knobs);
  // base_dir resolves a relative data path (then the working directory is tried).
  static SweepSpec parse(std::string_view text, const std::string& file_name, std::span<const Knob> knobs,
                         const std::filesystem::path& base_dir);

  const ParameterSpec* find_parameter(std::string_view name) const;
  bool is_fleet() const { return traces.size() > 1; }
  bool searches_per_trace() const { return is_fleet() && fleet == Fleet::local; }
  bool is_global() const { return is_fleet() && fleet == Fleet::global; }
};

// The sweep as it runs on one of its traces: data.path is that trace's, and random and bayes draw
// from a seed of the sweep seed and the trace index (grid keeps the sweep seed, so a configuration
// starts from the same weights on every trace).
SweepSpec trace_spec(const SweepSpec& spec, std::size_t trace_index);

}  // namespace vmsweep::sweep
