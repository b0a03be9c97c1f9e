#pragma once
// The data block's fields that need more than a type check: each parser reads one field's value
// and throws InputError at its mark when the value is wrong. The declarations in parameters.cpp
// call them; the cross-field checks run once the whole block is read.
#include <string_view>

#include "vmsweep/common/value.hpp"
#include "vmsweep/data/data_spec.hpp"

namespace vmsweep::data {

// auto, tab, comma, semicolon or the character itself; 0 means auto.
char parse_delimiter(const Value& value);
// A header name, a 1-based index, or (when none_allowed) none.
ColumnRef parse_column(const Value& value, std::string_view key, bool none_allowed);
// A nominal interval such as 5min; empty: detected from the timestamps.
std::int64_t parse_interval(const Value& value);
// "D", "D:mean" or {freq: D, agg: mean}; empty or none: off.
ResampleSpec parse_resample(const Value& value);
// "H", "30min"; empty or none: off.
HistorySpec parse_history(const Value& value);
// {train: 0.7, val: 0.1, test: 0.2}, {val: 54, test: 96} (train = the rest), {train: 0.8, val: test, test: 0.2}.
SplitSpec parse_split(const Value& value);
// A duration (D, W, 12H) or a number of steps (24).
SeasonSpec parse_season(const Value& value);

// [288, 2016], [1D, 7D] or a mix; empty, none or []: off. A lag below one step is refused.
SeasonLagsSpec parse_season_lags(const Value& value);
// The lags in steps of `step_ms`: InputError at their mark for a duration that is not a whole
// number of steps.
std::vector<std::size_t> lag_steps(const SeasonLagsSpec& lags, std::int64_t step_ms);

// history_freq against resample and missing, once the whole block is read.
void check_history(const DataSpec& spec);

}  // namespace vmsweep::data
