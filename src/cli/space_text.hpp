#pragma once
// How `vmsweep validate` shows a sweep: each parameter's law (with what grid expands it to), the
// metric as resolved, hyperband's bands, and a trial's line.
#include <string>

#include "vmsweep/sweep/preview.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::cli {

// "q_log_uniform_values [8, 512], q 8", "log_uniform [-9.2, -2.3] (values 1.0e-4 to 0.1)",
// "int_uniform [1, 5] -> grid 1, 2, 3, 4, 5".
std::string parameter_text(const sweep::ParameterSpec& parameter, sweep::Method method);
// "val_r2 (maximize, target 0.9)", "val_mse (minimize), written val_loss".
std::string metric_text(const sweep::Metric& metric);
// "hyperband, max_iter 27, s 3, eta 3; trials judged after epochs 1, 3, 9".
std::string early_terminate_text(const sweep::EarlyTerminate& rule);
// "#3 look_back=28 seed=5 (trial seed 1234)": the swept values, a swept seed as given and the
// trial's own seed.
std::string trial_text(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview);

}  // namespace vmsweep::cli
