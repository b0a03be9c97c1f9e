#pragma once
#include <string>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/record/trial_result.hpp"
#include "window_forecast.hpp"

namespace vmsweep::train {

// {train,val,test}_{mse,rmse,mae,mape,smape} in original units over every (window, step) of each
// part; a part without windows is left out.
Metrics split_metrics(const data::PreparedData& data, const eval::Forecast& forecast);

// The same five metrics over the windows of `range`, named `part`_mse and so on.
Metrics range_metrics(const data::PreparedData& data, const eval::Forecast& forecast, data::WindowRange range,
                      const std::string& part);

}  // namespace vmsweep::train
