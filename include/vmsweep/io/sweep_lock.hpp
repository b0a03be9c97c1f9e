#pragma once
// One run at a time on a sweep's results folder. A run holds an flock on results/<name>/lock for its
// whole life; the kernel releases it when the process ends, kill -9 included. A whole run (and
// `vmsweep aggregate`) holds it exclusively. The shards of a job array hold it shared, and each its
// own results/<name>/lock.shard-I-of-N exclusively: shards run together, but no shard runs twice and
// no whole run beside a shard. The holder of an exclusive lock writes "host pid" into its lock file,
// which is how a refused run names it. File systems without flock (Lustre mounted without -o flock,
// some NFS setups: docs/reliability.md) get no lock, and warning() says so.
#include <string>

#include "vmsweep/io/results_layout.hpp"

namespace vmsweep::io {

class SweepLock {
public:
  // The sweep folder must exist. InputError "results/x is in use by another vmsweep run (host H,
  // pid P)..." when another run holds what this one needs.
  static SweepLock whole(const ResultsLayout& layout);
  static SweepLock shard(const ResultsLayout& layout, int index, int count);

  SweepLock(SweepLock&& other) noexcept;
  SweepLock& operator=(SweepLock&& other) noexcept;
  SweepLock(const SweepLock&) = delete;
  SweepLock& operator=(const SweepLock&) = delete;
  ~SweepLock();

  // Empty when the lock is held; else why there is none (the file system cannot lock).
  const std::string& warning() const { return warning_; }

private:
  SweepLock() = default;
  void release() noexcept;

  int sweep_fd_ = -1;
  int shard_fd_ = -1;
  std::string warning_;
};

}  // namespace vmsweep::io
