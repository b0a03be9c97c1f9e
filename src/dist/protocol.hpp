#pragma once
// The coordinator-worker protocol: every message that crosses between rank 0 and a worker, and
// their encoding. The same messages flow to rank 0's own trial thread through a mailbox.
//
//   coordinator -> worker   assign(trial)       run this trial
//   worker -> coordinator   epoch(id, record)   an epoch finished; the worker waits for a verdict
//   coordinator -> worker   verdict(reason)     go on, prune (stop; the trial counts as done, and
//                                               the reason is recorded), or abandon (stop;
//                                               unrecorded, a resume reruns it)
//   worker -> coordinator   result(outcome)     the trial ended; its file is already written
//   worker -> coordinator   interrupted(signal) SIGTERM/SIGINT reached this rank: stop the whole sweep
//   worker -> coordinator   fatal(message)      instead of a result: an error that is not the trial's
//                                               (its file cannot be written): stop the whole sweep
//   coordinator -> worker   shutdown            no more trials: leave the loop
//
// The epoch/verdict round trip exists from the start so that rung-based early termination
// (Hyperband, ASHA) is a coordinator-side decision and needs no new message.
#include <cstdint>
#include <string>

#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/record/trial_result.hpp"
#include "wire.hpp"

namespace vmsweep::dist {

// Rank 0 coordinates (and trains in a thread of its own); every rank trains.
inline constexpr int coordinator_rank = 0;

// A finished trial reaches the coordinator twice when its rank writes its file: `ready` when it
// ended (the rank is free again, the sampler may learn its score), then `result` once its file is
// durable (only then is it counted). A trial that is not written (interrupted, or no trial files)
// sends only its `result`.
enum class Tag : int { assign = 1, epoch = 2, verdict = 3, result = 4, shutdown = 5, fatal = 6, interrupted = 7, ready = 8 };

enum class Verdict : std::uint8_t { go_on, prune, abandon };

// The answer to an epoch report. Only the coordinator knows why it prunes (the pruner's numbers),
// and only the worker writes the trial's file: the reason travels with the verdict.
struct Ruling {
  Verdict verdict = Verdict::go_on;
  std::string reason;  // empty unless pruned
};

struct EpochReport {
  std::int64_t trial_id = 0;
  EpochRecord record;
};

// What the coordinator learns about a finished trial (the full result stays in its file).
struct TrialOutcome {
  std::int64_t trial_id = 0;
  TrialStatus status = TrialStatus::ok;
  std::string reason;
  Metrics metrics;
  int epochs_run = 0;
  double seconds = 0.0;
  int rank = 0;
  std::string host;
  // The worker was interrupted (SIGTERM/SIGINT) before the trial ended: nothing was written and
  // a resumed sweep runs the trial again.
  bool interrupted = false;

  const double* metric(const std::string& name) const;
};

// An error that is not a trial's own, and the trial it cost: the one whose file could not be
// written, or the one that was running; `no_trial` when the rank itself is lost with all it held.
inline constexpr std::int64_t no_trial = -1;
struct FatalReport {
  std::string what;
  std::int64_t lost_trial = no_trial;
};

struct Message {
  Tag tag;
  Bytes body;
};

Message encode_assign(const sweep::TrialSpec& trial);
Message encode_epoch(const EpochReport& report);
Message encode_verdict(const Ruling& ruling);
Message encode_result(const TrialOutcome& outcome);
Message encode_ready(const TrialOutcome& outcome);  // the body of a result
Message encode_shutdown();
Message encode_fatal(const FatalReport& report);
Message encode_interrupted(int signal_number);

sweep::TrialSpec decode_assign(const Bytes& body);
EpochReport decode_epoch(const Bytes& body);
Ruling decode_verdict(const Bytes& body);
TrialOutcome decode_result(const Bytes& body);  // also a ready message's body
FatalReport decode_fatal(const Bytes& body);
int decode_interrupted(const Bytes& body);

}  // namespace vmsweep::dist
