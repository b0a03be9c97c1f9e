#include "vmsweep/model/lstm_stack.hpp"

#include "gradient_clipping.hpp"
#include "network.hpp"
#include "optimizer.hpp"

namespace vmsweep::model {

struct LstmStack::Impl {
  Impl(const ModelConfig& model_config, NetworkOptions options)
      : config(model_config),
        network(model_config, options),
        optimizer(make_optimizer(model_config, network.layout())) {}

  ModelConfig config;
  Network network;
  std::unique_ptr<Optimizer> optimizer;
};

LstmStack::LstmStack(const ModelConfig& config) : impl_(std::make_unique<Impl>(config, NetworkOptions{})) {}

LstmStack::LstmStack(const ModelConfig& config, const std::vector<NamedTensor>& weights)
    : impl_(std::make_unique<Impl>(config, NetworkOptions{.initialize = false})) {
  set_weights(weights);
}
LstmStack::~LstmStack() = default;
LstmStack::LstmStack(LstmStack&&) noexcept = default;
LstmStack& LstmStack::operator=(LstmStack&&) noexcept = default;

double LstmStack::train_step(const float* x, const float* y, int n, double learning_rate) {
  Network& network = impl_->network;
  const double loss = network.compute_gradients(x, y, n);
  if (impl_->config.clip_norm > 0.0) clip_by_global_norm(network.gradients(), impl_->config.clip_norm);
  impl_->optimizer->step(network.parameters(), network.gradients(), learning_rate);
  network.parameters_changed();
  return loss;
}

void LstmStack::predict(const float* x, int n, float* out) { impl_->network.predict(x, n, out); }

std::vector<NamedTensor> LstmStack::weights() const {
  const Network& network = impl_->network;
  return network.layout().read(network.parameters());
}

void LstmStack::set_weights(const std::vector<NamedTensor>& weights) {
  Network& network = impl_->network;
  network.layout().write(weights, network.parameters());
  network.parameters_changed();
}

std::size_t LstmStack::parameter_count() const { return impl_->network.layout().parameter_count(); }

const ModelConfig& LstmStack::config() const { return impl_->config; }

}  // namespace vmsweep::model
