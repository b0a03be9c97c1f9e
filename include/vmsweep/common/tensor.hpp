#pragma once
// A named dense float array in row-major order: how weights leave the model (checkpoints,
// restore-best snapshots) without exposing oneDNN layouts.
#include <cstdint>
#include <string>
#include <vector>

namespace vmsweep {

struct NamedTensor {
  std::string name;                 // e.g. "lstm0/weights_layer" (plain ldigo), "head/weights"
  std::vector<std::int64_t> shape;  // row-major
  std::vector<float> values;

  friend bool operator==(const NamedTensor&, const NamedTensor&) = default;
};

}  // namespace vmsweep
