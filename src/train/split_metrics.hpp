#pragma once
#include <string>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/record/trial_result.hpp"
#include "window_forecast.hpp"

namespace vmsweep::train {

// {train,val,test}_{mse,rmse,mae,mape,smape,r2} in original units over every (window, step) of each
// part (with equally many windows per step, <part>_mse is the mean of the per-step MSEs); with a
// horizon over 1, val and test also get <part>_{mse,mae}_h<k> per step ahead k. A part without
// windows is left out.
Metrics split_metrics(const data::PreparedData& data, const eval::Forecast& forecast);

// The same six metrics over the windows of `range`, named `part`_mse and so on, and the per-step
// ones when `by_step` (and the horizon is over 1).
Metrics range_metrics(const data::PreparedData& data, const eval::Forecast& forecast, data::WindowRange range,
                      const std::string& part, bool by_step);

}  // namespace vmsweep::train
