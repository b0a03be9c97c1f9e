#pragma once
// Scaler: an affine map fitted on part of a series; scaled = (x - offset) / scale, with an exact
// inverse. minmax maps [min, max] to [0, 1] (Keras/sklearn MinMaxScaler), zscore uses the mean and
// the population standard deviation (sklearn StandardScaler), none is the identity.
#include <span>
#include <string>

#include "vmsweep/data/data_spec.hpp"

namespace vmsweep::data {

class Scaler {
public:
  Scaler() = default;
  Scaler(ScaleKind kind, double offset, double scale);
  // Fits on `values`; a constant part under minmax or zscore is an InputError.
  static Scaler fit(ScaleKind kind, std::span<const double> values);

  std::string kind() const;  // "minmax", "zscore" or "none"
  double offset() const { return offset_; }
  double scale() const { return scale_; }
  float apply(double x) const { return static_cast<float>((x - offset_) / scale_); }
  double invert(double scaled) const { return scaled * scale_ + offset_; }

private:
  ScaleKind kind_ = ScaleKind::none;
  double offset_ = 0.0;
  double scale_ = 1.0;
};

}  // namespace vmsweep::data
