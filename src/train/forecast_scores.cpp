#include "vmsweep/train/forecast_scores.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

#include "vmsweep/eval/step_scores.hpp"

namespace vmsweep::train {

namespace {

struct PartRows {
  std::vector<double> actual, predicted;
  std::vector<std::int32_t> steps;
  bool empty() const { return actual.empty(); }
};

PartRows rows_of(const Predictions& rows, SplitPart part) {
  PartRows selected;
  for (std::size_t i = 0; i < rows.split.size(); ++i) {
    if (rows.split[i] != part) continue;
    selected.actual.push_back(rows.actual[i]);
    selected.predicted.push_back(rows.predicted[i]);
    selected.steps.push_back(rows.horizon_step[i]);
  }
  return selected;
}

eval::Calibration calibrate(const PartRows& rows, int horizon) {
  return eval::calibrate(rows.actual, rows.predicted, rows.steps, horizon);
}

// "80" for 0.8, "95" for 0.95: the level in percent, as the metric names carry it.
std::string percent(double level) { return std::to_string(static_cast<int>(std::lround(level * 100))); }

}  // namespace

std::string step_suffix(int step) { return "h" + std::to_string(step); }

void add_step_metrics(Metrics& out, const std::string& part, const std::vector<eval::Metrics>& scores) {
  if (scores.size() < 2) return;
  for (std::size_t k = 0; k < scores.size(); ++k) {
    const std::string suffix = "_" + step_suffix(static_cast<int>(k) + 1);
    out.emplace_back(part + "_mse" + suffix, scores[k].mse);
    out.emplace_back(part + "_mae" + suffix, scores[k].mae);
  }
}

void add_step_metrics(Metrics& out, const Predictions& rows, int horizon) {
  if (horizon < 2) return;
  for (SplitPart part : {SplitPart::val, SplitPart::test}) {
    const PartRows selected = rows_of(rows, part);
    if (selected.empty()) continue;
    add_step_metrics(out, to_string(part), eval::score_by_step(selected.actual, selected.predicted, selected.steps, horizon));
  }
}

eval::Calibration calibration_of(const Predictions& rows, int horizon) {
  const PartRows val = rows_of(rows, SplitPart::val);
  return calibrate(val.empty() ? rows_of(rows, SplitPart::test) : val, horizon);
}

void add_interval_metrics(Metrics& out, const Predictions& rows, int horizon) {
  const PartRows val = rows_of(rows, SplitPart::val), test = rows_of(rows, SplitPart::test);
  if (val.empty() || test.empty()) return;
  const eval::Calibration calibration = calibrate(val, horizon);
  for (double level : kReportedLevels) {
    const eval::IntervalScore score = eval::score_intervals(calibration, level, test.actual, test.predicted, test.steps);
    out.emplace_back("test_cover" + percent(level), score.coverage);
    out.emplace_back("test_width" + percent(level), score.mean_width);
  }
}

}  // namespace vmsweep::train
