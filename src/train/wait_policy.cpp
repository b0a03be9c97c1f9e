#include "vmsweep/train/wait_policy.hpp"

#include <unistd.h>

#include <cstdlib>

namespace vmsweep::train {

namespace {

constexpr const char* kSetByVmsweep = "VMSWEEP_SPINCOUNT_SET";

const char* variable(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

}  // namespace

void adopt_wait_policy(char** argv) {
  if (variable("OMP_WAIT_POLICY") || variable("GOMP_SPINCOUNT") || variable(kSetByVmsweep)) return;
  setenv("GOMP_SPINCOUNT", kDefaultSpinCount, 1);
  setenv(kSetByVmsweep, "1", 1);
  execv("/proc/self/exe", argv);
  unsetenv("GOMP_SPINCOUNT");  // the exec failed: this process keeps libgomp's default, and says so
  unsetenv(kSetByVmsweep);
}

std::string wait_policy_text() {
  const char* policy = variable("OMP_WAIT_POLICY");
  const char* spins = variable("GOMP_SPINCOUNT");
  if (spins && variable(kSetByVmsweep) && !policy)
    return std::string("OpenMP threads spin ") + spins + " times, then sleep (GOMP_SPINCOUNT=" + spins +
           ", set by vmsweep for shared machines; set OMP_WAIT_POLICY or GOMP_SPINCOUNT to choose)";
  if (spins) return std::string("GOMP_SPINCOUNT=") + spins + (policy ? std::string(", OMP_WAIT_POLICY=") + policy : "") + " (yours)";
  if (policy) return std::string("OMP_WAIT_POLICY=") + policy + " (yours)";
  return "OpenMP threads spin about 3 ms before they sleep (libgomp's default: vmsweep could not restart itself "
         "with GOMP_SPINCOUNT set)";
}

}  // namespace vmsweep::train
