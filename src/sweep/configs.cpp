#include "configs.hpp"

#include <algorithm>
#include <limits>

#include "distribution.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::uint64_t kRandomStream = 0x72616e646f6dULL;  // "random"
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

}  // namespace

std::int64_t grid_size(const SweepSpec& spec) {
  std::int64_t size = 1;
  for (const ParameterSpec& parameter : spec.parameters) size = saturating_product(size, grid_choices(parameter));
  return size;
}

std::int64_t saturating_product(std::int64_t size, std::int64_t factor) {
  return factor > 0 && size > kMax / factor ? kMax : size * factor;
}

Value grid_config(const SweepSpec& spec, std::int64_t index) {
  Value::Map config(spec.parameters.size());
  for (std::size_t i = spec.parameters.size(); i-- > 0;) {
    const ParameterSpec& parameter = spec.parameters[i];
    const std::int64_t choices = grid_choices(parameter);
    config[i] = {parameter.name, grid_value(parameter, index % choices)};
    index /= choices;
  }
  return Value(std::move(config));
}

Value draw_config(const SweepSpec& spec, Rng& rng) {
  Value config = Value(Value::Map{});
  for (const ParameterSpec& parameter : spec.parameters) config.set(parameter.name, sample_parameter(parameter, rng));
  return config;
}

Value random_config(const SweepSpec& spec, std::int64_t index) {
  Rng rng(mix_seed({static_cast<std::uint64_t>(spec.seed), kRandomStream, static_cast<std::uint64_t>(index)}));
  return draw_config(spec, rng);
}

Value list_config(const SweepSpec& spec, std::int64_t index) {
  return spec.method == Method::grid ? grid_config(spec, index) : random_config(spec, index);
}

std::int64_t config_count(const SweepSpec& spec) {
  const std::int64_t capped = spec.run_cap ? *spec.run_cap / spec.repeats : kMax;
  if (spec.method == Method::grid) return std::min(grid_size(spec), capped);
  return capped;
}

}  // namespace vmsweep::sweep
