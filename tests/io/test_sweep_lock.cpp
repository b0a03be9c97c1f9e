#include <catch2/catch.hpp>

#include <unistd.h>

#include <optional>

#include "io/sample_trials.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/sweep_lock.hpp"

using namespace vmsweep;
using namespace vmsweep::io;
using namespace vmsweep::io::testing;

namespace {

std::string holder_of_this_process() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return "host " + std::string(host) + ", pid " + std::to_string(::getpid());
}

}  // namespace

// flock locks belong to open file descriptions, so two locks taken in one process conflict as two
// processes' would (the two-process case is tests/dist/mpirun_sweep.sh lock).
TEST_CASE("A second whole run on a sweep folder is refused, naming the holder", "[io]") {
  ScratchDir scratch("lock");
  ResultsLayout layout(scratch.path() / "sample");
  std::filesystem::create_directories(layout.sweep_dir());
  std::optional<SweepLock> first = SweepLock::whole(layout);
  CHECK(first->warning().empty());
  CHECK_THROWS_AS(SweepLock::whole(layout), InputError);
  CHECK_THROWS_WITH(SweepLock::whole(layout), Catch::Contains("is in use by another vmsweep run (" + holder_of_this_process() + ")"));
  CHECK_THROWS_WITH(SweepLock::shard(layout, 0, 2), Catch::Contains(holder_of_this_process()));
  first.reset();  // the run ends (or is killed: the kernel releases the lock then too)
  CHECK_NOTHROW(SweepLock::whole(layout));
}

TEST_CASE("Shards of one sweep run together; the same shard twice, or a whole run beside them, is refused", "[io]") {
  ScratchDir scratch("lock-shards");
  ResultsLayout layout(scratch.path() / "sample");
  std::filesystem::create_directories(layout.sweep_dir());
  std::optional<SweepLock> zero = SweepLock::shard(layout, 0, 2);
  SweepLock one = SweepLock::shard(layout, 1, 2);
  CHECK_THROWS_WITH(SweepLock::shard(layout, 0, 2), Catch::Contains("shard 0-of-2: " + holder_of_this_process()));
  CHECK_THROWS_WITH(SweepLock::whole(layout), Catch::Contains("(shard ") && Catch::Contains(holder_of_this_process()));
  zero.reset();
  CHECK_NOTHROW(SweepLock::shard(layout, 0, 2));
}
