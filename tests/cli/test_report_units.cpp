// The report's private pieces: the baselines table round trip through HDF5, baselines computed
// from a trial's parameters on aa.txt, the exact CSV/JSON text of a section, and a fleet's short
// trace names.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "report_baselines.hpp"
#include "vmsweep/io/baselines_table.hpp"
#include "report_sheet.hpp"
#include "trace_names.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/table.hpp"

using namespace vmsweep;
using namespace vmsweep::cli;

namespace {

double metric(const BaselineScore& score, const std::string& name) {
  for (const auto& [key, value] : score.metrics)
    if (key == name) return value;
  FAIL("no metric " << name);
  return 0;
}

// A trial as the stores give it back: its parameters are the data block plus the look-back.
io::StoredTrial aa_trial(std::int64_t look_back) {
  io::StoredTrial trial;
  trial.id = "0";
  trial.result.params = Value::Map{{"look_back", look_back}, {"path", VMSWEEP_AA_TXT}, {"timestamp", "datetime"},
                                   {"value", "data_hourly"}, {"resample", "D"}, {"scale_fit", "all"},
                                   {"split", Value::Map{{"train", 440}, {"val", "test"}, {"test", 96}}}};
  return trial;
}

}  // namespace

TEST_CASE("report: baselines from a trial's parameters on aa.txt match the notebook's references") {
  const io::StoredTrial trial = aa_trial(14);
  std::vector<std::string> problems;
  const auto scores = compute_baselines({&trial}, problems);
  CHECK(problems.empty());
  REQUIRE(scores.size() == 4);
  CHECK(scores[0].method == "persistence");
  CHECK(metric(scores[0], "test_mse") == Approx(1.4287).margin(5e-5));
  CHECK(scores[1].method == "seasonal_naive");
  CHECK(scores[2].method == "ridge_ar");
  CHECK(metric(scores[2], "test_mse") == Approx(1.08).epsilon(0.05));
  CHECK(scores[3].method == "ses");
  CHECK_THAT(scores[3].detail, Catch::StartsWith("alpha "));
  CHECK(metric(scores[3], "test_mse") < metric(scores[0], "test_mse"));
}

TEST_CASE("report: a trace that cannot be read is a problem named, not a failed report") {
  io::StoredTrial trial = aa_trial(14);
  trial.result.params.set("path", "/nonexistent/trace.txt");
  std::vector<std::string> problems;
  CHECK(compute_baselines({&trial}, problems).empty());
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("trace.txt"));
}

TEST_CASE("report: the baselines table reads back from HDF5 as written") {
  const io::StoredTrial a = aa_trial(7), b = aa_trial(14);
  std::vector<std::string> problems;
  const auto scores = compute_baselines({&a, &b}, problems);
  const auto file = std::filesystem::temp_directory_path() / "vmsweep_test_report_baselines.h5";
  std::filesystem::remove(file);
  io::write_tables(file, {{"baselines", io::baselines_table(scores)}});
  const auto back = io::baselines_from_table(io::read_table(file, "baselines"));
  std::filesystem::remove(file);
  REQUIRE(back.size() == scores.size());
  for (std::size_t i = 0; i < back.size(); ++i) {
    CHECK(back[i].method == scores[i].method);
    CHECK(back[i].detail == scores[i].detail);
    CHECK(back[i].look_back == scores[i].look_back);
    CHECK(back[i].metrics == scores[i].metrics);
  }
}

TEST_CASE("report: CSV quotes what needs quoting and JSON keeps types, both with every digit") {
  Section section{"s", "title", {"name", "value", "list"}, {}};
  section.add_row({"a, \"b\"", 0.1 + 0.2, Value::List{Value(8), Value(16)}});
  section.add_row({"none", nullptr, true});
  std::ostringstream csv, json;
  render({section}, ReportFormat::csv, csv);
  render({section}, ReportFormat::json, json);
  CHECK(csv.str() == "name,value,list\n\"a, \"\"b\"\"\",0.30000000000000004,\"[8, 16]\"\nnone,,true\n");
  CHECK(json.str() == "{\"s\": [{\"name\": \"a, \\\"b\\\"\", \"value\": 0.30000000000000004, \"list\": [8, 16]}, "
                      "{\"name\": \"none\", \"value\": null, \"list\": true}]}\n");
  CHECK_THROWS_AS(section.add_row({"too few"}), Error);
  std::ostringstream ignored;
  CHECK_THROWS_AS(render({section}, ReportFormat::csv, ignored, "missing"), InputError);
}

TEST_CASE("report: a fleet's short trace names drop the shared folder and extension while they stay distinct") {
  using names = std::vector<std::string>;
  CHECK(short_trace_ids({"../../shared/bb/1.csv", "../../shared/bb/62.csv"}) == names{"1", "62"});
  CHECK(short_trace_ids({"traces/a/x.csv", "traces/b/y.csv"}) == names{"a/x", "b/y"});
  CHECK(short_trace_ids({"traces/vm1.csv", "vm2.tsv"}) == names{"traces/vm1.csv", "vm2.tsv"});
  CHECK(short_trace_ids({"t/vm1.csv", "t/vm1.tsv"}) == names{"vm1.csv", "vm1.tsv"});  // extensions differ: kept
  CHECK(short_trace_ids({"t/.hidden", "t/x"}) == names{".hidden", "x"});
  CHECK(short_trace_ids({"/data/a.csv", "/data/b.csv"}) == names{"a", "b"});
  CHECK(short_trace_ids({"only/one.csv"}) == names{"only/one.csv"});  // a one-trace sweep keeps its id
  const names ids{"traces/vm1.csv", "traces/vm2.csv"};
  CHECK(find_trace(ids, "vm2", "r.h5") == "traces/vm2.csv");
  CHECK(find_trace(ids, "traces/vm1.csv", "r.h5") == "traces/vm1.csv");
  CHECK_THROWS_WITH(find_trace(ids, "vm3", "r.h5"), "--trace: r.h5 has no trace 'vm3' (2 traces: vm1, vm2)");
  CHECK_THROWS_AS(find_trace(ids, "vm3", "r.h5"), InputError);
}
