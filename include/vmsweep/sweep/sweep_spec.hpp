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

struct Metric {
  std::string name = "val_mse";  // {train,val}_{mse,rmse,mae,mape,smape}
  bool maximize = false;
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
  std::int64_t eta = 3;
  std::optional<std::int64_t> s;
  bool strict = false;
};

// Tree-structured Parzen Estimator settings (Optuna's defaults).
struct BayesOptions {
  int n_startup = 10;       // the first configurations are sampled at random
  int n_candidates = 24;    // candidates drawn from l(x) per parameter
  double gamma = 0.1;       // fraction of finished configurations that count as good (at most 25)
};

struct SweepSpec {
  std::string name, description;
  std::string text;  // the file's text, as read
  std::string hash;  // SHA-256 of text, lowercase hex
  std::filesystem::path path;
  std::int64_t seed = 0;
  Value data;        // the data block; `path` made absolute
  Method method = Method::grid;
  Metric metric;
  std::optional<std::int64_t> run_cap;  // trials (a configuration with repeats: r trials)
  int repeats = 1;
  std::vector<ParameterSpec> parameters;  // in file order
  std::optional<EarlyTerminate> early_terminate;
  BayesOptions bayes;
  std::vector<std::string> warnings;      // accepted but ignored keys (program, command, ...)

  static SweepSpec load(const std::filesystem::path& path, std::span<const Knob> knobs);
  // base_dir resolves a relative data path (then the working directory is tried).
  static SweepSpec parse(std::string_view text, const std::string& file_name, std::span<const Knob> knobs,
                         const std::filesystem::path& base_dir);

  const ParameterSpec* find_parameter(std::string_view name) const;
};

}  // namespace vmsweep::sweep
