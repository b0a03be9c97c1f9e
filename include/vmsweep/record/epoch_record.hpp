#pragma once
// One row of a trial's loss curve, reported after every epoch.

namespace vmsweep {

struct EpochRecord {
  int epoch = 0;              // 1-based
  double train_loss = 0.0;    // mean training loss over the epoch's batches (scaled units)
  double val_loss = 0.0;      // validation loss after the epoch (scaled units)
  double learning_rate = 0.0; // the rate used during this epoch
  double seconds = 0.0;       // wall time of the epoch
};

}  // namespace vmsweep
