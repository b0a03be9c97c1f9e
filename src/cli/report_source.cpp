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

namespace vmsweep::cli {

namespace fs = std::filesystem;

namespace {

// results/<name>.h5 -> results/<name>; a folder stays as it is.
fs::path sweep_folder_of(const fs::path& path) {
  if (fs::is_directory(path)) return path;
  fs::path folder = path;
  return folder.replace_extension();
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
  if (!aggregate_) return io::TrialStore(io::ResultsLayout(source_).trials_dir()).read(id);
  return io::SweepReader(source_).trial(id);
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
  for (const io::StoredTrial& trial : trials_) ids.insert(trial.result.trace);
  return {ids.begin(), ids.end()};
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
  for (const io::StoredTrial& trial : trials_) {
    auto view = views.find(trial.result.trace);
    if (view == views.end()) view = views.emplace(trial.result.trace, empty_view(trial.result.trace)).first;
    view->second.trials_.push_back(trial);
  }
  std::vector<SweepResults> out;
  for (auto& [trace, view] : views) out.push_back(std::move(view));
  return out;
}

SweepResults SweepResults::only_trace(const std::string& trace) const {
  SweepResults view = empty_view(trace);
  std::copy_if(trials_.begin(), trials_.end(), std::back_inserter(view.trials_),
               [&](const io::StoredTrial& trial) { return trial.result.trace == trace; });
  return view;
}

std::vector<const io::StoredTrial*> ranked_trials(const SweepResults& results) {
  return io::ranked_trials(results.trials(), results.meta());
}

}  // namespace vmsweep::cli
