#include <catch2/catch.hpp>

#include <fstream>

#include "io/sample_trials.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/checkpoint_file.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/io/trial_store.hpp"

using namespace vmsweep;
using namespace vmsweep::io;
using namespace vmsweep::io::testing;
using Catch::Contains;

TEST_CASE("A missing file is an input error naming it", "[io]") {
  ScratchDir scratch("missing");
  auto path = (scratch.path() / "nope.h5").string();
  CHECK_THROWS_AS(SweepReader(path), InputError);
  CHECK_THROWS_WITH(SweepReader(path), Contains(path) && Contains("no such file"));
  CHECK_THROWS_WITH(read_checkpoint(path), Contains(path));
  CHECK_THROWS_WITH(TrialStore(scratch.path()).read("404"), Contains((scratch.path() / "404.h5").string()));
}

TEST_CASE("A file that is not HDF5 is an input error naming it", "[io]") {
  ScratchDir scratch("not-hdf5");
  auto path = (scratch.path() / "results.h5").string();
  std::ofstream(path) << "name: sweep\nmethod: grid\n";
  CHECK_THROWS_AS(SweepReader(path), InputError);
  CHECK_THROWS_WITH(SweepReader(path), Contains(path) && Contains("not an HDF5 file"));
  CHECK_THROWS_WITH(read_checkpoint(path), Contains(path));
}

TEST_CASE("An HDF5 file of the wrong kind says what it expected", "[io]") {
  ScratchDir scratch("wrong-kind");
  TrialStore store(scratch.path());
  auto trial_file = store.write(sample_trial("1", 7, 0.1)).string();
  CHECK_THROWS_WITH(SweepReader(trial_file), Contains(trial_file) && Contains("not a vmsweep results file"));
  CHECK_THROWS_WITH(read_checkpoint(trial_file), Contains("not a vmsweep checkpoint"));
  ResultsLayout layout(scratch.path() / "s");
  write_sweep_stamp(layout, sample_meta());
  aggregate(layout);
  SweepReader reader(layout.results_file());
  CHECK_THROWS_AS(reader.trial("99"), InputError);
  CHECK_THROWS_WITH(reader.trial("99"), Contains("s.h5") && Contains("no trial '99'"));
}

TEST_CASE("An unwritable results directory is reported before any trial runs", "[io]") {
  ScratchDir scratch("unwritable");
  std::ofstream(scratch.path() / "file.txt") << "in the way";
  // Tests run as root, which ignores permissions: a path below a regular file cannot be a folder.
  auto blocked = scratch.path() / "file.txt" / "sub";
  ResultsLayout layout(blocked / "sweep");
  CHECK_THROWS_AS(write_sweep_stamp(layout, sample_meta()), InputError);
  CHECK_THROWS_WITH(write_sweep_stamp(layout, sample_meta()), Contains(layout.trials_dir().string()));
  CHECK_THROWS_WITH(TrialStore(blocked).prepare(), Contains(blocked.string()));
  CHECK_THROWS_WITH(TrialStore(blocked).write(sample_trial("1", 7, 0.1)),
                    Contains((blocked / "1.h5").string()) && Contains("cannot create the file"));
  CHECK_THROWS_WITH(write_checkpoint("/proc/vmsweep.h5", Checkpoint{}), Contains("/proc/vmsweep.h5"));
}

TEST_CASE("aggregate refuses a folder without a sweep stamp", "[io]") {
  ScratchDir scratch("no-stamp");
  CHECK_THROWS_AS(aggregate(ResultsLayout(scratch.path() / "x")), InputError);
  CHECK_THROWS_WITH(aggregate(ResultsLayout(scratch.path() / "x")), Contains("not a vmsweep results folder"));
}
