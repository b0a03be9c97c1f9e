#pragma once
// A rough, relative cost of a trial, so the coordinator can hand out the longest trials first and
// not end a sweep with one straggler on one core while the others idle.
#include "vmsweep/common/value.hpp"

namespace vmsweep::dist {

// epochs x look_back x the multiply-adds of one LSTM step over all layers (4 gates, each
// hidden x (input + hidden)); the dense head and data preparation are ignored. 0 when the
// parameters cannot be read (the trial will fail on its own and costs nothing).
double expected_cost(const Value& params);

}  // namespace vmsweep::dist
