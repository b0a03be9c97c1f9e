#include "lstm_layer.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::model {

namespace {

using tag = dnnl::memory::format_tag;
using dt = dnnl::memory::data_type;

dnnl::memory::desc sequence_md(const LayerShape& shape, int channels) {
  return {{shape.time_steps, shape.batch, channels}, dt::f32, tag::tnc};
}

dnnl::memory::desc state_md(const LayerShape& shape) {
  return {{1, 1, shape.batch, shape.hidden}, dt::f32, tag::ldnc};
}

dnnl::memory::desc weights_md(int inputs, int hidden, tag format) {
  return {{1, 1, inputs, 4, hidden}, dt::f32, format};
}

dnnl::memory::desc bias_md(int hidden) { return {{1, 1, 4, hidden}, dt::f32, tag::ldgo}; }

dnnl::memory bind(const dnnl::engine& engine, const dnnl::memory::desc& md, AlignedBuffer& buffer) {
  return {md, engine, buffer.claim(md.get_size())};
}

// User memory over a plain tensor of the flat parameter buffer; the primitive must accept it as is.
dnnl::memory bind_plain(const dnnl::engine& engine, const dnnl::memory::desc& wanted,
                        const dnnl::memory::desc& plain, float* values) {
  if (wanted != plain) throw Error("model: oneDNN chose a non-plain layout for a gradient tensor");
  return {plain, engine, values};
}

dnnl::memory plain_weights(const dnnl::engine& engine, int inputs, int hidden, float* values) {
  return {weights_md(inputs, hidden, tag::ldigo), engine, values};
}

}  // namespace

LayerDescs make_layer_descs(const dnnl::engine& engine, const LayerShape& shape, bool explicit_initial_states) {
  const dnnl::memory::desc none;
  const auto state = explicit_initial_states ? state_md(shape) : none;
  const auto src = sequence_md(shape, shape.inputs);
  const auto dst = sequence_md(shape, shape.hidden);
  const auto weights_layer = weights_md(shape.inputs, shape.hidden, tag::any);
  const auto weights_iter = weights_md(shape.hidden, shape.hidden, tag::any);
  const auto bias = bias_md(shape.hidden);
  const auto direction = dnnl::rnn_direction::unidirectional_left2right;
  // A user scratchpad makes the primitives independent of the creating thread's global one.
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);

  const dnnl::lstm_forward::desc forward(dnnl::prop_kind::forward_training, direction, src, state, state,
                                         weights_layer, weights_iter, bias, dst, none, none);
  dnnl::lstm_forward::primitive_desc forward_pd(forward, attr, engine);
  // Gradients in plain ldigo go straight into the flat gradient buffer (no reorder).
  const dnnl::lstm_backward::desc backward(
      dnnl::prop_kind::backward, direction, src, state, state, weights_layer, weights_iter, bias, dst, none, none,
      src, state, state, weights_md(shape.inputs, shape.hidden, tag::ldigo),
      weights_md(shape.hidden, shape.hidden, tag::ldigo), bias, dst, none, none);
  dnnl::lstm_backward::primitive_desc backward_pd(backward, attr, engine, forward_pd);
  return {forward_pd, backward_pd};
}

LstmLayer::LstmLayer(const dnnl::engine& engine, const LayerDescs& descs, const LayerShape& shape,
                     const Bindings& bindings)
    : shape_(shape),
      forward_(descs.forward),
      backward_(descs.backward),
      forward_weights_layer_(engine, plain_weights(engine, shape.inputs, shape.hidden, bindings.params.weights_layer),
                             descs.forward.weights_layer_desc()),
      forward_weights_iter_(engine, plain_weights(engine, shape.hidden, shape.hidden, bindings.params.weights_iter),
                            descs.forward.weights_iter_desc()),
      backward_weights_layer_(engine, plain_weights(engine, shape.inputs, shape.hidden, bindings.params.weights_layer),
                              descs.backward.weights_layer_desc()),
      backward_weights_iter_(engine, plain_weights(engine, shape.hidden, shape.hidden, bindings.params.weights_iter),
                             descs.backward.weights_iter_desc()) {
  bind_forward(engine, descs, bindings);
  bind_backward(engine, descs, bindings);
}

void LstmLayer::bind_forward(const dnnl::engine& engine, const LayerDescs& descs, const Bindings& bindings) {
  const auto& pd = descs.forward;
  LayerBuffers& buffers = *bindings.buffers;
  forward_args_ = {
      {DNNL_ARG_SRC_LAYER, bind(engine, pd.src_layer_desc(), buffers.src)},
      {DNNL_ARG_WEIGHTS_LAYER, forward_weights_layer_.memory()},
      {DNNL_ARG_WEIGHTS_ITER, forward_weights_iter_.memory()},
      {DNNL_ARG_BIAS, {pd.bias_desc(), engine, bindings.params.bias}},
      {DNNL_ARG_DST_LAYER, bind(engine, pd.dst_layer_desc(), buffers.dst)},
      {DNNL_ARG_WORKSPACE, bind(engine, pd.workspace_desc(), buffers.workspace)},
      {DNNL_ARG_SCRATCHPAD, bind(engine, pd.scratchpad_desc(), *bindings.scratchpad)},
  };
  if (pd.src_iter_desc().is_zero()) return;
  const auto zero_state = bind(engine, pd.src_iter_desc(), buffers.zero_state);
  forward_args_.insert({{DNNL_ARG_SRC_ITER, zero_state}, {DNNL_ARG_SRC_ITER_C, zero_state}});
}

void LstmLayer::bind_backward(const dnnl::engine& engine, const LayerDescs& descs, const Bindings& bindings) {
  const auto& pd = descs.backward;
  LayerBuffers& buffers = *bindings.buffers;
  const LayerTensors& gradients = bindings.gradients;
  backward_args_ = {
      {DNNL_ARG_SRC_LAYER, forward_args_.at(DNNL_ARG_SRC_LAYER)},
      {DNNL_ARG_WEIGHTS_LAYER, backward_weights_layer_.memory()},
      {DNNL_ARG_WEIGHTS_ITER, backward_weights_iter_.memory()},
      {DNNL_ARG_BIAS, forward_args_.at(DNNL_ARG_BIAS)},
      {DNNL_ARG_DST_LAYER, forward_args_.at(DNNL_ARG_DST_LAYER)},
      {DNNL_ARG_WORKSPACE, forward_args_.at(DNNL_ARG_WORKSPACE)},
      {DNNL_ARG_DIFF_SRC_LAYER, bind(engine, pd.diff_src_layer_desc(), buffers.diff_src)},
      {DNNL_ARG_DIFF_DST_LAYER, bind(engine, pd.diff_dst_layer_desc(), buffers.diff_dst)},
      {DNNL_ARG_DIFF_WEIGHTS_LAYER,
       bind_plain(engine, pd.diff_weights_layer_desc(), weights_md(shape_.inputs, shape_.hidden, tag::ldigo),
                  gradients.weights_layer)},
      {DNNL_ARG_DIFF_WEIGHTS_ITER,
       bind_plain(engine, pd.diff_weights_iter_desc(), weights_md(shape_.hidden, shape_.hidden, tag::ldigo),
                  gradients.weights_iter)},
      {DNNL_ARG_DIFF_BIAS, bind_plain(engine, pd.diff_bias_desc(), bias_md(shape_.hidden), gradients.bias)},
      {DNNL_ARG_SCRATCHPAD, bind(engine, pd.scratchpad_desc(), *bindings.scratchpad)},
  };
  if (pd.src_iter_desc().is_zero()) return;
  backward_args_.insert({{DNNL_ARG_SRC_ITER, forward_args_.at(DNNL_ARG_SRC_ITER)},
                         {DNNL_ARG_SRC_ITER_C, forward_args_.at(DNNL_ARG_SRC_ITER_C)},
                         {DNNL_ARG_DIFF_SRC_ITER, bind(engine, pd.diff_src_iter_desc(), buffers.diff_src_iter)},
                         {DNNL_ARG_DIFF_SRC_ITER_C, bind(engine, pd.diff_src_iter_c_desc(), buffers.diff_src_iter_c)}});
}

void LstmLayer::forward(dnnl::stream& stream, std::uint64_t weights_version) {
  if (forward_version_ != weights_version) {
    forward_weights_layer_.refresh(stream);
    forward_weights_iter_.refresh(stream);
    forward_version_ = weights_version;
  }
  forward_.execute(stream, forward_args_);
}

void LstmLayer::backward(dnnl::stream& stream, std::uint64_t weights_version) {
  if (backward_version_ != weights_version) {
    backward_weights_layer_.refresh(stream);
    backward_weights_iter_.refresh(stream);
    backward_version_ = weights_version;
  }
  backward_.execute(stream, backward_args_);
}

}  // namespace vmsweep::model
