#include "forecast_sheet.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "vmsweep/common/error.hpp"
#include "vmsweep/data/timestamps.hpp"

namespace vmsweep::cli {

namespace {

std::string percent_name(double level) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", std::round(level * 1e6) / 1e4);
  return text;
}

Value bound(double value) { return std::isfinite(value) ? Value(value) : Value(nullptr); }

}  // namespace

std::vector<IntervalLevel> interval_levels(const std::vector<double>& levels) {
  std::vector<IntervalLevel> named;
  for (double level : levels) {
    if (!(level > 0 && level < 1))
      throw InputError("--level: expected levels between 0 and 1 such as 0.8,0.95, got " + Value(level).to_string());
    named.push_back({level, percent_name(level)});
  }
  return named;
}

Section forecast_section(const train::FutureForecast& forecast, const eval::Calibration& calibration,
                         const std::vector<IntervalLevel>& levels) {
  Section section{"forecast", "forecast", {"timestamp", "timestamp_ms", "step", "forecast"}, {}};
  const bool intervals = !calibration.empty();
  for (const IntervalLevel& level : levels)
    if (intervals) section.columns.insert(section.columns.end(), {"lower_" + level.name, "upper_" + level.name});
  for (std::size_t k = 0; k < forecast.point.size(); ++k) {
    const int step = static_cast<int>(k) + 1;
    const double point = forecast.point[k];
    std::vector<Value> row{data::format_iso8601(forecast.timestamps_ms[k]), forecast.timestamps_ms[k], step, point};
    for (const IntervalLevel& level : levels) {
      if (!intervals) continue;
      const double q = calibration.half_width(step, level.level);
      row.insert(row.end(), {bound(point - q), bound(point + q)});
    }
    section.add_row(std::move(row));
  }
  return section;
}

io::Table forecast_table(const Section& section) {
  io::Table table;
  for (std::size_t c = 0; c < section.columns.size(); ++c) {
    const std::string& name = section.columns[c];
    if (name == "timestamp") {
      std::vector<std::string> texts;
      for (const auto& row : section.rows) texts.push_back(row[c].as_string());
      table.columns.push_back({name, std::move(texts), {}});
    } else if (name == "timestamp_ms" || name == "step") {
      std::vector<std::int64_t> numbers;
      for (const auto& row : section.rows) numbers.push_back(row[c].as_int());
      table.columns.push_back({name, std::move(numbers), {}});
    } else {
      std::vector<double> values;
      for (const auto& row : section.rows) values.push_back(row[c].is_null() ? std::numeric_limits<double>::quiet_NaN() : row[c].as_double());
      table.columns.push_back({name, std::move(values), {}});
    }
  }
  return table;
}

}  // namespace vmsweep::cli
