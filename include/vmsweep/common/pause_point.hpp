#pragma once
// A developer hook for tests that kill or signal vmsweep at a precise moment instead of after a
// sleep (docs/reliability.md lists the points). With
//   VMSWEEP_PAUSE_AT=NAME[:K]   the point, and which arrival at it in this process (default 1)
//   VMSWEEP_PAUSE_FILE=PATH     where to say so
// in the environment, the K-th time this process passes NAME it writes "NAME K PID" to PATH (whole,
// through a rename) and waits there until PATH is removed. Only the first process to get there
// pauses (the ranks of an mpirun share the environment): it creates PATH.claimed, and every later
// arrival, in any process, passes. Without them a pause point does nothing but compare a name.

namespace vmsweep {

void pause_point(const char* name);

}  // namespace vmsweep
