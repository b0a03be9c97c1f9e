// vmsweep data inspect | synth
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/short_number.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/synth.hpp"
#include "vmsweep/data/synth_fleet.hpp"
#include "vmsweep/data/thread_limit.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/eval/baselines.hpp"

namespace vmsweep::cli {

namespace {

// Command-line options that map one to one onto fields of the data block.
struct FieldOption {
  const char* flag;
  const char* key;
  const char* help;
};

const std::vector<FieldOption>& field_options() {
  static const std::vector<FieldOption> options{
      {"--delimiter", "delimiter", "auto, tab, comma, semicolon or the character itself (default: auto)"},
      {"--timestamp", "timestamp", "Timestamp column: header name, 1-based index, or none (default: 1)"},
      {"--value", "value", "Value column: header name or 1-based index (default: auto, the only numeric column that varies)"},
      {"--timestamp-unit", "timestamp_unit", "auto, iso8601, s or ms (default: auto)"},
      {"--interval", "interval", "Nominal interval, e.g. 5min or H (default: detected); required with --timestamp none"},
      {"--missing", "missing", "Filling of missing steps: ffill, linear or none (default: ffill)"},
      {"--invalid-below", "invalid_below", "Treat values below this as missing (aa.txt marks outages with -1; default: keep all)"},
      {"--resample", "resample", "Resample to FREQ[:AGG], e.g. D or 15min:max (AGG: mean, sum, max, min, last)"},
      {"--split", "split", "Parts by target step: fractions of the series train=0.7,val=0.1,test=0.2 (the default), windows back from the end val=54,test=96, or the notebook's train=440,val=test,test=96"},
      {"--scale", "scale", "minmax, zscore or none (default: minmax)"},
      {"--scale-fit", "scale_fit", "Fit the scaler on train (default) or all"},
      {"--stride", "stride", "Steps between windows (default: 1)"},
      {"--season", "season", "Season of the seasonal-naive baseline: a period (D, W) or steps (default: D, W for daily data)"},
  };
  return options;
}

// "96" -> 96, "0.8" -> 0.8, anything else stays text: the types a YAML scalar would get.
Value scalar_from_text(const std::string& text) {
  const char* end = text.data() + text.size();
  std::int64_t integer = 0;
  if (auto [p, ec] = std::from_chars(text.data(), end, integer); ec == std::errc{} && p == end) return integer;
  double real = 0;
  if (auto [p, ec] = std::from_chars(text.data(), end, real); ec == std::errc{} && p == end) return real;
  return text;
}

// "train=0.8,val=test,test=0.2" (':' works too) -> {train: 0.8, val: test, test: 0.2}
Value split_from_text(const std::string& text) {
  Value split = Value::Map{};
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = std::min(text.find(',', start), text.size());
    std::string part = text.substr(start, end - start);
    std::size_t equals = part.find_first_of("=:");
    if (equals == std::string::npos) throw InputError("--split: expected PART=SIZE pairs such as train=0.8,val=0.1,test=0.1, got '" + text + "'");
    split.set(part.substr(0, equals), scalar_from_text(part.substr(equals + 1)));
    start = end + 1;
  }
  return split;
}

struct InspectOptions {
  std::string file;
  std::vector<std::string> fields = std::vector<std::string>(field_options().size());
  int look_back = 14;
  int horizon = 1;
  int threads = 0;
};

Value data_block(const InspectOptions& options) {
  Value block = Value::Map{{"path", options.file}};
  for (std::size_t i = 0; i < field_options().size(); ++i) {
    const std::string& text = options.fields[i];
    if (text.empty()) continue;
    const std::string key = field_options()[i].key;
    Value value = key == "split" ? split_from_text(text) : key == "resample" ? Value(text) : scalar_from_text(text);
    block.set(key, std::move(value.with_mark(SourceMark{field_options()[i].flag, 0, 0})));
  }
  return block;
}

const char* delimiter_name(char delimiter) {
  switch (delimiter) {
    case '\t': return "tab";
    case ',': return "comma";
    case ';': return "semicolon";
    default: return "custom";
  }
}

void print_trace(const data::TraceReport& r, const data::DataSpec& spec) {
  const double days = static_cast<double>(r.last_ms - r.first_ms) / data::kMillisPerDay;
  std::cout << "file          " << r.file << "\n"
            << "columns       timestamp '" << r.timestamp_column << "' (" << r.timestamp_form << "), value '"
            << r.value_column << "'" << (r.value_column_automatic ? " (auto)" : "") << ", "
            << delimiter_name(r.delimiter) << "-separated\n"
            << "value columns " << r.columns << "\n"
            << "rows          " << r.rows << (r.was_sorted ? "" : " (not in time order: sorted)") << "\n"
            << "span          " << data::format_iso8601(r.first_ms) << " .. " << data::format_iso8601(r.last_ms)
            << " (" << short_number(days) << " days)\n"
            << "interval      " << data::format_period(r.interval_ms) << (r.interval_detected ? " (detected)" : " (given)") << "\n"
            << "gaps          " << r.gaps << " (" << r.missing_steps << " missing steps)\n"
            << "duplicates    " << r.duplicates << " (the last row of each timestamp kept)\n"
            << "negative      " << r.negative << " values below 0\n";
  if (spec.invalid_below) std::cout << "invalid       " << r.invalid << " values below " << short_number(*spec.invalid_below) << "\n";
  std::cout << "values        min " << short_number(r.min) << "  mean " << short_number(r.mean) << "  max " << short_number(r.max) << "\n";
}

void print_series(const data::PreparedData& data, const data::DataSpec& spec) {
  const data::TraceReport& r = data.report();
  std::cout << "series        " << r.steps << " steps of " << data::format_period(data.step_ms());
  if (spec.resample.enabled()) std::cout << " (resampled to " << spec.resample.freq_text << ")";
  std::cout << ", " << r.filled << " filled, " << r.dropped << " dropped\n";
  const data::WindowSpec& w = data.windows();
  std::cout << "windows       " << data.window_count() << " (look_back " << w.look_back << ", horizon " << w.horizon
            << ", stride " << w.stride << "), split " << spec.split.to_string() << "\n";
  for (data::Split part : {data::Split::train, data::Split::val, data::Split::test}) {
    const data::WindowRange range = data.range(part);
    std::cout << "  " << data::split_name(part) << std::string(6 - std::string(data::split_name(part)).size(), ' ')
              << range.count << " windows, targets from " << data::format_iso8601(data.timestamps_ms()[data.target_step(range.first)]) << "\n";
  }
  std::cout << "scaler        " << data.scaler().kind() << " fitted on " << (spec.scale_fit == data::ScaleFit::all ? "all steps" : "the training steps")
            << ": offset " << short_number(data.scaler().offset()) << ", scale " << short_number(data.scaler().scale()) << "\n";
}

void print_baseline_row(const std::string& name, const eval::Forecast& val, const eval::Forecast& test) {
  const eval::Metrics v = val.score(), t = test.score();
  char line[160];
  std::snprintf(line, sizeof line, "  %-25s %12.6g %12.6g %12.6g %12.6g\n", name.c_str(), v.mse, v.mae, t.mse, t.mae);
  std::cout << line;
}

void print_baselines(const data::PreparedData& data) {
  char header[160];
  std::snprintf(header, sizeof header, "baselines (original units)  %12s %12s %12s %12s\n", "val MSE", "val MAE", "test MSE", "test MAE");
  std::cout << "\n" << header;
  print_baseline_row("persistence", eval::persistence(data, data::Split::val), eval::persistence(data, data::Split::test));
  const std::size_t season = data.season_steps();
  print_baseline_row("seasonal naive (" + std::to_string(season) + " steps)",
                     eval::seasonal_naive(data, data::Split::val, season), eval::seasonal_naive(data, data::Split::test, season));
}

void run_inspect(const InspectOptions& options) {
  const data::DataSpec spec = data::DataSpec::from_value(data_block(options));
  const data::WindowSpec windows{options.look_back, options.horizon, spec.stride};
  data::PreparedData data;
  data::with_thread_limit(options.threads, [&] { data = data::prepare(spec, windows); });
  print_trace(data.report(), spec);
  print_series(data, spec);
  print_baselines(data);
}

void add_inspect(CLI::App& parent, std::shared_ptr<InspectOptions> options) {
  auto* inspect = parent.add_subcommand("inspect", "Load, clean and window a trace; print what was found and two baselines' errors");
  inspect->add_option("file", options->file, "Trace file (delimited text with a header line)")->required();
  for (std::size_t i = 0; i < field_options().size(); ++i)
    inspect->add_option(field_options()[i].flag, options->fields[i], field_options()[i].help);
  inspect->add_option("--look-back", options->look_back, "Input window length in steps (default: 14)")->check(CLI::Range(1, 1'000'000));
  inspect->add_option("--horizon", options->horizon, "Steps predicted after each window (default: 1)")->check(CLI::Range(1, 10'000));
  inspect->add_option("--threads", options->threads, "Threads for parsing and resampling (default: all cores)")->check(CLI::Range(0, 1024));
  inspect->callback([options] { run_inspect(*options); });
}

struct SynthOptions {
  data::SynthSpec spec;
  std::string output;
  std::string interval = "H";
  std::string start = "2013-01-01 00:00:00";
  std::size_t traces = 0;  // 0: one trace, written to `output`
  int threads = 0;
};

void run_synth(SynthOptions& options) {
  options.spec.interval_ms = data::parse_period(options.interval, SourceMark{"--interval", 0, 0});
  if (!data::parse_iso8601(options.start.data(), options.start.data() + options.start.size(), options.spec.start_ms))
    throw InputError("--start: '" + options.start + "' is not an ISO 8601 date-time");
  std::size_t rows = 0;
  if (options.traces > 0) {
    data::with_thread_limit(options.threads, [&] { rows = data::write_synthetic_fleet(options.spec, options.traces, options.output); });
    std::cout << "wrote " << options.traces << " traces (" << rows << " rows) to " << options.output << "/"
              << data::fleet_file_name(0, options.traces) << " .. " << data::fleet_file_name(options.traces - 1, options.traces) << "\n";
    return;
  }
  data::with_thread_limit(options.threads, [&] { rows = data::write_synthetic_trace(options.spec, options.output); });
  std::cout << "wrote " << rows << " rows (" << options.spec.steps - rows << " steps left out as gaps) to " << options.output << "\n";
}

void add_synth(CLI::App& parent, std::shared_ptr<SynthOptions> options) {
  auto* synth = parent.add_subcommand("synth", "Write a deterministic synthetic load trace (daily and weekly cycles, trend, bursts, noise, gaps)");
  data::SynthSpec& s = options->spec;
  synth->add_option("-o,--output,--out", options->output,
                    "File to write (tab-separated, header datetime/load); with --traces, the folder of the traces")
      ->required();
  synth->add_option("--traces", options->traces,
                    "Write a fleet of N comma-separated traces OUT/trace-0000.csv ..., each with its own level, trend, "
                    "daily and weekly amplitude and noise drawn from --seed around the values given "
                    "(docs/running-sweeps.md)")
      ->check(CLI::Range(1, 1'000'000));
  synth->add_option("--steps", s.steps, "Time steps to generate, gaps included")->capture_default_str();
  synth->add_option("--seed", s.seed, "Random seed; the same seed gives the same file")->capture_default_str();
  synth->add_option("--interval", options->interval, "Spacing of the steps, e.g. 5min, H")->capture_default_str();
  synth->add_option("--start", options->start, "First timestamp (ISO 8601, UTC)")->capture_default_str();
  synth->add_option("--level", s.level, "Mean load at the start")->capture_default_str();
  synth->add_option("--trend", s.trend_per_day, "Change of the level per day")->capture_default_str();
  synth->add_option("--daily", s.daily_amplitude, "Amplitude of the daily cycle")->capture_default_str();
  synth->add_option("--weekly", s.weekly_amplitude, "Amplitude of the weekly cycle")->capture_default_str();
  synth->add_option("--noise", s.noise, "Standard deviation of the Gaussian noise")->capture_default_str();
  synth->add_option("--burst-rate", s.burst_rate, "Chance that a 12-step block starts with a burst")->capture_default_str();
  synth->add_option("--gap-rate", s.gap_rate, "Chance that an 8-step block is missing")->capture_default_str();
  synth->add_option("--shift", s.shift, "A lasting change of the level (a VM given more work)")->capture_default_str();
  synth->add_option("--shift-at", s.shift_at, "Where the shift starts, as a fraction of the steps")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  synth->add_option("--threads", options->threads, "Threads for formatting (default: all cores)")->check(CLI::Range(0, 1024));
  synth->callback([options] { run_synth(*options); });
}

}  // namespace

void add_data_commands(CLI::App& app, CommandStatus& /*status*/) {
  auto* data = app.add_subcommand("data", "Inspect load traces and generate synthetic ones");
  data->require_subcommand(1);
  add_inspect(*data, std::make_shared<InspectOptions>());
  add_synth(*data, std::make_shared<SynthOptions>());
}

}  // namespace vmsweep::cli
