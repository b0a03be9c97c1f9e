#pragma once
// How idle OpenMP threads wait between oneDNN's parallel regions. libgomp (Debian's OpenMP) reads
// OMP_WAIT_POLICY and GOMP_SPINCOUNT once, in a constructor that runs before main: by default a
// thread spins about 3 ms (300000 spins) before it sleeps. On a machine shared with other work that
// is a collapse: while one of two threads waits for the other, descheduled by a neighbour, it burns
// its time slice spinning, and every time step of every batch waits so (an epoch of the notebook
// model took 13 min instead of 10 s beside a busy neighbour). A short spin keeps most of the
// benefit on idle cores (docs/performance.md has the figures). Setting the variable in main is too
// late, so vmsweep sets it and executes itself again, once, before anything else runs.
#include <string>

namespace vmsweep::train {

// GOMP_SPINCOUNT vmsweep sets when the user set neither variable.
inline constexpr const char* kDefaultSpinCount = "1000";

// When OMP_WAIT_POLICY and GOMP_SPINCOUNT are both unset: sets GOMP_SPINCOUNT (and
// VMSWEEP_SPINCOUNT_SET, so the new process knows who set it) and replaces this process by
// /proc/self/exe with the same arguments. Returns when nothing was to change, or when the exec
// failed (the run then goes on with libgomp's default, and wait_policy_text says so).
void adopt_wait_policy(char** argv);

// The policy in force, for the thread-choice line: "OpenMP threads spin 1000 then sleep
// (GOMP_SPINCOUNT=1000, set by vmsweep)", "OMP_WAIT_POLICY=passive (yours)", ...
std::string wait_policy_text();

}  // namespace vmsweep::train
