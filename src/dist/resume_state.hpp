#pragma once
// What earlier runs of a sweep left for this one: which trials finished (and what a search learns
// from each), the validation curves early termination compares new arrivals with, and which trial
// files do not count (stray, unreadable: named, and their trials run again).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "earlier_epochs.hpp"
#include "trial_queue.hpp"
#include "vmsweep/io/trial_store.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::dist {

struct ResumeState {
  FinishedTrials finished;            // id -> search_objective of the trial
  EarlierEpochs epochs;               // when early_terminate needs them
  std::vector<std::string> problems;  // trial files that do not count, and why
};

// The parameters a grid or random sweep plans for the trials whose files exist, by id.
using PlannedParams = std::map<std::int64_t, Value>;

// A finished trial of a grid or random sweep counts only if the trial of its id runs the same
// parameters now: after a --force-resume that reordered or shrank the grid, an id can name another
// configuration, and InputError refuses the resume. (bayes proposes as it learns: `planned` is empty.)
ResumeState read_resume_state(const sweep::SweepSpec& spec, const io::TrialStore& store, const PlannedParams& planned);

}  // namespace vmsweep::dist
