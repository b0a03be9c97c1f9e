#pragma once
// Rolling-origin validation (`val_folds`): with 54 validation days, one period's luck decides which
// configuration wins. Fold k > 0 moves the validation part k of its own lengths earlier and trains a
// fresh model on the windows before it; a trial's val metrics become the mean over the folds.
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::train {

struct FoldRanges {
  data::WindowRange train;
  data::WindowRange val;
};

// The windows fold `fold` trains and validates on (fold 0: the data's own parts). InputError when
// the data has no validation part of its own or the fold leaves no training window.
FoldRanges fold_ranges(const data::PreparedData& data, int fold);

// Trains folds 1 .. settings.val_folds - 1 and replaces result's val_* metrics (fold 0's) by the
// mean over all folds. A fold that diverges makes the trial diverged, with the fold in the reason.
void average_validation_over_folds(const TrainSettings& settings, const data::PreparedData& data, TrialResult& result);

}  // namespace vmsweep::train
