#include "vmsweep/train/trial_data.hpp"

#include "trainer.hpp"
#include "validation_folds.hpp"

namespace vmsweep::train {

data::PreparedData prepare_trial_data(const TrainSettings& settings) {
  const data::WindowSpec windows{settings.look_back, settings.horizon, settings.data.stride};
  data::PreparedData data = data::prepare(settings.data, windows);
  if (settings.refit) own_validation(data, "refit: true");  // refuses `val: test` before any training
  if (settings.val_folds > 1) fold_ranges(data, settings.val_folds - 1);  // enough windows for every fold
  return data;
}

}  // namespace vmsweep::train
