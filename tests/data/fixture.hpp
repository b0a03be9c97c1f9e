#pragma once
// Shared helpers of the data tests: fixture paths and small data blocks.
#include <unistd.h>

#include <filesystem>
#include <string>

#include "vmsweep/common/value.hpp"
#include "vmsweep/data/prepare.hpp"

namespace vmsweep::test {

// A scratch file of this process: ctest runs test cases as parallel processes.
inline std::filesystem::path scratch_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("vmsweep_" + std::to_string(::getpid()) + "_" + name);
}

// Removes its scratch file when the test is done with it.
class ScratchFile {
public:
  explicit ScratchFile(const std::string& name) : path_(scratch_file(name)) {}
  ~ScratchFile() { std::filesystem::remove(path_); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

inline std::string fixture(const std::string& name) { return std::string(VMSWEEP_TEST_DATA_DIR) + "/data/" + name; }

// A data block for a fixture, with `extra` fields added; the split keeps one test window and
// reuses it for validation, and nothing is scaled, so tiny files still prepare.
inline data::DataSpec tiny_spec(const std::string& name, Value::Map extra = {}) {
  Value block = Value::Map{{"path", fixture(name)}, {"split", Value::Map{{"val", "test"}, {"test", 1}}}, {"scale", "none"}};
  for (auto& [key, value] : extra) block.set(key, value);
  return data::DataSpec::from_value(block);
}

inline data::PreparedData tiny_prepare(const std::string& name, Value::Map extra = {}) {
  return data::prepare(tiny_spec(name, std::move(extra)), {1, 1, 1});
}

}  // namespace vmsweep::test
