#include "plot_script.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "text_file.hpp"
#include "vmsweep/common/error.hpp"

extern char** environ;

namespace vmsweep::cli {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::current_path() : self.parent_path();
}

}  // namespace

fs::path find_plot_script() {
  if (const char* given = std::getenv("VMSWEEP_PLOT_SCRIPT"); given && *given) {
    if (!fs::is_regular_file(given)) throw Error(std::string("VMSWEEP_PLOT_SCRIPT: no file ") + given);
    return given;
  }
  const fs::path dir = executable_dir();
  const fs::path candidates[] = {dir / "../share/vmsweep/plot_results.py", dir / "../scripts/plot_results.py",
                                 dir / "scripts/plot_results.py"};
  std::string looked;
  for (const fs::path& candidate : candidates) {
    if (fs::is_regular_file(candidate)) return candidate.lexically_normal();
    looked += " " + candidate.lexically_normal().string();
  }
  throw Error("cannot find plot_results.py; looked at" + looked + " (set VMSWEEP_PLOT_SCRIPT)");
}

std::string plot_interpreter() {
  const char* given = std::getenv("VMSWEEP_PYTHON");
  return given && *given ? given : "/usr/bin/python3";
}

int run_program(const std::string& interpreter, const fs::path& script, const std::vector<std::string>& args) {
  std::vector<std::string> words{interpreter, script.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (int code = posix_spawnp(&pid, interpreter.c_str(), nullptr, nullptr, argv.data(), environ); code != 0)
    throw Error("cannot start " + interpreter + ": " + std::strerror(code));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw Error("waiting for " + interpreter + ": " + std::strerror(errno));
  if (!WIFEXITED(status)) throw Error(interpreter + " " + script.string() + " was killed by signal " +
                                      std::to_string(WTERMSIG(status)));
  return WEXITSTATUS(status);
}

void run_plot_script_with(const fs::path& data_file, const std::string& data, const std::vector<std::string>& args) {
  write_text_file(data_file, data);
  int code = 0;
  try {
    code = run_program(plot_interpreter(), find_plot_script(), args);
  } catch (...) {
    fs::remove(data_file);
    throw;
  }
  fs::remove(data_file);
  if (code != 0) throw Error("the plot script exited with code " + std::to_string(code));
}

}  // namespace vmsweep::cli
