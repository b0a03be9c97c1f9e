#include "history.hpp"

#include "fill.hpp"
#include "resample.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

SubStepHistory sub_step_history(const Series& cleaned, const DataSpec& spec, std::int64_t interval_ms) {
  const HistorySpec& history = spec.history;
  if (history.period_ms < interval_ms)
    throw InputError(history.mark, "history_freq: '" + history.freq_text + "' is finer than the trace's interval of " +
                                       format_period(interval_ms) + ", so most sub-steps would have no sample");
  Series sub_steps = resample_sub_steps(cleaned, spec.resample, history.period_ms);
  if (!fill_gaps(sub_steps.values, spec.missing))
    throw InputError(history.mark, "history_freq: no sub-step has a valid value");
  return {spec.sub_steps(), std::move(sub_steps.values)};
}

}  // namespace vmsweep::data
