#pragma once
// Where the ar_highway starts (issue 13): the closed-form ridge regression of each target minus
// its window's anchor (model/window_norm.hpp) on the window's last K values of channel 0 (scaled
// units, as the highway reads them), fitted on the training windows, with the penalty of the ridge
// AR baseline's grid (eval::default_ridge_lambdas) that gives the lowest validation MSE of the
// whole prediction (anchor + highway). With window_norm none and target level the anchor is 0 and
// K = look_back makes this the ridge AR baseline itself; with the LSTM's output at zero the model
// then predicts what ridge AR predicts, and training can only move away from it on the training loss.
#include <cstddef>
#include <span>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/model/lstm_stack.hpp"
#include "window_batch.hpp"

namespace vmsweep::train {

// Writes the fit chosen on `validation` (on the training windows when it is empty) into the model's
// highway and returns its penalty. Error when no penalty gives a finite fit (fewer than 2 windows).
double start_highway(model::LstmStack& model, const data::PreparedData& data, std::span<const std::size_t> windows,
                     const WindowBatch& validation);

// The fit with a given penalty (a refit on train + val reuses the selection run's).
void start_highway(model::LstmStack& model, const data::PreparedData& data, std::span<const std::size_t> windows,
                   double lambda);

}  // namespace vmsweep::train
