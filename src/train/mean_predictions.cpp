#include "vmsweep/train/mean_predictions.hpp"

#include <map>
#include <tuple>

namespace vmsweep::train {

namespace {

using Point = std::tuple<SplitPart, std::int64_t, std::int32_t>;  // split, time, horizon step

struct Pooled {
  double actual = 0;
  std::vector<double> predicted;  // one per member that predicted the point, in the members' order
};

}  // namespace

double member_mean(const std::vector<double>& values) {
  double sum = 0;
  for (double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

Predictions mean_predictions(const std::vector<Predictions>& members) {
  std::map<Point, Pooled> pool;
  for (const Predictions& p : members) {
    for (std::size_t i = 0; i < p.actual.size(); ++i) {
      if (p.split[i] == SplitPart::train) continue;
      Pooled& point = pool[{p.split[i], p.timestamp_ms[i], p.horizon_step[i]}];
      point.actual = p.actual[i];
      point.predicted.push_back(p.predicted[i]);
    }
  }
  Predictions mean;
  for (const auto& [key, point] : pool) {
    if (point.predicted.size() != members.size()) continue;
    mean.split.push_back(std::get<0>(key));
    mean.timestamp_ms.push_back(std::get<1>(key));
    mean.horizon_step.push_back(std::get<2>(key));
    mean.actual.push_back(point.actual);
    mean.predicted.push_back(member_mean(point.predicted));
  }
  return mean;
}

}  // namespace vmsweep::train
