#pragma once
// The end of a sweep, for `vmsweep run` (rank 0, after the last trial) and `vmsweep aggregate`:
// the baselines scored on the finished trials' windows, then every finished trial and the
// baselines in results/<name>.h5.
#include <cstddef>
#include <string>
#include <vector>

#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/sweep_meta.hpp"

namespace vmsweep::dist {

struct AggregateReport {
  std::size_t trials = 0;             // in results/<name>.h5
  std::vector<std::string> problems;  // what could not be scored (e.g. a trace that moved)
};

// For `vmsweep run`, which holds the folder's lock: with `meta` as the sweep's /sweep attributes.
AggregateReport aggregate_sweep(const io::ResultsLayout& layout, const io::SweepMeta& meta);
// For `vmsweep aggregate`: takes the folder's lock (InputError naming a run that holds it), removes
// what killed writers left, and uses the stamp's meta, ended when the last trial file was written.
// InputError when the folder has no stamp.
AggregateReport aggregate_folder(const io::ResultsLayout& layout);

}  // namespace vmsweep::dist
