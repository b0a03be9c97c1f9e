#include "dense_head.hpp"

namespace vmsweep::model {

void DenseHead::forward(const float* h, int n, DenseParams params, float* y) const {
  for (int row = 0; row < n; ++row) {  // (1)
    float* y_row = y + row * outputs_;
    for (int o = 0; o < outputs_; ++o) y_row[o] = params.bias[o];
    for (int j = 0; j < inputs_; ++j) {
      const float h_value = h[row * inputs_ + j];
      const float* w_row = params.weights + j * outputs_;
      for (int o = 0; o < outputs_; ++o) y_row[o] += h_value * w_row[o];
    }
  }
}

void DenseHead::backward(const float* h, const float* dy, int n, DenseParams params, DenseGradients gradients,
                         float* dh) const {
  for (int row = 0; row < n; ++row) {
    const float* dy_row = dy + row * outputs_;
    for (int o = 0; o < outputs_; ++o) gradients.bias[o] += dy_row[o];  // (3)
    for (int j = 0; j < inputs_; ++j) {
      const float* w_row = params.weights + j * outputs_;
      float* dw_row = gradients.weights + j * outputs_;
      const float h_value = h[row * inputs_ + j];
      float dh_value = 0.0f;
      for (int o = 0; o < outputs_; ++o) {
        dw_row[o] += h_value * dy_row[o];  // (2)
        dh_value += dy_row[o] * w_row[o];  // (4)
      }
      dh[row * inputs_ + j] = dh_value;
    }
  }
}

}  // namespace vmsweep::model
