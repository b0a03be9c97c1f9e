#include <stdexcept>
#include <string>
#include <vector>
#include <system_error>

#include "checks.hpp"
#include "sections.hpp"
#include "trace_paths.hpp"
#include "vmsweep/common/knob_check.hpp"
#include "vmsweep/common/regular_file.hpp"

namespace vmsweep::sweep {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> data_field_names(std::span<const Knob> knobs) {
  std::vector<std::string_view> names{"skip_bad"};
  for (const Knob& knob : knobs)
    if (knob.data_field) names.push_back(knob.name);
  return names;
}

const Knob& data_knob(std::span<const Knob> knobs, std::string_view name) {
  for (const Knob& knob : knobs)
    if (knob.data_field && knob.name == name) return knob;
  throw std::logic_error("no data knob " + std::string(name));
}

bool is_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error);
}

}  // namespace

std::string resolve_data_path(const Value& path, const fs::path& base_dir) {
  const fs::path written(nonempty_string(path, "data.path"));
  if (written.is_absolute()) {
    if (is_file(written)) return written.lexically_normal().string();
    if (fs::exists(written)) fail(path, "data.path", written.string() + " is " + file_kind(written) + ", not a trace file");
    fail(path, "data.path", "file not found: " + written.string());
  }
  const fs::path beside_sweep = fs::absolute(base_dir / written).lexically_normal();
  if (is_file(beside_sweep)) return beside_sweep.string();
  const fs::path from_cwd = fs::absolute(written).lexically_normal();
  if (is_file(from_cwd)) return from_cwd.string();
  fail(path, "data.path", "file not found: " + written.string() +
                              " (looked beside the sweep file and in the working directory)");
}

DataBlock parse_data_block(const Value& block, std::span<const Knob> knobs, const fs::path& base_dir,
                           bool path_required) {
  require_map(block, "data");
  const auto names = data_field_names(knobs);
  check_keys(block, names, "data");
  DataBlock parsed{Value(Value::Map{}), {}, false};
  for (const auto& [key, value] : block.as_map()) {
    if (value.is_null()) fail(value, "data." + key, "empty value");
    if (key == "skip_bad") parsed.skip_bad = value.as_bool("data.skip_bad");
    else if (key == "path") parsed.traces = resolve_traces(value, base_dir);
    else check_knob_value(data_knob(knobs, key), value, "data." + key, WholeReals::refused);
    if (key != "skip_bad") parsed.data.set(key, value);
  }
  Value* path = parsed.data.find("path");
  if (!path && path_required) fail(block, "data", "expected a path: the trace file to load");
  if (path) *path = Value(parsed.traces.front().path).with_mark(path->mark());
  return parsed;
}

}  // namespace vmsweep::sweep
