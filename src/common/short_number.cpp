#include "vmsweep/common/short_number.hpp"

#include <cstdio>

namespace vmsweep {

std::string short_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

}  // namespace vmsweep
