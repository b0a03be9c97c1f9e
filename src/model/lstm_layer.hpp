#pragma once
// One LSTM layer as a oneDNN 2.6 lstm_forward (training) / lstm_backward primitive pair for one
// batch size. Gate order i, f, c~, o; for each step t:
//   (1) gates = W_layer^T x_t + W_iter^T h_{t-1} + b
//   (2) c_t = f * c_{t-1} + i * c~,   h_t = o * tanh(c_t)
// Facts from docs/onednn-lstm.md this class relies on:
//   - h0/c0 are passed as explicit zero tensors (with DIFF_SRC_ITER(_C) outputs): without them
//     oneDNN 2.6.3 returns a wrong diff_weights_iter;
//   - backward accumulates into the gradients, so the caller zeroes them first;
//   - backward reads DST_LAYER and the workspace written by the preceding forward.
#include <cstdint>
#include <unordered_map>

#include <dnnl.hpp>

#include "aligned_buffer.hpp"
#include "weight_copy.hpp"

namespace vmsweep::model {

struct LayerShape {
  int time_steps;
  int batch;
  int inputs;
  int hidden;
};

// A layer's weights, or their gradients, in plain layouts inside the model's flat buffer:
// weights_layer [inputs,4,hidden] ldigo, weights_iter [hidden,4,hidden] ldigo, bias [4,hidden].
struct LayerTensors {
  float* weights_layer;
  float* weights_iter;
  float* bias;
};

// Buffers of one layer that every batch size shares (tnc sequences, full-batch sized).
struct LayerBuffers {
  AlignedBuffer src;       // this layer's input
  AlignedBuffer dst;       // this layer's output h_1..h_T
  AlignedBuffer diff_src;
  AlignedBuffer diff_dst;
  AlignedBuffer workspace;
  AlignedBuffer zero_state;  // h0 = c0 = 0, never written
  AlignedBuffer diff_src_iter;
  AlignedBuffer diff_src_iter_c;
};

struct LayerDescs {
  dnnl::lstm_forward::primitive_desc forward;
  dnnl::lstm_backward::primitive_desc backward;
};

// explicit_initial_states = false leaves h0/c0 out (a zero memory::desc), which reproduces the
// 2.6.3 bug; only the gradient test uses it.
LayerDescs make_layer_descs(const dnnl::engine& engine, const LayerShape& shape, bool explicit_initial_states);

class LstmLayer {
public:
  struct Bindings {
    LayerTensors params;
    LayerTensors gradients;
    LayerBuffers* buffers;
    AlignedBuffer* scratchpad;  // shared by all primitives of the model (scratchpad_mode::user)
  };

  LstmLayer(const dnnl::engine& engine, const LayerDescs& descs, const LayerShape& shape, const Bindings& bindings);

  // weights_version identifies the current parameter values: layout copies are refreshed only
  // when it changed since this layer's last pass.
  void forward(dnnl::stream& stream, std::uint64_t weights_version);
  void backward(dnnl::stream& stream, std::uint64_t weights_version);

private:
  using Args = std::unordered_map<int, dnnl::memory>;
  void bind_forward(const dnnl::engine& engine, const LayerDescs& descs, const Bindings& bindings);
  void bind_backward(const dnnl::engine& engine, const LayerDescs& descs, const Bindings& bindings);

  LayerShape shape_;
  dnnl::lstm_forward forward_;
  dnnl::lstm_backward backward_;
  Args forward_args_;
  Args backward_args_;
  WeightCopy forward_weights_layer_, forward_weights_iter_;
  WeightCopy backward_weights_layer_, backward_weights_iter_;
  std::uint64_t forward_version_ = UINT64_MAX;
  std::uint64_t backward_version_ = UINT64_MAX;
};

}  // namespace vmsweep::model
