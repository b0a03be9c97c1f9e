#include "vmsweep/data/parameters.hpp"

#include "data_fields.hpp"

namespace vmsweep::data {

namespace {

using T = Knob::Type;

Parameter<DataSpec> field(std::string_view name, T type, std::string_view fallback, std::string_view doc,
                          std::function<void(DataSpec&, const Value&)> assign) {
  return parsed<DataSpec>(Knob{name, type, fallback, doc, {}}, std::move(assign));
}

std::vector<Parameter<DataSpec>> declarations() {
  return {
    field("path", T::string, "", "Trace file, relative to the sweep file's folder or the working directory",
          [](DataSpec& s, const Value& v) { s.path = v.as_string(); }),
    field("delimiter", T::string, "auto", "Column separator: auto, tab, comma, semicolon, or the character itself",
          [](DataSpec& s, const Value& v) { s.delimiter = parse_delimiter(v); }),
    field("timestamp", T::any, "1", "Timestamp column by header name or 1-based index; none when the file has no timestamps (then interval is required)",
          [](DataSpec& s, const Value& v) { s.timestamp = parse_column(v, "timestamp", true); }),
    field("value", T::any, "auto", "Value column by header name or 1-based index; auto takes the only numeric column (other than the timestamp) that varies over the first 2000 rows, and refuses a file with several, listing them with the likely load columns marked (data inspect lists them too)",
          [](DataSpec& s, const Value& v) { s.value = parse_column(v, "value", false); }),
    choice("timestamp_unit", "auto",
           Choices<TimestampUnit>{{"auto", TimestampUnit::auto_detect}, {"iso8601", TimestampUnit::iso8601},
                                  {"s", TimestampUnit::seconds}, {"ms", TimestampUnit::milliseconds}},
           "How timestamps are written: auto, iso8601, s (Unix seconds, or relative seconds from 0), ms",
           &DataSpec::timestamp_unit),
    field("interval", T::string, "", "Nominal sampling interval (e.g. 5min, H); detected from the timestamps when empty",
          [](DataSpec& s, const Value& v) { s.interval_ms = parse_interval(v); }),
    choice("missing", "ffill",
           Choices<FillMethod>{{"ffill", FillMethod::ffill}, {"linear", FillMethod::linear}, {"none", FillMethod::none}},
           "How missing steps are filled: ffill, linear or none", &DataSpec::missing),
    field("invalid_below", T::real, "", "Values below this are treated as missing and filled like missing steps (aa.txt marks outages with -1; empty keeps them, as the notebook did)",
          [](DataSpec& s, const Value& v) { s.invalid_below = v.as_double(); }),
    field("resample", T::any, "", "Target frequency: a string (5min, 15min, H, D, W) or {freq, agg: mean|sum|max|min|last}",
          [](DataSpec& s, const Value& v) { s.resample = parse_resample(v); }),
    field("history_freq", T::string, "", "Input history at a finer frequency than resample that divides its period (e.g. H with resample D): every input step also carries the means of its sub-periods (24 hourly values per day) as extra input channels, filled by missing and scaled by a scaler of their own; empty: off",
          [](DataSpec& s, const Value& v) { s.history = parse_history(v); }),
    field("split", T::any, "{train: 0.7, val: 0.1, test: 0.2}", "Parts in time order, as periods of target steps that are the same for every look-back, horizon and season lag of a sweep (fair comparisons): fractions cut the series at target steps int(train x steps) and int(val x steps) later, the test part taking the rest; counts ({val: 54, test: 96}, train the rest or a count) are windows counted back from the last step. A window belongs to the part its target falls in (with a horizon H > 1, all H targets: H - 1 fewer per part); the first windows, which lack look_back (and season lag) history, are left out of training only. val: test reuses the test part (the notebook's setup, written {train: 440, val: test, test: 96})",
          [](DataSpec& s, const Value& v) { s.split = parse_split(v); }),
    choice("scale", "minmax", Choices<ScaleKind>{{"minmax", ScaleKind::minmax}, {"zscore", ScaleKind::zscore}, {"none", ScaleKind::none}},
           "Scaling of the series: minmax, zscore or none", &DataSpec::scale),
    choice("scale_fit", "train", Choices<ScaleFit>{{"train", ScaleFit::train}, {"all", ScaleFit::all}},
           "Fit the scaler on the training part (honest) or on all of the series (the notebook)", &DataSpec::scale_fit),
    number("stride", "1", {1, 1e9}, "Steps between consecutive windows", &DataSpec::stride),
    field("season", T::string, "", "Seasonal period for the seasonal-naive baseline, a duration (D, W) or a number of steps (24); when empty one day, or one week for a daily or coarser series",
          [](DataSpec& s, const Value& v) { s.season = parse_season(v); }),
    field("season_lags", T::any, "[]", "Seasonal lags as extra input channels, in steps ([288, 2016]) or durations converted with the series' step ([1D, 7D]): channel j at input step u carries the scaled series at u + 1 - lag_j, so the window's last step carries the value one lag before the target and no input is at or after it (lags below 1 step are refused); a window needs look_back + max lag - 1 steps before its target, so the first ones are left out of training (never of validation or test, which split fixes by target step); empty: off",
          [](DataSpec& s, const Value& v) { s.season_lags = parse_season_lags(v); }),
  };
}

std::vector<Knob> marked_as_data_fields(std::span<const Knob> knobs) {
  std::vector<Knob> marked(knobs.begin(), knobs.end());
  for (Knob& knob : marked) knob.data_field = true;
  return marked;
}

}  // namespace

const ParameterTable<DataSpec>& data_parameters() {
  static const ParameterTable<DataSpec> table(declarations());
  return table;
}

std::span<const Knob> data_knobs() {
  static const std::vector<Knob> knobs = marked_as_data_fields(data_parameters().knobs());
  return knobs;
}

}  // namespace vmsweep::data
