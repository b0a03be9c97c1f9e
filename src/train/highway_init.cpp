#include "highway_init.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "vmsweep/common/error.hpp"
#include "vmsweep/eval/ridge_ar.hpp"
#include "vmsweep/eval/ridge_regression.hpp"
#include "vmsweep/model/highway_inputs.hpp"
#include "vmsweep/model/window_norm.hpp"

namespace vmsweep::train {

namespace {

// The highway's regression over a batch: x each window's highway inputs (model/highway_inputs.hpp),
// y its targets minus its anchor; anchors kept to turn a fit back into predictions.
struct HighwayDesign {
  eval::RidgeProblem problem;
  std::vector<double> anchors;
  std::vector<float> targets;
};

HighwayDesign design_of(const model::ModelConfig& config, const WindowBatch& batch) {
  const std::size_t inputs = model::highway_input_count(config), horizon = config.horizon;
  const std::size_t width = static_cast<std::size_t>(batch.count);
  HighwayDesign d{{inputs, horizon, {}, {}}, {}, batch.y};
  std::vector<float> row(inputs);
  for (std::size_t n = 0; n < width; ++n) {
    const double anchor = model::window_frame(config, batch.x.data(), batch.count, static_cast<int>(n)).anchor;
    d.anchors.push_back(anchor);
    model::highway_inputs(config, batch.x.data(), batch.count, static_cast<int>(n), row.data());
    d.problem.x.insert(d.problem.x.end(), row.begin(), row.end());
    for (std::size_t k = 0; k < horizon; ++k) d.problem.y.push_back(batch.y[n * horizon + k] - anchor);
  }
  return d;
}

WindowBatch gather_windows(const data::PreparedData& data, std::span<const std::size_t> windows) {
  const std::size_t inputs = static_cast<std::size_t>(data.windows().look_back) * data.input_channels();
  WindowBatch batch{std::vector<float>(windows.size() * inputs),
                    std::vector<float>(windows.size() * static_cast<std::size_t>(data.windows().horizon)),
                    static_cast<int>(windows.size())};
  data.gather(windows, batch.x.data(), batch.y.data());
  return batch;
}

// The mean squared error of anchor + fit against the targets (scaled units).
double design_mse(const HighwayDesign& d, const eval::RidgeSolution& fit) {
  const std::size_t horizon = d.problem.outputs, rows = d.anchors.size();
  double total = 0.0;
  for (std::size_t n = 0; n < rows; ++n)
    for (std::size_t k = 0; k < horizon; ++k) {
      const double error = d.anchors[n] + fit.predict(&d.problem.x[n * d.problem.inputs], k) - d.targets[n * horizon + k];
      total += error * error;
    }
  return total / static_cast<double>(rows * horizon);
}

std::optional<eval::RidgeSolution> try_fit(const eval::RidgeProblem& problem, double lambda) {
  try {
    return eval::fit_ridge(problem, lambda);
  } catch (const Error&) {  // singular without a penalty (collinear lags): that penalty is skipped
    return std::nullopt;
  }
}

// The fit of the grid with the lowest MSE on `selection`; ties keep the smaller penalty.
eval::RidgeSolution chosen_fit(const HighwayDesign& train, const HighwayDesign& selection) {
  std::optional<eval::RidgeSolution> best;
  double best_mse = std::numeric_limits<double>::infinity();
  for (double lambda : eval::default_ridge_lambdas()) {
    std::optional<eval::RidgeSolution> fit = try_fit(train.problem, lambda);
    if (!fit) continue;
    const double mse = design_mse(selection, *fit);
    if (mse < best_mse) {
      best_mse = mse;
      best = std::move(fit);
    }
  }
  if (!best) throw Error("ar_highway: no ridge penalty of the grid gave a fit with a finite validation MSE");
  return std::move(*best);
}

// Into "highway/weights" [K, horizon] and "highway/bias" [horizon]; the other tensors untouched.
void write_fit(model::LstmStack& model, const eval::RidgeSolution& fit) {
  std::vector<NamedTensor> weights = model.weights();
  const std::size_t horizon = fit.intercepts.size(), lags = fit.weights.size() / horizon;
  for (NamedTensor& tensor : weights) {
    if (tensor.name == "highway/weights")
      for (std::size_t j = 0; j < lags; ++j)
        for (std::size_t k = 0; k < horizon; ++k) tensor.values[j * horizon + k] = static_cast<float>(fit.weights[k * lags + j]);
    if (tensor.name == "highway/bias")
      for (std::size_t k = 0; k < horizon; ++k) tensor.values[k] = static_cast<float>(fit.intercepts[k]);
  }
  model.set_weights(weights);
}

}  // namespace

double start_highway(model::LstmStack& model, const data::PreparedData& data, std::span<const std::size_t> windows,
                     const WindowBatch& validation) {
  const HighwayDesign train = design_of(model.config(), gather_windows(data, windows));
  const eval::RidgeSolution fit =
      chosen_fit(train, validation.count > 0 ? design_of(model.config(), validation) : train);
  write_fit(model, fit);
  return fit.lambda;
}

void start_highway(model::LstmStack& model, const data::PreparedData& data, std::span<const std::size_t> windows,
                   double lambda) {
  const HighwayDesign train = design_of(model.config(), gather_windows(data, windows));
  write_fit(model, eval::fit_ridge(train.problem, lambda));
}

}  // namespace vmsweep::train
