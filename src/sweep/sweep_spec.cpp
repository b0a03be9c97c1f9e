#include "vmsweep/sweep/sweep_spec.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include "checks.hpp"
#include "parameter_parse.hpp"
#include "sections.hpp"
#include "sha256.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/sweep/yaml_value.hpp"

namespace vmsweep::sweep {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 11> kKeys{"name",    "description", "seed",       "data",
                                                 "method",  "metric",      "run_cap",    "repeats",
                                                 "parameters", "early_terminate", "bayes"};
// W&B keys that mean something to W&B's agent only.
constexpr std::array<std::string_view, 4> kIgnoredKeys{"program", "command", "project", "entity"};
constexpr std::array<std::string_view, 3> kMethods{"grid", "random", "bayes"};
constexpr std::int64_t kDefaultConfigs = 100;  // without run_cap, random and bayes stop here

Method parse_method(const Value* method, const Value& root) {
  if (!method) fail(root, "method", "missing; expected grid, random or bayes");
  const std::string& text = nonempty_string(*method, "method");
  if (text == "grid") return Method::grid;
  if (text == "random") return Method::random;
  if (text == "bayes") return Method::bayes;
  fail(*method, "method", "expected grid, random or bayes, got '" + text + "'" + did_you_mean(text, kMethods));
}

std::vector<std::string_view> knob_names(std::span<const Knob> knobs) {
  std::vector<std::string_view> names;
  for (const Knob& knob : knobs) names.push_back(knob.name);
  return names;
}

const Knob& knob_for(const std::string& name, const Value& entry, std::span<const Knob> knobs) {
  for (const Knob& knob : knobs)
    if (knob.name == name) return knob;
  fail(entry, name, "unknown parameter" + did_you_mean(name, knob_names(knobs)) +
                        "; the parameters are listed in docs/parameters.md");
}

// Sweeping over several traces: each path is resolved like the data block's.
void resolve_paths(ParameterSpec& parameter, const fs::path& base_dir) {
  for (Value& path : parameter.values) path = Value(resolve_data_path(path, base_dir)).with_mark(path.mark());
}

std::vector<ParameterSpec> parse_parameters(const Value* block, const Value& root, std::span<const Knob> knobs,
                                            const fs::path& base_dir) {
  if (!block) fail(root, "parameters", "missing; expected a mapping from parameter names to values");
  require_map(*block, "parameters");
  if (block->as_map().empty()) fail(*block, "parameters", "empty; give at least one parameter");
  std::vector<ParameterSpec> parameters;
  for (const auto& [name, entry] : block->as_map()) {
    parameters.push_back(parse_parameter(name, entry, knob_for(name, entry, knobs)));
    if (name == "path") resolve_paths(parameters.back(), base_dir);
  }
  return parameters;
}

// A W&B file can give the trace as a parameter instead of a data block.
bool path_is_swept(const Value& root) {
  const Value* parameters = root.find("parameters");
  return parameters && parameters->find("path");
}

Value parse_data(const Value& root, std::span<const Knob> knobs, const fs::path& base_dir) {
  const bool swept = path_is_swept(root);
  const Value* data = root.find("data");
  if (!data && !swept) fail(root, "data", "missing; expected a data block with at least a path");
  if (!data) return Value(Value::Map{});
  return parse_data_block(*data, knobs, base_dir, !swept);
}

void check_grid(const SweepSpec& spec) {
  for (const ParameterSpec& parameter : spec.parameters) {
    if (parameter.is_discrete()) continue;
    throw InputError(parameter.mark, "key '" + parameter.name + "': method grid needs a list of values, but this is "
                                     "distribution " + std::string(distribution_name(parameter.distribution)) +
                                     "; write values: [...] or use method random or bayes");
  }
}

// W&B runs random and bayes sweeps until they are stopped; a batch job needs an end.
void check_budget(SweepSpec& spec, const Value& root) {
  const Value* cap = root.find("run_cap");
  if (spec.method != Method::grid && !spec.run_cap) {
    spec.run_cap = kDefaultConfigs * spec.repeats;
    spec.warnings.push_back(root.mark().to_string() + ": key 'run_cap': missing; method " +
                            std::string(method_name(spec.method)) + " stops after " + std::to_string(*spec.run_cap) +
                            " trials");
  }
  if (cap && *spec.run_cap < spec.repeats)
    fail(*cap, "run_cap", std::to_string(*spec.run_cap) + " is fewer than one configuration's " +
                              std::to_string(spec.repeats) + " repeats");
}

std::int64_t parse_seed(const Value* seed) {
  if (!seed) return 0;
  if (!seed->is_int() || seed->as_int() < 0) fail(*seed, "seed", "expected an integer >= 0, got " + seed->to_string());
  return seed->as_int();
}

void note_ignored_keys(SweepSpec& spec, const Value& root) {
  for (std::string_view key : kIgnoredKeys)
    if (const Value* value = root.find(key))
      spec.warnings.push_back(value->mark().to_string() + ": key '" + std::string(key) +
                              "': used by W&B's agent only; ignored");
  if (root.find("bayes") && spec.method != Method::bayes)
    spec.warnings.push_back(root.find("bayes")->mark().to_string() + ": key 'bayes': ignored with method " +
                            std::string(method_name(spec.method)));
}

void check_top_keys(const Value& root) {
  std::vector<std::string_view> allowed(kKeys.begin(), kKeys.end());
  allowed.insert(allowed.end(), kIgnoredKeys.begin(), kIgnoredKeys.end());
  check_keys(root, allowed, "");
}

std::string default_name(const std::string& file_name) {
  const std::string stem = fs::path(file_name).stem().string();
  return checked_name(Value(stem.empty() ? "sweep" : stem).with_mark({file_name, 0, 0}));
}

void parse_sections(SweepSpec& spec, const Value& root, std::span<const Knob> knobs, const fs::path& base_dir) {
  const Value* name = root.find("name");
  spec.name = name ? checked_name(*name) : default_name(spec.path.string());
  if (const Value* text = root.find("description")) spec.description = text->as_string("description");
  spec.seed = parse_seed(root.find("seed"));
  spec.data = parse_data(root, knobs, base_dir);
  spec.method = parse_method(root.find("method"), root);
  if (const Value* metric = root.find("metric")) spec.metric = parse_metric(*metric);
  if (const Value* cap = root.find("run_cap")) spec.run_cap = positive_int(*cap, "run_cap");
  if (const Value* repeats = root.find("repeats")) spec.repeats = static_cast<int>(positive_int(*repeats, "repeats"));
  spec.parameters = parse_parameters(root.find("parameters"), root, knobs, base_dir);
  if (const Value* rule = root.find("early_terminate")) spec.early_terminate = parse_early_terminate(*rule);
  if (const Value* bayes = root.find("bayes")) spec.bayes = parse_bayes_options(*bayes);
}

}  // namespace

std::string_view method_name(Method method) {
  switch (method) {
    case Method::grid: return "grid";
    case Method::random: return "random";
    case Method::bayes: return "bayes";
  }
  return "?";
}

SweepSpec SweepSpec::parse(std::string_view text, const std::string& file_name, std::span<const Knob> knobs,
                           const fs::path& base_dir) {
  const Value root = parse_yaml(text, file_name);
  if (!root.is_map())
    throw InputError(root.mark(), "expected a mapping of sweep settings (name, method, data, parameters, ...), got " +
                                      std::string(root.is_null() ? "an empty file" : Value::kind_name(root.kind())));
  check_top_keys(root);
  SweepSpec spec;
  spec.text = std::string(text);
  spec.hash = sha256_hex(text);
  spec.path = file_name;
  parse_sections(spec, root, knobs, base_dir);
  if (spec.method == Method::grid) check_grid(spec);
  note_ignored_keys(spec, root);
  check_budget(spec, root);
  return spec;
}

SweepSpec SweepSpec::load(const fs::path& path, std::span<const Knob> knobs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string(), 0, 0}, "cannot read the sweep file");
  std::ostringstream text;
  text << in.rdbuf();
  const fs::path base_dir = fs::absolute(path).parent_path();
  return parse(text.str(), path.string(), knobs, base_dir);
}

const ParameterSpec* SweepSpec::find_parameter(std::string_view name) const {
  for (const ParameterSpec& parameter : parameters)
    if (parameter.name == name) return &parameter;
  return nullptr;
}

}  // namespace vmsweep::sweep
