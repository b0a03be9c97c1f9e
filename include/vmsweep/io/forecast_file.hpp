#pragma once
// `vmsweep predict --format hdf5`: a forecast as the compound table /forecast of a file whose
// format attribute is vmsweep-forecast, with what produced it as string attributes of the root.
// Written to a temporary name and renamed, like every vmsweep file.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "vmsweep/io/table.hpp"

namespace vmsweep::io {

void write_forecast_file(const std::filesystem::path& path, const Table& forecast,
                         const std::vector<std::pair<std::string, std::string>>& attributes);

}  // namespace vmsweep::io
