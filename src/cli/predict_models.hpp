#pragma once
// The models `vmsweep predict` forecasts with, read from a sweep's results: one trial's kept model
// (--trial, by default the best trial) or every member of an ensemble (--ensemble seed_mean|top_k),
// with the calibration of their intervals.
#include <filesystem>
#include <string>
#include <vector>

#include "vmsweep/eval/conformal.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/train/future_forecast.hpp"

namespace vmsweep::cli {

struct PredictionModels {
  std::string label;                           // "trial 7", "seed_mean", "top_k"
  std::vector<std::string> ids;                // the trials, in the ensemble's order
  std::vector<train::ForecastMember> members;  // their kept models
  // One trial: its own (validation errors per step). An ensemble: the errors of its members' mean
  // prediction on the validation points they all predicted.
  eval::Calibration calibration;
};

// InputError for an unknown trial id or ensemble, a trial whose model was not kept, an ensemble the
// sweep does not have, or results written before models were kept. A global model (`fleet: global`)
// comes applied to `trace` (train::model_on_trace: the trace's own scalers and calibration).
PredictionModels prediction_models(const io::SweepReader& results, const std::string& trial, const std::string& ensemble,
                                   const std::filesystem::path& trace);

}  // namespace vmsweep::cli
