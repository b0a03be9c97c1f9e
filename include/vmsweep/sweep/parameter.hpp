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

enum class Distribution {
  constant,              // value: x
  categorical,           // values: [...], optional probabilities
  uniform,               // min, max
  int_uniform,           // integer min, max (inclusive)
  log_uniform_values,    // min, max > 0; log-uniform between them
  log_uniform,           // exp(uniform(min, max)): bounds in natural-log space
  q_uniform,             // round(uniform(min, max) / q) * q
  q_log_uniform_values,  // round(log_uniform_values(min, max) / q) * q
  normal,                // mu, sigma
  log_normal,            // exp(normal(mu, sigma))
  q_normal,              // round(normal(mu, sigma) / q) * q
};

std::string_view distribution_name(Distribution distribution);
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
  bool integer = false;               // samples are converted to integers (an integer knob)
  double clip_min = -1e308, clip_max = 1e308;  // the knob's range: samples are clipped into it
  SourceMark mark;

  // Grid needs every parameter discrete: a constant or a list of values.
  bool is_discrete() const {
    return distribution == Distribution::constant || distribution == Distribution::categorical;
  }
};

}  // namespace vmsweep::sweep
