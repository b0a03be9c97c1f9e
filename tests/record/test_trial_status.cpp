// record: trial statuses by name, and which of them a search learns from.
#include <catch2/catch.hpp>

#include <limits>

#include "vmsweep/common/error.hpp"
#include "vmsweep/record/trial_status.hpp"

using namespace vmsweep;

TEST_CASE("a trial status reads back from its name") {
  for (auto status : {TrialStatus::ok, TrialStatus::failed, TrialStatus::diverged, TrialStatus::stopped})
    CHECK(trial_status_from_string(to_string(status)) == status);
  CHECK_THROWS_AS(trial_status_from_string("pruned"), InputError);
}

TEST_CASE("a search learns the metric of ok and pruned trials, nothing from failed or diverged ones") {
  const double value = 0.25;
  CHECK(search_objective(TrialStatus::ok, &value) == 0.25);
  CHECK(search_objective(TrialStatus::stopped, &value) == 0.25);
  CHECK_FALSE(search_objective(TrialStatus::failed, &value));
  CHECK_FALSE(search_objective(TrialStatus::diverged, &value));
  CHECK_FALSE(search_objective(TrialStatus::ok, nullptr));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(search_objective(TrialStatus::ok, &nan));
}
