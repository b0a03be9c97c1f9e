#pragma once
// What earlier runs of a sweep left for this one: which trials finished (and what a search learns
// from each), the validation curves early termination compares new arrivals with, and which trial
// files do not count (stray, unreadable: named, and their trials run again).
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

// `planned` are the trials of a grid or random sweep (empty for bayes). A finished trial counts only
// if the trial of its id runs the same parameters now: after a --force-resume that reordered or
// shrank the grid, an id can name another configuration, and InputError refuses the resume.
ResumeState read_resume_state(const sweep::SweepSpec& spec, const io::TrialStore& store,
                              const std::vector<sweep::TrialSpec>& planned);

}  // namespace vmsweep::dist
