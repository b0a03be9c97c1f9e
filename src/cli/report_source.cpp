#include "report_source.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "vmsweep/common/error.hpp"
#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/io/trial_store.hpp"
#include "vmsweep/train/global_trial.hpp"

namespace vmsweep::cli {

namespace fs = std::filesystem;

namespace {

// results/<name>.h5 -> results/<name>; a folder stays as it is.
fs::path sweep_folder_of(const fs::path& path) {
  if (fs::is_directory(path)) return path;
  fs::path folder = path;
  return folder.replace_extension();
}

// A trial as each of its traces sees it: itself for a trial on one trace, a view per trace for a
// global trial (`fleet: global`), so a global fleet narrows to a trace as a local one does.
std::vector<io::StoredTrial> seen_per_trace(const io::StoredTrial& trial) {
  if (trial.result.per_trace.empty()) return {trial};
  std::vector<io::StoredTrial> views;
  for (TrialResult& view : train::per_trace_views(trial.result))
    views.push_back({trial.id, trial.rank, trial.host, std::move(view)});
  return views;
}

}  // namespace

SweepResults SweepResults::open(const fs::path& path) {
  SweepResults results;
  if (fs::is_regular_file(path)) {
    const io::SweepReader reader(path);
    results.meta_ = reader.meta();
    results.source_ = path;
    results.trials_ = reader.trials();
    return results;
  }
  const io::ResultsLayout layout(sweep_folder_of(path));
  std::optional<io::SweepMeta> meta = io::read_sweep_stamp(layout);
  if (!meta)
    throw InputError(path.string() + ": not a vmsweep results file, and " + layout.stamp_file().string() +
                     " (the stamp of a running sweep) does not exist either");
  results.meta_ = std::move(*meta);
  results.aggregate_ = false;
  results.source_ = layout.sweep_dir();
  const io::TrialStore store(layout.trials_dir());
  for (const std::string& id : store.list()) results.trials_.push_back(store.read(id));
  return results;
}

io::StoredTrial SweepResults::trial(const std::string& id) const {
  const bool known = std::any_of(trials_.begin(), trials_.end(), [&](const auto& t) { return t.id == id; });
  if (!known)
    throw InputError(source_.string() + ": no trial '" + id + "' (" + std::to_string(trials_.size()) +
                     " trials; `vmsweep report` lists them)");
  io::StoredTrial trial =
      aggregate_ ? io::SweepReader(source_).trial(id) : io::TrialStore(io::ResultsLayout(source_).trials_dir()).read(id);
  if (trace_.empty()) return trial;
  for (io::StoredTrial& view : seen_per_trace(trial))
    if (view.result.trace == trace_) return std::move(view);
  return trial;
}

std::optional<io::Table> SweepResults::table(const std::string& name) const {
  const fs::path file = aggregate_ ? source_ : io::ResultsLayout(source_).baselines_file();
  std::error_code error;
  if (!fs::exists(file, error)) return std::nullopt;
  const std::vector<std::string> names = io::table_names(file);
  if (std::find(names.begin(), names.end(), name) == names.end()) return std::nullopt;
  return io::read_table(file, name);
}

std::vector<std::string> SweepResults::traces() const {
  std::set<std::string> ids;
  for (const io::StoredTrial& trial : trials_)
    for (const io::StoredTrial& view : seen_per_trace(trial)) ids.insert(view.result.trace);
  return {ids.begin(), ids.end()};
}

bool SweepResults::global() const {
  return std::any_of(trials_.begin(), trials_.end(), [](const auto& t) { return !t.result.per_trace.empty(); });
}

SweepResults SweepResults::empty_view(const std::string& trace) const {
  SweepResults view;
  view.meta_ = meta_;
  view.aggregate_ = aggregate_;
  view.source_ = source_;
  view.trace_ = trace;
  return view;
}

std::vector<SweepResults> SweepResults::by_trace() const {
  std::map<std::string, SweepResults> views;
  for (const io::StoredTrial& trial : trials_)
    for (io::StoredTrial& seen : seen_per_trace(trial)) {
      auto view = views.find(seen.result.trace);
      if (view == views.end()) view = views.emplace(seen.result.trace, empty_view(seen.result.trace)).first;
      view->second.trials_.push_back(std::move(seen));
    }
  std::vector<SweepResults> out;
  for (auto& [trace, view] : views) out.push_back(std::move(view));
  return out;
}

SweepResults SweepResults::only_trace(const std::string& trace) const {
  SweepResults view = empty_view(trace);
  for (const io::StoredTrial& trial : trials_)
    for (io::StoredTrial& seen : seen_per_trace(trial))
      if (seen.result.trace == trace) view.trials_.push_back(std::move(seen));
  return view;
}

std::vector<const io::StoredTrial*> ranked_trials(const SweepResults& results) {
  return io::ranked_trials(results.trials(), results.meta());
}

}  // namespace vmsweep::cli
