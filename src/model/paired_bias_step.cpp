#include "paired_bias_step.hpp"

#include <algorithm>

namespace vmsweep::model {

namespace {

std::size_t total_size(const std::vector<TensorSlot>& slots) {
  std::size_t size = 0;
  for (const TensorSlot& slot : slots) size += slot.size;
  return size;
}

}  // namespace

PairedBiasStep::PairedBiasStep(std::unique_ptr<Optimizer> inner, std::vector<TensorSlot> biases)
    : inner_(std::move(inner)), biases_(std::move(biases)), before_(total_size(biases_)) {}

void PairedBiasStep::step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) {
  auto saved = before_.begin();
  for (const TensorSlot& bias : biases_)
    saved = std::copy_n(parameters.begin() + static_cast<std::ptrdiff_t>(bias.offset), bias.size, saved);
  inner_->step(parameters, gradients, learning_rate);
  auto old = before_.cbegin();
  for (const TensorSlot& bias : biases_)
    for (float& value : parameters.subspan(bias.offset, bias.size)) {
      value += value - *old;  // the second vector's step, equal to the first's
      ++old;
    }
}

}  // namespace vmsweep::model
