#pragma once
// io::TrialStore: the finished trials in results/<name>/trials/: one HDF5 file per trial, named
// <id>.h5 with the trial's number as id ("0", "17": decimal, no leading zeros), or records of the
// same content in trial logs (<writer>.trials, io::TrialLog), or both. A file is written under a
// temporary name in the same folder and renamed into place once complete, so a crash never leaves a
// half-written file that looks finished. Only well-named files and whole records count as trials,
// and only readable ones as finished: scan() reports the others (a stray foo.h5 or 007.h5, a
// truncated copy, a torn last record, a trial recorded twice), and a resume reruns their trials.
// The logs are indexed when list() or scan() runs (and at the first read): records appended after
// that are seen by the next list(). Reading is for one thread at a time (copies share the index).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/io/stored_trial.hpp"

namespace vmsweep::io {

struct LoggedTrials;

// The trial files that can be read, and what is wrong with the others.
struct TrialScan {
  std::vector<StoredTrial> trials;    // in id order; summaries (curves when asked), no predictions
  std::vector<std::string> problems;  // "<file>: <why it does not count>"
};

class TrialStore {
public:
  explicit TrialStore(std::filesystem::path trials_dir);

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path_of(const std::string& id) const;  // <dir>/<id>.h5, where its file would be

  // Creates the folder if needed; InputError naming it if it cannot be created or written.
  // Call once before the workers start (it is what reports an unwritable results directory).
  void prepare() const;
  // Removes temporary files left by a killed writer, of every trial or only of those `owned` says
  // are this run's (a shard's); returns how many. Only safe while no writer of those trials runs.
  std::size_t remove_temporaries(const std::function<bool(const std::string& id)>& owned = {}) const;

  // Safe to call from several threads and processes at once for different ids.
  // Returns the final path. Throws Error naming the file on failure (no file is left behind).
  std::filesystem::path write(const StoredTrial& trial) const;
  std::filesystem::path write(const TrialResult& result, const std::string& id, int rank,
                              const std::string& host) const;

  // InputError naming the file when it is missing, unreadable, or holds another trial's id.
  StoredTrial read(const std::string& id) const;              // everything, curves and predictions included
  StoredTrial read_summary(const std::string& id) const;      // without curves and predictions (faster)
  StoredTrial read_with_curves(const std::string& id) const;  // without predictions
  // The trial's model (weights, scalers, calibration); nullopt when it kept none (failed, diverged).
  std::optional<Checkpoint> read_model(const std::string& id) const;
  std::int64_t model_parameters(const std::string& id) const;  // its weight count; 0 without a model
  // When the trial was written: its file's modification time, or its log's.
  std::filesystem::file_time_type written_at(const std::string& id) const;
  // Ids of the well-named files and of the logs' whole records, sorted naturally ("2" before "10").
  std::vector<std::string> list() const;
  bool contains(const std::string& id) const;
  // What in the folder does not count as a trial: "<file>: not a trial file ..." for every .h5 file
  // whose name is not <id>.h5, and every torn or damaged log record and trial recorded twice.
  std::vector<std::string> problems() const;
  // Reads every listed file's summary (with its curves if asked) and names every file that does not
  // count: the misnamed ones and the well-named but unreadable ones.
  TrialScan scan(bool with_curves = false) const;

private:
  const LoggedTrials& logged() const;  // the index list() built last, or a new one
  const LoggedTrials& index_logs() const;
  template <typename Read>
  auto with_trial(const std::string& id, Read read) const;

  std::filesystem::path dir_;
  mutable std::shared_ptr<const LoggedTrials> logged_;
};

// Whether `id` is how a trial id is written: a non-negative decimal number without leading zeros.
bool is_trial_id(const std::string& id);

}  // namespace vmsweep::io
