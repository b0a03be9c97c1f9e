#pragma once
// Numbers for people (progress lines, reasons, tables): six significant digits, as printf's %.6g.
// Files and logs that are read back use Value's shortest exact form instead.
#include <string>

namespace vmsweep {

std::string short_number(double value);

}  // namespace vmsweep
