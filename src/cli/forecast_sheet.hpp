#pragma once
// What `vmsweep predict` writes: the forecast of the next steps with its intervals, as report
// sections (CSV and JSON through the report's renderer) or as an HDF5 table.
#include <string>
#include <vector>

#include "report_sheet.hpp"
#include "vmsweep/eval/conformal.hpp"
#include "vmsweep/io/table.hpp"
#include "vmsweep/train/future_forecast.hpp"

namespace vmsweep::cli {

struct IntervalLevel {
  double level = 0;  // in (0, 1)
  std::string name;  // "80", "97.5": the column suffix
};

// "0.8,0.95"-style levels checked: InputError unless each is in (0, 1), named by their percent.
std::vector<IntervalLevel> interval_levels(const std::vector<double>& levels);

// One row per step ahead: timestamp (ISO 8601), timestamp_ms, step, forecast, then lower_<L> and
// upper_<L> per level (point -+ the step's conformal half width; empty where the calibration has
// too few errors to bound that level). Without a calibration the interval columns are left out.
Section forecast_section(const train::FutureForecast& forecast, const eval::Calibration& calibration,
                         const std::vector<IntervalLevel>& levels);

// The same rows as an HDF5 table (an empty bound is NaN there).
io::Table forecast_table(const Section& section);

}  // namespace vmsweep::cli
