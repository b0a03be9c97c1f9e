#include "parameter_parse.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "checks.hpp"
#include "distribution_fit.hpp"
#include "vmsweep/common/knob_check.hpp"

namespace vmsweep::sweep {

namespace {

using D = Distribution;

constexpr std::array<std::string_view, 9> kParameterKeys{
    "distribution", "value", "values", "probabilities", "min", "max", "q", "mu", "sigma"};

std::vector<std::string_view> keys_for(D distribution) {
  switch (distribution) {
    case D::constant: return {"value"};
    case D::categorical: return {"values", "probabilities"};
    case D::uniform:
    case D::int_uniform:
    case D::log_uniform_values:
    case D::log_uniform: return {"min", "max"};
    case D::q_uniform:
    case D::q_log_uniform_values: return {"min", "max", "q"};
    case D::normal:
    case D::log_normal: return {"mu", "sigma"};
    case D::q_normal: return {"mu", "sigma", "q"};
  }
  return {};
}

bool has_q(D distribution) {
  return distribution == D::q_uniform || distribution == D::q_log_uniform_values || distribution == D::q_normal;
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

void parse_constant(ParameterSpec& spec, const Value& entry, const Knob& knob) {
  const Value& value = *entry.find("value");
  if (value.is_null()) fail(value, spec.name, "empty value; write the value after 'value:'");
  check_knob_value(knob, value, spec.name, WholeReals::refused);
  spec.values = {value};
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

void parse_categorical(ParameterSpec& spec, const Value& entry, const Knob& knob) {
  const Value& values = required(entry, "values", D::categorical, spec.name);
  if (!values.is_list()) fail(values, spec.name, "expected a list of values after 'values:', got " + values.to_string());
  if (values.as_list().empty()) fail(values, spec.name, "empty list of values; give at least one");
  for (const Value& value : values.as_list()) {
    check_knob_value(knob, value, spec.name, WholeReals::refused);
    if (std::ranges::count(values.as_list(), value) > 1)
      fail(value, spec.name, "the value " + value.to_string() + " is listed twice");
  }
  spec.values = values.as_list();
  if (const Value* probabilities = entry.find("probabilities")) parse_probabilities(spec, *probabilities);
}

void parse_range(ParameterSpec& spec, const Value& entry) {
  spec.min = required_number(entry, "min", spec.distribution, spec.name);
  spec.max = required_number(entry, "max", spec.distribution, spec.name);
  const Value& max = *entry.find("max");
  if (spec.min > spec.max)
    fail(max, spec.name, "min " + entry.find("min")->to_string() + " is greater than max " + max.to_string());
  if (spec.min == spec.max) fail(max, spec.name, "min equals max; write {value: " + max.to_string() + "} for a constant");
  if (spec.distribution == D::int_uniform && !(entry.find("min")->is_int() && max.is_int()))
    fail(max, spec.name, "int_uniform needs integer min and max");
  const bool log_values = spec.distribution == D::log_uniform_values || spec.distribution == D::q_log_uniform_values;
  if (log_values && spec.min <= 0)
    fail(*entry.find("min"), spec.name, "distribution " + std::string(distribution_name(spec.distribution)) +
                                            " needs min > 0, got " + entry.find("min")->to_string());
}

void parse_normal(ParameterSpec& spec, const Value& entry) {
  if (entry.find("mu")) spec.mu = finite_number(*entry.find("mu"), spec.name + ".mu");
  if (const Value* sigma = entry.find("sigma")) {
    spec.sigma = finite_number(*sigma, spec.name + ".sigma");
    if (spec.sigma <= 0) fail(*sigma, spec.name, "sigma must be positive, got " + sigma->to_string());
  }
}

void parse_q(ParameterSpec& spec, const Value& entry) {
  const Value* q = entry.find("q");
  if (!q) return;  // W&B's default q is 1
  spec.q = finite_number(*q, spec.name + ".q");
  if (spec.q <= 0) fail(*q, spec.name, "q must be positive, got " + q->to_string());
}

void parse_numeric(ParameterSpec& spec, const Value& entry) {
  const bool normal_family = spec.distribution == D::normal || spec.distribution == D::log_normal ||
                             spec.distribution == D::q_normal;
  if (normal_family) parse_normal(spec, entry);
  else parse_range(spec, entry);
  if (has_q(spec.distribution)) parse_q(spec, entry);
}

}  // namespace

ParameterSpec parse_parameter(const std::string& name, const Value& entry, const Knob& knob) {
  if (!entry.is_map())
    fail(entry, name, "expected a mapping such as {value: " + entry.to_string() + "} or {values: [...]}, got " +
                          entry.to_string());
  ParameterSpec spec;
  spec.name = name;
  spec.mark = entry.mark();
  check_keys(entry, kParameterKeys, name);
  spec.distribution = infer_distribution(entry, name);
  check_entry_keys(entry, spec.distribution, name);
  if (spec.distribution == D::constant) parse_constant(spec, entry, knob);
  else if (spec.distribution == D::categorical) parse_categorical(spec, entry, knob);
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
