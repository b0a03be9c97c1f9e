#pragma once
// The model's named tensors: their layout in the flat buffer and their Keras initialisation.
//   lstmK/weights_layer [inputs,4,H]  ldigo (= Keras kernel [inputs,4H])
//   lstmK/weights_iter  [H,4,H]       ldigo (= Keras recurrent_kernel [H,4H])
//   lstmK/bias          [4,H]         gate order i, f, c~, o
//   head/weights        [H_last,horizon]
//   head/bias           [horizon]
//   highway/weights     [K,horizon]       with ar_highway K > 0: lag t of the last K, oldest first
//   highway/bias        [horizon]
#include <span>
#include <string>
#include <string_view>

#include "parameter_layout.hpp"
#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

std::string lstm_tensor_name(std::size_t layer, std::string_view tensor);

ParameterLayout make_parameter_layout(const ModelConfig& config);

// config.init's scheme (Keras: Glorot-uniform kernels, orthogonal recurrent kernels, forget-gate bias 1;
// PyTorch: uniform in +-1/sqrt(hidden)), drawn from config.seed.
void initialize_parameters(const ModelConfig& config, const ParameterLayout& layout, std::span<float> flat);

std::span<float> tensor_span(const ParameterLayout& layout, std::span<float> flat, std::string_view name);

}  // namespace vmsweep::model
