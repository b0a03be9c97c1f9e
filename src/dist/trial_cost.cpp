#include "trial_cost.hpp"

#include "vmsweep/common/error.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::dist {

double expected_cost(const Value& params) {
  train::TrainSettings settings;
  try {
    settings = train::settings_from_params(params);
  } catch (const Error&) {
    return 0.0;
  }
  double step = 0.0;
  double inputs = 1.0;  // one load series in
  for (int hidden : settings.layers) {
    step += 4.0 * hidden * (inputs + hidden);
    inputs = hidden;
  }
  return step * settings.look_back * settings.epochs;
}

}  // namespace vmsweep::dist
