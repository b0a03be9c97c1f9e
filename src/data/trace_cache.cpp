#include "vmsweep/data/trace_cache.hpp"

#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

// Device, inode, size and modification time of a regular file; nothing for anything else (a missing
// file, a FIFO), which is then loaded as without the cache and never kept.
std::optional<std::string> file_identity(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  const std::int64_t mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  return std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino) + ":" + std::to_string(info.st_size) + ":" +
         std::to_string(mtime_ns);
}

std::string column_key(const ColumnRef& column) {
  return column.name + "#" + std::to_string(column.index) + (column.none ? "n" : "") + (column.automatic ? "a" : "");
}

std::string double_key(double x) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  return std::to_string(bits);
}

// Every field load_regular_trace reads besides the path; a field added there belongs here too
// (tests/data/test_trace_cache.cpp changes each one and expects a second parse).
std::string loading_fields(const DataSpec& spec) {
  return std::string(1, spec.delimiter) + "|" + column_key(spec.timestamp) + "|" + column_key(spec.value) + "|" +
         std::to_string(static_cast<int>(spec.timestamp_unit)) + "|" + std::to_string(spec.interval_ms) + "|" +
         (spec.invalid_below ? double_key(*spec.invalid_below) : "-") + "|" +
         std::to_string(static_cast<int>(spec.missing)) + "|" + std::to_string(spec.resample.period_ms) + "|" +
         std::to_string(static_cast<int>(spec.resample.agg)) + "|" + std::to_string(spec.history.period_ms);
}

std::size_t budget_from_environment() {
  const char* text = std::getenv("VMSWEEP_DATA_CACHE_MB");
  if (text == nullptr || *text == '\0') return kDefaultTraceCacheMiB * kMiB;
  char* end = nullptr;
  const unsigned long long mib = std::strtoull(text, &end, 10);
  if (*end != '\0' || *text == '-' || mib > (std::size_t{1} << 40) / kMiB)
    throw InputError(std::string("VMSWEEP_DATA_CACHE_MB: expected a number of MiB (0 turns the cache off), got '") + text + "'");
  return static_cast<std::size_t>(mib) * kMiB;
}

std::string mib_text(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / kMiB);
  return text;
}

}  // namespace

std::string describe(const TraceCacheStats& stats) {
  if (stats.budget_bytes == 0) return std::to_string(stats.parsed) + " traces parsed (cache off)";
  return std::to_string(stats.parsed) + (stats.parsed == 1 ? " trace" : " traces") + " parsed, " +
         std::to_string(stats.hits) + (stats.hits == 1 ? " hit, " : " hits, ") + std::to_string(stats.traces) +
         " kept in " + mib_text(stats.bytes) + " of " + mib_text(stats.budget_bytes);
}

std::size_t trace_bytes(const LoadedTrace& trace) {
  const TraceReport& r = trace.report;
  return sizeof trace + trace.timestamps_ms.capacity() * sizeof(std::int64_t) +
         trace.values.capacity() * sizeof(double) + trace.history.values.capacity() * sizeof(double) +
         trace.season_lags.capacity() * sizeof(std::size_t) + r.file.capacity() + r.timestamp_column.capacity() +
         r.value_column.capacity() + r.columns.capacity() + r.timestamp_form.capacity();
}

std::shared_ptr<const LoadedTrace> TraceCache::load(const DataSpec& spec) {
  const std::lock_guard lock(mutex_);
  const std::optional<std::string> identity = budget_bytes_ > 0 ? file_identity(spec.path) : std::nullopt;
  std::string key;
  if (identity) {
    key = spec.path.string() + "\n" + *identity + "\n" + loading_fields(spec);
    if (auto found = index_.find(key); found != index_.end()) {
      entries_.splice(entries_.begin(), entries_, found->second);
      ++hits_;
      return found->second->trace;
    }
  }
  auto trace = std::make_shared<const LoadedTrace>(load_regular_trace(spec));
  ++parsed_;
  if (identity) keep(std::move(key), trace);
  return trace;
}

void TraceCache::keep(std::string key, std::shared_ptr<const LoadedTrace> trace) {
  const std::size_t bytes = trace_bytes(*trace) + key.capacity();
  if (bytes > budget_bytes_) return;
  shrink_to(budget_bytes_ - bytes);
  entries_.push_front({std::move(key), std::move(trace), bytes});
  index_.emplace(entries_.front().key, entries_.begin());
  bytes_ += bytes;
}

void TraceCache::shrink_to(std::size_t bytes) {
  while (bytes_ > bytes) {
    bytes_ -= entries_.back().bytes;
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

void TraceCache::set_budget(std::size_t bytes) {
  const std::lock_guard lock(mutex_);
  budget_bytes_ = bytes;
  shrink_to(bytes);
}

TraceCacheStats TraceCache::stats() const {
  const std::lock_guard lock(mutex_);
  return {parsed_, hits_, entries_.size(), bytes_, budget_bytes_};
}

TraceCache& rank_trace_cache() {
  static TraceCache cache(budget_from_environment());
  return cache;
}

}  // namespace vmsweep::data
