#include "trials_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "json_reader.hpp"
#include "params_flat.hpp"

namespace vmsweep::io {

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

const std::set<std::string>& fixed_columns() {
  static const std::set<std::string> names{"id", "status", "epochs_run", "best_epoch", "diverged_epoch", "seconds",
                                           "threads", "seed", "rank", "host", "reason", "params_json", "trace"};
  return names;
}

// Names in order of first appearance over all trials.
template <typename NamesOf>
std::vector<std::string> union_of_names(const std::vector<StoredTrial>& trials, NamesOf names_of) {
  std::vector<std::string> names;
  for (const auto& trial : trials)
    for (const auto& name : names_of(trial))
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

std::string column_name(const std::string& name, const char* prefix, const std::set<std::string>& taken) {
  return taken.count(name) ? prefix + name : name;
}

std::vector<const Value*> param_values(const std::vector<StoredTrial>& trials, const std::string& name) {
  std::vector<const Value*> values;
  for (const auto& trial : trials) {
    const Value* found = nullptr;
    for (const auto& [key, value] : flatten_params(trial.result.params))
      if (key == name) found = value;
    values.push_back(found);
  }
  return values;
}

template <typename Test>
bool all_present_are(const std::vector<const Value*>& values, Test test) {
  return std::all_of(values.begin(), values.end(), [&](const Value* v) { return v == nullptr || test(*v); });
}

bool none_missing(const std::vector<const Value*>& values) {
  return std::none_of(values.begin(), values.end(), [](const Value* v) { return v == nullptr; });
}

template <typename T, typename Convert>
std::vector<T> convert_all(const std::vector<const Value*>& values, T absent, Convert convert) {
  std::vector<T> out;
  for (const Value* v : values) out.push_back(v != nullptr ? convert(*v) : absent);
  return out;
}

Column param_column(const std::string& column, const std::vector<const Value*>& values) {
  if (none_missing(values) && all_present_are(values, [](const Value& v) { return v.is_int(); }))
    return {column, convert_all<std::int64_t>(values, 0, [](const Value& v) { return v.as_int(); }), {}};
  if (none_missing(values) && all_present_are(values, [](const Value& v) { return v.is_bool(); }))
    return {column, convert_all<std::int8_t>(values, 0, [](const Value& v) { return std::int8_t{v.as_bool()}; }),
            {"FALSE", "TRUE"}};
  if (all_present_are(values, [](const Value& v) { return v.is_number(); }))
    return {column, convert_all<double>(values, missing, [](const Value& v) { return v.as_double(); }), {}};
  return {column, convert_all<std::string>(values, "", [](const Value& v) { return v.to_string(); }), {}};
}

std::vector<double> metric_values(const std::vector<StoredTrial>& trials, const std::string& name) {
  std::vector<double> values;
  for (const auto& trial : trials) {
    const double* value = trial.result.metric(name);
    values.push_back(value != nullptr ? *value : missing);
  }
  return values;
}

template <typename T, typename Field>
Column fixed_column(const std::string& name, const std::vector<StoredTrial>& trials, Field field) {
  std::vector<T> values;
  for (const auto& trial : trials) values.push_back(static_cast<T>(field(trial)));
  return {name, std::move(values), {}};
}

void add_fixed_tail(Table& table, const std::vector<StoredTrial>& trials) {
  using S = const StoredTrial&;
  auto& c = table.columns;
  c.push_back(fixed_column<std::int32_t>("epochs_run", trials, [](S t) { return t.result.epochs_run; }));
  c.push_back(fixed_column<std::int32_t>("best_epoch", trials, [](S t) { return t.result.best_epoch; }));
  c.push_back(fixed_column<std::int32_t>("diverged_epoch", trials, [](S t) { return t.result.diverged_epoch; }));
  c.push_back(fixed_column<double>("seconds", trials, [](S t) { return t.result.seconds; }));
  c.push_back(fixed_column<std::int32_t>("threads", trials, [](S t) { return t.result.threads; }));
  c.push_back(fixed_column<std::int64_t>("seed", trials, [](S t) { return t.result.seed; }));
  c.push_back(fixed_column<std::int32_t>("rank", trials, [](S t) { return t.rank; }));
  c.push_back(fixed_column<std::string>("host", trials, [](S t) { return t.host; }));
  c.push_back(fixed_column<std::string>("reason", trials, [](S t) { return t.result.reason; }));
  c.push_back(fixed_column<std::string>("params_json", trials, [](S t) { return t.result.params.to_json(); }));
}

void add_param_columns(TrialsTable& out, const std::vector<StoredTrial>& trials, std::set<std::string>& taken) {
  auto names = union_of_names(trials, [](const StoredTrial& t) {
    std::vector<std::string> found;
    for (const auto& [name, value] : flatten_params(t.result.params)) found.push_back(name);
    return found;
  });
  for (const auto& name : names) {
    out.param_columns.push_back(column_name(name, "param.", taken));
    out.table.columns.push_back(param_column(out.param_columns.back(), param_values(trials, name)));
    taken.insert(out.param_columns.back());
  }
}

void add_metric_columns(TrialsTable& out, const std::vector<StoredTrial>& trials, std::set<std::string>& taken) {
  auto names = union_of_names(trials, [](const StoredTrial& t) {
    std::vector<std::string> found;
    for (const auto& [name, value] : t.result.metrics) found.push_back(name);
    return found;
  });
  for (const auto& name : names) {
    out.metric_columns.push_back(column_name(name, "metric.", taken));
    out.table.columns.push_back({out.metric_columns.back(), metric_values(trials, name), {}});
    taken.insert(out.metric_columns.back());
  }
}

// The metric's own name: the prefix comes off again when it was added to avoid a clash.
std::string metric_name(const std::string& column, const TrialsTable& trials) {
  const std::string prefix = "metric.";
  if (column.rfind(prefix, 0) != 0) return column;
  std::string bare = column.substr(prefix.size());
  bool clashed = fixed_columns().count(bare) > 0 ||
                 std::find(trials.param_columns.begin(), trials.param_columns.end(), bare) != trials.param_columns.end();
  return clashed ? bare : column;
}

void read_metrics(const TrialsTable& trials, std::vector<StoredTrial>& out) {
  for (const auto& column : trials.metric_columns) {
    const auto& values = trials.table.values<double>(column);
    std::string name = metric_name(column, trials);
    for (std::size_t row = 0; row < out.size(); ++row)
      if (!std::isnan(values[row])) out[row].result.metrics.emplace_back(name, values[row]);
  }
}

}  // namespace

TrialsTable build_trials_table(const std::vector<StoredTrial>& trials) {
  TrialsTable out;
  out.table.columns.push_back(fixed_column<std::string>("id", trials, [](const StoredTrial& t) { return t.id; }));
  out.table.columns.push_back(fixed_column<std::string>(
      "status", trials, [](const StoredTrial& t) { return to_string(t.result.status); }));
  out.table.columns.push_back(fixed_column<std::string>("trace", trials, [](const StoredTrial& t) { return t.result.trace; }));
  std::set<std::string> taken = fixed_columns();
  add_param_columns(out, trials, taken);
  add_metric_columns(out, trials, taken);
  add_fixed_tail(out.table, trials);
  return out;
}

std::vector<StoredTrial> trials_from_table(const TrialsTable& trials, const std::string& origin) {
  const Table& t = trials.table;
  std::vector<StoredTrial> out(t.rows());
  const bool has_trace = t.find("trace") != nullptr;  // aggregates written before fleets have none
  for (std::size_t row = 0; row < out.size(); ++row) {
    StoredTrial& trial = out[row];
    TrialResult& r = trial.result;
    trial.id = t.values<std::string>("id")[row];
    r.status = trial_status_from_string(t.values<std::string>("status")[row]);
    r.params = parse_json(t.values<std::string>("params_json")[row], origin + ": /trials row " + trial.id);
    r.epochs_run = t.values<std::int32_t>("epochs_run")[row];
    r.best_epoch = t.values<std::int32_t>("best_epoch")[row];
    r.diverged_epoch = t.values<std::int32_t>("diverged_epoch")[row];
    r.seconds = t.values<double>("seconds")[row];
    r.threads = t.values<std::int32_t>("threads")[row];
    r.seed = t.values<std::int64_t>("seed")[row];
    trial.rank = t.values<std::int32_t>("rank")[row];
    trial.host = t.values<std::string>("host")[row];
    r.reason = t.values<std::string>("reason")[row];
    if (has_trace) r.trace = t.values<std::string>("trace")[row];
  }
  read_metrics(trials, out);
  return out;
}

}  // namespace vmsweep::io
