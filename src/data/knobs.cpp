#include "vmsweep/data/knobs.hpp"

#include <limits>
#include <vector>

namespace vmsweep::data {

namespace {
using T = Knob::Type;
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<Knob> make_data_knobs() {
  return {
    {"path", T::string, "", "Trace file, relative to the sweep file's folder or the working directory", {}, -kInf, kInf, true},
    {"delimiter", T::string, "auto", "Column separator: auto, tab, comma, semicolon, or the character itself", {}, -kInf, kInf, true},
    {"timestamp", T::any, "1", "Timestamp column by header name or 1-based index; none when the file has no timestamps (then interval is required)", {}, -kInf, kInf, true},
    {"value", T::any, "2", "Value column by header name or 1-based index", {}, -kInf, kInf, true},
    {"timestamp_unit", T::string, "auto", "How timestamps are written: auto, iso8601, s (Unix seconds, or relative seconds from 0), ms", {"auto", "iso8601", "s", "ms"}, -kInf, kInf, true},
    {"interval", T::string, "", "Nominal sampling interval (e.g. 5min, H); detected from the timestamps when empty", {}, -kInf, kInf, true},
    {"missing", T::string, "ffill", "How missing steps are filled: ffill, linear or none", {"ffill", "linear", "none"}, -kInf, kInf, true},
    {"invalid_below", T::real, "", "Values below this are treated as missing and filled like missing steps (aa.txt marks outages with -1; empty keeps them, as the notebook did)", {}, -kInf, kInf, true},
    {"resample", T::any, "", "Target frequency: a string (5min, 15min, H, D, W) or {freq, agg: mean|sum|max|min|last}", {}, -kInf, kInf, true},
    {"history_freq", T::string, "", "Input history at a finer frequency than resample that divides its period (e.g. H with resample D): every input step also carries the means of its sub-periods (24 hourly values per day) as extra input channels, filled by missing and scaled by a scaler of their own; empty: off", {}, -kInf, kInf, true},
    {"split", T::any, "{train: 0.7, val: 0.1, test: 0.2}", "Windows per part in time order: fractions of the series length (int(fraction x steps) windows, the test part taking the rest, as the notebook counted) or window counts ({val: 54, test: 96}, train the rest); val: test reuses the test part (the notebook's setup)", {}, -kInf, kInf, true},
    {"scale", T::string, "minmax", "Scaling of the series: minmax, zscore or none", {"minmax", "zscore", "none"}, -kInf, kInf, true},
    {"scale_fit", T::string, "train", "Fit the scaler on the training part (honest) or on all of the series (the notebook)", {"train", "all"}, -kInf, kInf, true},
    {"stride", T::integer, "1", "Steps between consecutive windows", {}, 1, 1e9, true},
    {"season", T::string, "", "Seasonal period for the seasonal-naive baseline, a duration (D, W) or a number of steps (24); when empty one day, or one week for a daily or coarser series", {}, -kInf, kInf, true},
  };
}
}  // namespace

std::span<const Knob> data_knobs() {
  static const std::vector<Knob> knobs = make_data_knobs();
  return knobs;
}

}  // namespace vmsweep::data
