// Trial logs (io::TrialLog): a writer's append-only file of trial records, read by io::TrialStore
// beside per-trial files. Torn, damaged and repeated records are named and never counted.
#include <catch2/catch.hpp>

#include <fstream>

#include "io/sample_trials.hpp"
#include "io/trial_checks.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/trial_log.hpp"
#include "vmsweep/io/trial_store.hpp"

using namespace vmsweep;
using namespace vmsweep::io;
using namespace vmsweep::io::testing;
using Catch::Contains;

namespace {

std::vector<std::string> problems_with(const TrialStore& store, const std::string& text) {
  std::vector<std::string> found;
  for (const std::string& problem : store.problems())
    if (problem.find(text) != std::string::npos) found.push_back(problem);
  return found;
}

void flip_byte(const std::filesystem::path& file, std::uintmax_t offset) {
  std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
  stream.seekg(static_cast<std::streamoff>(offset));
  const char byte = static_cast<char>(stream.get());
  stream.seekp(static_cast<std::streamoff>(offset));
  stream.put(static_cast<char>(byte ^ 0x5a));
}

}  // namespace

TEST_CASE("trials appended to a log read back as from their own files", "[io]") {
  ScratchDir scratch("trial-log-roundtrip");
  TrialLog log(scratch.path(), "rank0-node-1");
  StoredTrial diverged = sample_trial("10", 14, 0.001);
  diverged.result.status = TrialStatus::diverged;
  diverged.result.reason = "loss became NaN at epoch 4";
  const std::vector<StoredTrial> trials{sample_trial("2", 7, 0.01), diverged, sample_failed_trial("1")};
  for (const StoredTrial& trial : trials) log.append(trial);
  CHECK(log.path() == scratch.path() / "rank0-node-1.trials");

  const TrialStore store(scratch.path());
  CHECK(store.list() == std::vector<std::string>{"1", "2", "10"});
  for (const StoredTrial& trial : trials) {
    check_same_trial(store.read(trial.id), trial);
    check_same_summary(store.read_summary(trial.id), trial);
    CHECK(store.contains(trial.id));
  }
  CHECK(store.problems().empty());
  CHECK(store.written_at("2") == std::filesystem::last_write_time(log.path()));
  // The same trials as files: what a log record holds is what <id>.h5 holds.
  ScratchDir files("trial-log-files");
  const TrialStore file_store(files.path());
  file_store.write(trials[1]);
  check_same_trial(store.read("10"), file_store.read("10"));
  CHECK_THROWS_WITH(store.read("3"), Contains("3.h5") && Contains("no such file"));
}

TEST_CASE("a log's torn last record is named, and the records before it count", "[io]") {
  ScratchDir scratch("trial-log-torn");
  TrialLog log(scratch.path(), "rank1-node-7");
  for (const char* id : {"0", "1", "2"}) log.append(sample_trial(id, 7, 0.01, 2));
  // What a writer killed in the middle of its third record leaves.
  std::filesystem::resize_file(log.path(), std::filesystem::file_size(log.path()) - 100);
  const TrialStore store(scratch.path());
  CHECK(store.list() == std::vector<std::string>{"0", "1"});
  const auto torn = problems_with(store, "cut short");
  REQUIRE(torn.size() == 1);
  CHECK_THAT(torn.front(), Contains(log.path().string()) && Contains("(trial 2)") && Contains("runs again"));
  const TrialScan scan = store.scan();
  CHECK(scan.trials.size() == 2);
  CHECK(scan.problems == store.problems());
}

TEST_CASE("a damaged payload costs its own record; a damaged header every record from it on", "[io]") {
  ScratchDir scratch("trial-log-damage");
  TrialLog log(scratch.path(), "rank0-node-1");
  log.append(sample_trial("0", 7, 0.01, 2));
  const auto second_record = std::filesystem::file_size(log.path());
  log.append(sample_trial("1", 7, 0.01, 2));
  const auto third_record = std::filesystem::file_size(log.path());
  log.append(sample_trial("2", 7, 0.01, 2));

  flip_byte(log.path(), second_record + 32 + 100);  // inside trial 1's payload
  const TrialStore store(scratch.path());
  CHECK(store.list() == std::vector<std::string>{"0", "1", "2"});  // its header still says where trial 2 is
  CHECK_THROWS_AS(store.read("1"), InputError);
  CHECK_THROWS_WITH(store.read("1"), Contains("(trial 1) is damaged (its checksum does not match)"));
  const TrialScan scan = store.scan();
  REQUIRE(scan.trials.size() == 2);
  CHECK(scan.trials[0].id == "0");
  CHECK(scan.trials[1].id == "2");
  REQUIRE(scan.problems.size() == 1);
  CHECK_THAT(scan.problems.front(), Contains("checksum"));

  flip_byte(log.path(), third_record + 9);  // inside trial 2's header
  CHECK(store.list() == std::vector<std::string>{"0", "1"});
  const auto damaged = problems_with(store, "its header does not check out");
  REQUIRE(damaged.size() == 1);
  CHECK_THAT(damaged.front(), Contains("at byte " + std::to_string(third_record)));
}

TEST_CASE("a trial recorded twice counts once: its file first, else the first log by name", "[io]") {
  ScratchDir scratch("trial-log-twice");
  TrialLog first(scratch.path(), "a-rank0");
  TrialLog second(scratch.path(), "b-rank1");
  first.append(sample_trial("5", 7, 0.01, 2));
  second.append(sample_trial("5", 9, 0.02, 2));
  second.append(sample_trial("6", 9, 0.03, 2));
  const TrialStore store(scratch.path());
  store.write(sample_trial("6", 11, 0.04, 2));
  CHECK(store.list() == std::vector<std::string>{"5", "6"});
  CHECK(*store.read("5").result.params.find("look_back") == Value(7));
  CHECK(*store.read("6").result.params.find("look_back") == Value(11));
  const auto twice = problems_with(store, "is recorded again");
  REQUIRE(twice.size() == 2);
  CHECK_THAT(twice[0], Contains("b-rank1.trials: trial 5") && Contains("a-rank0.trials counts"));
  CHECK_THAT(twice[1], Contains("b-rank1.trials: trial 6") && Contains("6.h5 counts"));
}

TEST_CASE("a log is never shared: a second writer of the same name, or an unwritable folder, is an error", "[io]") {
  ScratchDir scratch("trial-log-errors");
  TrialLog log(scratch.path(), "rank0-node-1");
  log.append(sample_trial("0", 7, 0.01, 2));
  TrialLog same_name(scratch.path(), "rank0-node-1");
  CHECK_THROWS_WITH(same_name.append(sample_trial("1", 7, 0.01, 2)),
                    Contains("rank0-node-1.trials: cannot create the trial log: File exists"));
  const TrialStore store(scratch.path());
  CHECK(store.list() == std::vector<std::string>{"0"});
  TrialLog nowhere(scratch.path() / "missing", "rank0");
  CHECK_THROWS_AS(nowhere.append(sample_trial("1", 7, 0.01, 2)), InputError);
  CHECK_THROWS_WITH(TrialLog(scratch.path(), "w").append(sample_trial("x", 7, 0.01, 2)), Contains("invalid trial id 'x'"));
}

TEST_CASE("records appended after a listing are seen by the next one and by a read", "[io]") {
  ScratchDir scratch("trial-log-later");
  TrialLog log(scratch.path(), "rank0");
  log.append(sample_trial("0", 7, 0.01, 2));
  const TrialStore store(scratch.path());
  CHECK(store.list() == std::vector<std::string>{"0"});
  log.append(sample_trial("1", 8, 0.01, 2));
  CHECK(store.read("1").id == "1");
  CHECK(store.list() == std::vector<std::string>{"0", "1"});
}
