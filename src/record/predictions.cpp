#include "vmsweep/record/predictions.hpp"

namespace vmsweep {

const char* to_string(SplitPart part) {
  switch (part) {
    case SplitPart::train: return "train";
    case SplitPart::val: return "val";
    case SplitPart::test: return "test";
  }
  return "?";
}

}  // namespace vmsweep
