#include "trial_record.hpp"

#include "checkpoint_record.hpp"
#include "h5_attribute.hpp"
#include "h5_file.hpp"
#include "h5_table.hpp"
#include "json_reader.hpp"
#include "params_flat.hpp"
#include "trial_tables.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

namespace {

using h5::write_attribute;

constexpr const char* model_group = "model";

void write_typed_param(hid_t group, const std::string& name, const Value& value, const h5::Where& where) {
  if (value.is_bool()) write_attribute(group, name, value.as_bool(), where);
  else if (value.is_int()) write_attribute(group, name, value.as_int(), where);
  else if (value.is_number()) write_attribute(group, name, value.as_double(), where);
  else write_attribute(group, name, value.to_string(), where);
}

void write_params(hid_t group, const Value& params, const h5::Where& where) {
  write_attribute(group, "params_json", params.to_json(), where);
  h5::Group typed = h5::create_group(group, "params", where, true);
  for (const auto& [name, value] : flatten_params(params)) write_typed_param(typed.get(), name, *value, where);
}

void write_metrics(hid_t group, const Metrics& metrics, const h5::Where& where) {
  h5::Group metrics_group = h5::create_group(group, "metrics", where, true);
  for (const auto& [name, value] : metrics) write_attribute(metrics_group.get(), name, value, where);
}

void write_scalars(hid_t group, const StoredTrial& trial, const h5::Where& where) {
  const TrialResult& r = trial.result;
  write_attribute(group, "id", trial.id, where);
  write_attribute(group, "status", to_string(r.status), where);
  write_attribute(group, "reason", r.reason, where);
  write_attribute(group, "seed", r.seed, where);
  write_attribute(group, "epochs_run", std::int64_t{r.epochs_run}, where);
  write_attribute(group, "best_epoch", std::int64_t{r.best_epoch}, where);
  write_attribute(group, "diverged_epoch", std::int64_t{r.diverged_epoch}, where);
  write_attribute(group, "seconds", r.seconds, where);
  write_attribute(group, "threads", std::int64_t{r.threads}, where);
  write_attribute(group, "rank", std::int64_t{trial.rank}, where);
  write_attribute(group, "host", trial.host, where);
  write_attribute(group, "trace", r.trace, where);
}

int read_int(hid_t group, const char* name, const h5::Where& where) {
  return static_cast<int>(h5::read_int_attribute(group, name, where));
}

void read_scalars(hid_t group, StoredTrial& trial, const h5::Where& where) {
  TrialResult& r = trial.result;
  trial.id = h5::read_string_attribute(group, "id", where);
  r.status = trial_status_from_string(h5::read_string_attribute(group, "status", where));
  r.reason = h5::read_string_attribute(group, "reason", where);
  r.seed = h5::read_int_attribute(group, "seed", where);
  r.epochs_run = read_int(group, "epochs_run", where);
  r.best_epoch = read_int(group, "best_epoch", where);
  r.diverged_epoch = read_int(group, "diverged_epoch", where);
  r.seconds = h5::read_double_attribute(group, "seconds", where);
  r.threads = read_int(group, "threads", where);
  trial.rank = read_int(group, "rank", where);
  trial.host = h5::read_string_attribute(group, "host", where);
  // Files written before fleets have no trace.
  if (h5::has_attribute(group, "trace")) r.trace = h5::read_string_attribute(group, "trace", where);
}

Metrics read_metrics(hid_t group, const h5::Where& where) {
  h5::Group metrics_group = h5::open_group(group, "metrics", where);
  Metrics metrics;
  for (const auto& name : h5::attribute_names(metrics_group.get(), where))
    metrics.emplace_back(name, h5::read_double_attribute(metrics_group.get(), name, where));
  return metrics;
}

// A table with a missing or mistyped column: say which file and dataset it was.
template <typename Convert>
auto naming_the_file(const h5::Where& where, hid_t group, const std::string& dataset, Convert convert) {
  try {
    return convert();
  } catch (const Error& error) {
    throw Error(where.file() + ": " + h5::object_path(group) + "/" + dataset + ": " + error.what());
  }
}

constexpr const char* traces_group = "traces";

// A global trial's per-trace scores: traces/<index>/ with the attribute trace, metrics/ and predictions.
void write_per_trace(hid_t group, const std::vector<TraceScores>& per_trace, const h5::Where& where) {
  if (per_trace.empty()) return;
  h5::Group traces = h5::create_group(group, traces_group, where);
  for (std::size_t index = 0; index < per_trace.size(); ++index) {
    h5::Group one = h5::create_group(traces.get(), std::to_string(index), where);
    write_attribute(one.get(), "trace", per_trace[index].trace, where);
    write_metrics(one.get(), per_trace[index].metrics, where);
    h5::write_compound_table(one.get(), "predictions", predictions_table(per_trace[index].predictions), where);
  }
}

std::vector<TraceScores> read_per_trace(hid_t group, const h5::Where& where, bool with_predictions) {
  std::vector<TraceScores> per_trace;
  if (!h5::has_link(group, traces_group)) return per_trace;
  h5::Group traces = h5::open_group(group, traces_group, where);
  for (std::size_t index = 0; h5::has_link(traces.get(), std::to_string(index)); ++index) {
    h5::Group one = h5::open_group(traces.get(), std::to_string(index), where);
    TraceScores scores{h5::read_string_attribute(one.get(), "trace", where), read_metrics(one.get(), where), {}};
    if (with_predictions) {
      Table predictions = h5::read_compound_table(one.get(), "predictions", where);
      scores.predictions = naming_the_file(where, one.get(), "predictions", [&] { return predictions_from_table(predictions); });
    }
    per_trace.push_back(std::move(scores));
  }
  return per_trace;
}

}  // namespace

void write_trial_record(hid_t group, const StoredTrial& trial, const h5::Where& where) {
  write_scalars(group, trial, where);
  write_params(group, trial.result.params, where);
  write_metrics(group, trial.result.metrics, where);
  h5::write_compound_table(group, "curves", curve_table(trial.result.curve, trial.result.val_loss_by_step), where);
  h5::write_compound_table(group, "predictions", predictions_table(trial.result.predictions), where);
  write_per_trace(group, trial.result.per_trace, where);
  if (trial.result.model) {
    h5::Group model = h5::create_group(group, model_group, where);
    write_checkpoint_record(model.get(), *trial.result.model, where);
  }
}

StoredTrial read_trial_record(hid_t group, const h5::Where& where, TrialParts parts) {
  StoredTrial trial;
  read_scalars(group, trial, where);
  std::string params_origin = where.file() + ": " + h5::object_path(group) + " attribute params_json";
  trial.result.params = parse_json(h5::read_string_attribute(group, "params_json", where), params_origin);
  trial.result.metrics = read_metrics(group, where);
  trial.result.per_trace = read_per_trace(group, where, parts == TrialParts::full);
  if (parts != TrialParts::summary) {
    Table curves = h5::read_compound_table(group, "curves", where);
    trial.result.curve = naming_the_file(where, group, "curves", [&] { return curve_from_table(curves); });
    trial.result.val_loss_by_step = naming_the_file(where, group, "curves", [&] { return val_loss_by_step_from_table(curves); });
  }
  if (parts == TrialParts::full) {
    Table predictions = h5::read_compound_table(group, "predictions", where);
    trial.result.predictions =
        naming_the_file(where, group, "predictions", [&] { return predictions_from_table(predictions); });
  }
  return trial;
}

std::optional<Checkpoint> read_trial_model(hid_t group, const h5::Where& where) {
  if (!h5::has_link(group, model_group)) return std::nullopt;
  h5::Group model = h5::open_group(group, model_group, where);
  return read_checkpoint_record(model.get(), where);
}

std::int64_t trial_model_parameters(hid_t group, const h5::Where& where) {
  if (!h5::has_link(group, model_group)) return 0;
  h5::Group model = h5::open_group(group, model_group, where);
  return checkpoint_parameters(model.get(), where);
}

}  // namespace vmsweep::io
