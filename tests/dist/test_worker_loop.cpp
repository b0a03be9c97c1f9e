// The worker loop's protocol with its trial files written behind (worker_loop, trial_recorder): a
// rank says "ready" when a trial ends, writes the file while its next trial runs, and sends the
// result only once the file is written. The test plays the coordinator through rank 0's mailboxes;
// the writer blocks until the test releases it, so every assertion holds whatever the scheduling.
#include <catch2/catch.hpp>

#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "fake_trial.hpp"
#include "interrupt.hpp"
#include "mailbox.hpp"
#include "protocol.hpp"
#include "trial_executor.hpp"
#include "vmsweep/common/error.hpp"
#include "worker_link.hpp"
#include "worker_loop.hpp"

using namespace vmsweep;
using namespace vmsweep::dist;

namespace {

// Writes trial files that finish only when the test says so (or fail, for the trial named to fail).
class GatedWriter {
public:
  explicit GatedWriter(std::int64_t failing_trial = no_trial) : failing_trial_(failing_trial) {}
  TrialWriter writer() {
    return [this](const sweep::TrialSpec& trial, const TrialResult&) {
      gate(trial.id).wait();
      if (trial.id == failing_trial_) throw Error("trials/" + std::to_string(trial.id) + ".h5: No space left on device");
      std::lock_guard lock(mutex_);
      written_.push_back(trial.id);
    };
  }
  void release(std::int64_t trial_id) { opener(trial_id).set_value(); }
  std::vector<std::int64_t> written() {
    std::lock_guard lock(mutex_);
    return written_;
  }

private:
  std::shared_future<void> gate(std::int64_t trial_id) {
    std::lock_guard lock(mutex_);
    return gates(trial_id).second;
  }
  std::promise<void>& opener(std::int64_t trial_id) {
    std::lock_guard lock(mutex_);
    return gates(trial_id).first;
  }
  std::pair<std::promise<void>, std::shared_future<void>>& gates(std::int64_t trial_id) {
    auto [entry, added] = gates_.try_emplace(trial_id);
    if (added) entry->second.second = entry->second.first.get_future().share();
    return entry->second;
  }

  std::int64_t failing_trial_;
  std::mutex mutex_;
  std::map<std::int64_t, std::pair<std::promise<void>, std::shared_future<void>>> gates_;
  std::vector<std::int64_t> written_;
};

// The coordinator's side of one worker: answers epoch reports with "go on", returns anything else.
class TestCoordinator {
public:
  TestCoordinator(TrialExecutor& executor, const InterruptWatch& interrupt)
      : worker_([this, &executor, &interrupt] {
          MailboxWorkerLink link(to_worker_, from_worker_);
          serve_trials(link, executor, interrupt);
        }) {}
  ~TestCoordinator() {
    if (worker_.joinable()) shut_down();
  }

  void assign(std::int64_t trial_id) { to_worker_.push(encode_assign({trial_id, trial_id, 0, 1, Value::Map{}})); }
  Message next() {
    for (;;) {
      Message message = from_worker_.pop();
      if (message.tag != Tag::epoch) return message;
      to_worker_.push(encode_verdict({}));
    }
  }
  void shut_down() {
    to_worker_.push(encode_shutdown());
    worker_.join();
  }
  // What the worker sent by now, epoch reports answered and left out; does not wait.
  std::vector<Message> sent_so_far() {
    std::vector<Message> sent;
    while (auto message = from_worker_.try_pop()) {
      if (message->tag == Tag::epoch) to_worker_.push(encode_verdict({}));
      else sent.push_back(std::move(*message));
    }
    return sent;
  }

private:
  Mailbox to_worker_, from_worker_;
  std::thread worker_;
};

std::int64_t trial_of(const Message& message) { return decode_result(message.body).trial_id; }

}  // namespace

TEST_CASE("a rank is ready for its next trial while the last one's file is written, its result sent once written") {
  InterruptWatch interrupt;
  interrupt.stop_cleanly();
  GatedWriter files;
  TrialExecutor executor(fake_trial(std::chrono::milliseconds(1), interrupt), files.writer(), {1, "node", 1}, interrupt);
  TestCoordinator coordinator(executor, interrupt);

  coordinator.assign(1);
  Message ready = coordinator.next();
  REQUIRE(ready.tag == Tag::ready);
  CHECK(trial_of(ready) == 1);
  coordinator.assign(2);  // trial 2 trains while trial 1's file is held back
  // Whether or not trial 2 has ended by now, its rank writes one file at a time and says nothing
  // more (no result of trial 1, no ready of trial 2) until trial 1's file is written.
  CHECK(coordinator.sent_so_far().empty());
  files.release(1);
  Message first_result = coordinator.next();
  REQUIRE(first_result.tag == Tag::result);
  CHECK(trial_of(first_result) == 1);
  CHECK(files.written() == std::vector<std::int64_t>{1});
  Message second_ready = coordinator.next();
  REQUIRE(second_ready.tag == Tag::ready);
  CHECK(trial_of(second_ready) == 2);
  // A shutdown waits for the file in progress, and its result comes before the worker ends.
  files.release(2);
  coordinator.shut_down();
  Message last_result = coordinator.next();
  REQUIRE(last_result.tag == Tag::result);
  CHECK(trial_of(last_result) == 2);
  CHECK(files.written() == std::vector<std::int64_t>{1, 2});
  CHECK(coordinator.sent_so_far().empty());
}

TEST_CASE("a trial file that cannot be written is a fatal error naming the trial it cost") {
  InterruptWatch interrupt;
  interrupt.stop_cleanly();
  GatedWriter files(/*failing_trial=*/1);
  TrialExecutor executor(fake_trial(std::chrono::milliseconds(1), interrupt), files.writer(), {1, "node", 1}, interrupt);
  TestCoordinator coordinator(executor, interrupt);
  coordinator.assign(1);
  REQUIRE(coordinator.next().tag == Tag::ready);
  files.release(1);
  Message fatal = coordinator.next();
  REQUIRE(fatal.tag == Tag::fatal);
  const FatalReport report = decode_fatal(fatal.body);
  CHECK(report.lost_trial == 1);
  CHECK_THAT(report.what, Catch::Contains("trials/1.h5") && Catch::Contains("No space left"));
  CHECK(files.written().empty());
}

TEST_CASE("without trial files a trial's result is its only message") {
  InterruptWatch interrupt;
  interrupt.stop_cleanly();
  TrialExecutor executor(fake_trial(std::chrono::milliseconds(1), interrupt), {}, {1, "node", 1}, interrupt);
  TestCoordinator coordinator(executor, interrupt);
  coordinator.assign(4);
  Message result = coordinator.next();
  REQUIRE(result.tag == Tag::result);
  CHECK(trial_of(result) == 4);
  coordinator.shut_down();
  CHECK(coordinator.sent_so_far().empty());
}
