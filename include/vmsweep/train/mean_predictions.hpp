#pragma once
// An ensemble's forecast: the mean of its members' predictions point by point. Members may differ in
// look-back or horizon; they combine on the points (split, time, horizon step) they all predicted.
#include <vector>

#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::train {

// The validation and test points every member predicted, ordered by (split, time, step), each with
// the members' mean: their predictions summed in the members' order, then divided by their number
// (`vmsweep predict` averages its forecasts the same way, so the two agree bitwise).
Predictions mean_predictions(const std::vector<Predictions>& members);

// The mean of the members' values, summed in order, then divided.
double member_mean(const std::vector<double>& values);

}  // namespace vmsweep::train
