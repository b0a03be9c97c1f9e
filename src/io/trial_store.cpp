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

// Ids become file names; anything that could escape the folder or hide the file is refused.
void check_id(const std::string& id) {
  if (id.empty() || id.front() == '.' || id.find('/') != std::string::npos || h5::is_temporary_name(id))
    throw Error("invalid trial id '" + id + "' (it must be a plain file name)");
}

// "2" before "10": ids are usually numbers, and a listing should read in trial order.
bool is_number(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool natural_less(const std::string& a, const std::string& b) {
  if (a.size() != b.size() && is_number(a) && is_number(b)) return a.size() < b.size();
  return a < b;
}

StoredTrial read_trial_file(const std::string& path, TrialParts parts) {
  h5::QuietErrors quiet;
  h5::File file = h5::open_file(path);
  h5::Where where(path);
  check_format(file.get(), trial_file_format, where);
  return read_trial_record(file.get(), where, parts);
}

}  // namespace

TrialStore::TrialStore(std::filesystem::path trials_dir) : dir_(std::move(trials_dir)) {}

std::filesystem::path TrialStore::path_of(const std::string& id) const { return dir_ / (id + ".h5"); }

void TrialStore::prepare() const {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error || !std::filesystem::is_directory(dir_))
    throw InputError(dir_.string() + ": cannot create the results directory: " +
                     (error ? error.message() : "a file of that name is in the way"));
}

std::size_t TrialStore::remove_temporaries() const {
  std::size_t removed = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error))
    if (h5::is_temporary_name(entry.path().filename().string()) && std::filesystem::remove(entry.path(), error))
      ++removed;
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
  return read_trial_file(path_of(id).string(), TrialParts::full);
}

StoredTrial TrialStore::read_summary(const std::string& id) const {
  check_id(id);
  return read_trial_file(path_of(id).string(), TrialParts::summary);
}

StoredTrial TrialStore::read_with_curves(const std::string& id) const {
  check_id(id);
  return read_trial_file(path_of(id).string(), TrialParts::curves);
}

std::vector<std::string> TrialStore::list() const {
  std::vector<std::string> ids;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error)) {
    const auto& path = entry.path();
    if (path.extension() == ".h5" && !h5::is_temporary_name(path.filename().string()) &&
        path.filename().string().front() != '.' && entry.is_regular_file(error))
      ids.push_back(path.stem().string());
  }
  std::sort(ids.begin(), ids.end(), natural_less);
  return ids;
}

bool TrialStore::contains(const std::string& id) const {
  std::error_code error;
  return std::filesystem::is_regular_file(path_of(id), error);
}

}  // namespace vmsweep::io
