#include "vmsweep/eval/step_scores.hpp"

#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

std::vector<std::int32_t> window_major_steps(std::size_t entries, int horizon) {
  std::vector<std::int32_t> steps(entries);
  for (std::size_t i = 0; i < entries; ++i) steps[i] = static_cast<std::int32_t>(i % static_cast<std::size_t>(horizon)) + 1;
  return steps;
}

std::vector<Metrics> score_by_step(std::span<const double> actual, std::span<const double> predicted,
                                   std::span<const std::int32_t> steps, int horizon) {
  if (steps.size() != actual.size()) throw Error("score_by_step: a horizon step for each of the values is needed");
  std::vector<std::vector<double>> step_actual(static_cast<std::size_t>(horizon)), step_predicted(step_actual.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i] < 1 || steps[i] > horizon)
      throw Error("score_by_step: horizon step " + std::to_string(steps[i]) + " outside 1.." + std::to_string(horizon));
    step_actual[static_cast<std::size_t>(steps[i] - 1)].push_back(actual[i]);
    step_predicted[static_cast<std::size_t>(steps[i] - 1)].push_back(predicted[i]);
  }
  std::vector<Metrics> scores;
  for (std::size_t k = 0; k < step_actual.size(); ++k) scores.push_back(score(step_actual[k], step_predicted[k]));
  return scores;
}

}  // namespace vmsweep::eval
