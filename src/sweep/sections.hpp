#pragma once
// Parsers of the sweep file's smaller sections, each checking its own keys and values.
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

// metric: aliases (val_loss, loss, ...) resolved against the sweep's `loss` parameter, noted in
// `readings`; goal checked against the metric; metric.impute checked; impute_while_running warned.
Metric parse_metric(const Value& block, const std::vector<ParameterSpec>& parameters, std::vector<std::string>& readings,
                    std::vector<std::string>& warnings);
EarlyTerminate parse_early_terminate(const Value& block, std::vector<std::string>& warnings);
BayesOptions parse_bayes_options(const Value& block);

// W&B takes any text as a sweep's name; the results folder (results/<folder>) takes a safe form
// of it. A renaming is noted in `readings`; text that is not UTF-8 is refused.
struct SweepName {
  std::string display, folder;
};
SweepName sweep_name(const Value& name, std::vector<std::string>& readings);

// run_cap, repeats and the grid's size against kMaxTrials, refused at the key that passes it; a
// random or bayes sweep without run_cap gets 100 configurations, with a warning.
void check_budget(SweepSpec& spec, const Value& root);
// A warning when no trial can reach the first hyperband band (its epochs are all fewer).
void warn_unreachable_bands(SweepSpec& spec, const Value& block, std::span<const Knob> knobs);

struct DataBlock {
  Value data;                 // the trial parameters it gives; `path` the first trace's, absolute
  std::vector<Trace> traces;  // what `path` names (trace_paths.hpp)
  bool skip_bad = false;      // data.skip_bad, which is not a trial parameter
};
// The data block, each field checked against its knob and `path` resolved to its traces: relative
// to base_dir when the file is there, else to the working directory.
// path_required: false when `path` is a swept parameter instead.
DataBlock parse_data_block(const Value& block, std::span<const Knob> knobs, const std::filesystem::path& base_dir,
                       bool path_required);
// A data path resolved the same way; InputError naming both places tried when it is in neither.
std::string resolve_data_path(const Value& path, const std::filesystem::path& base_dir);

}  // namespace vmsweep::sweep
