#include "vmsweep/common/flow_text.hpp"

#include <charconv>
#include <cstdint>

#include "vmsweep/common/error.hpp"

namespace vmsweep {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

template <class Number>
bool parse_whole(std::string_view text, Number& number) {
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, number);
  return error == std::errc{} && stop == end;
}

Value parse_scalar(std::string_view text) {
  std::int64_t integer = 0;
  double real = 0;
  if (parse_whole(text, integer)) return Value(integer);
  if (parse_whole(text, real)) return Value(real);
  if (text == "true" || text == "false") return Value(text == "true");
  return Value(std::string(text));
}

// Splits a flow collection's inside at top-level commas.
std::vector<std::string_view> split_items(std::string_view inside) {
  std::vector<std::string_view> items;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= inside.size(); ++i) {
    const char c = i < inside.size() ? inside[i] : ',';
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') --depth;
    if (c != ',' || depth != 0) continue;
    if (auto item = trimmed(inside.substr(start, i - start)); !item.empty()) items.push_back(item);
    start = i + 1;
  }
  return items;
}

Value parse_map(std::string_view inside) {
  Value map = Value::Map{};
  for (std::string_view item : split_items(inside)) {
    const auto colon = item.find(':');
    if (colon == std::string_view::npos)
      throw InputError("'" + std::string(item) + "': expected key: value inside {...}");
    map.set(std::string(trimmed(item.substr(0, colon))), parse_flow_text(item.substr(colon + 1)));
  }
  return map;
}

}  // namespace

Value parse_flow_text(std::string_view text) {
  text = trimmed(text);
  const bool bracketed = text.size() >= 2 && ((text.front() == '[' && text.back() == ']') ||
                                               (text.front() == '{' && text.back() == '}'));
  if (!bracketed) return parse_scalar(text);
  const std::string_view inside = text.substr(1, text.size() - 2);
  if (text.front() == '{') return parse_map(inside);
  Value::List items;
  for (std::string_view item : split_items(inside)) items.push_back(parse_flow_text(item));
  return Value(std::move(items));
}

}  // namespace vmsweep
