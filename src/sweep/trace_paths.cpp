#include "trace_paths.hpp"

#include <glob.h>

#include <algorithm>
#include <system_error>

#include "checks.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

namespace fs = std::filesystem;

namespace {

bool is_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error);
}

bool is_folder(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

bool is_pattern(const std::string& written) { return written.find_first_of("*?[") != std::string::npos; }

fs::path beside_sweep(const fs::path& written, const fs::path& base_dir) {
  return written.is_absolute() ? written.lexically_normal() : fs::absolute(base_dir / written).lexically_normal();
}

// RAII for glob(3)'s result.
class GlobResult {
public:
  explicit GlobResult(const std::string& pattern) { status_ = ::glob(pattern.c_str(), GLOB_ERR, nullptr, &result_); }
  ~GlobResult() { ::globfree(&result_); }
  GlobResult(const GlobResult&) = delete;
  GlobResult& operator=(const GlobResult&) = delete;
  std::vector<fs::path> paths() const {
    if (status_ != 0) return {};
    return {result_.gl_pathv, result_.gl_pathv + result_.gl_pathc};
  }

private:
  glob_t result_{};
  int status_ = 0;
};

std::vector<fs::path> regular_files(std::vector<fs::path> candidates) {
  std::erase_if(candidates, [](const fs::path& path) { return !is_file(path); });
  return candidates;
}

std::vector<fs::path> matching(const Value& entry, const std::string& written, const fs::path& base_dir) {
  const fs::path pattern = beside_sweep(written, base_dir);
  std::vector<fs::path> found = regular_files(GlobResult(pattern.string()).paths());
  if (found.empty()) fail(entry, "data.path", "the pattern " + written + " matches no file (" + pattern.string() + ")");
  return found;
}

// Hidden files (.DS_Store, editors' swap files) are not traces.
std::vector<fs::path> folder_files(const Value& entry, const fs::path& folder) {
  std::vector<fs::path> found;
  for (const fs::directory_entry& item : fs::directory_iterator(folder))
    if (item.path().filename().string().front() != '.' && is_file(item.path())) found.push_back(item.path());
  if (found.empty()) fail(entry, "data.path", "the folder " + folder.string() + " holds no trace file");
  return found;
}

std::vector<fs::path> entry_files(const Value& entry, const fs::path& base_dir) {
  const std::string& written = nonempty_string(entry, "data.path");
  if (is_pattern(written)) return matching(entry, written, base_dir);
  if (const fs::path folder = beside_sweep(written, base_dir); is_folder(folder)) return folder_files(entry, folder);
  if (const fs::path from_cwd = fs::absolute(written).lexically_normal(); is_folder(from_cwd))
    return folder_files(entry, from_cwd);
  return {fs::path(resolve_data_path(entry, base_dir))};
}

std::string trace_id(const fs::path& path, const fs::path& base_dir) {
  const fs::path relative = path.lexically_relative(fs::absolute(base_dir).lexically_normal());
  return relative.empty() ? path.generic_string() : relative.generic_string();
}

}  // namespace

std::vector<Trace> resolve_traces(const Value& path, const fs::path& base_dir) {
  std::vector<fs::path> files;
  if (path.is_list() && path.as_list().empty())
    fail(path, "data.path", "expected a trace file, a glob, a folder or a list of them, got an empty list");
  for (const Value& entry : path.is_list() ? path.as_list() : Value::List{path}) {
    std::vector<fs::path> found = entry_files(entry, base_dir);
    files.insert(files.end(), found.begin(), found.end());
  }
  std::vector<Trace> traces;
  for (const fs::path& file : files) {
    const fs::path absolute = fs::absolute(file).lexically_normal();
    traces.push_back({trace_id(absolute, base_dir), absolute.string()});
  }
  std::ranges::sort(traces, {}, &Trace::id);
  // std::ranges::unique's subrange does not compile with clang 14 on libstdc++ 12 (the fuzz build).
  const auto same_file = [](const Trace& a, const Trace& b) { return a.path == b.path; };
  traces.erase(std::unique(traces.begin(), traces.end(), same_file), traces.end());
  return traces;
}

}  // namespace vmsweep::sweep
