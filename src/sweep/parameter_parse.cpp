#include "parameter_parse.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "checks.hpp"
#include "distribution_fit.hpp"
#include "vmsweep/common/knob_check.hpp"

namespace vmsweep::sweep {

namespace {

using D = Distribution;

constexpr std::array<std::string_view, 11> kParameterKeys{
    "distribution", "value", "values", "probabilities", "min", "max", "q", "mu", "sigma", "a", "b"};

std::vector<std::string_view> keys_for(D distribution) {
  const DistributionTraits& law = traits(distribution);
  std::vector<std::string_view> keys;
  switch (law.law) {
    case Law::fixed: keys = {"value"}; break;
    case Law::choice: keys = {"values", "probabilities"}; break;
    case Law::uniform:
    case Law::integers: keys = {"min", "max"}; break;
    case Law::normal: keys = {"mu", "sigma"}; break;
    case Law::beta: keys = {"a", "b"}; break;
  }
  if (law.quantised) keys.push_back("q");
  return keys;
}

D named_distribution(const Value& text, const std::string& name) {
  const std::string& written = nonempty_string(text, name + ".distribution");
  if (auto known = distribution_from_name(written)) return *known;
  const auto names = distribution_names();
  fail(text, name, "unknown distribution '" + written + "'" + did_you_mean(written, names));
}

D infer_distribution(const Value& entry, const std::string& name) {
  if (const Value* named = entry.find("distribution")) return named_distribution(*named, name);
  if (entry.find("value")) return D::constant;
  if (entry.find("values")) return D::categorical;
  const Value* min = entry.find("min");
  const Value* max = entry.find("max");
  if (min || max) return min && max && min->is_int() && max->is_int() ? D::int_uniform : D::uniform;
  if (entry.find("mu") || entry.find("sigma")) return D::normal;
  fail(entry, name, "expected value, values, min and max, or a distribution");
}

// Every key is a parameter key (checked before); those the distribution does not take are refused.
void check_entry_keys(const Value& entry, D distribution, const std::string& name) {
  const auto used = keys_for(distribution);
  for (const auto& [key, value] : entry.as_map()) {
    if (key == "distribution" || std::ranges::find(used, key) != used.end()) continue;
    fail(value, name + "." + key, "does not apply to distribution " + std::string(distribution_name(distribution)));
  }
}

const Value& required(const Value& entry, std::string_view key, D distribution, const std::string& name) {
  if (const Value* found = entry.find(key)) return *found;
  fail(entry, name, "distribution " + std::string(distribution_name(distribution)) + " needs '" +
                        std::string(key) + "'");
}

double required_number(const Value& entry, std::string_view key, D distribution, const std::string& name) {
  return finite_number(required(entry, key, distribution, name), name + "." + std::string(key));
}

// A positive number with W&B's default when absent (sigma, q, a, b).
double positive_or(const Value& entry, std::string_view key, double fallback, const std::string& name) {
  const Value* found = entry.find(key);
  if (!found) return fallback;
  const double number = finite_number(*found, name + "." + std::string(key));
  if (number <= 0) fail(*found, name, std::string(key) + " must be positive, got " + found->to_string());
  return number;
}

// The layers knob takes a list per value; W&B files give one size (`layers: {values: [64, 128]}`):
// each is read as a one-layer list, and the reading is reported.
Value as_layers(const Value& value, const Knob& knob, std::vector<std::string>& readings, const std::string& name) {
  if (knob.type != Knob::Type::int_list || !value.is_number()) return value;
  Value list = Value(Value::List{value}).with_mark(value.mark());
  readings.push_back(value.mark().to_string() + ": key '" + name + "': " + value.to_string() + " read as " +
                     list.to_string() + " (one LSTM layer)");
  return list;
}

void parse_constant(ParameterSpec& spec, const Value& entry, const Knob& knob, std::vector<std::string>& readings) {
  const Value& value = *entry.find("value");
  if (value.is_null()) fail(value, spec.name, "empty value; write the value after 'value:'");
  check_knob_value(knob, value, spec.name, WholeReals::refused);
  spec.values = {as_layers(value, knob, readings, spec.name)};
}

void parse_probabilities(ParameterSpec& spec, const Value& list) {
  const std::string key = spec.name + ".probabilities";
  if (!list.is_list() || list.as_list().size() != spec.values.size())
    fail(list, key, "expected a list of " + std::to_string(spec.values.size()) + " numbers, one per value");
  double sum = 0;
  for (const Value& item : list.as_list()) {
    const double p = finite_number(item, key);
    if (p < 0 || p > 1) fail(item, key, "expected a probability in [0, 1], got " + item.to_string());
    spec.probabilities.push_back(p);
    sum += p;
  }
  if (std::fabs(sum - 1.0) > 1e-6)
    fail(list, key, "the probabilities sum to " + Value(sum).to_string() + "; they must sum to 1");
}

// W&B keeps a value listed twice: a random draw picks it twice as often, a grid runs it once.
void note_repeated_values(const ParameterSpec& spec, const Value& values, std::vector<std::string>& readings) {
  const Value::List& list = values.as_list();
  for (auto item = list.begin(); item != list.end(); ++item)
    if (std::find(list.begin(), item, *item) == item && std::count(item, list.end(), *item) > 1)
      readings.push_back(item->mark().to_string() + ": key '" + spec.name + "': the value " + item->to_string() +
                         " is listed " + std::to_string(std::count(item, list.end(), *item)) +
                         " times: kept, as W&B keeps it (random and bayes draw it that much more often; grid "
                         "runs it once)");
}

void parse_categorical(ParameterSpec& spec, const Value& entry, const Knob& knob, std::vector<std::string>& readings) {
  const Value& values = required(entry, "values", D::categorical, spec.name);
  if (!values.is_list()) fail(values, spec.name, "expected a list of values after 'values:', got " + values.to_string());
  if (values.as_list().empty()) fail(values, spec.name, "empty list of values; give at least one");
  for (const Value& value : values.as_list()) {
    check_knob_value(knob, value, spec.name, WholeReals::refused);
    spec.values.push_back(as_layers(value, knob, readings, spec.name));
  }
  note_repeated_values(spec, Value(spec.values), readings);
  const Value* probabilities = entry.find("probabilities");
  const Value* named = entry.find("distribution");
  if (!probabilities && named && named->as_string() == "categorical_w_probabilities")
    fail(entry, spec.name, "distribution categorical_w_probabilities needs 'probabilities'");
  if (probabilities) parse_probabilities(spec, *probabilities);
}

void parse_range(ParameterSpec& spec, const Value& entry) {
  spec.min = required_number(entry, "min", spec.distribution, spec.name);
  spec.max = required_number(entry, "max", spec.distribution, spec.name);
  const Value& min = *entry.find("min");
  const Value& max = *entry.find("max");
  if (spec.min > spec.max) fail(max, spec.name, "min " + min.to_string() + " is greater than max " + max.to_string());
  if (spec.min == spec.max) fail(max, spec.name, "min equals max; write {value: " + max.to_string() + "} for a constant");
  if (spec.distribution == D::int_uniform && !(min.is_int() && max.is_int()))
    fail(max, spec.name, "int_uniform needs integer min and max");
  if (traits(spec.distribution).bounds_are_values && spec.min <= 0)
    fail(min, spec.name, "distribution " + std::string(distribution_name(spec.distribution)) +
                             " needs min > 0 (its bounds are values, drawn in log space), got " + min.to_string());
}

void parse_numeric(ParameterSpec& spec, const Value& entry) {
  const DistributionTraits& law = traits(spec.distribution);
  if (law.law == Law::normal) {
    if (const Value* mu = entry.find("mu")) spec.mu = finite_number(*mu, spec.name + ".mu");
    spec.sigma = positive_or(entry, "sigma", 1, spec.name);
  } else if (law.law == Law::beta) {
    spec.a = positive_or(entry, "a", 1, spec.name);
    spec.b = positive_or(entry, "b", 1, spec.name);
  } else {
    parse_range(spec, entry);
  }
  if (law.quantised) spec.q = positive_or(entry, "q", 1, spec.name);
}

}  // namespace

ParameterSpec parse_parameter(const std::string& name, const Value& entry, const Knob& knob,
                              std::vector<std::string>& readings) {
  if (!entry.is_map())
    fail(entry, name, "expected a mapping such as {value: " + entry.to_string() + "} or {values: [...]}, got " +
                          entry.to_string());
  ParameterSpec spec;
  spec.name = name;
  spec.mark = entry.mark();
  check_keys(entry, kParameterKeys, name);
  spec.distribution = infer_distribution(entry, name);
  check_entry_keys(entry, spec.distribution, name);
  if (spec.distribution == D::constant) parse_constant(spec, entry, knob, readings);
  else if (spec.distribution == D::categorical) parse_categorical(spec, entry, knob, readings);
  else {
    parse_numeric(spec, entry);
    check_distribution_fits_knob(spec, entry, knob);
    spec.integer = knob.type == Knob::Type::integer;
    spec.clip_min = knob.min;
    spec.clip_max = knob.max;
  }
  return spec;
}

}  // namespace vmsweep::sweep
