#include "text_file.hpp"

#include <cstring>
#include <fstream>

#include "vmsweep/common/error.hpp"

namespace vmsweep::cli {

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    if (!out) throw InputError(path.string() + ": cannot create the file: " + std::strerror(errno));
    out << text;
    out.close();
    if (!out) {
      std::filesystem::remove(partial);
      throw Error(path.string() + ": writing failed");
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    std::filesystem::remove(partial, error);
    throw Error(path.string() + ": cannot move the finished file into place");
  }
}

}  // namespace vmsweep::cli
