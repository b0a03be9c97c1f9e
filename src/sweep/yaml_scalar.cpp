#include "yaml_scalar.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <optional>
#include <regex>
#include <string_view>

#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::array<std::string_view, 6> kTrue{"true", "True", "TRUE", "yes", "Yes", "YES"};
constexpr std::array<std::string_view, 6> kFalse{"false", "False", "FALSE", "no", "No", "NO"};
constexpr std::array<std::string_view, 3> kOn{"on", "On", "ON"};
constexpr std::array<std::string_view, 3> kOff{"off", "Off", "OFF"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& spellings, const std::string& text) {
  return std::ranges::find(spellings, text) != spellings.end();
}

std::optional<Value> boolean(const std::string& text) {
  if (one_of(kTrue, text) || one_of(kOn, text)) return Value(true);
  if (one_of(kFalse, text) || one_of(kOff, text)) return Value(false);
  return std::nullopt;
}

std::string without_separators(const std::string& text) {
  std::string digits = text;
  std::erase(digits, '_');
  return digits;
}

std::optional<Value> integer(const std::string& text, int base) {
  errno = 0;
  const std::string digits = without_separators(text);
  const char* start = digits.c_str();
  const bool negative = *start == '-';
  if (*start == '-' || *start == '+') ++start;
  if (base != 10) start += 2;  // 0x, 0b
  char* end = nullptr;
  const long long parsed = std::strtoll(start, &end, base);
  if (errno == ERANGE || *end != '\0') return std::nullopt;
  return Value(std::int64_t{negative ? -parsed : parsed});
}

std::optional<Value> special_real(const std::string& text) {
  static const std::regex inf(R"([-+]?\.(inf|Inf|INF))"), nan(R"(\.(nan|NaN|NAN))");
  if (std::regex_match(text, nan)) return Value(std::numeric_limits<double>::quiet_NaN());
  if (!std::regex_match(text, inf)) return std::nullopt;
  const double infinity = std::numeric_limits<double>::infinity();
  return Value(text[0] == '-' ? -infinity : infinity);
}

void refuse_ambiguous(const std::string& text, const SourceMark& mark) {
  static const std::regex leading_zero(R"([-+]?0[0-9_]+)"), octal(R"([-+]?0o[0-7]+)");
  static const std::regex base60(R"([-+]?([1-9][0-9_]*(:[0-5]?[0-9])+|[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*))");
  const std::string quoted = "'" + text + "'";
  if (std::regex_match(text, leading_zero) || std::regex_match(text, octal))
    throw InputError(mark, quoted + " is octal in YAML 1.1 (PyYAML, which W&B uses) and decimal or a string in "
                                    "YAML 1.2; write the number without a leading zero, or quote it for a string");
  if (std::regex_match(text, base60))
    throw InputError(mark, quoted + " is a base-60 number in YAML 1.1 (PyYAML, which W&B uses) and a string in "
                                    "YAML 1.2; quote it for a string");
}

std::optional<Value> number(const std::string& text, const SourceMark& mark) {
  static const std::regex decimal(R"([-+]?[0-9][0-9_]*)"), hex(R"([-+]?0x[0-9a-fA-F_]+)"), binary(R"([-+]?0b[01_]+)");
  static const std::regex real(R"([-+]?(\.[0-9][0-9_]*|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?)");
  refuse_ambiguous(text, mark);
  if (std::regex_match(text, hex)) return integer(text, 16);
  if (std::regex_match(text, binary)) return integer(text, 2);
  if (std::regex_match(text, decimal))
    if (auto parsed = integer(text, 10)) return parsed;  // else too large: a real
  if (std::regex_match(text, real)) return Value(std::strtod(without_separators(text).c_str(), nullptr));
  return special_real(text);
}

}  // namespace

Value plain_scalar(const std::string& text, const SourceMark& mark) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return Value();
  if (auto parsed = boolean(text)) return *parsed;
  if (auto parsed = number(text, mark)) return *parsed;
  return Value(text);
}

}  // namespace vmsweep::sweep
