#include "vmsweep/common/pause_point.hpp"

#include <fcntl.h>
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

// Processes of one run share the environment (mpirun passes it on): the first to arrive pauses, the
// others pass, then and later. The claim is a file created once, next to the note.
bool claim(const PauseRequest& pause) {
  std::filesystem::path claim_file = pause.note;
  claim_file += ".claimed";
  int fd = ::open(claim_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

void say_paused(const PauseRequest& pause) {
  std::filesystem::path partial = pause.note;
  partial += ".partial-" + std::to_string(getpid());
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
  if (arrivals.fetch_add(1) + 1 != pause.arrival || !claim(pause)) return;
  say_paused(pause);
  wait_until_released(pause);
}

}  // namespace vmsweep
