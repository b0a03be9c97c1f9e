#pragma once
// Durations for people: "1h02m", "3m05s", "12.3s" (the run's progress lines, validate's estimate).
#include <string>

namespace vmsweep {

std::string format_duration(double seconds);

}  // namespace vmsweep
