// Bad input through the command line: one clear message on stderr, exit code 2, nothing on stdout
// and no file left behind.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.hpp"

using vmsweep::test::fixture;

namespace {

struct Run {
  int exit_code = -1;
  std::string stdout_text;
  std::string stderr_text;
};

std::string slurp(const std::filesystem::path& path) {
  std::string text;
  if (std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{std::fopen(path.c_str(), "r"), &std::fclose}) {
    std::array<char, 4096> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0;) text.append(buffer.data(), n);
  }
  return text;
}

// Runs `PROGRAM ARGS` (PROGRAM: vmsweep, maybe behind setpriv) with stdout and stderr captured in
// temporary files.
Run run_vmsweep_as(const std::string& program, const std::string& args) {
  const vmsweep::test::ScratchFile out("bad_input.out"), err("bad_input.err");
  const std::string command = program + " " + args + " >" + out.path().string() + " 2>" + err.path().string();
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out.path()), slurp(err.path())};
}

Run run_vmsweep(const std::string& args) { return run_vmsweep_as(VMSWEEP_BINARY, args); }

Run inspect(const std::string& name, const std::string& options = "") {
  return run_vmsweep("data inspect '" + fixture(name) + "' " + options);
}

void check_bad_input(const Run& run, const std::string& message) {
  INFO(run.stderr_text);
  CHECK(run.exit_code == 2);
  CHECK(run.stdout_text.empty());
  CHECK(run.stderr_text.rfind("vmsweep: error: ", 0) == 0);
  CHECK(run.stderr_text.find(message) != std::string::npos);
}

}  // namespace

TEST_CASE("bad input: a missing file or a directory") {
  check_bad_input(inspect("no_such_file.txt"), "no_such_file.txt: cannot open the file (No such file or directory)");
  check_bad_input(run_vmsweep("data inspect " + fixture("")), "is a directory");
}

// Opening a FIFO for reading waits for a writer: without the check the command would hang (here:
// be stopped by `timeout` with exit code 124).
TEST_CASE("bad input: a FIFO or a device where a trace is expected says so instead of waiting") {
  namespace fs = std::filesystem;
  const fs::path fifo = vmsweep::test::scratch_file("trace.fifo");
  fs::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const Run run = run_vmsweep_as("timeout 20 " VMSWEEP_BINARY, "data inspect " + fifo.string());
  fs::remove(fifo);
  check_bad_input(run, "trace.fifo: is a FIFO, not a trace file");
  check_bad_input(run_vmsweep("data inspect /dev/null"), "/dev/null: is a character device, not a trace file");
}

// Root reads any file, so as root the check runs vmsweep as `nobody` (setpriv drops the
// capabilities with the uid) from a world-readable copy in a fresh folder.
TEST_CASE("bad input: a file without read permission") {
  namespace fs = std::filesystem;
  const fs::path folder = vmsweep::test::scratch_file("unreadable");
  fs::remove_all(folder);
  fs::create_directories(folder);
  fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  const fs::path trace = folder / "locked.txt", binary = folder / "vmsweep";
  fs::copy_file(fixture("short.txt"), trace);
  fs::permissions(trace, fs::perms::none);
  fs::copy_file(VMSWEEP_BINARY, binary);
  const std::string as_user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const Run run = run_vmsweep_as(as_user + binary.string(), "data inspect " + trace.string());
  fs::remove_all(folder);
  check_bad_input(run, "locked.txt: cannot open the file (Permission denied)");
}

TEST_CASE("bad input: an empty file, a header without rows") {
  check_bad_input(inspect("empty.txt"), "empty.txt: the file is empty");
  check_bad_input(inspect("header_only.txt"), "header_only.txt: no data rows after the header line");
}

TEST_CASE("bad input: an unknown column lists the available ones") {
  check_bad_input(inspect("comma_epoch_seconds.csv", "--value cpu"),
                  "no value column 'cpu'; the columns are 1 'time', 2 'cpu usage [%]'");
  check_bad_input(inspect("comma_epoch_seconds.csv", "--timestamp 5"), "no timestamp column #5");
}

TEST_CASE("bad input: a number or timestamp that does not parse names the file, line and column") {
  check_bad_input(inspect("bad_number.txt"), "bad_number.txt:3:21: value '4..0' is not a number");
  check_bad_input(inspect("bad_timestamp.txt"),
                  "bad_timestamp.txt:4:1: timestamp '2013-02-30 02:00:00' does not parse: expected an ISO 8601 date-time");
}

TEST_CASE("bad input: a row with too few fields says which delimiter was expected") {
  check_bad_input(inspect("missing_field.txt"), "missing_field.txt:3:24: expected at least 2 fields separated by tabs, found 1");
}

TEST_CASE("bad input: NaN or infinity in the data") {
  check_bad_input(inspect("nan_value.txt"), "nan_value.txt:3:21: value 'nan' is NaN or infinite");
  check_bad_input(inspect("inf_value.txt"), "inf_value.txt:3:21: value '-inf' is NaN or infinite");
}

TEST_CASE("bad input: a series too short for the look-back, horizon and split") {
  check_bad_input(inspect("short.txt"), "the series is too short: 10 steps give 0 windows (look_back 14, horizon 1, stride 1)");
  check_bad_input(inspect("short.txt", "--look-back 7"), "leaves the train part empty");  // the test part: targets 8, 9
  check_bad_input(inspect("short.txt", "--look-back 3 --horizon 2 --split val=3,test=3"), "leaves the train part empty");
}

TEST_CASE("bad input: split fractions that do not sum to 1, or an unknown part") {
  check_bad_input(inspect("short.txt", "--split train=0.8,val=0.3,test=0.2"), "the fractions must sum to 1");
  check_bad_input(inspect("short.txt", "--split train=0.8,tset=0.2"), "unknown part 'tset'");
}

TEST_CASE("bad input: a constant series under minmax") {
  check_bad_input(inspect("constant.txt"), "minmax needs a series that is not constant");
}

TEST_CASE("bad input: bad option values") {
  check_bad_input(inspect("short.txt", "--missing backfill"), "--missing: key 'missing': expected one of ffill linear none, got 'backfill'");
  check_bad_input(inspect("short.txt", "--resample 3X"), "'3X' is not a frequency");
  const Run zero = inspect("short.txt", "--look-back 0");
  CHECK(zero.exit_code == 2);
  CHECK(zero.stderr_text.find("--look-back: Value 0 not in range 1 to") != std::string::npos);
}

TEST_CASE("bad input: synth into a folder that does not exist writes nothing") {
  const auto folder = vmsweep::test::scratch_file("no_such_folder");
  std::filesystem::remove_all(folder);
  check_bad_input(run_vmsweep("data synth --steps 100 -o " + (folder / "t.tsv").string()), "cannot create the file");
  CHECK_FALSE(std::filesystem::exists(folder));
}

TEST_CASE("good input: inspect prints the summary and both baselines, exit code 0") {
  Run run = run_vmsweep(std::string("data inspect ") + VMSWEEP_AA_TXT + " --resample D --scale-fit all --split train=440,val=test,test=96");
  INFO(run.stderr_text);
  CHECK(run.exit_code == 0);
  CHECK(run.stdout_text.find("rows          13189") != std::string::npos);
  const std::size_t persistence = run.stdout_text.find("persistence ");
  REQUIRE(persistence != std::string::npos);
  const std::string row = run.stdout_text.substr(persistence, run.stdout_text.find('\n', persistence) - persistence);
  CHECK(row.find("1.42871     0.906717") != std::string::npos);
  CHECK(run.stdout_text.find("seasonal naive (7 steps)") != std::string::npos);
}
