#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "checks.hpp"
#include "distribution.hpp"
#include "vmsweep/common/short_number.hpp"
#include "sections.hpp"
#include "vmsweep/sweep/hyperband.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::array<std::string_view, 6> kKeys{"type", "min_iter", "max_iter", "eta", "s", "strict"};
constexpr std::array<std::string_view, 1> kTypes{"hyperband"};

std::optional<std::int64_t> optional_positive(const Value& block, std::string_view key) {
  const Value* value = block.find(key);
  if (!value) return std::nullopt;
  return positive_int(*value, "early_terminate." + std::string(key));
}

void check_type(const Value& block) {
  const Value* type = block.find("type");
  if (!type) fail(block, "early_terminate", "expected a type: hyperband");
  const std::string& text = nonempty_string(*type, "early_terminate.type");
  if (text != "hyperband")
    fail(*type, "early_terminate.type", "unknown type '" + text + "'; expected hyperband" + did_you_mean(text, kTypes));
}

// W&B's schema: any number above 1 (the top 1/eta of the trials go on at each band).
double parse_eta(const Value& block) {
  const Value* eta = block.find("eta");
  if (!eta) return 3;
  const double value = finite_number(*eta, "early_terminate.eta");
  if (value <= 1) fail(*eta, "early_terminate.eta", "expected a number > 1, got " + eta->to_string());
  return value;
}

// W&B: brackets come from min_iter (growing by eta), or from max_iter and s (shrinking).
void check_iterations(const EarlyTerminate& rule, const Value& block) {
  if (rule.min_iter && rule.max_iter) fail(block, "early_terminate", "give min_iter or max_iter, not both");
  if (!rule.min_iter && !rule.max_iter) fail(block, "early_terminate", "hyperband needs min_iter (or max_iter and s)");
  if (rule.max_iter && !rule.s) fail(block, "early_terminate", "max_iter needs s, the number of brackets");
  if (!hyperband_bands(rule).empty()) return;
  fail(*block.find("max_iter"), "early_terminate",
       "max_iter " + std::to_string(*rule.max_iter) + " / eta " + short_number(rule.eta) +
           " is below 1 epoch, so no trial would ever be judged (W&B refuses it too); raise max_iter or lower eta");
}

// The most epochs any trial can run: the largest value `epochs` can take, else its default.
std::int64_t most_epochs(const SweepSpec& spec, std::span<const Knob> knobs) {
  if (const ParameterSpec* epochs = spec.find_parameter("epochs")) {
    if (!epochs->values.empty())
      return std::ranges::max(epochs->values, {}, [](const Value& value) { return value.as_int(); }).as_int();
    // A normal law reaches any epoch count, up to the knob's bound.
    const bool unbounded = traits(epochs->distribution).law == Law::normal;
    return static_cast<std::int64_t>(std::min(unbounded ? epochs->clip_max : value_range(*epochs).high, epochs->clip_max));
  }
  for (const Knob& knob : knobs)
    if (knob.name == "epochs") return std::stoll(std::string(knob.default_text));
  return std::numeric_limits<std::int64_t>::max();
}

}  // namespace

void warn_unreachable_bands(SweepSpec& spec, const Value& block, std::span<const Knob> knobs) {
  const std::vector<int> bands = hyperband_bands(*spec.early_terminate);
  const std::int64_t epochs = most_epochs(spec, knobs);
  if (bands.empty() || bands.front() <= epochs) return;
  spec.warnings.push_back(block.mark().to_string() + ": key 'early_terminate': its first band is epoch " +
                          std::to_string(bands.front()) + ", but no trial runs more than " + std::to_string(epochs) +
                          " epochs: no trial will ever be judged or stopped");
}

EarlyTerminate parse_early_terminate(const Value& block, std::vector<std::string>& warnings) {
  require_map(block, "early_terminate");
  check_keys(block, kKeys, "early_terminate");
  check_type(block);
  EarlyTerminate rule;
  rule.min_iter = optional_positive(block, "min_iter");
  rule.max_iter = optional_positive(block, "max_iter");
  rule.s = optional_positive(block, "s");
  rule.eta = parse_eta(block);
  if (const Value* strict = block.find("strict")) {
    rule.strict = strict->as_bool("early_terminate.strict");
    warnings.push_back(strict->mark().to_string() + ": key 'early_terminate.strict': ignored, as W&B's own " +
                       "hyperband_stopping.py ignores it");
  }
  check_iterations(rule, block);
  return rule;
}

}  // namespace vmsweep::sweep
