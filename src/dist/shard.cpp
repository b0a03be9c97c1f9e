#include <charconv>

#include "vmsweep/common/error.hpp"
#include "vmsweep/dist/shard.hpp"

namespace vmsweep::dist {

namespace {

bool parse_int(std::string_view text, int& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size();
}

}  // namespace

namespace {

// The numbers 0 .. total-1 with number % count == index.
std::int64_t residues(std::int64_t total, int index, int count) {
  return total > index ? (total - 1 - index) / count + 1 : 0;
}

}  // namespace

std::int64_t Shard::owned_of(std::int64_t total) const {
  if (traces <= 1) return residues(total, index, count);
  return total / traces * residues(traces, index, count);
}

Shard Shard::parse(const std::string& text) {
  auto slash = text.find('/');
  Shard shard;
  bool ok = slash != std::string::npos && parse_int(std::string_view(text).substr(0, slash), shard.index) &&
            parse_int(std::string_view(text).substr(slash + 1), shard.count);
  if (!ok || shard.count < 1 || shard.index < 0 || shard.index >= shard.count)
    throw InputError("--shard '" + text + "': expected I/N with 0 <= I < N, e.g. 0/4");
  return shard;
}

}  // namespace vmsweep::dist
