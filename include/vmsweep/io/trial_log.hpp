#pragma once
// io::TrialLog: one writer's append-only file of finished trials, results/<name>/trials/<writer>.trials,
// the grouped form of io::TrialStore's one file per trial (vmsweep run --trial-records logs). Each
// record is what the trial's <id>.h5 would hold, framed with a checksum; TrialStore reads both forms.
// A sweep of 10,000 trials then costs the file system a file per rank instead of a create, a rename
// and two syncs per trial: on a parallel file system, a handful of metadata operations instead of
// 30,000 (docs/reliability.md). The file is created at the first record, and a record is durable
// (written whole, fdatasync) when append() returns: a trial reported after that survives kill -9 and
// a power cut. A writer that dies while appending leaves a torn last record, which readers skip (its
// trial runs again); a new run writes new logs, never appending to an old one.
#include <filesystem>
#include <memory>
#include <string>

#include "vmsweep/io/stored_trial.hpp"

namespace vmsweep::io {

class TrialLog {
public:
  // `writer` names the log, unique to one process of one run (the rank, host and process id).
  TrialLog(std::filesystem::path trials_dir, const std::string& writer);
  ~TrialLog();
  TrialLog(TrialLog&&) noexcept;
  TrialLog& operator=(TrialLog&&) noexcept;

  const std::filesystem::path& path() const { return path_; }
  // Appends `trial` and makes it durable. Not for several threads at once. Throws Error naming the
  // log (InputError when the folder cannot be written); the log is then closed and the next append
  // starts a new one, so a torn record is never followed by another.
  void append(const StoredTrial& trial);

private:
  struct Open;
  std::filesystem::path dir_;
  std::string writer_;
  std::filesystem::path path_;
  std::unique_ptr<Open> open_;  // none before the first record
  int generation_ = 0;          // logs this writer started
};

// Whether a file in a trials folder is a trial log, by its name (<writer>.trials).
bool is_trial_log(const std::filesystem::path& file);

}  // namespace vmsweep::io
