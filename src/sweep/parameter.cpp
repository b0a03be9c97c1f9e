#include "vmsweep/sweep/parameter.hpp"

#include <array>
#include <utility>

namespace vmsweep::sweep {

namespace {

using Entry = std::pair<Distribution, std::string_view>;
constexpr std::array<Entry, 11> kNames{{
    {Distribution::constant, "constant"},
    {Distribution::categorical, "categorical"},
    {Distribution::uniform, "uniform"},
    {Distribution::int_uniform, "int_uniform"},
    {Distribution::log_uniform_values, "log_uniform_values"},
    {Distribution::log_uniform, "log_uniform"},
    {Distribution::q_uniform, "q_uniform"},
    {Distribution::q_log_uniform_values, "q_log_uniform_values"},
    {Distribution::normal, "normal"},
    {Distribution::log_normal, "log_normal"},
    {Distribution::q_normal, "q_normal"},
}};

}  // namespace

std::string_view distribution_name(Distribution distribution) {
  for (const auto& [value, name] : kNames)
    if (value == distribution) return name;
  return "?";
}

std::optional<Distribution> distribution_from_name(std::string_view name) {
  for (const auto& [value, known] : kNames)
    if (known == name) return value;
  return std::nullopt;
}

std::vector<std::string_view> distribution_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : kNames) names.push_back(entry.second);
  return names;
}

}  // namespace vmsweep::sweep
