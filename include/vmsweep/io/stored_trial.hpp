#pragma once
// A finished trial as the stores keep it: the trainer's result plus where it ran.
#include <string>

#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::io {

struct StoredTrial {
  std::string id;    // the sweep's trial id; also the trial file's name (<id>.h5)
  int rank = 0;      // the MPI rank that ran it
  std::string host;  // the node it ran on
  TrialResult result;
};

}  // namespace vmsweep::io
