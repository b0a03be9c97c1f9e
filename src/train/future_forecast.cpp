#include "vmsweep/train/future_forecast.hpp"

#include <algorithm>
#include <string>

#include "thread_budget.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/train/mean_predictions.hpp"
#include "vmsweep/train/predictor.hpp"

namespace vmsweep::train {

namespace {

// The trace as a member's data settings load it; members with the same settings share one load.
struct LoadedFor {
  Value data_block;
  data::LoadedTrace trace;
};

const data::LoadedTrace& load_for(const Predictor& member, const std::filesystem::path& path, std::vector<LoadedFor>& loaded) {
  const Value& block = member.settings().data_block;
  auto found = std::find_if(loaded.begin(), loaded.end(), [&](const LoadedFor& l) { return l.data_block == block; });
  if (found != loaded.end()) return found->trace;
  data::DataSpec spec = member.settings().data;
  spec.path = path;
  return loaded.emplace_back(LoadedFor{block, data::load_trace(spec)}).trace;
}

void check_same_end(const data::LoadedTrace& first, const data::LoadedTrace& other) {
  if (first.timestamps_ms.empty() || other.timestamps_ms.empty()) return;  // last_window() says it is too short
  if (first.timestamps_ms.back() != other.timestamps_ms.back() || first.step_ms != other.step_ms)
    throw InputError("the ensemble's members load the trace differently (their steps end at " +
                     data::format_iso8601(first.timestamps_ms.back()) + " and " +
                     data::format_iso8601(other.timestamps_ms.back()) + "): predict with one trial (--trial)");
}

std::vector<std::int64_t> next_timestamps(const data::LoadedTrace& trace, int horizon) {
  std::vector<std::int64_t> times;
  const std::int64_t last = trace.timestamps_ms.empty() ? 0 : trace.timestamps_ms.back();
  for (int k = 1; k <= horizon; ++k) times.push_back(last + k * trace.step_ms);
  return times;
}

}  // namespace

int trained_horizon(const std::vector<ForecastMember>& members) {
  int horizon = 0;
  for (const ForecastMember& member : members) {
    const int own = settings_from_params(member.model.params).horizon;
    horizon = horizon == 0 ? own : std::min(horizon, own);
  }
  return horizon;
}

FutureForecast forecast_after(const std::vector<ForecastMember>& members, const std::filesystem::path& trace, int horizon) {
  if (members.empty()) throw Error("forecast_after: no model to forecast with");
  const int trained = trained_horizon(members);
  if (horizon < 1 || horizon > trained)
    throw InputError("--horizon " + std::to_string(horizon) + ": the model" + (members.size() > 1 ? "s were" : " was") +
                     " trained to predict " + std::to_string(trained) + " step" + (trained > 1 ? "s" : "") +
                     " ahead (horizon " + std::to_string(trained) + "); ask for 1.." + std::to_string(trained));
  std::vector<LoadedFor> loaded;
  std::vector<std::vector<double>> by_step(static_cast<std::size_t>(horizon));
  for (const ForecastMember& kept : members) {
    const ThreadBudget budget(kept.threads);  // the model's OpenMP threads, as the trial had them
    Predictor member(kept.model);
    const data::LoadedTrace& series = load_for(member, trace, loaded);
    check_same_end(loaded.front().trace, series);
    const std::vector<double> next = member.forecast(series);
    for (std::size_t k = 0; k < by_step.size(); ++k) by_step[k].push_back(next[k]);
  }
  FutureForecast forecast;
  forecast.trace = std::move(loaded.front().trace);
  forecast.timestamps_ms = next_timestamps(forecast.trace, horizon);
  for (const std::vector<double>& values : by_step) forecast.point.push_back(member_mean(values));
  return forecast;
}

}  // namespace vmsweep::train
