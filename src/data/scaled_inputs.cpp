#include "scaled_inputs.hpp"

namespace vmsweep::data {

std::vector<float> interleave(std::span<const float> scaled, std::span<const double> sub, std::size_t per_step,
                              const Scaler& sub_scaler) {
  const std::size_t channels = 1 + per_step;
  std::vector<float> inputs(scaled.size() * channels);
  for (std::size_t step = 0; step < scaled.size(); ++step) {
    float* row = inputs.data() + step * channels;
    row[0] = scaled[step];
    for (std::size_t j = 0; j < per_step; ++j) row[1 + j] = sub_scaler.apply(sub[step * per_step + j]);
  }
  return inputs;
}

}  // namespace vmsweep::data
