#include "rank_setup.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

RankSetup prepare_on_rank0(const Communicator& world, const RunOptions& options, InterruptWatch& interrupt,
                           std::optional<PreparedSweep>& prepared) {
  try {
    prepared.emplace(prepare_sweep(options, interrupt, world.size(), processor_name()));
  } catch (const InputError& error) {
    return {exit_bad_input, error.what(), {}};
  } catch (const std::exception& error) {
    return {exit_failure, error.what(), {}};
  }
  if (interrupt.requested())
    return {exit_interrupted, "interrupted by signal " + std::to_string(interrupt.signal_number()) +
                                  " before any trial started; rerun the same command to resume", {}};
  return {exit_ok, {}, prepared->layout.trials_dir().string()};
}

}  // namespace

RankSetup agree_on_setup(const Communicator& world, const RunOptions& options, InterruptWatch& interrupt,
                         std::optional<PreparedSweep>& prepared) {
  RankSetup setup;
  if (world.rank() == coordinator_rank) setup = prepare_on_rank0(world, options, interrupt, prepared);
  else interrupt.stop_cleanly();
  world.broadcast(setup.status, coordinator_rank);
  world.broadcast(setup.message, coordinator_rank);
  world.broadcast(setup.trials_dir, coordinator_rank);
  return setup;
}

}  // namespace vmsweep::dist
