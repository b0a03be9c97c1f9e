#include "interrupt.hpp"

#include <atomic>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

// A signal handler can only reach static storage; this one flag is the whole of it.
std::atomic<int> received_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the handler needs a lock-free flag");

extern "C" void note_signal(int number) {
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
  install(SIGINT, &previous_int_);
  install(SIGTERM, &previous_term_);
}

InterruptWatch::~InterruptWatch() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

bool InterruptWatch::requested() const { return received_signal.load() != 0; }
int InterruptWatch::signal_number() const { return received_signal.load(); }

}  // namespace vmsweep::dist
