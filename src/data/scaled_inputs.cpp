#include "scaled_inputs.hpp"

#include <algorithm>
#include <limits>

namespace vmsweep::data {

std::vector<float> input_rows(std::span<const float> scaled, const SubStepInputs& sub, std::span<const std::size_t> lags) {
  const std::size_t channels = 1 + sub.per_step + lags.size();
  std::vector<float> inputs(scaled.size() * channels);
  for (std::size_t step = 0; step < scaled.size(); ++step) {
    float* row = inputs.data() + step * channels;
    row[0] = scaled[step];
    for (std::size_t j = 0; j < sub.per_step; ++j) row[1 + j] = sub.scaler.apply(sub.values[step * sub.per_step + j]);
    float* lagged = row + 1 + sub.per_step;
    for (std::size_t j = 0; j < lags.size(); ++j)
      lagged[j] = step + 1 >= lags[j] ? scaled[step + 1 - lags[j]] : std::numeric_limits<float>::quiet_NaN();
  }
  return inputs;
}

std::size_t input_history(std::size_t look_back, std::span<const std::size_t> lags) {
  const std::size_t longest = lags.empty() ? 0 : *std::max_element(lags.begin(), lags.end());
  return look_back + (longest > 1 ? longest - 1 : 0);
}

}  // namespace vmsweep::data
