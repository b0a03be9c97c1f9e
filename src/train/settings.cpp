#include "vmsweep/train/settings.hpp"

#include <filesystem>

#include "vmsweep/common/did_you_mean.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/parameters.hpp"
#include "vmsweep/train/parameters.hpp"

namespace vmsweep::train {

namespace {

void refuse_unknown_keys(const Value& params) {
  for (const auto& [key, value] : params.as_map("parameters")) {
    if (find_knob(key)) continue;
    std::vector<std::string_view> names;
    for (const Knob& knob : all_knobs()) names.push_back(knob.name);
    throw InputError(value.mark(), "unknown parameter '" + key + "'" + did_you_mean(key, names));
  }
}

// The data fields that were given, in declaration order: what identifies a trial's data.
Value given_data_fields(const Value& params) {
  Value fields = Value::Map{};
  for (const Knob& knob : data::data_knobs())
    if (const Value* value = params.find(knob.name)) fields.set(std::string(knob.name), *value);
  return fields;
}

// A relative trace path is read from the folder of the file that named it, else the working directory.
std::filesystem::path base_dir_of(const Value& params) {
  const Value* path = params.find("path");
  if (!path || path->mark().file.empty()) return {};
  return std::filesystem::path(path->mark().file).parent_path();
}

// A refit learns from train + val, and validation folds move val into train: with `val: test` both
// would learn from the test windows.
void check_split_for_test_safety(const TrainSettings& settings) {
  const char* key = settings.refit ? "refit" : settings.val_folds > 1 ? "val_folds" : nullptr;
  if (!key || !settings.data.split.val_is_test) return;
  const Value& value = *settings.params.find(key);
  throw InputError(value.mark(), std::string(key) + ": " + value.to_string() +
                                     " needs a validation part of its own, but the split reuses the test windows (val: test)");
}

// The highway reads the last ar_highway steps of a window: it cannot reach past the look-back.
void check_highway_fits_window(const TrainSettings& settings) {
  if (settings.model.ar_highway <= settings.look_back) return;
  const Value& value = *settings.params.find("ar_highway");
  throw key_error(value.mark(), "ar_highway",
                  "expected at most look_back (" + std::to_string(settings.look_back) +
                      ": the highway reads the window's last ar_highway steps), got " + value.to_string());
}

}  // namespace

TrainSettings settings_from_params(const Value& params) {
  const Value given = params.is_null() ? Value(Value::Map{}) : params;
  refuse_unknown_keys(given);
  TrainSettings settings;
  settings.params = trainer_parameters().assign(settings, given, true);
  settings.data = data::DataSpec::from_fields(given, base_dir_of(given));
  settings.data_block = given_data_fields(given);
  for (const auto& [key, value] : settings.data_block.as_map()) settings.params.set(key, value);
  check_split_for_test_safety(settings);
  check_highway_fits_window(settings);
  return settings;
}

}  // namespace vmsweep::train
