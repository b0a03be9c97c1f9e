#include "vmsweep/io/forecast_file.hpp"

#include "atomic_file.hpp"
#include "file_format.hpp"
#include "h5_attribute.hpp"
#include "h5_table.hpp"

namespace vmsweep::io {

void write_forecast_file(const std::filesystem::path& path, const Table& forecast,
                         const std::vector<std::pair<std::string, std::string>>& attributes) {
  h5::QuietErrors quiet;
  h5::write_atomically(path, "forecast_temp", [&](hid_t file, const h5::Where& where) {
    write_format(file, forecast_file_format, where);
    for (const auto& [name, value] : attributes) h5::write_attribute(file, name, value, where);
    h5::write_compound_table(file, "forecast", forecast, where);
  });
}

}  // namespace vmsweep::io
