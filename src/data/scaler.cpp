#include "vmsweep/data/scaler.hpp"

#include <algorithm>
#include <cmath>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

Scaler fit_minmax(std::span<const double> values) {
  auto [low, high] = std::minmax_element(values.begin(), values.end());
  if (*high == *low)
    throw InputError("scale: minmax needs a series that is not constant (every value is " + std::to_string(*low) +
                     "); use scale: none or zscore on another part");
  return {ScaleKind::minmax, *low, *high - *low};
}

Scaler fit_zscore(std::span<const double> values) {
  double mean = 0.0;
  for (double x : values) mean += x;
  mean /= static_cast<double>(values.size());
  double squares = 0.0;
  for (double x : values) squares += (x - mean) * (x - mean);
  double deviation = std::sqrt(squares / static_cast<double>(values.size()));
  if (deviation == 0.0) throw InputError("scale: zscore needs a series that is not constant (every value is " + std::to_string(mean) + ")");
  return {ScaleKind::zscore, mean, deviation};
}

}  // namespace

Scaler::Scaler(ScaleKind kind, double offset, double scale) : kind_(kind), offset_(offset), scale_(scale) {}

Scaler Scaler::fit(ScaleKind kind, std::span<const double> values) {
  if (values.empty()) throw Error("Scaler::fit: no values to fit on");
  switch (kind) {
    case ScaleKind::minmax: return fit_minmax(values);
    case ScaleKind::zscore: return fit_zscore(values);
    case ScaleKind::none: return {};
  }
  return {};
}

std::string Scaler::kind() const {
  switch (kind_) {
    case ScaleKind::minmax: return "minmax";
    case ScaleKind::zscore: return "zscore";
    case ScaleKind::none: return "none";
  }
  return "none";
}

}  // namespace vmsweep::data
