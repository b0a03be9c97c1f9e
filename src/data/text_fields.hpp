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

inline const char* line_end(const char* p, const char* last) {
  const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(last - p));
  return hit ? static_cast<const char*>(hit) : last;
}

// Splits the line starting at `first` (it ends at '\n' or `last`) into at most `count` fields, in
// one pass over the characters; `found` gets how many fields were there, up to `count`. Returns
// the end of the line.
inline const char* split_line(const char* first, const char* last, char delimiter, Field* fields, int count, int& found) {
  found = 0;
  const char* start = first;
  for (const char* p = first;; ++p) {
    if (p == last || *p == '\n') {
      fields[found++] = trim_field(start, p, delimiter);
      return p;
    }
    if (*p == delimiter) {
      fields[found++] = trim_field(start, p, delimiter);
      if (found == count) return line_end(p + 1, last);
      start = p + 1;
    }
  }
}

}  // namespace vmsweep::data
