#include "data_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

Aggregation parse_aggregation(const Value& value, std::string_view text) {
  static const std::map<std::string_view, Aggregation> names{
      {"mean", Aggregation::mean}, {"sum", Aggregation::sum}, {"max", Aggregation::max},
      {"min", Aggregation::min}, {"last", Aggregation::last}};
  auto found = names.find(text);
  if (found == names.end())
    throw InputError(value.mark(), "resample: aggregation '" + std::string(text) + "' is not one of mean, sum, max, min, last");
  return found->second;
}

double split_number(const Value& item, std::string_view key, SplitSpec::Mode mode) {
  double number = item.as_double(key);
  bool ok = mode == SplitSpec::Mode::counts ? number >= 1 : (number > 0 && number < 1);
  if (!ok)
    throw InputError(item.mark(), std::string(key) + ": expected " +
                                      (mode == SplitSpec::Mode::counts ? "a window count >= 1" : "a fraction between 0 and 1") +
                                      ", got " + item.to_string());
  return number;
}

SplitSpec::Mode split_mode(const Value& value) {
  bool any_real = false;
  for (const auto& [key, item] : value.as_map("split")) any_real = any_real || item.kind() == Value::Kind::real;
  return any_real ? SplitSpec::Mode::fractions : SplitSpec::Mode::counts;
}

void check_fractions(const SplitSpec& split, bool train_given, const Value& value) {
  const double held_out = split.test + (split.val_is_test ? 0.0 : split.val);
  if (train_given && std::fabs(split.train + held_out - 1.0) > 1e-9)
    throw InputError(value.mark(), "split: the fractions must sum to 1, got " + value.to_string());
  if (!train_given && held_out >= 1.0)
    throw InputError(value.mark(), "split: val and test leave no windows for training: " + value.to_string());
}

// A duration (D, W, 12H) or a number of steps (24, "24"); empty text: neither.
SeasonSpec period_or_steps(const Value& value, std::string_view key) {
  SeasonSpec season;
  if (value.is_int()) {
    season.steps = value.as_int(key);
    return season;
  }
  const std::string& text = value.as_string(key);
  if (text.empty()) return season;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    std::from_chars(text.data(), text.data() + text.size(), season.steps);
  else
    season.period_ms = parse_period(text, value.mark());
  return season;
}

// One sub-step per input channel: more than this is a mistake (a raw trace at a far finer frequency).
constexpr std::int64_t kMaxSubSteps = 1024;

}  // namespace

char parse_delimiter(const Value& value) {
  const std::string& text = value.as_string("delimiter");
  if (text == "auto") return 0;
  if (text == "tab" || text == "\t") return '\t';
  if (text == "comma" || text == ",") return ',';
  if (text == "semicolon" || text == ";") return ';';
  if (text.size() == 1 && text[0] != '\n' && text[0] != '"') return text[0];
  throw InputError(value.mark(), "delimiter: expected auto, tab, comma, semicolon or one character, got '" + text + "'");
}

ColumnRef parse_column(const Value& value, std::string_view key, bool none_allowed) {
  if (value.is_int()) {
    std::int64_t index = value.as_int(key);
    if (index < 1 || index > 100000) throw InputError(value.mark(), std::string(key) + ": a column index is 1-based, got " + std::to_string(index));
    return ColumnRef::by_index(static_cast<int>(index));
  }
  const std::string& text = value.as_string(key);
  if (text == "none" && none_allowed) return {{}, 0, true, false};
  if (text == "auto" && key == "value") return {{}, 0, false, true};
  if (text.empty()) throw InputError(value.mark(), std::string(key) + ": expected a column name or a 1-based index");
  return {text, 0, false};
}


// "D", "D:mean" or {freq: D, agg: mean}.
ResampleSpec parse_resample(const Value& value) {
  ResampleSpec spec;
  std::string freq;
  std::string agg = "mean";
  if (value.is_map()) {
    for (const auto& [key, item] : value.as_map("resample"))
      if (key != "freq" && key != "agg") throw InputError(item.mark(), "resample: unknown key '" + key + "' (expected freq, agg)");
    const Value* freq_value = value.find("freq");
    if (!freq_value) throw InputError(value.mark(), "resample: 'freq' is missing");
    freq = freq_value->as_string("resample.freq");
    if (const Value* agg_value = value.find("agg")) agg = agg_value->as_string("resample.agg");
  } else {
    freq = value.as_string("resample");
    if (auto colon = freq.find(':'); colon != std::string::npos) {
      agg = freq.substr(colon + 1);
      freq.resize(colon);
    }
  }
  if (freq.empty() || freq == "none") return spec;
  spec.period_ms = parse_period(freq, value.mark());
  spec.agg = parse_aggregation(value, agg);
  spec.freq_text = freq;
  return spec;
}

// "H", "30min"; empty or none: off. Checked against resample once the whole block is read.
HistorySpec parse_history(const Value& value) {
  HistorySpec history;
  history.mark = value.mark();
  const std::string& text = value.as_string("history_freq");
  if (text.empty() || text == "none") return history;
  history.period_ms = parse_period(text, value.mark());
  history.freq_text = text;
  return history;
}

void check_history(const DataSpec& spec) {
  const HistorySpec& history = spec.history;
  if (!history.enabled()) return;
  const std::string freq = "history_freq: '" + history.freq_text + "'";
  if (!spec.resample.enabled())
    throw InputError(history.mark, freq + " needs 'resample' (the target frequency, e.g. D), which is not set");
  const std::string target = "resample '" + spec.resample.freq_text + "'";
  const std::int64_t period = spec.resample.period_ms;
  if (history.period_ms >= period) throw InputError(history.mark, freq + " is not finer than " + target);
  if (period % history.period_ms != 0)
    throw InputError(history.mark, freq + " does not divide " + target + " into whole sub-steps");
  if (period / history.period_ms > kMaxSubSteps)
    throw InputError(history.mark, freq + " gives " + std::to_string(period / history.period_ms) + " sub-steps per " +
                                       target + " step, more than " + std::to_string(kMaxSubSteps) +
                                       " input channels; choose a coarser history_freq");
  if (spec.missing == FillMethod::none)
    throw InputError(history.mark, freq + " needs every sub-step: use missing: ffill or linear, not none");
}




// {train: 0.7, val: 0.1, test: 0.2}, {val: 54, test: 96} (train = the rest), {train: 0.8, val: test, test: 0.2}.
SplitSpec parse_split(const Value& value) {
  for (const auto& [key, item] : value.as_map("split"))
    if (key != "train" && key != "val" && key != "test") throw InputError(item.mark(), "split: unknown part '" + key + "' (expected train, val, test)");
  const Value* test = value.find("test");
  const Value* val = value.find("val");
  if (!test || !val) throw InputError(value.mark(), "split: both 'val' and 'test' are required, got " + value.to_string());
  SplitSpec split;
  split.mode = split_mode(value);
  split.test = split_number(*test, "split.test", split.mode);
  split.val_is_test = val->is_string();
  if (split.val_is_test && val->as_string() != "test") throw InputError(val->mark(), "split.val: expected a number or 'test', got " + val->to_string());
  split.val = split.val_is_test ? split.test : split_number(*val, "split.val", split.mode);
  const Value* train = value.find("train");
  split.train = train ? split_number(*train, "split.train", split.mode) : -1.0;
  if (split.mode == SplitSpec::Mode::fractions) {
    check_fractions(split, train != nullptr, value);
    if (!train) split.train = 1.0 - split.test - (split.val_is_test ? 0.0 : split.val);
  }
  return split;
}

SeasonSpec parse_season(const Value& value) {
  const SeasonSpec season = period_or_steps(value, "season");
  if (!season.empty() && season.period_ms == 0 && season.steps < 1)
    throw InputError(value.mark(), "season: expected a period (D, W) or a number of steps >= 1");
  return season;
}

SeasonLagsSpec parse_season_lags(const Value& value) {
  SeasonLagsSpec spec;
  spec.mark = value.mark();
  if (!value.is_list()) {
    const std::string& text = value.as_string("season_lags");
    if (text.empty() || text == "none") return spec;
    throw InputError(value.mark(), "season_lags: expected a list of lags in steps or durations ([288, 2016] or [1D, 7D]), got '" + text + "'");
  }
  for (const Value& item : value.as_list("season_lags")) {
    const SeasonSpec lag = period_or_steps(item, "season_lags");
    if (lag.empty() || (lag.period_ms == 0 && lag.steps < 1))
      throw InputError(item.mark(), "season_lags: expected lags of at least 1 step (a smaller lag puts the target, or a "
                                    "later step, among the inputs), got " + item.to_string());
    spec.lags.push_back(lag);
  }
  return spec;
}

std::vector<std::size_t> lag_steps(const SeasonLagsSpec& spec, std::int64_t step_ms) {
  std::vector<std::size_t> steps;
  for (const SeasonSpec& lag : spec.lags) {
    if (lag.period_ms == 0) {
      steps.push_back(static_cast<std::size_t>(lag.steps));
      continue;
    }
    if (step_ms <= 0 || lag.period_ms % step_ms != 0 || lag.period_ms < step_ms)
      throw InputError(spec.mark, "season_lags: " + format_period(lag.period_ms) + " is not a whole number of the series' " +
                                      format_period(step_ms) + " steps (at least 1); give the lag in steps or resample");
    steps.push_back(static_cast<std::size_t>(lag.period_ms / step_ms));
  }
  return steps;
}

std::int64_t parse_interval(const Value& value) {
  const std::string& text = value.as_string("interval");
  return text.empty() ? 0 : parse_period(text, value.mark());
}

}  // namespace vmsweep::data
