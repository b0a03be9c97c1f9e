#pragma once
// What a resumed sweep's earlier run left for early termination: every finished trial's validation
// loss per epoch, read back from its trial file, so the pruner compares new arrivals at a band with
// them as it did before the interruption.
#include <cstdint>
#include <vector>

namespace vmsweep::dist {

struct EarlierEpoch {
  std::int64_t trial_id = 0;
  int epoch = 0;
  double val_loss = 0.0;
};

using EarlierEpochs = std::vector<EarlierEpoch>;

}  // namespace vmsweep::dist
