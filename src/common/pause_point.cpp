#include "vmsweep/common/pause_point.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace vmsweep {

namespace {

struct PauseRequest {
  std::string name;  // empty: no pause requested
  long arrival = 1;
  std::filesystem::path note;
};

PauseRequest read_request() {
  PauseRequest request;
  const char* at = std::getenv("VMSWEEP_PAUSE_AT");
  const char* file = std::getenv("VMSWEEP_PAUSE_FILE");
  if (!at || !*at || !file || !*file) return request;
  std::string text = at;
  auto colon = text.find(':');
  request.name = text.substr(0, colon);
  if (colon != std::string::npos) request.arrival = std::strtol(text.c_str() + colon + 1, nullptr, 10);
  request.note = file;
  return request;
}

const PauseRequest& request() {
  static const PauseRequest parsed = read_request();
  return parsed;
}

void say_paused(const PauseRequest& pause) {
  std::filesystem::path partial = pause.note;
  partial += ".partial";
  {
    std::ofstream out(partial);
    out << pause.name << " " << pause.arrival << " " << getpid() << "\n";
  }
  std::filesystem::rename(partial, pause.note);
}

void wait_until_released(const PauseRequest& pause) {
  std::error_code error;
  while (std::filesystem::exists(pause.note, error)) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace

void pause_point(const char* name) {
  const PauseRequest& pause = request();
  if (pause.name.empty() || pause.name != name) return;
  static std::atomic<long> arrivals{0};
  if (arrivals.fetch_add(1) + 1 != pause.arrival) return;
  say_paused(pause);
  wait_until_released(pause);
}

}  // namespace vmsweep
