#pragma once
// Suggestions for a misspelt name, shared by every place that rejects an unknown key or choice.
#include <span>
#include <string>
#include <string_view>

namespace vmsweep {

// The candidate closest to `word` by edit distance, or "" when none is plausibly meant
// (more than about a third of the word would have to change).
std::string closest_name(std::string_view word, std::span<const std::string_view> candidates);
// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace vmsweep
