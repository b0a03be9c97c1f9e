#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "sweep_fixtures.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/sweep/pruner.hpp"
#include "vmsweep/sweep/sampler.hpp"

using vmsweep::InputError;
using vmsweep::Value;
using namespace vmsweep::sweep;
namespace fs = std::filesystem;

namespace {

// A folder with a sweep's traces: traces/{a,b,c}.csv, traces/notes.txt, a hidden file, and an empty folder.
class FleetFolder {
public:
  FleetFolder() : root_(fs::temp_directory_path() / ("vmsweep-fleet-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    fs::create_directories(root_ / "traces");
    fs::create_directories(root_ / "empty");
    for (const char* name : {"c.csv", "a.csv", "b.csv", "notes.txt", ".hidden.csv"}) std::ofstream(root_ / "traces" / name) << "1\n";
  }
  ~FleetFolder() { fs::remove_all(root_); }
  FleetFolder(const FleetFolder&) = delete;
  FleetFolder& operator=(const FleetFolder&) = delete;

  SweepSpec parse(const std::string& text) const {
    return SweepSpec::parse(text, "fleet.yaml", sweep_test::benchmark_knobs(), root_);
  }
  const fs::path& root() const { return root_; }

private:
  fs::path root_;
};

std::vector<std::string> ids_of(const SweepSpec& spec) {
  std::vector<std::string> ids;
  for (const Trace& trace : spec.traces) ids.push_back(trace.id);
  return ids;
}

std::string grid_with_path(const std::string& path) {
  return "method: grid\ndata: {path: " + path + "}\nparameters:\n  x1: {values: [1.0, 2.0]}\n  n: {values: [3, 4, 5]}\n";
}

}  // namespace

TEST_CASE("data.path as a glob, a folder or a list names traces by their path beside the sweep file", "[sweep][fleet]") {
  const FleetFolder folder;
  const SweepSpec glob = folder.parse(grid_with_path("traces/*.csv"));
  CHECK(ids_of(glob) == std::vector<std::string>{"traces/a.csv", "traces/b.csv", "traces/c.csv"});
  CHECK(glob.traces[0].path == (folder.root() / "traces/a.csv").string());
  CHECK(glob.data.find("path")->as_string() == glob.traces[0].path);

  const SweepSpec whole_folder = folder.parse(grid_with_path("traces"));
  CHECK(ids_of(whole_folder) == std::vector<std::string>{"traces/a.csv", "traces/b.csv", "traces/c.csv", "traces/notes.txt"});

  const SweepSpec list = folder.parse(grid_with_path("[traces/b.csv, 'traces/*.csv', traces/../traces/a.csv]"));
  CHECK(ids_of(list) == std::vector<std::string>{"traces/a.csv", "traces/b.csv", "traces/c.csv"});

  const SweepSpec one = folder.parse(grid_with_path("traces/b.csv"));
  CHECK(ids_of(one) == std::vector<std::string>{"traces/b.csv"});
  CHECK_FALSE(one.is_fleet());
}

TEST_CASE("a glob that matches nothing or an empty folder is refused at the key", "[sweep][fleet]") {
  const FleetFolder folder;
  CHECK_THROWS_WITH(folder.parse(grid_with_path("traces/*.json")),
                       Catch::Matchers::Contains("fleet.yaml:2:8: key 'data.path'") &&
                           Catch::Matchers::Contains("traces/*.json matches no file"));
  CHECK_THROWS_WITH(folder.parse(grid_with_path("empty")),
                       Catch::Matchers::Contains("fleet.yaml:2:8: key 'data.path'") &&
                           Catch::Matchers::Contains("holds no trace file"));
  CHECK_THROWS_WITH(folder.parse(grid_with_path("[]")), Catch::Matchers::Contains("an empty list"));
}

TEST_CASE("fleet: local is the default; global runs one trial per configuration on every trace", "[sweep][fleet]") {
  const FleetFolder folder;
  CHECK(folder.parse("fleet: local\n" + grid_with_path("traces/*.csv")).fleet == Fleet::local);
  const SweepSpec global = folder.parse("fleet: global\n" + grid_with_path("traces/*.csv"));
  CHECK(global.is_global());
  REQUIRE(trial_count(global) == 2 * 3);  // configurations x repeats, not x traces
  const std::vector<TrialSpec> trials = trial_list(global);
  REQUIRE(trials.size() == 6);
  for (const TrialSpec& trial : trials) {
    CHECK(trial.trace.empty());
    REQUIRE(trial.traces.size() == 3);
    REQUIRE(trial.params.find("path")->as_list().size() == 3);
    CHECK(trial.params.find("path")->as_list()[2].as_string() == global.traces[2].path);
    CHECK(trial.traces[2] == global.traces[2].id);
  }
  CHECK_THROWS_WITH(folder.parse("fleet: both\n" + grid_with_path("traces/*.csv")),
                       Catch::Matchers::Contains("expected local or global"));
}

TEST_CASE("a fleet grid runs every configuration on every trace, traces in turn", "[sweep][fleet]") {
  const FleetFolder folder;
  const SweepSpec spec = folder.parse(grid_with_path("traces/*.csv"));
  REQUIRE(trial_count(spec) == 2 * 3 * 3);
  const std::vector<TrialSpec> trials = trial_list(spec);
  REQUIRE(trials.size() == 18);
  std::map<std::string, std::set<std::string>> configs_by_trace;
  for (std::size_t index = 0; index < trials.size(); ++index) {
    const TrialSpec& trial = trials[index];
    CHECK(trial.id == static_cast<std::int64_t>(index));
    const Trace& trace = spec.traces[fleet_trace_index(spec, trial.id)];
    CHECK(trial.trace == trace.id);
    CHECK(trial.params.find("path")->as_string() == trace.path);
    CHECK(trial.seed == trials[index % 3].seed);  // grid: a configuration starts alike on every trace
    configs_by_trace[trial.trace].insert(trial.params.find("x1")->to_string() + "," + trial.params.find("n")->to_string());
  }
  REQUIRE(configs_by_trace.size() == 3);
  for (const auto& [trace, configs] : configs_by_trace) CHECK(configs.size() == 6);
}

TEST_CASE("a fleet's random search draws run_cap trials per trace, each trace from its own seed", "[sweep][fleet]") {
  const FleetFolder folder;
  const SweepSpec spec = folder.parse("method: random\nseed: 7\nrun_cap: 4\ndata: {path: 'traces/*.csv'}\n"
                                      "parameters:\n  x1: {min: 0.0, max: 1.0}\n");
  REQUIRE(trial_count(spec) == 12);
  const std::vector<TrialSpec> trials = trial_list(spec);
  REQUIRE(trials.size() == 12);
  CHECK(trials[0].params.find("x1")->as_double() != trials[1].params.find("x1")->as_double());
  // Trace 1's trials are those of a sweep over trace 1 alone with its seed.
  const std::vector<TrialSpec> alone = trial_list(trace_spec(spec, 1));
  for (std::size_t k = 0; k < alone.size(); ++k) CHECK(trials[3 * k + 1].params == alone[k].params);
}

TEST_CASE("next_on proposes from the named trace's own search out of turn, with the ids it has in turn", "[sweep][fleet]") {
  const FleetFolder folder;
  const SweepSpec spec = folder.parse("method: random\nseed: 7\nrun_cap: 2\ndata: {path: 'traces/*.csv'}\n"
                                      "parameters:\n  x1: {min: 0.0, max: 1.0}\n");
  const std::vector<TrialSpec> in_turn = trial_list(spec);
  REQUIRE(in_turn.size() == 6);
  const std::unique_ptr<Sampler> sampler = make_sampler(spec);
  const std::string& c = spec.traces[2].id;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 6; ++i) {
    std::optional<TrialSpec> trial = sampler->next_on(c);
    REQUIRE(trial);
    CHECK(trial->params == in_turn[static_cast<std::size_t>(trial->id)].params);
    CHECK(trial->trace == spec.traces[fleet_trace_index(spec, trial->id)].id);
    ids.push_back(trial->id);
  }
  // c's two trials first, then the others in turn once c's search is spent.
  CHECK(ids == std::vector<std::int64_t>{2, 5, 0, 1, 3, 4});
  CHECK_FALSE(sampler->next_on(c));
  CHECK(sampler->exhausted());
}

TEST_CASE("a trace's TPE proposals do not depend on another trace's results", "[sweep][fleet][tpe]") {
  const FleetFolder folder;
  const SweepSpec spec = folder.parse("method: bayes\nseed: 3\nrun_cap: 30\nbayes: {n_startup: 5}\n"
                                      "data: {path: [traces/a.csv, traces/b.csv]}\n"
                                      "parameters:\n  x1: {min: -5.0, max: 5.0}\n");
  // Trace 0 learns (x1 - 1)^2 in both runs; trace 1 learns (x1 - other)^2.
  auto proposals = [&](double other) {
    std::map<std::size_t, std::vector<double>> by_trace;
    const auto sampler = make_sampler(spec);
    while (auto trial = sampler->next()) {
      const std::size_t trace = fleet_trace_index(spec, trial->id);
      const double x1 = trial->params.find("x1")->as_double();
      by_trace[trace].push_back(x1);
      sampler->tell(trial->id, (x1 - (trace == 0 ? 1.0 : other)) * (x1 - (trace == 0 ? 1.0 : other)));
    }
    return by_trace;
  };
  const auto first = proposals(-4.0), second = proposals(4.0);
  REQUIRE(first.at(0).size() == 30);
  REQUIRE(first.at(1).size() == 30);
  CHECK(first.at(0) == second.at(0));
  CHECK(first.at(1) != second.at(1));  // trace 1's own results do steer it
}

TEST_CASE("metric.target ends a trace's search, not the fleet's", "[sweep][fleet]") {
  const FleetFolder folder;
  const SweepSpec spec = folder.parse("method: grid\nmetric: {name: val_mse, goal: minimize, target: 0.5}\n"
                                      "data: {path: [traces/a.csv, traces/b.csv]}\nparameters:\n  n: {values: [1, 2, 3]}\n");
  const auto sampler = make_sampler(spec);
  std::vector<TrialSpec> held;
  for (int k = 0; k < 4; ++k) held.push_back(*sampler->next());  // trials 0..3: two per trace
  sampler->tell(0, 0.1);  // trace a reaches the target
  CHECK_FALSE(sampler->stop_reason());
  CHECK_FALSE(sampler->still_wanted(held[2]));  // a's second trial, proposed before
  CHECK(sampler->still_wanted(held[3]));
  std::vector<std::string> later;
  while (auto trial = sampler->next()) later.push_back(trial->trace);
  CHECK(later == std::vector<std::string>{"traces/b.csv"});
  sampler->tell(1, 0.2);
  CHECK(sampler->stop_reason());
}

TEST_CASE("hyperband compares a fleet trial only with the trials of its own trace", "[sweep][fleet][hyperband]") {
  const FleetFolder folder;
  const SweepSpec spec = folder.parse("method: grid\nearly_terminate: {type: hyperband, min_iter: 2, eta: 2}\n"
                                      "data: {path: [traces/a.csv, traces/b.csv]}\nparameters:\n  n: {values: [1, 2, 3]}\n");
  const auto pruner = make_pruner(spec);
  // Trials 0, 2, 4 are trace a's; 1, 3, 5 trace b's (id % 2).
  CHECK_FALSE(pruner->should_stop(0, 2, 1.0));
  CHECK_FALSE(pruner->should_stop(2, 2, 2.0));
  CHECK_FALSE(pruner->should_stop(1, 2, 50.0));  // first of trace b: compared with itself only
  CHECK_FALSE(pruner->should_stop(3, 2, 60.0));  // [50 60][1] = 60: not above
  const auto pruned = pruner->should_stop(4, 2, 3.0);  // trace a: [1 2 3][1] = 2
  REQUIRE(pruned);
  CHECK(pruned->threshold == 2.0);
  CHECK(pruned->peers == 3);
}
