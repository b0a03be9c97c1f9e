#pragma once
// A rank's loaded traces, kept so that the 20th trial on a trace does not read and parse it again.
// What is kept is the expensive part that does not depend on the trial: the trace read, cleaned,
// made regular and filled (load_regular_trace). Splits, scalers, season lags and windows are still
// made per trial from it, so a trial prepares bitwise the same data with or without the cache.
//
// The key is the path as the trial names it (absolute in a sweep), the file's identity (device,
// inode, size, modification time in ns: checked at every use, so a trace rewritten or removed is
// read again, and a removed one fails as without the cache) and every data field the loading reads
// (delimiter, timestamp, value, timestamp_unit, interval, invalid_below, missing, resample,
// history_freq). Least recently used traces leave first once the byte budget is reached; a trace
// larger than the whole budget is not kept. A failed load keeps nothing.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/load_trace.hpp"

namespace vmsweep::data {

inline constexpr std::size_t kDefaultTraceCacheMiB = 256;

struct TraceCacheStats {
  std::size_t parsed = 0;  // loads that read the file (with the cache off: every load)
  std::size_t hits = 0;    // loads served from memory
  std::size_t traces = 0;  // traces kept now
  std::size_t bytes = 0;   // their size (trace_bytes)
  std::size_t budget_bytes = 0;
};

// "3 traces parsed, 57 hits, 12.3 MiB kept of 256 MiB"
std::string describe(const TraceCacheStats& stats);

// The memory a loaded trace holds: its arrays and strings, counted by capacity.
std::size_t trace_bytes(const LoadedTrace& trace);

// Thread-safe. Loads are serialised: a rank runs one trial at a time, and a second thread asking
// for the trace being loaded waits for it instead of parsing it too.
class TraceCache {
public:
  explicit TraceCache(std::size_t budget_bytes) : budget_bytes_(budget_bytes) {}

  // The trace of `spec` without its season lags (load_regular_trace), from memory when the same
  // file with the same loading fields was loaded before. InputError as load_regular_trace.
  std::shared_ptr<const LoadedTrace> load(const DataSpec& spec);
  // A smaller budget drops the least recently used traces at once; 0 turns the cache off.
  void set_budget(std::size_t bytes);
  TraceCacheStats stats() const;

private:
  struct Entry {
    std::string key;
    std::shared_ptr<const LoadedTrace> trace;
    std::size_t bytes = 0;
  };
  void keep(std::string key, std::shared_ptr<const LoadedTrace> trace);
  void shrink_to(std::size_t bytes);

  mutable std::mutex mutex_;
  std::size_t budget_bytes_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::size_t parsed_ = 0;
  std::size_t hits_ = 0;
};

// The cache of this process (one per MPI rank), used by data::prepare. Its budget is
// VMSWEEP_DATA_CACHE_MB MiB when that is set (0 turns it off), else kDefaultTraceCacheMiB;
// `vmsweep run --data-cache-mb` sets it with set_budget. InputError for a malformed variable.
TraceCache& rank_trace_cache();

}  // namespace vmsweep::data
