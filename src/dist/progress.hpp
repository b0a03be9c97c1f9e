#pragma once
// What rank 0 prints while a sweep runs: a line per finished trial and, every few seconds, a status
// line (done/total, running, failed, pruned, trials per minute, elapsed, ETA, best so far with its
// parameters). The ETA weighs what is left by the cost model (train/trial_cost.hpp, calibrated on
// this machine when the run starts), corrected by how the finished trials compared with their
// estimate (a busy machine, early stopping); without a model it counts trials. Text for people, one JSON object per line for batch logs; --quiet keeps only the
// final summary.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "protocol.hpp"
#include "vmsweep/dist/log_format.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::dist {

// A trial's predicted seconds to its last epoch on one worker, and that epoch count.
struct TrialEstimate {
  double seconds = 0;
  int epochs = 1;
};

struct ProgressSetup {
  std::ostream* out = nullptr;
  LogFormat format = LogFormat::text;
  bool quiet = false;
  double status_every_seconds = 5.0;
  std::int64_t total = 0;          // trials of this run, finished ones included
  std::int64_t already_done = 0;   // finished by an earlier run (resume)
  sweep::Metric metric;
  std::vector<std::string> swept;  // the parameters shown with the best trial
  std::function<TrialEstimate(const Value& params)> estimate{};  // empty: the ETA counts trials
  double unstarted_seconds = 0;  // predicted for the trials of this run not started yet
  int workers = 1;               // trials that run at once
};

class Progress {
public:
  explicit Progress(ProgressSetup setup);

  void trial_started(const sweep::TrialSpec& trial);
  // The trial's training ended and its record is being written: no longer running, not yet done.
  void trial_ended(std::int64_t trial_id);
  void trial_finished(const TrialOutcome& outcome);
  void note(const std::string& message);  // printed unless quiet
  void tick();                            // prints the status line when it is due
  void summary();                         // always printed

  int failed() const { return failed_; }

private:
  struct Best {
    std::int64_t trial_id;
    double value;
    std::string params;
  };
  void print_trial(const TrialOutcome& outcome, const std::string& params);
  void print_status(const char* event);
  std::optional<double> eta() const;
  std::optional<double> eta_by_cost() const;
  void update_best(const TrialOutcome& outcome, const std::string& params);
  std::string swept_params(const Value& params) const;
  double elapsed_seconds() const;

  ProgressSetup setup_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_status_ = start_;
  struct Running {
    Value params;
    TrialEstimate estimate;
    std::chrono::steady_clock::time_point start;
  };
  std::map<std::int64_t, Running> running_;
  std::map<std::int64_t, Running> recording_;  // ended, their records being written
  double unstarted_seconds_ = 0;
  double actual_seconds_ = 0, predicted_seconds_ = 0;  // finished trials: seconds, and their estimate for the epochs run
  double epochs_run_ = 0, epochs_planned_ = 0;          // finished trials
  std::int64_t done_ = 0;                  // finished in this run
  int failed_ = 0;
  int pruned_ = 0;  // ended as stopped: a recorded trial stops early only when the pruner says so
  std::optional<Best> best_;
};

}  // namespace vmsweep::dist
