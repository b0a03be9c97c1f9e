#include "vmsweep/common/duration_text.hpp"

#include <cmath>
#include <cstdio>

namespace vmsweep {

std::string format_duration(double seconds) {
  char buffer[32];
  auto whole = static_cast<long>(std::round(seconds));
  if (seconds < 60) std::snprintf(buffer, sizeof buffer, "%.1fs", seconds);
  else if (whole < 3600) std::snprintf(buffer, sizeof buffer, "%ldm%02lds", whole / 60, whole % 60);
  else std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", whole / 3600, whole / 60 % 60);
  return buffer;
}

}  // namespace vmsweep
