#include "space_text.hpp"

#include <cmath>

#include "vmsweep/common/short_number.hpp"
#include "vmsweep/sweep/hyperband.hpp"

namespace vmsweep::cli {

namespace {

constexpr std::int64_t kShownGridValues = 6;

// Whole numbers without ".0": min 8 and q 8 read as they are written.
std::string number(double x) {
  if (x == std::trunc(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<std::int64_t>(x));
  return Value(x).to_string();
}

std::string law_text(const sweep::ParameterSpec& parameter) {
  using sweep::Law;
  const sweep::DistributionTraits& law = sweep::traits(parameter.distribution);
  switch (law.law) {
    case Law::fixed:
    case Law::choice: return " " + Value(parameter.values).to_string();
    case Law::normal: return " mu " + number(parameter.mu) + ", sigma " + number(parameter.sigma);
    case Law::beta: return " a " + number(parameter.a) + ", b " + number(parameter.b);
    default: return " [" + number(parameter.min) + ", " + number(parameter.max) + "]";
  }
}

// What the bounds of a log law mean as values: log_uniform [-9.2, -2.3] draws 1e-4 to 0.1.
std::string value_span(const sweep::ParameterSpec& parameter) {
  const sweep::DistributionTraits& law = sweep::traits(parameter.distribution);
  if (law.law != sweep::Law::uniform || !law.log_scale || law.bounds_are_values) return "";
  const double low = law.inverted ? std::exp(-parameter.max) : std::exp(parameter.min);
  const double high = law.inverted ? std::exp(-parameter.min) : std::exp(parameter.max);
  return " (values " + short_number(low) + " to " + short_number(high) + ")";
}

std::string grid_text(const sweep::ParameterSpec& parameter) {
  if (parameter.is_discrete()) return "";
  const std::int64_t count = sweep::grid_choices(parameter);
  std::string text = " -> grid";
  for (std::int64_t i = 0; i < count && i < kShownGridValues; ++i)
    text += (i ? ", " : " ") + sweep::grid_value(parameter, i).to_string();
  if (count > kShownGridValues) text += ", ... " + sweep::grid_value(parameter, count - 1).to_string();
  return text + " (" + std::to_string(count) + " values)";
}

}  // namespace

std::string parameter_text(const sweep::ParameterSpec& parameter, sweep::Method method) {
  std::string text = std::string(sweep::distribution_name(parameter.distribution)) + law_text(parameter);
  if (!parameter.probabilities.empty()) text += ", probabilities " + Value(Value::List(parameter.probabilities.begin(), parameter.probabilities.end())).to_string();
  if (sweep::traits(parameter.distribution).quantised) text += ", q " + number(parameter.q);
  text += value_span(parameter);
  if (method == sweep::Method::grid) text += grid_text(parameter);
  return text;
}

std::string metric_text(const sweep::Metric& metric) {
  std::string text = metric.name + " (" + (metric.maximize ? "maximize" : "minimize");
  if (metric.target) text += ", target " + number(*metric.target);
  text += ")";
  if (!metric.written.empty()) text += ", written " + metric.written;
  return text;
}

std::string early_terminate_text(const sweep::EarlyTerminate& rule) {
  std::string text = rule.type;
  if (rule.min_iter) text += ", min_iter " + std::to_string(*rule.min_iter);
  if (rule.max_iter) text += ", max_iter " + std::to_string(*rule.max_iter) + ", s " + std::to_string(rule.s.value_or(0));
  text += ", eta " + number(rule.eta) + "; trials judged after epochs";
  const std::vector<int> bands = sweep::hyperband_bands(rule);
  for (std::size_t i = 0; i < bands.size() && i < 8; ++i) text += (i ? ", " : " ") + std::to_string(bands[i]);
  if (bands.size() > 8) text += ", ...";
  return text;
}

std::string trial_text(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview) {
  std::string text = "#" + std::to_string(preview.trial.id);
  for (const sweep::ParameterSpec& parameter : spec.parameters)
    if (parameter.name != "seed") text += " " + parameter.name + "=" + preview.config.find(parameter.name)->to_string();
  if (const Value* swept = spec.find_parameter("seed") ? preview.config.find("seed") : nullptr)
    return text + " seed=" + swept->to_string() + " (trial seed " + std::to_string(preview.trial.seed) + ")";
  return text + " seed=" + std::to_string(preview.trial.seed);
}

}  // namespace vmsweep::cli
