#include <string>

#include "checks.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::size_t kMaxFolderBytes = 200;  // file systems allow 255 bytes, and results/<name>.h5 adds a few

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8.
std::size_t sequence_length(const std::string& text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k)
    if (static_cast<unsigned char>(text[i + k]) >> 6 != 0x2) return 0;
  return length;
}

bool is_safe_ascii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

// Non-ASCII characters are kept whole; other ASCII than letters, digits, - _ . becomes _ (a run of
// them one _), and leading dots too, so the folder is never hidden, '.' or '..'.
std::string folder_name(const Value& name, const std::string& text) {
  std::string folder;
  bool leading_dots = true;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) fail(name, "name", "is not valid UTF-8 text (byte " + std::to_string(i + 1) + ")");
    leading_dots = leading_dots && text[i] == '.';
    const bool kept = length > 1 || (is_safe_ascii(text[i]) && !leading_dots);
    if (kept) folder += text.substr(i, length);
    else if (folder.empty() || folder.back() != '_') folder += '_';
    i += length;
  }
  if (folder.size() > kMaxFolderBytes)
    fail(name, "name", "is too long for a results folder (" + std::to_string(folder.size()) + " bytes; at most " +
                           std::to_string(kMaxFolderBytes) + ")");
  return folder;
}

}  // namespace

SweepName sweep_name(const Value& name, std::vector<std::string>& readings) {
  const std::string& text = nonempty_string(name, "name");
  SweepName result{text, folder_name(name, text)};
  if (result.folder != text)
    readings.push_back(name.mark().to_string() + ": key 'name': '" + text + "' kept as the sweep's name; its results " +
                       "folder is '" + result.folder + "'");
  return result;
}

}  // namespace vmsweep::sweep
