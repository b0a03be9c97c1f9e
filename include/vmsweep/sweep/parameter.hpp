#pragma once
// One entry of a sweep file's `parameters`: a constant, a list of values, or a distribution, with
// the meaning W&B gives them (docs/sweep-files.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vmsweep/common/source_mark.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep::sweep {

// W&B's distributions, with W&B's formulas (wandb/sweeps, src/sweeps/params.py: HyperParameter.ppf).
// U(a, b) is uniform, N(mu, sigma) normal, Beta(a, b) the beta law; round(x / q) * q quantises.
enum class Distribution {
  constant,                // value: x
  categorical,             // values: [...], optional probabilities (W&B's categorical_w_probabilities)
  uniform,                 // U(min, max)
  int_uniform,             // integer min, max: each integer in [min, max] equally likely
  log_uniform_values,      // exp(U(ln min, ln max)); min > 0
  log_uniform,             // exp(U(min, max)): bounds in natural-log space
  q_uniform,               // round(U(min, max) / q) * q
  q_log_uniform_values,    // round(exp(U(ln min, ln max)) / q) * q
  normal,                  // N(mu, sigma)
  log_normal,              // exp(N(mu, sigma))
  q_normal,                // round(N(mu, sigma) / q) * q
  q_log_uniform,           // round(exp(U(min, max)) / q) * q
  inv_log_uniform,         // exp(-U(min, max)) = 1 / exp(U(min, max)): values in [e^-max, e^-min]
  inv_log_uniform_values,  // exp(-U(-ln max, -ln min)): values in [min, max], log-uniform (so the same law
                           //   as log_uniform_values; W&B keeps both names)
  q_log_normal,            // round(exp(N(mu, sigma)) / q) * q
  beta,                    // Beta(a, b): values in [0, 1]
  q_beta,                  // round(Beta(a, b) / q) * q
};

// How a distribution draws, for everything that has to follow it (parsing, sampling, TPE, display).
enum class Law { fixed, choice, uniform, integers, normal, beta };
struct DistributionTraits {
  Distribution distribution;
  std::string_view name;
  Law law;
  bool log_scale = false;          // the value is exp of the drawn number
  bool bounds_are_values = false;  // min and max are values, not natural logs (the *_values names)
  bool inverted = false;           // exp(-u): inv_log_uniform*
  bool quantised = false;          // takes q (default 1): round(x / q) * q
};
const DistributionTraits& traits(Distribution distribution);

std::string_view distribution_name(Distribution distribution);
// W&B's names, and categorical_w_probabilities for categorical.
std::optional<Distribution> distribution_from_name(std::string_view name);
std::vector<std::string_view> distribution_names();

struct ParameterSpec {
  std::string name;
  Distribution distribution = Distribution::constant;
  Value::List values;                // constant (one value) and categorical
  std::vector<double> probabilities;  // categorical; empty = equally likely
  double min = 0, max = 0;            // uniform family, as written
  double q = 1;                       // q_* distributions
  double mu = 0, sigma = 1;           // normal family
  double a = 1, b = 1;                // beta family
  bool integer = false;               // samples are converted to integers (an integer knob)
  double clip_min = -1e308, clip_max = 1e308;  // the knob's range: samples are clipped into it
  SourceMark mark;

  // Grid needs every parameter discrete: a constant or a list of values.
  bool is_discrete() const {
    return distribution == Distribution::constant || distribution == Distribution::categorical;
  }
};

// What method grid takes from a parameter, as W&B's grid_search.py: value, values (without
// probabilities), every integer of int_uniform, and for q_uniform numpy.arange(min, max, q): min,
// min + q, ... below max (max itself is left out, as W&B leaves it out).
bool grid_accepts(const ParameterSpec& parameter);
// How many values (saturating at INT64_MAX), and the index-th of them.
std::int64_t grid_choices(const ParameterSpec& parameter);
Value grid_value(const ParameterSpec& parameter, std::int64_t index);

}  // namespace vmsweep::sweep
