#include "vmsweep/io/trial_store.hpp"

#include <algorithm>
#include <cctype>

#include "atomic_file.hpp"
#include "file_format.hpp"
#include "h5_file.hpp"
#include "trial_record.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/pause_point.hpp"

namespace vmsweep::io {

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

// Opens a trial file of the right format and hands its root to `read`.
template <typename Read>
auto with_trial_file(const std::string& path, Read read) {
  h5::QuietErrors quiet;
  h5::File file = h5::open_file(path);
  h5::Where where(path);
  check_format(file.get(), trial_file_format, where);
  return read(file.get(), where);
}

StoredTrial read_trial_file(const std::string& path, const std::string& id, TrialParts parts) {
  StoredTrial trial =
      with_trial_file(path, [parts](hid_t file, const h5::Where& where) { return read_trial_record(file, where, parts); });
  // A file copied or renamed by hand would otherwise count as another trial.
  if (trial.id != id) throw InputError(path + ": holds trial " + trial.id + ", not trial " + id);
  return trial;
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

StoredTrial TrialStore::read(const std::string& id) const {
  check_id(id);
  return read_trial_file(path_of(id).string(), id, TrialParts::full);
}

StoredTrial TrialStore::read_summary(const std::string& id) const {
  check_id(id);
  return read_trial_file(path_of(id).string(), id, TrialParts::summary);
}

StoredTrial TrialStore::read_with_curves(const std::string& id) const {
  check_id(id);
  return read_trial_file(path_of(id).string(), id, TrialParts::curves);
}

std::optional<Checkpoint> TrialStore::read_model(const std::string& id) const {
  check_id(id);
  return with_trial_file(path_of(id).string(), read_trial_model);
}

std::int64_t TrialStore::model_parameters(const std::string& id) const {
  check_id(id);
  return with_trial_file(path_of(id).string(), trial_model_parameters);
}

std::vector<std::string> TrialStore::list() const {
  std::vector<std::string> ids;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error))
    if (is_trial_file(entry)) ids.push_back(entry.path().stem().string());
  std::sort(ids.begin(), ids.end(), natural_less);
  return ids;
}

bool TrialStore::contains(const std::string& id) const {
  std::error_code error;
  return is_trial_id(id) && std::filesystem::is_regular_file(path_of(id), error);
}

std::vector<std::string> TrialStore::misnamed_files() const {
  std::vector<std::string> problems;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error))
    if (entry.path().extension() == extension && !is_trial_file(entry))
      problems.push_back(entry.path().string() + ": not a trial file (a trial's is <number>.h5, e.g. 7.h5)");
  std::sort(problems.begin(), problems.end());
  return problems;
}

TrialScan TrialStore::scan(bool with_curves) const {
  TrialScan scan{{}, misnamed_files()};
  for (const std::string& id : list()) {
    try {
      scan.trials.push_back(with_curves ? read_with_curves(id) : read_summary(id));
    } catch (const Error& unreadable) {
      scan.problems.push_back(unreadable.what());
    }
  }
  return scan;
}

}  // namespace vmsweep::io
