#pragma once
// DataSpec: the sweep file's data block, parsed and checked once. Each field is declared, with its
// meaning and default, in src/data/parameters.cpp; a default-constructed DataSpec has none of them.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"

namespace vmsweep::data {

// A column chosen by header name or by 1-based position; `none` means the file has no such column,
// `automatic` that the reader picks the only plausible one (value_column.hpp).
struct ColumnRef {
  std::string name;   // used when index == 0
  int index = 0;      // 1-based
  bool none = false;
  bool automatic = false;

  static ColumnRef by_index(int index) { return {{}, index, false}; }
  std::string to_string() const;
};

enum class TimestampUnit { auto_detect, iso8601, seconds, milliseconds };
enum class FillMethod { ffill, linear, none };
enum class Aggregation { mean, sum, max, min, last };
enum class ScaleKind { minmax, zscore, none };
enum class ScaleFit { train, all };

struct ResampleSpec {
  std::int64_t period_ms = 0;  // 0: no resampling
  Aggregation agg = Aggregation::mean;
  std::string freq_text;       // as written (D, 15min, ...), for reports

  bool enabled() const { return period_ms > 0; }
};

// How the windows are divided, in time order, as periods of target steps that do not depend on the
// window shape (split.hpp): fractions of the series length, or counts of windows back from its end;
// the test part is always the last, and the training part loses the windows the look-back costs.
struct SplitSpec {
  enum class Mode { fractions, counts };
  Mode mode = Mode::fractions;
  double train = 0.7;          // fraction; in counts mode, < 0 means "the rest"
  double val = 0.1;
  double test = 0.2;
  bool val_is_test = false;    // `val: test`: validation reuses the test windows (the notebook)

  std::string to_string() const;
};

// Input history at a finer frequency than the target (`history_freq`): every resampled step also
// carries the values of its sub_steps() sub-periods as extra input channels.
struct HistorySpec {
  std::int64_t period_ms = 0;  // 0: off
  std::string freq_text;       // as written (H, 30min, ...)
  SourceMark mark;             // where it was written, for the checks that need the trace

  bool enabled() const { return period_ms > 0; }
};

// A seasonal period written as a duration (D, W, 12H) or as a number of steps (24).
struct SeasonSpec {
  std::int64_t period_ms = 0;  // duration form
  std::int64_t steps = 0;      // step form
  bool empty() const { return period_ms == 0 && steps == 0; }
};

// Seasonal lags as extra input channels (`season_lags`): for each lag, the series `lag` steps before
// every input step's successor, so the last input step carries the value one lag before the target.
struct SeasonLagsSpec {
  std::vector<SeasonSpec> lags;  // each a duration or a number of steps, as written
  SourceMark mark;               // where they were written, for the checks that need the trace's step

  bool enabled() const { return !lags.empty(); }
};

struct DataSpec {
  std::filesystem::path path;
  char delimiter = 0;                       // 0: detected from the header
  ColumnRef timestamp;
  ColumnRef value;
  TimestampUnit timestamp_unit{};
  std::int64_t interval_ms = 0;             // 0: detected from the timestamps
  FillMethod missing{};
  std::optional<double> invalid_below;
  ResampleSpec resample;
  HistorySpec history;                      // needs resample; a divisor of its period
  SplitSpec split;
  ScaleKind scale{};
  ScaleFit scale_fit{};
  int stride = 0;                           // copied into WindowSpec by the caller
  SeasonSpec season;                        // empty: one day (one week for daily or coarser series)
  SeasonLagsSpec season_lags;               // in steps once the trace's step is known (load_trace)

  // Parses a data block (a Value map, e.g. from YAML, with source marks): every field given or
  // defaulted. Relative paths are resolved against base_dir. Unknown keys, a missing path or bad
  // values -> InputError naming the key and the mark.
  static DataSpec from_value(const Value& block, const std::filesystem::path& base_dir = {});
  // The data fields of a trial's flat parameter map (other keys are not looked at); the path may
  // be missing (a trainer-only setup), prepare() refuses it then.
  static DataSpec from_fields(const Value& params, const std::filesystem::path& base_dir = {});

  // Sub-periods per resampled step (resample period / history period); 0 when history is off.
  std::size_t sub_steps() const;
};

// "5min", "15min", "H", "2H", "D", "W", "30s", "500ms" -> milliseconds; InputError (with `mark`) otherwise.
std::int64_t parse_period(std::string_view text, const SourceMark& mark = {});
// 86400000 -> "1D", 900000 -> "15min": the shortest exact form.
std::string format_period(std::int64_t period_ms);

}  // namespace vmsweep::data
