#pragma once
// `vmsweep run SWEEP.yaml`: the whole sweep on every rank of an MPI job (or alone, one process).
// Rank 0 coordinates and also trains; every rank writes its finished trials to
// results/<name>/trials/ (a file <id>.h5 each, or its own trial log); rank 0 aggregates into
// results/<name>.h5 at the end.
#include <filesystem>
#include <optional>
#include <string>

#include "vmsweep/dist/log_format.hpp"
#include "vmsweep/dist/shard.hpp"

namespace vmsweep::dist {

// Exit codes of a sweep (beyond vmsweep's 0 ok, 1 error, 2 bad input):
inline constexpr int exit_trials_failed = 3;  // the sweep ran to the end, but a trial failed or diverged
inline constexpr int exit_interrupted = 4;    // SIGINT or SIGTERM stopped it; rerun the command to resume

// How finished trials are kept in results/<name>/trials/ (io::TrialStore reads both).
enum class TrialRecords {
  files,  // <id>.h5 each: readable with h5py as soon as the trial ends
  logs,   // one append-only log per rank (io::TrialLog): for thousands of short trials, or a parallel
          // file system whose metadata server should not see three operations per trial
};

struct RunOptions {
  std::filesystem::path sweep_file;
  std::filesystem::path results_root = "results";
  std::optional<int> threads;  // per rank; default from Slurm or cores / ranks on the node
  bool force_resume = false;   // resume even though the sweep file changed
  bool quiet = false;          // only the final summary
  LogFormat log_format = LogFormat::text;
  double status_every_seconds = 5.0;
  std::optional<int> data_cache_mb;  // per rank (data/trace_cache.hpp); default VMSWEEP_DATA_CACHE_MB or 256
  std::optional<int> fake_trial_ms;  // developer: trials only sleep, to measure the scheduler
  std::optional<Shard> shard;
  bool aggregate = true;  // rank 0 writes results/<name>.h5 at the end (off for shards)
  // Developer: false skips the trial files (and so resume and the aggregate), to measure the
  // scheduler apart from HDF5.
  bool write_trials = true;
  TrialRecords trial_records = TrialRecords::files;
};

// Runs the sweep; call on every rank. Initialises and finalises MPI itself. Returns the exit code;
// InputError (exit 2) is thrown only for problems found before any training starts.
int run_sweep(const RunOptions& options);

}  // namespace vmsweep::dist
