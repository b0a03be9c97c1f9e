#include "interrupt.hpp"

#include <unistd.h>

#include <atomic>
#include <string>

#include "vmsweep/common/error.hpp"
#include "vmsweep/dist/run_sweep.hpp"

namespace vmsweep::dist {

namespace {

// A signal handler can only reach static storage; these two flags are the whole of it.
std::atomic<int> received_signal{0};
std::atomic<bool> exit_at_once{true};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free,
              "the handler needs lock-free flags");

extern "C" void note_signal(int number) {
  if (exit_at_once.load()) {
    static constexpr char message[] = "vmsweep: interrupted by a signal before anything was written\n";
    [[maybe_unused]] ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(exit_interrupted);
  }
  received_signal.store(number);
  // SA_RESETHAND already restored the default action, so a second signal terminates.
}

void install(int number, struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = note_signal;
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigemptyset(&action.sa_mask);
  if (sigaction(number, &action, previous) != 0)
    throw Error("cannot install a handler for signal " + std::to_string(number));
}

}  // namespace

InterruptWatch::InterruptWatch() {
  received_signal.store(0);
  exit_at_once.store(true);
  install(SIGINT, &previous_int_);
  install(SIGTERM, &previous_term_);
}

InterruptWatch::~InterruptWatch() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

void InterruptWatch::stop_cleanly() { exit_at_once.store(false); }
bool InterruptWatch::requested() const { return received_signal.load() != 0; }
int InterruptWatch::signal_number() const { return received_signal.load(); }

}  // namespace vmsweep::dist
