#include "vmsweep/io/sweep_store.hpp"

#include <algorithm>

#include "atomic_file.hpp"
#include "ensembles_group.hpp"
#include "h5_attribute.hpp"
#include "h5_file.hpp"
#include "h5_table.hpp"
#include "sweep_meta_record.hpp"
#include "table_copy.hpp"
#include "trial_record.hpp"
#include "trials_table.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/pause_point.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::io {

namespace {

constexpr const char* trials_dataset = "trials";
constexpr const char* trial_groups = "trial";
constexpr const char* fleet_dataset = "fleet";

std::vector<std::string> merged_hosts(std::vector<std::string> hosts, const std::vector<StoredTrial>& trials) {
  for (const auto& trial : trials) hosts.push_back(trial.host);
  std::sort(hosts.begin(), hosts.end());
  hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
  return hosts;
}

// Each trial is written to /trial/<id> as soon as it is read (with its model when it is kept) and
// only its summary is kept; a file that cannot be read is left out and named in `problems`.
std::vector<StoredTrial> copy_trials(const TrialStore& store, const KeptModels& kept, hid_t file, const h5::Where& where,
                                     std::vector<std::string>& problems) {
  h5::Group groups = h5::create_group(file, trial_groups, where, true);
  std::vector<StoredTrial> summaries;
  for (const auto& id : store.list()) {
    StoredTrial trial;
    try {
      trial = store.read(id);
      if (kept.ids.contains(id)) trial.result.model = store.read_model(id);
    } catch (const Error& unreadable) {
      problems.push_back(std::string(unreadable.what()) + " (left out of the aggregate)");
      continue;
    }
    h5::Group group = h5::create_group(groups.get(), id, where, true);
    write_trial_record(group.get(), trial, where);
    trial.result.curve = {};
    trial.result.val_loss_by_step = {};
    trial.result.predictions = {};
    for (TraceScores& trace : trial.result.per_trace) trace.predictions = {};
    trial.result.model.reset();
    summaries.push_back(std::move(trial));
    pause_point("aggregate_trial");
  }
  return summaries;
}

void write_trials_table(hid_t file, const TrialsTable& trials, const h5::Where& where) {
  h5::write_compound_table(file, trials_dataset, trials.table, where);
  h5::Dataset dataset(where.check(H5Dopen2(file, trials_dataset, H5P_DEFAULT), "open dataset /trials"));
  h5::write_attribute(dataset.get(), "param_columns", trials.param_columns, where);
  h5::write_attribute(dataset.get(), "metric_columns", trials.metric_columns, where);
}

TimePoint newest_trial_time(const TrialStore& store) {
  TimePoint newest{};
  for (const auto& id : store.list()) {
    auto written = std::chrono::file_clock::to_sys(store.written_at(id));
    newest = std::max(newest, std::chrono::time_point_cast<TimePoint::duration>(written));
  }
  return newest;
}

std::vector<std::string> read_trials_attribute(const std::string& path, const char* name) {
  h5::QuietErrors quiet;
  h5::Where where(path);
  h5::File file = h5::open_file(path);
  h5::Dataset dataset(where.check(H5Dopen2(file.get(), trials_dataset, H5P_DEFAULT), "open dataset /trials"));
  return h5::read_strings_attribute(dataset.get(), name, where);
}

h5::Group open_trial_group(hid_t file, const std::string& id, const h5::Where& where) {
  std::string path = std::string(trial_groups) + "/" + id;
  if (id.empty() || id.find('/') != std::string::npos || !h5::has_link(file, trial_groups) || !h5::has_link(file, path))
    throw InputError(where.file() + ": no trial '" + id + "' (see the id column of /trials)");
  return h5::open_group(file, path, where);
}

// /trials has one row per trial: a global trial's scores on each trace are read from its group.
void read_per_trace_scores(const std::string& path, std::vector<StoredTrial>& trials) {
  const auto is_global = [](const StoredTrial& trial) {
    const Value* trace_paths = trial.result.params.find("path");
    return trace_paths && trace_paths->is_list();
  };
  if (std::none_of(trials.begin(), trials.end(), is_global)) return;
  h5::Where where(path);
  h5::File file = h5::open_file(path);
  for (StoredTrial& trial : trials)
    if (is_global(trial)) {
      h5::Group group = open_trial_group(file.get(), trial.id, where);
      trial.result.per_trace = read_trial_record(group.get(), where, TrialParts::summary).result.per_trace;
    }
}

}  // namespace

Aggregated aggregate(const ResultsLayout& layout, const SweepMeta& meta, const Table& fleet) {
  h5::QuietErrors quiet;
  TrialStore store(layout.trials_dir());
  Aggregated result;
  const KeptModels kept = choose_kept_models(store, meta);
  h5::write_atomically(layout.results_file(), "aggregate_temp", [&](hid_t file, const h5::Where& where) {
    result.problems.clear();
    std::vector<StoredTrial> summaries = copy_trials(store, kept, file, where, result.problems);
    write_ensembles_group(file, kept, where);
    SweepMeta merged = meta;
    merged.hosts = merged_hosts(meta.hosts, summaries);
    write_sweep_meta(file, results_file_format, merged, where);
    write_trials_table(file, build_trials_table(summaries), where);
    copy_tables(layout.baselines_file(), file, where);
    if (!fleet.columns.empty()) h5::write_compound_table(file, fleet_dataset, fleet, where);
    result.trials = summaries.size();
  });
  for (std::string& problem : store.problems()) result.problems.push_back(std::move(problem));
  return result;
}

Aggregated aggregate(const ResultsLayout& layout, const Table& fleet) {
  std::optional<SweepMeta> meta = read_sweep_stamp(layout);
  if (!meta)
    throw InputError(layout.sweep_dir().string() + ": not a vmsweep results folder (no " +
                     layout.stamp_file().filename().string() + ")");
  meta->finished = newest_trial_time(TrialStore(layout.trials_dir()));
  return aggregate(layout, *meta, fleet);
}

SweepReader::SweepReader(std::filesystem::path results_file) : file_(std::move(results_file)) {
  h5::QuietErrors quiet;
  h5::File file = h5::open_file(file_.string());
  meta_ = read_sweep_meta(file.get(), results_file_format, h5::Where(file_.string()));
}

Table SweepReader::trials_table() const {
  h5::QuietErrors quiet;
  h5::File file = h5::open_file(file_.string());
  return h5::read_compound_table(file.get(), trials_dataset, h5::Where(file_.string()));
}

std::vector<std::string> SweepReader::param_columns() const {
  return read_trials_attribute(file_.string(), "param_columns");
}

std::vector<std::string> SweepReader::metric_columns() const {
  return read_trials_attribute(file_.string(), "metric_columns");
}

std::vector<StoredTrial> SweepReader::trials() const {
  TrialsTable table{trials_table(), param_columns(), metric_columns()};
  try {
    std::vector<StoredTrial> trials = trials_from_table(table, file_.string());
    h5::QuietErrors quiet;
    read_per_trace_scores(file_.string(), trials);
    return trials;
  } catch (const Error& error) {
    throw Error(file_.string() + ": /trials: " + error.what());
  }
}

StoredTrial SweepReader::trial(const std::string& id) const {
  h5::QuietErrors quiet;
  h5::Where where(file_.string());
  h5::File file = h5::open_file(file_.string());
  h5::Group group = open_trial_group(file.get(), id, where);
  return read_trial_record(group.get(), where);
}

std::optional<Checkpoint> SweepReader::model(const std::string& id) const {
  h5::QuietErrors quiet;
  h5::Where where(file_.string());
  h5::File file = h5::open_file(file_.string());
  h5::Group group = open_trial_group(file.get(), id, where);
  return read_trial_model(group.get(), where);
}

std::optional<KeptModels> SweepReader::kept_models() const {
  h5::QuietErrors quiet;
  h5::File file = h5::open_file(file_.string());
  return read_ensembles_group(file.get(), h5::Where(file_.string()));
}

std::vector<std::string> SweepReader::table_names() const { return io::table_names(file_); }

Table SweepReader::table(const std::string& name) const { return io::read_table(file_, name); }

}  // namespace vmsweep::io
