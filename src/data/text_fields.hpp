#pragma once
// Splitting one line of delimited text into fields, without allocating: the inner loop of the
// trace parser. Fields are trimmed of blanks (spaces, and tabs unless tab is the delimiter), of a
// carriage return, and of one pair of surrounding double quotes.
#include <cstring>
#include <string_view>

namespace vmsweep::data {

struct Field {
  const char* first = nullptr;
  const char* last = nullptr;
  std::string_view view() const { return {first, static_cast<std::size_t>(last - first)}; }
};

inline bool is_blank(char c, char delimiter) { return c == ' ' || c == '\r' || (c == '\t' && delimiter != '\t'); }

inline Field trim_field(const char* first, const char* last, char delimiter) {
  while (first != last && is_blank(*first, delimiter)) ++first;
  while (last != first && is_blank(last[-1], delimiter)) --last;
  if (last - first >= 2 && *first == '"' && last[-1] == '"') ++first, --last;
  return {first, last};
}

// Fills fields[0..count) from [first, last); returns how many fields the line had, up to `count`.
inline int split_fields(const char* first, const char* last, char delimiter, Field* fields, int count) {
  int found = 0;
  while (found < count) {
    const void* hit = std::memchr(first, delimiter, static_cast<std::size_t>(last - first));
    const char* end = hit ? static_cast<const char*>(hit) : last;
    fields[found++] = trim_field(first, end, delimiter);
    if (!hit) break;
    first = end + 1;
  }
  return found;
}

}  // namespace vmsweep::data
