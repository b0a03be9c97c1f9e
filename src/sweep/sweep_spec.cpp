#include "vmsweep/sweep/sweep_spec.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "checks.hpp"
#include "configs.hpp"
#include "nested_parameters.hpp"
#include "parameter_parse.hpp"
#include "sections.hpp"
#include "sha256.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/rng.hpp"
#include "vmsweep/sweep/yaml_value.hpp"

namespace vmsweep::sweep {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 12> kKeys{"name",    "description", "seed",       "data",
                                                 "method",  "metric",      "run_cap",    "repeats",
                                                 "parameters", "early_terminate", "bayes", "fleet"};
constexpr std::uint64_t kTraceStream = 0x7472616365ULL;  // "trace"
constexpr std::uint64_t kSeedMask = (1ULL << 52) - 1;    // a seed the sweep file could have written

// W&B keys that mean something to W&B's agent, launcher or server only.
constexpr std::array<std::string_view, 10> kIgnoredKeys{"program",   "command", "project",   "entity",     "controller",
                                                        "job",       "image_uri", "scheduler", "apiVersion", "kind"};
// W&B keys for what vmsweep does not do.
constexpr std::array<std::string_view, 1> kUnsupportedKeys{"metrics"};
constexpr std::array<std::string_view, 3> kMethods{"grid", "random", "bayes"};

Method parse_method(const Value* method, const Value& root) {
  if (!method) fail(root, "method", "missing; expected grid, random or bayes");
  const std::string& text = nonempty_string(*method, "method");
  if (text == "grid") return Method::grid;
  if (text == "random") return Method::random;
  if (text == "bayes") return Method::bayes;
  if (text == "custom")
    fail(*method, "method", "custom is not supported: it hands the search to an external scheduler (Optuna, Ax) "
                            "through W&B's server; use grid, random or bayes (vmsweep's bayes is TPE, as Optuna's)");
  fail(*method, "method", "expected grid, random or bayes, got '" + text + "'" + did_you_mean(text, kMethods));
}

const Knob& knob_named(std::span<const Knob> knobs, const std::string& name) {
  return *std::ranges::find_if(knobs, [&](const Knob& knob) { return knob.name == name; });
}

// Sweeping over several traces: each path is resolved like the data block's.
void resolve_paths(ParameterSpec& parameter, const fs::path& base_dir) {
  for (Value& path : parameter.values) path = Value(resolve_data_path(path, base_dir)).with_mark(path.mark());
}

std::vector<ParameterSpec> parse_parameters(const std::vector<FlatParameter>& flat, std::span<const Knob> knobs,
                                            const fs::path& base_dir, std::vector<std::string>& readings) {
  std::vector<ParameterSpec> parameters;
  for (const FlatParameter& parameter : flat) {
    parameters.push_back(parse_parameter(parameter.name, *parameter.entry, knob_named(knobs, parameter.name), readings));
    if (parameter.name == "path") resolve_paths(parameters.back(), base_dir);
  }
  return parameters;
}

// A W&B file can give the trace as a parameter instead of a data block.
bool path_is_swept(const std::vector<ParameterSpec>& parameters) {
  return std::ranges::any_of(parameters, [](const ParameterSpec& parameter) { return parameter.name == "path"; });
}

void parse_data(SweepSpec& spec, const Value& root, std::span<const Knob> knobs, const fs::path& base_dir) {
  const bool swept = path_is_swept(spec.parameters);
  const Value* data = root.find("data");
  if (!data && !swept) fail(root, "data", "missing; expected a data block with at least a path");
  if (!data) {
    spec.data = Value(Value::Map{});
    return;
  }
  DataBlock block = parse_data_block(*data, knobs, base_dir, !swept);
  spec.data = std::move(block.data);
  spec.traces = std::move(block.traces);
  spec.skip_bad = block.skip_bad;
  if (swept && spec.is_fleet())
    fail(*data->find("path"), "data.path", "names " + std::to_string(spec.traces.size()) +
                                               " traces while `path` is also a swept parameter; give the traces in one place");
}

// `fleet: local` searches each trace on its own; `global` trains one model per configuration on every trace.
Fleet parse_fleet(const Value& fleet) {
  const std::string& text = nonempty_string(fleet, "fleet");
  if (text == "local") return Fleet::local;
  if (text == "global") return Fleet::global;
  fail(fleet, "fleet", "expected local or global, got '" + text + "'");
}

void check_grid_parameter(const ParameterSpec& parameter) {
  if (grid_accepts(parameter)) return;
  if (parameter.distribution == Distribution::categorical)
    throw InputError(parameter.mark, "key '" + parameter.name + "': method grid runs every value, so probabilities do "
                                     "not apply (W&B's grid refuses them too); remove them or use method random");
  throw InputError(parameter.mark, "key '" + parameter.name + "': method grid takes value, values, int_uniform or "
                                   "q_uniform (W&B's rule), but this is distribution " +
                                   std::string(distribution_name(parameter.distribution)) +
                                   "; write values: [...] or use method random or bayes");
}

// W&B's grid runs a configuration once however often a value is listed.
void drop_repeated_values(ParameterSpec& parameter) {
  Value::List distinct;
  for (Value& value : parameter.values)
    if (std::ranges::find(distinct, value) == distinct.end()) distinct.push_back(std::move(value));
  parameter.values = std::move(distinct);
}

void check_grid(SweepSpec& spec) {
  for (ParameterSpec& parameter : spec.parameters) {
    check_grid_parameter(parameter);
    drop_repeated_values(parameter);
  }
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
                              "': used by W&B's agent or server only; ignored");
  if (root.find("bayes") && spec.method != Method::bayes)
    spec.warnings.push_back(root.find("bayes")->mark().to_string() + ": key 'bayes': ignored with method " +
                            std::string(method_name(spec.method)));
}

void check_top_keys(const Value& root) {
  std::vector<std::string_view> allowed(kKeys.begin(), kKeys.end());
  allowed.insert(allowed.end(), kIgnoredKeys.begin(), kIgnoredKeys.end());
  allowed.insert(allowed.end(), kUnsupportedKeys.begin(), kUnsupportedKeys.end());
  check_keys(root, allowed, "");
  if (const Value* metrics = root.find("metrics"))
    fail(*metrics, "metrics", "not supported: vmsweep optimises one metric (W&B's multi-objective `metrics` needs "
                              "method custom); give it as metric: {name: ..., goal: ...}");
}

SweepName name_of(SweepSpec& spec, const Value& root) {
  if (const Value* name = root.find("name")) return sweep_name(*name, spec.readings);
  const std::string stem = spec.path.stem().string();
  std::vector<std::string> ignored;  // a file's own name needs no note
  return sweep_name(Value(stem.empty() ? "sweep" : stem).with_mark({spec.path.string(), 0, 0}), ignored);
}

void parse_sections(SweepSpec& spec, const Value& root, std::span<const Knob> knobs, const fs::path& base_dir) {
  const SweepName name = name_of(spec, root);
  spec.display_name = name.display;
  spec.name = name.folder;
  if (const Value* text = root.find("description")) spec.description = text->as_string("description");
  spec.seed = parse_seed(root.find("seed"));
  spec.method = parse_method(root.find("method"), root);
  const Value* parameters = root.find("parameters");
  if (!parameters) fail(root, "parameters", "missing; expected a mapping from parameter names to values");
  spec.parameters = parse_parameters(flatten_parameters(*parameters, knobs, spec.readings), knobs, base_dir, spec.readings);
  parse_data(spec, root, knobs, base_dir);
  if (const Value* fleet = root.find("fleet")) spec.fleet = parse_fleet(*fleet);
  if (const Value* metric = root.find("metric")) spec.metric = parse_metric(*metric, spec.parameters, spec.readings, spec.warnings);
  if (const Value* cap = root.find("run_cap")) spec.run_cap = positive_int(*cap, "run_cap");
  if (const Value* repeats = root.find("repeats")) spec.repeats = static_cast<int>(positive_int(*repeats, "repeats"));
  if (const Value* rule = root.find("early_terminate")) spec.early_terminate = parse_early_terminate(*rule, spec.warnings);
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
  if (spec.early_terminate) warn_unreachable_bands(spec, *root.find("early_terminate"), knobs);
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

SweepSpec trace_spec(const SweepSpec& spec, std::size_t trace_index) {
  SweepSpec one = spec;
  one.traces = {spec.traces.at(trace_index)};
  one.data.set("path", Value(one.traces.front().path).with_mark(spec.data.find("path")->mark()));
  if (spec.method != Method::grid)
    one.seed = static_cast<std::int64_t>(mix_seed({static_cast<std::uint64_t>(spec.seed), kTraceStream, trace_index}) & kSeedMask);
  return one;
}

const ParameterSpec* SweepSpec::find_parameter(std::string_view name) const {
  for (const ParameterSpec& parameter : parameters)
    if (parameter.name == name) return &parameter;
  return nullptr;
}

}  // namespace vmsweep::sweep
