#pragma once
// `vmsweep predict --plot`: the fan chart of a forecast (the trace's last steps, the point forecast
// and the intervals shaded per level), drawn by scripts/plot_results.py --forecast.
#include <filesystem>

#include "predict_models.hpp"
#include "report_sheet.hpp"
#include "vmsweep/train/future_forecast.hpp"

namespace vmsweep::cli {

// InputError when the PNG's folder does not exist (checked before anything is written).
void check_plot_path(const std::filesystem::path& png);

// `history` steps of the trace before the forecast (0: eight horizons, at least the longest look-back).
void draw_forecast(const std::filesystem::path& png, const train::FutureForecast& forecast, const Section& rows,
                   const PredictionModels& models, int history);

}  // namespace vmsweep::cli
