// Writes the seed corpus of fuzz_wire: one file per message (its kind byte as fuzz_wire reads it,
// then the body), from the trials of the sweep files in tests/sweep/good and from results, epochs,
// verdicts and fatal errors like the ones the dist tests send. Generated at test time rather than
// committed, so the seeds follow the encoding when it changes.
//   fuzz_wire_seeds FOLDER
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

#include "protocol.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/parameters.hpp"

namespace fs = std::filesystem;
using namespace vmsweep;
using namespace vmsweep::dist;

namespace {

void write_seed(const fs::path& folder, const std::string& name, std::uint8_t kind, const Message& message) {
  std::ofstream out(folder / name, std::ios::binary);
  out.put(static_cast<char>(kind));
  out.write(message.body.data(), static_cast<std::streamsize>(message.body.size()));
  if (!out) throw std::runtime_error("cannot write " + (folder / name).string());
}

// The first trials of every good sweep file (bayes included: its first proposals are random).
void write_assignments(const fs::path& folder) {
  const fs::path good = VMSWEEP_SOURCE_DIR "/tests/sweep/good";
  for (const auto& entry : fs::directory_iterator(good)) {
    if (entry.path().extension() != ".yaml") continue;
    const auto spec = sweep::SweepSpec::load(entry.path(), train::all_knobs());
    const auto sampler = sweep::make_sampler(spec);
    for (int k = 0; k < 2; ++k)
      if (auto trial = sampler->next())
        write_seed(folder, "assign-" + entry.path().stem().string() + "-" + std::to_string(k), 0, encode_assign(*trial));
  }
}

void write_reports(const fs::path& folder) {
  write_seed(folder, "epoch", 1, encode_epoch({9, {3, 0.25, std::numeric_limits<double>::quiet_NaN(), 1e-3, 0.5}}));
  write_seed(folder, "verdict-go-on", 2, encode_verdict({Verdict::go_on, {}}));
  write_seed(folder, "verdict-prune", 2, encode_verdict({Verdict::prune, "pruned by hyperband at epoch 2: val_loss 0.5 > threshold 0.3 of 3 trials at this band"}));
  write_seed(folder, "verdict-abandon", 2, encode_verdict({Verdict::abandon, {}}));
  write_seed(folder, "result-ok", 3,
             encode_result({5, vmsweep::TrialStatus::ok, {}, {{"val_mse", 0.125}, {"test_mae", 0.8}}, 25, 1.5, 1, "node7", false}));
  write_seed(folder, "result-diverged", 3,
             encode_result({6, vmsweep::TrialStatus::diverged, "the loss became NaN in epoch 2", {}, 2, 0.1, 0, "n", false}));
  write_seed(folder, "result-interrupted", 3, encode_result({7, vmsweep::TrialStatus::ok, {}, {}, 0, 0.0, 2, "n", true}));
  write_seed(folder, "fatal", 4, encode_fatal({"results/x/trials/3.h5: No space left on device", 3}));
  write_seed(folder, "fatal-rank", 4, encode_fatal({"MPI_Recv failed", no_trial}));
  write_seed(folder, "ready", 5,
             encode_ready({8, vmsweep::TrialStatus::stopped, "pruned by hyperband at epoch 2", {{"val_mse", 0.5}}, 2, 0.3, 1, "n", false}));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fuzz_wire_seeds FOLDER\n";
    return 2;
  }
  fs::create_directories(argv[1]);
  write_assignments(argv[1]);
  write_reports(argv[1]);
  return 0;
}
