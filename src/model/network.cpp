#include "network.hpp"

#include <algorithm>
#include <string>

#include "vmsweep/model/highway_inputs.hpp"
#include "vmsweep/model/loss.hpp"
#include "model_parameters.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::model {

namespace {

constexpr std::uint64_t dropout_stream = 0xd1b54a32d192ed03ULL;  // keeps masks apart from init

std::size_t bytes_of(std::size_t floats) { return floats * sizeof(float); }

const ModelConfig& validated(const ModelConfig& config) {
  validate(config);
  return config;
}

}  // namespace

Network::Network(const ModelConfig& config, NetworkOptions options)
    : config_(validated(config)),
      options_(options),
      engine_(dnnl::engine::kind::cpu, 0),
      stream_(engine_),
      layout_(make_parameter_layout(config)),
      parameters_(bytes_of(layout_.flat_size())),
      gradients_(bytes_of(layout_.flat_size())),
      buffers_(config.hidden.size()),
      dropout_rng_(config.seed ^ dropout_stream),
      head_(config.hidden.back(), config.horizon),
      head_weights_offset_(layout_.find("head/weights").offset),
      head_bias_offset_(layout_.find("head/bias").offset),
      prediction_(static_cast<std::size_t>(config.batch) * config.horizon),
      prediction_gradient_(prediction_.size()),
      frames_(static_cast<std::size_t>(config.batch)),
      highway_(static_cast<int>(highway_input_count(config)), config.horizon),
      highway_input_(static_cast<std::size_t>(config.batch) * highway_input_count(config)),
      highway_output_(prediction_.size()),
      highway_input_gradient_(highway_input_.size()) {
  if (config_.ar_highway > 0) {
    highway_weights_offset_ = layout_.find("highway/weights").offset;
    highway_bias_offset_ = layout_.find("highway/bias").offset;
  }
  if (options_.initialize) initialize_parameters(config_, layout_, parameters());
  else std::fill_n(parameters_.floats(), layout_.flat_size(), 0.0f);
  for (std::size_t k = 0; k + 1 < config_.hidden.size(); ++k)
    dropouts_.emplace_back(config_.dropout, sequence_size(k, config_.batch));
  plans_.emplace(config_.batch, build_plan(config_.batch));
}

LayerShape Network::layer_shape(std::size_t k, int n) const {
  const int inputs = k == 0 ? config_.input_channels : config_.hidden[k - 1];
  return {config_.time_steps, n, inputs, config_.hidden[k]};
}

LayerTensors Network::layer_tensors(AlignedBuffer& flat, std::size_t k) const {
  const auto at = [&](const char* tensor) { return flat.floats() + layout_.find(lstm_tensor_name(k, tensor)).offset; };
  return {at("weights_layer"), at("weights_iter"), at("bias")};
}

Network::Plan& Network::plan_for(int n) {
  if (n < 1 || n > config_.batch)
    throw Error("model: a batch of " + std::to_string(n) + " windows (expected 1.." + std::to_string(config_.batch) +
                ")");
  auto found = plans_.find(n);
  if (found == plans_.end()) found = plans_.emplace(n, build_plan(n)).first;
  return found->second;
}

Network::Plan Network::build_plan(int n) {
  std::vector<LayerDescs> descs;
  std::size_t scratchpad_bytes = 0;
  for (std::size_t k = 0; k < config_.hidden.size(); ++k) {
    descs.push_back(make_layer_descs(engine_, layer_shape(k, n), options_.explicit_initial_states));
    scratchpad_bytes = std::max({scratchpad_bytes, descs.back().forward.scratchpad_desc().get_size(),
                                 descs.back().backward.scratchpad_desc().get_size()});
  }
  scratchpad_.claim(scratchpad_bytes);  // one scratchpad for every primitive: they run one at a time
  Plan plan;
  plan.reserve(descs.size());
  for (std::size_t k = 0; k < descs.size(); ++k) {
    const LstmLayer::Bindings bindings{layer_tensors(parameters_, k), layer_tensors(gradients_, k), &buffers_[k],
                                       &scratchpad_};
    plan.emplace_back(engine_, descs[k], layer_shape(k, n), bindings);
  }
  return plan;
}

double Network::compute_gradients(const float* x, const float* y, int n) {
  Plan& plan = plan_for(n);
  load_input(x, n, 0, n, n);
  if (frames_windows(config_)) frame_windows(n);
  forward(plan, n, true);
  const std::size_t outputs = static_cast<std::size_t>(n) * config_.horizon;
  const double loss = loss_and_gradient(config_.loss, config_.huber_delta, prediction_.data(), y, outputs,
                                        prediction_gradient_.data());
  backward(plan, n);
  return loss;
}

// Every chunk runs at the full batch, a short one padded with copies of its last window: oneDNN
// computes a batch of one with other kernels (other roundings), and a window must get bitwise the
// same output wherever it is predicted, alone (`vmsweep predict`) or among the test windows.
void Network::predict(const float* x, int n, float* out) {
  Plan& plan = plan_for(config_.batch);
  for (int first = 0; first < n; first += config_.batch) {
    const int count = std::min(config_.batch, n - first);
    load_input(x, n, first, count, config_.batch);
    for (int pad = count; pad < config_.batch; ++pad) copy_input_window(count - 1, pad);
    if (frames_windows(config_)) frame_windows(config_.batch);
    forward(plan, config_.batch, false);
    std::copy_n(prediction_.data(), static_cast<std::size_t>(count) * config_.horizon,
                out + static_cast<std::size_t>(first) * config_.horizon);
  }
}

void Network::fix_dropout_mask(std::size_t k, std::vector<float> mask) { dropouts_.at(k).fix(std::move(mask)); }

// Windows first..first+n-1 of the T x total x C input into layer 0's T x width x C buffer.
void Network::load_input(const float* x, int total, int first, int n, int width) {
  const std::size_t channels = config_.input_channels;
  float* src = buffers_[0].src.floats();
  for (std::size_t t = 0; t < static_cast<std::size_t>(config_.time_steps); ++t)
    std::copy_n(x + (t * total + first) * channels, n * channels, src + t * width * channels);
}

// Window `from` of the full-batch input buffer copied into slot `to`, every time step.
void Network::copy_input_window(int from, int to) {
  const std::size_t channels = config_.input_channels, batch = static_cast<std::size_t>(config_.batch);
  float* src = buffers_[0].src.floats();
  for (std::size_t t = 0; t < static_cast<std::size_t>(config_.time_steps); ++t)
    std::copy_n(src + (t * batch + static_cast<std::size_t>(from)) * channels, channels,
                src + (t * batch + static_cast<std::size_t>(to)) * channels);
}

void Network::forward(Plan& plan, int n, bool training) {
  for (std::size_t k = 0; k < plan.size(); ++k) {
    plan[k].forward(stream_, weights_version_);
    stream_.wait();
    if (k + 1 < plan.size()) feed_next_layer(k, n, training);
  }
  head_.forward(last_step(n), n, head_params(), prediction_.data());
  if (frames_windows(config_)) frame_outputs(n);
}

// The `width` windows in layer 0's input buffer: each one's frame and highway inputs from its raw
// values, then its inputs normalised in place.
void Network::frame_windows(int width) {
  float* src = buffers_[0].src.floats();
  const std::size_t inputs = highway_input_count(config_);
  for (int n = 0; n < width; ++n) {
    frames_[n] = window_frame(config_, src, width, n);
    if (inputs > 0) highway_inputs(config_, src, width, n, highway_input_.data() + n * inputs);
    if (config_.window_norm != WindowNorm::none) normalise_window(config_, frames_[n], src, width, n);
  }
}

// y = anchor + scale * head + highway, in place of the head's outputs.
void Network::frame_outputs(int n) {
  const std::size_t horizon = config_.horizon;
  if (config_.ar_highway > 0) highway_.forward(highway_input_.data(), n, highway_params(), highway_output_.data());
  for (std::size_t row = 0; row < static_cast<std::size_t>(n); ++row)
    for (std::size_t o = 0; o < horizon; ++o) {
      float& y = prediction_[row * horizon + o];
      y = denormalise(frames_[row], y);
      if (config_.ar_highway > 0) y += highway_output_[row * horizon + o];
    }
}

// dLoss/dy into the highway's gradients, then dLoss/d(head output) = scale * dLoss/dy, in place.
void Network::frame_output_gradients(int n) {
  const std::size_t horizon = config_.horizon;
  if (config_.ar_highway > 0)
    highway_.backward(highway_input_.data(), prediction_gradient_.data(), n, highway_params(), highway_gradients(),
                      highway_input_gradient_.data());
  for (std::size_t row = 0; row < static_cast<std::size_t>(n); ++row)
    for (std::size_t o = 0; o < horizon; ++o) prediction_gradient_[row * horizon + o] *= frames_[row].scale;
}

void Network::backward(Plan& plan, int n) {
  std::fill_n(gradients_.floats(), layout_.flat_size(), 0.0f);  // oneDNN backward accumulates
  if (frames_windows(config_)) frame_output_gradients(n);
  const std::size_t last = plan.size() - 1;
  float* diff_dst = buffers_[last].diff_dst.floats();
  std::fill_n(diff_dst, sequence_size(last, n), 0.0f);  // only h_T feeds the head
  head_.backward(last_step(n), prediction_gradient_.data(), n, head_params(), head_gradients(),
                 diff_dst + sequence_size(last, n) - static_cast<std::size_t>(n) * config_.hidden[last]);
  for (std::size_t k = last + 1; k-- > 0;) {
    plan[k].backward(stream_, weights_version_);
    stream_.wait();
    if (k > 0) return_to_previous_layer(k, n);
  }
}

// Layer k's output, through dropout in training, into layer k+1's own input buffer (never in
// place: the backward pass reads DST_LAYER).
void Network::feed_next_layer(std::size_t k, int n, bool training) {
  const std::size_t count = sequence_size(k, n);
  const float* dst = buffers_[k].dst.floats();
  float* next_src = buffers_[k + 1].src.floats();
  if (!training) {
    std::copy_n(dst, count, next_src);
    return;
  }
  if (config_.dropout > 0.0) dropouts_[k].draw(dropout_rng_, count);
  dropouts_[k].apply(dst, next_src, count);
}

// dLoss/d(input of layer k) through the same dropout mask into layer k-1's diff_dst.
void Network::return_to_previous_layer(std::size_t k, int n) {
  dropouts_[k - 1].apply(buffers_[k].diff_src.floats(), buffers_[k - 1].diff_dst.floats(), sequence_size(k - 1, n));
}

std::size_t Network::sequence_size(std::size_t k, int n) const {
  return static_cast<std::size_t>(config_.time_steps) * n * config_.hidden[k];
}

float* Network::last_step(int n) const {
  const std::size_t last = config_.hidden.size() - 1;
  return buffers_[last].dst.floats() + sequence_size(last, n) - static_cast<std::size_t>(n) * config_.hidden[last];
}

DenseParams Network::head_params() const {
  return {parameters_.floats() + head_weights_offset_, parameters_.floats() + head_bias_offset_};
}

DenseGradients Network::head_gradients() const {
  return {gradients_.floats() + head_weights_offset_, gradients_.floats() + head_bias_offset_};
}

DenseParams Network::highway_params() const {
  return {parameters_.floats() + highway_weights_offset_, parameters_.floats() + highway_bias_offset_};
}

DenseGradients Network::highway_gradients() const {
  return {gradients_.floats() + highway_weights_offset_, gradients_.floats() + highway_bias_offset_};
}

}  // namespace vmsweep::model
