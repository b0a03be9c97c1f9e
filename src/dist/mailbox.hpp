#pragma once
// A thread-safe queue of protocol messages: how rank 0's coordinator (main thread) and its own
// trial thread talk, with the same messages the other ranks receive through MPI.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "protocol.hpp"

namespace vmsweep::dist {

class Mailbox {
public:
  void push(Message message);
  Message pop();  // waits for a message
  std::optional<Message> try_pop();
  // Waits until a message is present or `timeout` passed; the message stays in the box.
  bool wait_for(std::chrono::microseconds timeout);

private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<Message> messages_;
};

}  // namespace vmsweep::dist
