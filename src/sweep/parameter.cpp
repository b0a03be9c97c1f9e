#include "vmsweep/sweep/parameter.hpp"

#include <array>

namespace vmsweep::sweep {

namespace {

using D = Distribution;

// One row per distribution: {distribution, name, law, log_scale, bounds_are_values, inverted, quantised}.
constexpr std::array<DistributionTraits, 17> kTraits{{
    {D::constant, "constant", Law::fixed},
    {D::categorical, "categorical", Law::choice},
    {D::uniform, "uniform", Law::uniform},
    {D::int_uniform, "int_uniform", Law::integers},
    {D::q_uniform, "q_uniform", Law::uniform, false, false, false, true},
    {D::log_uniform, "log_uniform", Law::uniform, true},
    {D::log_uniform_values, "log_uniform_values", Law::uniform, true, true},
    {D::q_log_uniform, "q_log_uniform", Law::uniform, true, false, false, true},
    {D::q_log_uniform_values, "q_log_uniform_values", Law::uniform, true, true, false, true},
    {D::inv_log_uniform, "inv_log_uniform", Law::uniform, true, false, true},
    {D::inv_log_uniform_values, "inv_log_uniform_values", Law::uniform, true, true, true},
    {D::normal, "normal", Law::normal},
    {D::q_normal, "q_normal", Law::normal, false, false, false, true},
    {D::log_normal, "log_normal", Law::normal, true},
    {D::q_log_normal, "q_log_normal", Law::normal, true, false, false, true},
    {D::beta, "beta", Law::beta},
    {D::q_beta, "q_beta", Law::beta, false, false, false, true},
}};

}  // namespace

const DistributionTraits& traits(Distribution distribution) {
  for (const DistributionTraits& row : kTraits)
    if (row.distribution == distribution) return row;
  return kTraits.front();
}

std::string_view distribution_name(Distribution distribution) { return traits(distribution).name; }

std::optional<Distribution> distribution_from_name(std::string_view name) {
  if (name == "categorical_w_probabilities") return D::categorical;
  for (const DistributionTraits& row : kTraits)
    if (row.name == name) return row.distribution;
  return std::nullopt;
}

std::vector<std::string_view> distribution_names() {
  std::vector<std::string_view> names;
  for (const DistributionTraits& row : kTraits) names.push_back(row.name);
  names.push_back("categorical_w_probabilities");
  return names;
}

}  // namespace vmsweep::sweep
