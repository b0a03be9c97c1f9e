#include "vmsweep/io/trial_store.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "atomic_file.hpp"
#include "file_format.hpp"
#include "h5_file.hpp"
#include "h5_image.hpp"
#include "trial_log_records.hpp"
#include "trial_record.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/pause_point.hpp"
#include "vmsweep/io/trial_log.hpp"

namespace vmsweep::io {

// Where each logged trial's record is, and what in the logs does not count.
struct LoggedTrials {
  struct Place {
    std::filesystem::path log;
    LoggedRecord record;
  };
  std::map<std::string, Place> places;
  std::vector<std::string> problems;

  // Reads in id order hop from log to log: each stays open, so a log costs one open (a metadata
  // request on a parallel file system), up to a bound that keeps clear of the process's file limit.
  h5::FileImage payload(const Place& place) const {
    constexpr std::size_t most_open = 256;
    auto open = open_logs.find(place.log);
    if (open == open_logs.end()) {
      if (open_logs.size() >= most_open) return read_payload(open_log(place.log), place.log, place.record);
      open = open_logs.emplace(place.log, open_log(place.log)).first;
    }
    return read_payload(open->second, place.log, place.record);
  }
  mutable std::map<std::filesystem::path, FileDescriptor> open_logs;
};

namespace {

constexpr const char* extension = ".h5";

// Ids become file names; anything but a plain number could escape the folder or hide the file.
void check_id(const std::string& id) {
  if (!is_trial_id(id)) throw Error("invalid trial id '" + id + "' (a trial id is a number: 0, 1, 2, ...)");
}

// "2" before "10": ids are numbers, and a listing should read in trial order.
bool natural_less(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

// Hands the root of a trial's file, of the right format, to `read`; `name` is what messages call it.
template <typename Read>
auto read_open_trial(const h5::File& file, const std::string& name, Read read) {
  h5::Where where(name);
  check_format(file.get(), trial_file_format, where);
  return read(file.get(), where);
}

// A file copied or renamed by hand would otherwise count as another trial.
StoredTrial checked_id(StoredTrial trial, const std::string& id, const std::string& name) {
  if (trial.id != id) throw InputError(name + ": holds trial " + trial.id + ", not trial " + id);
  return trial;
}

auto record_reader(const std::string& id, TrialParts parts) {
  return [&id, parts](const h5::File& file, const std::string& name) {
    auto read = [parts](hid_t root, const h5::Where& where) { return read_trial_record(root, where, parts); };
    return checked_id(read_open_trial(file, name, read), id, name);
  };
}

std::vector<std::filesystem::path> logs_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> logs;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error))
    if (is_trial_log(entry.path()) && entry.is_regular_file(error)) logs.push_back(entry.path());
  std::sort(logs.begin(), logs.end());
  return logs;
}

// "<id>.h5.tmp-..." -> "<id>"
std::string id_of_temporary(const std::string& file_name) {
  return file_name.substr(0, file_name.find(std::string(extension) + ".tmp-"));
}

bool is_trial_file(const std::filesystem::directory_entry& entry) {
  const auto& path = entry.path();
  std::error_code error;
  return path.extension() == extension && is_trial_id(path.stem().string()) && entry.is_regular_file(error);
}

}  // namespace

bool is_trial_id(const std::string& id) {
  const bool digits = !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isdigit(c); });
  return digits && (id == "0" || id.front() != '0') && id.size() <= 18;
}

TrialStore::TrialStore(std::filesystem::path trials_dir) : dir_(std::move(trials_dir)) {}

std::filesystem::path TrialStore::path_of(const std::string& id) const { return dir_ / (id + extension); }

void TrialStore::prepare() const {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error || !std::filesystem::is_directory(dir_))
    throw InputError(dir_.string() + ": cannot create the results directory: " +
                     (error ? error.message() : "a file of that name is in the way"));
}

std::size_t TrialStore::remove_temporaries(const std::function<bool(const std::string& id)>& owned) const {
  std::size_t removed = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error)) {
    const std::string name = entry.path().filename().string();
    if (!h5::is_temporary_name(name) || (owned && !owned(id_of_temporary(name)))) continue;
    if (std::filesystem::remove(entry.path(), error)) ++removed;
  }
  return removed;
}

std::filesystem::path TrialStore::write(const StoredTrial& trial) const {
  check_id(trial.id);
  h5::QuietErrors quiet;
  std::filesystem::path path = path_of(trial.id);
  h5::write_atomically(path, "trial_file_temp", [&](hid_t file, const h5::Where& where) {
    write_format(file, trial_file_format, where);
    write_trial_record(file, trial, where);
  });
  pause_point("trial_file");
  return path;
}

std::filesystem::path TrialStore::write(const TrialResult& result, const std::string& id, int rank,
                                        const std::string& host) const {
  return write(StoredTrial{id, rank, host, result});
}

// A trial's own file comes first; without one, its log record.
template <typename Read>
auto TrialStore::with_trial(const std::string& id, Read read) const {
  check_id(id);
  h5::QuietErrors quiet;
  const std::filesystem::path file_path = path_of(id);
  std::error_code error;
  if (!std::filesystem::exists(file_path, error)) {
    const LoggedTrials* logs = &logged();
    if (!logs->places.contains(id)) logs = &index_logs();  // appended since the last index
    if (auto place = logs->places.find(id); place != logs->places.end()) {
      const std::string name = place->second.log.string() + " (trial " + id + ")";
      h5::File file = h5::open_file_image(logs->payload(place->second), name, h5::Where(name));
      return read(file, name);
    }
  }
  return read(h5::open_file(file_path.string()), file_path.string());
}

StoredTrial TrialStore::read(const std::string& id) const { return with_trial(id, record_reader(id, TrialParts::full)); }

StoredTrial TrialStore::read_summary(const std::string& id) const {
  return with_trial(id, record_reader(id, TrialParts::summary));
}

StoredTrial TrialStore::read_with_curves(const std::string& id) const {
  return with_trial(id, record_reader(id, TrialParts::curves));
}

std::optional<Checkpoint> TrialStore::read_model(const std::string& id) const {
  return with_trial(id, [](const h5::File& file, const std::string& name) { return read_open_trial(file, name, read_trial_model); });
}

std::int64_t TrialStore::model_parameters(const std::string& id) const {
  return with_trial(id, [](const h5::File& file, const std::string& name) {
    return read_open_trial(file, name, trial_model_parameters);
  });
}

std::filesystem::file_time_type TrialStore::written_at(const std::string& id) const {
  check_id(id);
  std::error_code error;
  if (std::filesystem::exists(path_of(id), error)) return std::filesystem::last_write_time(path_of(id));
  if (auto place = logged().places.find(id); place != logged().places.end())
    return std::filesystem::last_write_time(place->second.log);
  return std::filesystem::last_write_time(path_of(id));  // throws, naming the missing file
}

const LoggedTrials& TrialStore::logged() const { return logged_ ? *logged_ : index_logs(); }

// Logs in name order, records in file order: the first record of a trial counts.
const LoggedTrials& TrialStore::index_logs() const {
  auto index = std::make_shared<LoggedTrials>();
  for (const std::filesystem::path& log : logs_in(dir_)) {
    LogWalk walk = walk_log(log);
    for (LoggedRecord& record : walk.records) {
      auto [place, added] = index->places.try_emplace(record.id, LoggedTrials::Place{log, record});
      if (!added)
        index->problems.push_back(log.string() + ": trial " + record.id + " is recorded again (the record in " +
                                  place->second.log.string() + " counts)");
    }
    if (walk.problem) index->problems.push_back(std::move(*walk.problem));
  }
  logged_ = std::move(index);
  return *logged_;
}

std::vector<std::string> TrialStore::list() const {
  std::vector<std::string> ids;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error))
    if (is_trial_file(entry)) ids.push_back(entry.path().stem().string());
  for (const auto& [id, place] : index_logs().places)
    if (!std::filesystem::exists(path_of(id), error)) ids.push_back(id);
  std::sort(ids.begin(), ids.end(), natural_less);
  return ids;
}

bool TrialStore::contains(const std::string& id) const {
  std::error_code error;
  return is_trial_id(id) && (std::filesystem::is_regular_file(path_of(id), error) || index_logs().places.contains(id));
}

std::vector<std::string> TrialStore::problems() const {
  std::vector<std::string> problems;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error))
    if (entry.path().extension() == extension && !is_trial_file(entry))
      problems.push_back(entry.path().string() + ": not a trial file (a trial's is <number>.h5, e.g. 7.h5)");
  std::sort(problems.begin(), problems.end());
  for (const std::string& problem : logged().problems) problems.push_back(problem);
  for (const auto& [id, place] : logged().places)
    if (std::filesystem::exists(path_of(id), error))
      problems.push_back(place.log.string() + ": trial " + id + " is recorded again (its file " +
                         path_of(id).string() + " counts)");
  return problems;
}

TrialScan TrialStore::scan(bool with_curves) const {
  TrialScan scan{{}, {}};
  const std::vector<std::string> ids = list();  // indexes the logs
  scan.problems = problems();
  for (const std::string& id : ids) {
    try {
      scan.trials.push_back(with_curves ? read_with_curves(id) : read_summary(id));
    } catch (const Error& unreadable) {
      scan.problems.push_back(unreadable.what());
    }
  }
  return scan;
}

}  // namespace vmsweep::io
