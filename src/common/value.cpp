#include "vmsweep/common/value.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "vmsweep/common/error.hpp"

namespace vmsweep {

namespace {

std::string format_real(double d) {
  if (std::isnan(d)) return ".nan";
  if (std::isinf(d)) return d > 0 ? ".inf" : "-.inf";
  char buffer[48];
  // The shortest text that reads back to the same double.
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, d);
    if (std::strtod(buffer, nullptr) == d) break;
  }
  // %g turns to an exponent once the exponent reaches the precision (50 -> 5e+01); numbers below
  // 1e16 are written out in full instead (more digits never break the round trip).
  if (const char* e = std::strchr(buffer, 'e'); e && e[1] == '+') {
    const int exponent = std::atoi(e + 2);
    if (exponent < 16) std::snprintf(buffer, sizeof buffer, "%.*g", exponent + 1, d);
  }
  std::string text = buffer;
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

std::string quote_json(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\u%04x", c);
          out += esc;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

const char* Value::kind_name(Kind kind) {
  switch (kind) {
    case Kind::null: return "null";
    case Kind::boolean: return "a boolean";
    case Kind::integer: return "an integer";
    case Kind::real: return "a number";
    case Kind::string: return "a string";
    case Kind::list: return "a list";
    case Kind::map: return "a mapping";
  }
  return "?";
}

std::string Value::description() const {
  return kind_name(kind()) + (is_null() ? std::string() : " (" + to_string() + ")");
}

void Value::type_error(std::string_view what, std::string_view expected) const {
  throw InputError(mark_, std::string(what) + ": expected " + std::string(expected) + ", got " + description());
}

bool Value::holds_integer() const {
  if (is_int()) return true;
  if (kind() != Kind::real) return false;
  const double d = std::get<double>(data_);
  return std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.0e15;
}

bool Value::as_bool(std::string_view what) const {
  if (!is_bool()) type_error(what, "true or false");
  return std::get<bool>(data_);
}

std::int64_t Value::as_int(std::string_view what) const {
  if (!holds_integer()) type_error(what, "an integer");
  if (is_int()) return std::get<std::int64_t>(data_);
  return static_cast<std::int64_t>(std::get<double>(data_));
}

double Value::as_double(std::string_view what) const {
  if (kind() == Kind::real) return std::get<double>(data_);
  if (is_int()) return static_cast<double>(std::get<std::int64_t>(data_));
  type_error(what, "a number");
}

const std::string& Value::as_string(std::string_view what) const {
  if (!is_string()) type_error(what, "a string");
  return std::get<std::string>(data_);
}

const Value::List& Value::as_list(std::string_view what) const {
  if (!is_list()) type_error(what, "a list");
  return std::get<List>(data_);
}

Value::List& Value::as_list(std::string_view what) {
  if (!is_list()) type_error(what, "a list");
  return std::get<List>(data_);
}

const Value::Map& Value::as_map(std::string_view what) const {
  if (!is_map()) type_error(what, "a mapping");
  return std::get<Map>(data_);
}

Value::Map& Value::as_map(std::string_view what) {
  if (!is_map()) type_error(what, "a mapping");
  return std::get<Map>(data_);
}

const Value* Value::find(std::string_view key) const {
  if (!is_map()) return nullptr;
  for (const auto& [name, value] : std::get<Map>(data_))
    if (name == key) return &value;
  return nullptr;
}

Value* Value::find(std::string_view key) {
  return const_cast<Value*>(std::as_const(*this).find(key));
}

void Value::set(std::string key, Value value) {
  if (is_null()) data_ = Map{};
  if (Value* existing = find(key)) {
    *existing = std::move(value);
    return;
  }
  as_map("set").emplace_back(std::move(key), std::move(value));
}

std::string Value::to_string() const {
  switch (kind()) {
    case Kind::null: return "null";
    case Kind::boolean: return std::get<bool>(data_) ? "true" : "false";
    case Kind::integer: return std::to_string(std::get<std::int64_t>(data_));
    case Kind::real: return format_real(std::get<double>(data_));
    case Kind::string: {
      const std::string& text = std::get<std::string>(data_);
      return text.empty() ? "\"\"" : text;  // visible, and still YAML (history_freq: "")
    }
    case Kind::list: {
      std::string out = "[";
      for (const auto& item : std::get<List>(data_)) out += (out.size() > 1 ? ", " : "") + item.to_string();
      return out + "]";
    }
    case Kind::map: {
      std::string out = "{";
      for (const auto& [key, item] : std::get<Map>(data_))
        out += (out.size() > 1 ? ", " : "") + key + ": " + item.to_string();
      return out + "}";
    }
  }
  return {};
}

std::string Value::to_json() const {
  switch (kind()) {
    case Kind::string: return quote_json(std::get<std::string>(data_));
    case Kind::real: {
      double d = std::get<double>(data_);
      return std::isfinite(d) ? format_real(d) : "null";
    }
    case Kind::list: {
      std::string out = "[";
      for (const auto& item : std::get<List>(data_)) out += (out.size() > 1 ? ", " : "") + item.to_json();
      return out + "]";
    }
    case Kind::map: {
      std::string out = "{";
      for (const auto& [key, item] : std::get<Map>(data_))
        out += (out.size() > 1 ? ", " : "") + quote_json(key) + ": " + item.to_json();
      return out + "}";
    }
    default: return to_string();
  }
}

bool operator==(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    return a.as_double() == b.as_double();
  }
  if (a.kind() != b.kind()) return false;
  return a.data_ == b.data_;
}

}  // namespace vmsweep
