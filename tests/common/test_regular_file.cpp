#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/regular_file.hpp"

using vmsweep::InputError;
using vmsweep::require_regular_file;

TEST_CASE("a directory, FIFO or device where a file is expected is named as what it is", "[common]") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / "vmsweep_test_regular_file";
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::ofstream(folder / "sweep.yaml") << "name: x\n";
  REQUIRE(::mkfifo((folder / "fifo.yaml").c_str(), 0600) == 0);
  CHECK_NOTHROW(require_regular_file(folder / "sweep.yaml", "sweep file"));
  CHECK_THROWS_WITH(require_regular_file(folder / "fifo.yaml", "sweep file"), Catch::EndsWith("fifo.yaml: is a FIFO, not a sweep file"));
  CHECK_THROWS_WITH(require_regular_file(folder, "sweep file"), Catch::EndsWith(": is a directory, not a sweep file"));
  CHECK_THROWS_WITH(require_regular_file("/dev/null", "sweep file"), "/dev/null: is a character device, not a sweep file");
  CHECK_THROWS_WITH(require_regular_file(folder / "none.yaml", "sweep file"), Catch::EndsWith("none.yaml: no such file"));
  CHECK_THROWS_AS(require_regular_file(folder / "none.yaml", "sweep file"), InputError);
  fs::remove_all(folder);
}
