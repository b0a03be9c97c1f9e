#pragma once
// The results `report` and `plot` read: the aggregate results/<name>.h5 when it exists, otherwise
// (a sweep still running, or one that crashed before aggregating) the stamp and trial files in
// results/<name>/. Either path may be given: results/<name>.h5 or results/<name>.
// A fleet's results (trials on several traces) can be narrowed to one trace: the same object with
// that trace's trials only, which every section of a one-trace report reads as it reads a sweep.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/io/ensembles.hpp"
#include "vmsweep/io/stored_trial.hpp"
#include "vmsweep/io/sweep_meta.hpp"
#include "vmsweep/io/table.hpp"

namespace vmsweep::cli {

class SweepResults {
public:
  // InputError naming the path when it is neither a vmsweep results file nor a sweep's folder.
  static SweepResults open(const std::filesystem::path& path);

  const io::SweepMeta& meta() const { return meta_; }
  bool running() const { return !aggregate_; }            // read from the trial files
  const std::filesystem::path& source() const { return source_; }  // the .h5 file or the folder
  // Every trial without curves or predictions (their metrics and parameters), in id order.
  const std::vector<io::StoredTrial>& trials() const { return trials_; }
  // One trial in full; InputError naming the id and listing how many there are if it is absent.
  io::StoredTrial trial(const std::string& id) const;
  // A per-sweep table (e.g. baselines) if the results hold one.
  std::optional<io::Table> table(const std::string& name) const;

  // The trace ids of the trials, sorted (as the sweep orders its traces); several for a fleet.
  // A global trial (`fleet: global`) counts each of its traces, and a narrowed copy holds its view
  // on that trace (train::per_trace_views): its metrics and predictions on the trace alone.
  std::vector<std::string> traces() const;
  // True for a `fleet: global` sweep: its trials learned from every trace at once.
  bool global() const;
  bool fleet() const { return traces().size() > 1; }
  // The trace these results were narrowed to; empty: every trace.
  const std::string& trace() const { return trace_; }
  // One narrowed copy per trace, in traces() order (the trials split in one pass).
  std::vector<SweepResults> by_trace() const;
  // The copy narrowed to `trace` (an id from traces()).
  SweepResults only_trace(const std::string& trace) const;

private:
  SweepResults empty_view(const std::string& trace) const;  // the meta and source, no trial

  io::SweepMeta meta_;
  bool aggregate_ = true;
  std::filesystem::path source_;
  std::vector<io::StoredTrial> trials_;
  std::string trace_;
};

using io::sweep_metric;
// Trials that finished with the sweep's metric, best first (by the sweep's goal; ties by id order).
std::vector<const io::StoredTrial*> ranked_trials(const SweepResults& results);

}  // namespace vmsweep::cli
