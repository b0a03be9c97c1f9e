#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "sweep_fixtures.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/train/parameters.hpp"

namespace fs = std::filesystem;
using namespace vmsweep::sweep;

namespace {

// Each file in tests/sweep/bad/ starts with "# expect: MESSAGE", the one message it must produce.
struct BadFile {
  fs::path path;
  std::string text, expected;
};

std::vector<BadFile> bad_files() {
  std::vector<BadFile> files;
  for (const auto& entry : fs::directory_iterator(sweep_test::kBadDir)) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    const std::string first_line = text.str().substr(0, text.str().find('\n'));
    const std::string marker = "# expect: ";
    REQUIRE(first_line.starts_with(marker));
    files.push_back({entry.path(), text.str(), first_line.substr(marker.size())});
  }
  std::ranges::sort(files, {}, &BadFile::path);
  return files;
}

// The command's stderr, with stdout discarded.
sweep_test::CommandRun run(const std::string& command) { return sweep_test::run_command(command + " 2>&1 >/dev/null"); }

}  // namespace

TEST_CASE("Each bad sweep file gives its one expected message", "[sweep]") {
  const auto files = bad_files();
  CHECK(files.size() >= 25);
  for (const BadFile& file : files) {
    const std::string name = file.path.filename().string();
    INFO(name);
    try {
      SweepSpec::parse(file.text, name, vmsweep::train::all_knobs(), sweep_test::kBadDir);
      FAIL("no error for " << name);
    } catch (const vmsweep::InputError& e) {
      CHECK(std::string(e.what()) == file.expected);
    }
  }
}

TEST_CASE("vmsweep validate exits 2 with the message for every bad file", "[sweep][cli]") {
  for (const BadFile& file : bad_files()) {
    const std::string name = file.path.filename().string();
    INFO(name);
    const sweep_test::CommandRun result = run("cd '" + sweep_test::kBadDir.string() + "' && '" VMSWEEP_BINARY "' validate '" + name + "'");
    CHECK(result.exit_code == 2);
    CHECK(result.output == "vmsweep: error: " + file.expected + "\n");
  }
}

TEST_CASE("vmsweep validate accepts the good files and the shipped sweeps", "[sweep][cli]") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(sweep_test::kGoodDir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  // The Bitbrains sweeps (bitbrains-vm, fleet-sample) read ../shared/data (beside the clone in CI;
  // never copied into the project).
  const bool bitbrains = fs::exists(fs::path(VMSWEEP_SOURCE_DIR) / "../shared/data/bitbrains-rnd-2013-7");
  const auto reads_bitbrains = [](const fs::path& file) {
    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.find("shared/data/bitbrains-rnd-2013-7") != std::string::npos;
  };
  for (const auto& entry : fs::directory_iterator(fs::path(VMSWEEP_SOURCE_DIR) / "sweeps")) {
    if (entry.path().extension() != ".yaml") continue;
    if (!bitbrains && reads_bitbrains(entry.path())) {
      WARN("skipped " << entry.path().string() << ": no ../shared/data/bitbrains-rnd-2013-7 beside the project");
      continue;
    }
    files.push_back(entry.path());
  }
  for (const fs::path& file : files) {
    INFO(file.string());
    const sweep_test::CommandRun result = run("'" VMSWEEP_BINARY "' validate '" + file.string() + "'");
    CHECK(result.exit_code == 0);
    CHECK(result.output.find("error") == std::string::npos);
  }
}
