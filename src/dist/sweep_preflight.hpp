#pragma once
// Everything rank 0 checks before any training starts, so that bad input costs nothing: the sweep
// file parses, the results folder is writable (the stamp is written), and a folder left by an
// earlier run belongs to the same sweep file (or --force-resume). Also what an earlier run
// finished, for resume.
#include "earlier_epochs.hpp"
#include "trial_queue.hpp"
#include "vmsweep/dist/run_sweep.hpp"
#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/sweep_meta.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::dist {

struct PreparedSweep {
  sweep::SweepSpec spec;
  io::ResultsLayout layout;
  io::SweepMeta meta;       // as stamped; the caller completes hosts once all ranks are known
  FinishedTrials finished;  // trial files already present
  EarlierEpochs epochs;     // their validation losses, when early_terminate needs them
};

// Throws InputError for anything the user must fix.
PreparedSweep prepare_sweep(const RunOptions& options, int ranks, const std::string& host);

}  // namespace vmsweep::dist
