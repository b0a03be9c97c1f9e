#pragma once
// How rank 0 prints progress: text lines for people, one JSON object per line for batch logs.

namespace vmsweep::dist {

enum class LogFormat { text, json };

}  // namespace vmsweep::dist
