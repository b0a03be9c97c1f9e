#pragma once
// Shared helpers of the data tests: fixture paths and small data blocks.
#include <string>

#include "vmsweep/common/value.hpp"
#include "vmsweep/data/prepare.hpp"

namespace vmsweep::test {

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
