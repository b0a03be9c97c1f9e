#include "vmsweep/data/data_spec.hpp"

#include "vmsweep/common/error.hpp"
#include "data_fields.hpp"
#include "vmsweep/data/parameters.hpp"

namespace vmsweep::data {

namespace {

std::filesystem::path resolve(const std::filesystem::path& path, const std::filesystem::path& base_dir) {
  if (path.empty() || path.is_absolute() || base_dir.empty()) return path;
  return base_dir / path;
}

std::string known_fields() {
  std::string names;
  for (const Knob& knob : data_knobs()) names += (names.empty() ? "" : ", ") + std::string(knob.name);
  return names;
}

void refuse_unknown_fields(const Value& block) {
  for (const auto& [key, item] : block.as_map("data"))
    if (!data_parameters().find(key))
      throw InputError(item.mark(), "data: unknown field '" + key + "' (known: " + known_fields() + ")");
}

}  // namespace

DataSpec DataSpec::from_fields(const Value& params, const std::filesystem::path& base_dir) {
  DataSpec spec;
  data_parameters().assign(spec, params, false);
  spec.path = resolve(spec.path, base_dir);
  if (spec.timestamp.none && spec.interval_ms == 0)
    throw InputError(params.mark(), "data: 'interval' is required when 'timestamp' is none");
  check_history(spec);
  return spec;
}

DataSpec DataSpec::from_value(const Value& block, const std::filesystem::path& base_dir) {
  refuse_unknown_fields(block);
  DataSpec spec = from_fields(block, base_dir);
  if (spec.path.empty()) throw InputError(block.mark(), "data: 'path' (the trace file) is missing");
  return spec;
}

std::size_t DataSpec::sub_steps() const {
  if (!history.enabled() || !resample.enabled()) return 0;
  return static_cast<std::size_t>(resample.period_ms / history.period_ms);
}

std::string ColumnRef::to_string() const {
  if (none) return "none";
  if (automatic) return "auto";
  // Built by appending: g++ 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
  std::string text(1, index > 0 ? '#' : '\'');
  text += index > 0 ? std::to_string(index) : name + "'";
  return text;
}

std::string SplitSpec::to_string() const {
  auto part = [this](double x) {
    if (mode == Mode::counts) return x < 0 ? std::string("rest") : std::to_string(static_cast<long long>(x));
    return std::to_string(x).substr(0, 5);
  };
  return "{train: " + part(train) + ", val: " + (val_is_test ? std::string("test") : part(val)) + ", test: " + part(test) + "}";
}

}  // namespace vmsweep::data
