#pragma once
// A trial parameter is declared once: its knob (name, type, default, range or choices, doc line)
// together with the settings member it fills. Everything else is derived from the declarations:
// the knob tables the sweep validator checks a sweep file against, reading a parameter map into
// the settings, `vmsweep validate`'s display and docs/parameters.md. docs/architecture.md has the
// recipe for adding one.
//
//   number("dropout", "0.2", {0, 0.95}, "Inverted dropout between LSTM layers", &Settings::model, &ModelConfig::dropout)
//   choice("optimizer", "adam", {{"adam", OptimizerKind::adam}, {"sgd", OptimizerKind::sgd}}, "...", &Settings::model, ...)
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep {

// Inclusive bounds of a number, or of each element of an integer list.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};

template <class Settings>
struct Parameter {
  Knob knob;
  // Writes a value that passed the knob's check into the settings.
  std::function<void(Settings&, const Value&)> assign;
};

// The knob's default_text as a typed Value (read as a sweep file's flow value would be); nullopt
// when the knob has no default.
std::optional<Value> knob_default(const Knob& knob);

// Whether a value suits its knob, under the parameter's own name; InputError at the value's mark.
// Parameters are often built in code (a sampler, a checkpoint, --set), so 5.0 counts as an integer.
void check_parameter_value(const Knob& knob, const Value& value);

namespace parameter_detail {

// The member a path of member pointers leads to: member_at(s, &A::b, &B::c) is s.b.c.
template <class Object, class Member, class... Rest>
auto& member_at(Object& object, Member member, Rest... rest) {
  if constexpr (sizeof...(Rest) == 0) return object.*member;
  else return member_at(object.*member, rest...);
}

template <class> struct member_class;
template <class Type, class Class> struct member_class<Type Class::*> { using type = Class; };

// The struct the first member pointer of a path belongs to.
template <class... Path> struct path_root;
template <class First, class... Rest> struct path_root<First, Rest...> { using type = typename member_class<First>::type; };
template <class... Path>
using settings_of = typename path_root<Path...>::type;

template <class Settings, class... Path>
using field_type = std::remove_reference_t<decltype(member_at(std::declval<Settings&>(), std::declval<Path>()...))>;

template <class T>
constexpr Knob::Type knob_type() {
  if constexpr (std::is_same_v<T, bool>) return Knob::Type::boolean;
  else if constexpr (std::is_integral_v<T>) return Knob::Type::integer;
  else if constexpr (std::is_floating_point_v<T>) return Knob::Type::real;
  else if constexpr (std::is_same_v<T, std::vector<int>>) return Knob::Type::int_list;
  else static_assert(sizeof(T) == 0, "a number() field is bool, an integer, a floating point or std::vector<int>");
}

template <class T>
T read_number(const Value& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value.as_bool();
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(value.as_int());
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(value.as_double());
  } else {  // std::vector<int>: one layer may be written bare
    if (value.is_number()) return {static_cast<int>(value.as_int())};
    T items;
    for (const Value& item : value.as_list()) items.push_back(static_cast<int>(item.as_int()));
    return items;
  }
}

}  // namespace parameter_detail

// A number or an integer list with its inclusive range.
template <class... Path>
auto number(std::string_view name, std::string_view fallback, Range range, std::string_view doc, Path... path) {
  using Settings = parameter_detail::settings_of<Path...>;
  using Field = parameter_detail::field_type<Settings, Path...>;
  Knob knob{name, parameter_detail::knob_type<Field>(), fallback, doc, {}, range.min, range.max};
  return Parameter<Settings>{knob, [path...](Settings& settings, const Value& value) {
                               parameter_detail::member_at(settings, path...) = parameter_detail::read_number<Field>(value);
                             }};
}

// true or false.
template <class... Path>
auto flag(std::string_view name, std::string_view fallback, std::string_view doc, Path... path) {
  return number(name, fallback, Range{}, doc, path...);
}

template <class Choice>
using Choices = std::vector<std::pair<std::string_view, Choice>>;

// One of a fixed set of names, each standing for a value of the member's type (an enum).
template <class Choice, class... Path>
auto choice(std::string_view name, std::string_view fallback, Choices<Choice> choices, std::string_view doc,
            Path... path) {
  using Settings = parameter_detail::settings_of<Path...>;
  Knob knob{name, Knob::Type::string, fallback, doc, {}};
  for (const auto& [choice_name, value] : choices) knob.choices.push_back(choice_name);
  return Parameter<Settings>{knob, [choices, path...](Settings& settings, const Value& value) {
                               for (const auto& [choice_name, choice_value] : choices)
                                 if (value.as_string() == choice_name) parameter_detail::member_at(settings, path...) = choice_value;
                             }};
}

// A parameter whose value its owner parses itself (a column, a split, a period): `assign` throws
// InputError at the value's mark when the value is wrong.
template <class Settings>
Parameter<Settings> parsed(Knob knob, std::function<void(Settings&, const Value&)> assign) {
  return Parameter<Settings>{knob, std::move(assign)};
}

// The declarations of one settings struct, in the order they are documented and recorded.
template <class Settings>
class ParameterTable {
public:
  explicit ParameterTable(std::vector<Parameter<Settings>> parameters) : parameters_(std::move(parameters)) {
    for (const Parameter<Settings>& parameter : parameters_) knobs_.push_back(parameter.knob);
  }

  std::span<const Knob> knobs() const { return knobs_; }

  const Parameter<Settings>* find(std::string_view name) const {
    for (const Parameter<Settings>& parameter : parameters_)
      if (parameter.knob.name == name) return &parameter;
    return nullptr;
  }

  // Every declared parameter in table order: the given value, checked against its knob, or the
  // default. Keys of `given` that are not declared here are left to the caller. Returns what was
  // assigned, as a map in table order: the given values, and the defaults when `record_defaults`.
  Value assign(Settings& settings, const Value& given, bool record_defaults) const {
    Value assigned = Value::Map{};
    for (const Parameter<Settings>& parameter : parameters_) {
      const std::string name(parameter.knob.name);
      if (const Value* value = given.find(name)) {
        check_parameter_value(parameter.knob, *value);
        parameter.assign(settings, *value);
        assigned.set(name, *value);
      } else if (auto fallback = knob_default(parameter.knob)) {
        parameter.assign(settings, *fallback);
        if (record_defaults) assigned.set(name, std::move(*fallback));
      }
    }
    return assigned;
  }

private:
  std::vector<Parameter<Settings>> parameters_;
  std::vector<Knob> knobs_;
};

}  // namespace vmsweep
