#pragma once
// Everything rank 0 does before any training, so that bad input costs nothing and leaves nothing
// behind. First what writes nothing (a signal ends the process at once meanwhile): the sweep file
// parses, --shard fits its method, and the data prepares as every trial would prepare it
// (dist::check_sweep). Then the results folder: it is locked against a second run, a folder left
// by an earlier run must belong to the same sweep file (or --force-resume) and its finished trials to
// the trials of their ids, then the stamp is written and leftovers of killed writers are removed.
#include <map>
#include <string>
#include <vector>

#include "interrupt.hpp"
#include "resume_state.hpp"
#include "vmsweep/dist/run_sweep.hpp"
#include "vmsweep/dist/sweep_check.hpp"
#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/sweep_lock.hpp"
#include "vmsweep/io/sweep_meta.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::dist {

// What the run's time estimate and ETA start from (the check's, as validate's).
struct CostBasis {
  std::map<std::string, DataShape> shapes;
  std::vector<train::CalibrationModel> extreme_models;
  train::TrialWork checked_work;
  std::int64_t checked_trials = 0;
};

struct PreparedSweep {
  sweep::SweepSpec spec;
  io::ResultsLayout layout;
  io::SweepLock lock;                 // held until the run ends
  io::SweepMeta meta;                 // as stamped; the caller completes hosts once all ranks are known
  ResumeState resume;
  std::vector<std::string> warnings;  // for stderr: the sweep file's, the lock's, the trial files'
  CostBasis cost;
};

// Throws InputError for anything the user must fix. Calls interrupt.stop_cleanly() before it
// writes; a signal noted after that is the caller's to act on.
PreparedSweep prepare_sweep(const RunOptions& options, InterruptWatch& interrupt, int ranks, const std::string& host);

}  // namespace vmsweep::dist
