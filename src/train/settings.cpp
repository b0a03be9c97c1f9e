#include "vmsweep/train/settings.hpp"

#include "knob_check.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/train/knobs.hpp"

namespace vmsweep::train {

namespace {

const Knob& known_knob(const std::string& key, const Value& value) {
  if (const Knob* knob = find_knob(key)) return *knob;
  std::string suggestion = closest_knob_name(key, all_knobs());
  throw InputError(value.mark(), "unknown parameter '" + key + "'" +
                                     (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
}

// Every given key checked, then the trainer knobs in table order (given or default) followed by
// the data-block fields that were given.
Value complete_params(const Value& params) {
  static const Value::Map none;
  const Value::Map& given = params.is_null() ? none : params.as_map("parameters");
  for (const auto& [key, value] : given) check_knob_value(known_knob(key, value), value);
  Value complete = Value::Map{};
  for (const Knob& knob : all_knobs()) {
    const Value* value = params.find(knob.name);
    if (value) {
      complete.set(std::string(knob.name), *value);
    } else if (auto fallback = knob_default(knob); fallback && !knob.data_field) {
      complete.set(std::string(knob.name), std::move(*fallback));
    }
  }
  return complete;
}

int int_of(const Value& params, const char* key) { return static_cast<int>(params.find(key)->as_int(key)); }
double real_of(const Value& params, const char* key) { return params.find(key)->as_double(key); }
const std::string& text_of(const Value& params, const char* key) { return params.find(key)->as_string(key); }

std::vector<int> layers_of(const Value& params) {
  const Value& layers = *params.find("layers");
  if (layers.is_number()) return {static_cast<int>(layers.as_int("layers"))};
  std::vector<int> sizes;
  for (const Value& size : layers.as_list("layers")) sizes.push_back(static_cast<int>(size.as_int("layers")));
  return sizes;
}

ScheduleSettings schedule_of(const Value& params) {
  ScheduleSettings schedule;
  schedule.kind = text_of(params, "lr_schedule");
  schedule.decay_start = int_of(params, "lr_decay_start");
  schedule.decay_rate = real_of(params, "lr_decay_rate");
  schedule.step_size = int_of(params, "lr_step_size");
  schedule.step_gamma = real_of(params, "lr_step_gamma");
  schedule.lr_min = real_of(params, "lr_min");
  schedule.plateau_patience = int_of(params, "lr_plateau_patience");
  return schedule;
}

void read_optimisation(const Value& params, TrainSettings& settings) {
  settings.learning_rate = real_of(params, "learning_rate");
  settings.batch_size = int_of(params, "batch_size");
  settings.epochs = int_of(params, "epochs");
  settings.patience = int_of(params, "patience");
  settings.min_delta = real_of(params, "min_delta");
  settings.restore_best = params.find("restore_best")->as_bool("restore_best");
  settings.refit = params.find("refit")->as_bool("refit");
  settings.val_folds = int_of(params, "val_folds");
  settings.schedule = schedule_of(params);
  settings.optimizer = text_of(params, "optimizer");
  settings.beta1 = real_of(params, "beta1");
  settings.beta2 = real_of(params, "beta2");
  settings.epsilon = real_of(params, "epsilon");
  settings.loss = text_of(params, "loss");
  settings.init = text_of(params, "init");
  settings.lstm_bias = text_of(params, "lstm_bias");
  settings.huber_delta = real_of(params, "huber_delta");
  settings.clip_norm = real_of(params, "clip_norm");
}

Value data_fields_of(const Value& params) {
  Value block = Value::Map{};
  for (const auto& [key, value] : params.as_map())
    if (find_knob(key)->data_field) block.set(key, value);
  return block;
}

// A refit learns from train + val, and validation folds move val into train: with `val: test` both
// would learn from the test windows.
void check_split_for_test_safety(const TrainSettings& settings) {
  const char* key = settings.refit ? "refit" : settings.val_folds > 1 ? "val_folds" : nullptr;
  if (!key || !data::DataSpec::from_value(settings.data_block).split.val_is_test) return;
  throw InputError(settings.params.find(key)->mark(), std::string(key) + ": " + settings.params.find(key)->to_string() +
                                                          " needs a validation part of its own, but the split reuses "
                                                          "the test windows (val: test)");
}

}  // namespace

TrainSettings settings_from_params(const Value& params) {
  TrainSettings settings;
  settings.params = complete_params(params);
  const Value& all = settings.params;
  settings.look_back = int_of(all, "look_back");
  settings.horizon = int_of(all, "horizon");
  settings.layers = layers_of(all);
  settings.dropout = real_of(all, "dropout");
  settings.seed = all.find("seed")->as_int("seed");
  read_optimisation(all, settings);
  settings.data_block = data_fields_of(all);
  check_split_for_test_safety(settings);
  return settings;
}

}  // namespace vmsweep::train
