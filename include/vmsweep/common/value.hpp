#pragma once
// Value: a small dynamically typed tree (null, bool, integer, real, string, list, map) that carries
// configuration between modules without tying them to a file format. The sweep module builds
// Values from YAML with their source marks; data and train read their settings from them, so an
// error about a setting can still name the file, line and column it came from.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "vmsweep/common/source_mark.hpp"

namespace vmsweep {

class Value {
public:
  using List = std::vector<Value>;
  using Map = std::vector<std::pair<std::string, Value>>;  // keeps the order of the file
  enum class Kind { null, boolean, integer, real, string, list, map };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(std::int64_t{i}) {}
  Value(std::int64_t i) : data_(i) {}
  Value(double d) : data_(d) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(List l) : data_(std::move(l)) {}
  Value(Map m) : data_(std::move(m)) {}

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_null() const { return kind() == Kind::null; }
  bool is_bool() const { return kind() == Kind::boolean; }
  bool is_int() const { return kind() == Kind::integer; }
  bool is_number() const { return kind() == Kind::integer || kind() == Kind::real; }
  // An integer, or a real with no fractional part (5.0): what as_int accepts.
  bool holds_integer() const;
  bool is_string() const { return kind() == Kind::string; }
  bool is_list() const { return kind() == Kind::list; }
  bool is_map() const { return kind() == Kind::map; }

  // Typed access; each throws InputError naming `what` and the source mark on a type mismatch.
  bool as_bool(std::string_view what = "value") const;
  std::int64_t as_int(std::string_view what = "value") const;  // a real that is a whole number is accepted
  double as_double(std::string_view what = "value") const;     // integers convert
  const std::string& as_string(std::string_view what = "value") const;
  const List& as_list(std::string_view what = "value") const;
  const Map& as_map(std::string_view what = "value") const;
  List& as_list(std::string_view what = "value");
  Map& as_map(std::string_view what = "value");

  // Map access: nullptr when absent (or when this is not a map).
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  // Inserts or replaces, keeping the position of an existing key.
  void set(std::string key, Value value);

  const SourceMark& mark() const { return mark_; }
  Value& with_mark(SourceMark mark) & { mark_ = std::move(mark); return *this; }
  Value&& with_mark(SourceMark mark) && { mark_ = std::move(mark); return std::move(*this); }

  // Compact flow text, the way it would appear in a YAML flow collection or a table cell:
  // 3, 0.001, minmax, [256, 128, 64], {freq: D, agg: mean}, "" for an empty string. Reals keep
  // full precision.
  std::string to_string() const;
  // Strict JSON (strings quoted); for logs and HDF5 attributes.
  std::string to_json() const;
  static const char* kind_name(Kind kind);
  // The kind and the text, for the "got ..." of an error: "a string (big)", "an integer (3)", "null".
  std::string description() const;

  // Structural equality; integers and reals compare by value (3 == 3.0); marks are ignored.
  friend bool operator==(const Value& a, const Value& b);

private:
  [[noreturn]] void type_error(std::string_view what, std::string_view expected) const;

  std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Map> data_;
  SourceMark mark_;
};

}  // namespace vmsweep
