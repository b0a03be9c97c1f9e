#pragma once
// Samplers propose trials; the coordinator runs them and tells the results back (Optuna's
// ask/tell). grid and random walk a fixed list lazily, each trial a pure function of the file, its
// seed and the trial's index; bayes is an asynchronous TPE that learns from finished
// configurations while others are still running. The run's queue (dist/trial_queue.hpp) wraps
// any of them for sharding, resume and longest-first order.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

struct TrialSpec {
  std::int64_t id = 0;         // 0, 1, 2 ... in proposal order
  std::int64_t config_id = 0;  // the configuration; its repeats share it
  int repeat = 0;              // 0 .. repeats-1
  std::int64_t seed = 0;       // derived from the sweep seed and the repeat
  Value params;                // one flat map: data block, then the trial's parameters, then seed
  std::string trace = {};      // the trace's id (SweepSpec::traces); empty when `path` is swept or global
  std::vector<std::string> traces = {};  // a global trial's trace ids, in the order of its `path` list
};

class Sampler {
public:
  virtual ~Sampler() = default;
  // The next trial, or nullopt when nothing can be proposed: the list is done, run_cap is reached
  // or a configuration reached metric.target. Proposing never waits for results.
  virtual std::optional<TrialSpec> next() = 0;
  // A proposal on `trace` (a trace id) when the search can make one without changing any trial's
  // id or parameters, else next(): a rank that holds that trace prepared keeps using it. A fleet's
  // per-trace searches can; one search over one trace has nothing to choose.
  virtual std::optional<TrialSpec> next_on(const std::string& trace) {
    (void)trace;
    return next();
  }
  // A finished trial's objective (the metric's value as reported); nullopt = failed or diverged.
  virtual void tell(std::int64_t trial_id, std::optional<double> objective) = 0;
  // A proposed trial that will not run here (another shard runs it): forgotten without learning.
  virtual void skip(std::int64_t trial_id) = 0;
  // No trial will ever be proposed again.
  virtual bool exhausted() const = 0;
  // Why the sweep stops before its budget, once it does ("target 0.95 reached by trial 12").
  virtual std::optional<std::string> stop_reason() const = 0;
  // Whether a proposed trial that has not started should still run: not once its search stopped
  // (for a fleet, its trace's search), so a trial held back for ordering is dropped then.
  virtual bool still_wanted(const TrialSpec&) const { return !stop_reason(); }
};

// One per sweep, owned by the coordinator; not thread-safe. A fleet (several traces) gets one
// search per trace, interleaved: trial id = (the trace's own trial number) x traces + trace index,
// so a trial's trace is its id % traces (fleet_trace_index).
std::unique_ptr<Sampler> make_sampler(const SweepSpec& spec);

// A fleet's sampler that proposes only the trials of the traces `runs_trace` accepts (a shard's):
// the others' searches are never started, so each trace's search, bayes included, is what it is in
// the whole sweep. Ids as in the whole fleet. The spec must be a fleet.
std::unique_ptr<Sampler> make_fleet_sampler(const SweepSpec& spec, const std::function<bool(std::size_t)>& runs_trace);

// The index in spec.traces of a fleet trial's trace; 0 for a sweep of one trace.
std::size_t fleet_trace_index(const SweepSpec& spec, std::int64_t trial_id);

// grid and random: every trial in order, after run_cap. InputError for bayes (it has no fixed list).
std::vector<TrialSpec> trial_list(const SweepSpec& spec);

// The number of trials a sweep runs at most: the grid size times repeats, capped by run_cap; a
// fleet that times its traces (run_cap counts per trace).
std::int64_t trial_count(const SweepSpec& spec);

}  // namespace vmsweep::sweep
