// Fuzz target: the sweep-file parser (sweep::SweepSpec::parse) on arbitrary text, against the real
// knob tables. The only accepted failure is InputError: whatever a user writes, vmsweep answers
// with "FILE:LINE:COL: ..." and exit code 2. Relative data paths resolve in tests/sweep/good.
#include <string_view>

#include "fuzz_target.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"
#include "vmsweep/train/parameters.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    vmsweep::sweep::SweepSpec::parse(text, "fuzz.yaml", vmsweep::train::all_knobs(),
                                     VMSWEEP_SOURCE_DIR "/tests/sweep/good");
  } catch (const vmsweep::InputError&) {
  }
  return 0;
}
