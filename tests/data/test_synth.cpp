// The synthetic trace's level shift: the load moves by exactly `shift` from step shift_at * steps on,
// and nothing before it changes.
#include <catch2/catch.hpp>

#include "vmsweep/data/synth.hpp"
#include "vmsweep/data/synth_fleet.hpp"

using namespace vmsweep::data;

TEST_CASE("synth: a level shift adds exactly its size from its step on, and changes nothing before") {
  SynthSpec plain;
  plain.steps = 1000;
  plain.level = 50.0;  // far from 0, so the clamp at zero never hides the shift
  plain.burst_rate = 0.0;
  SynthSpec shifted = plain;
  shifted.shift = 20.0;
  shifted.shift_at = 0.8;
  for (std::size_t step = 0; step < 800; ++step) REQUIRE(synth_value(shifted, step) == synth_value(plain, step));
  for (std::size_t step = 800; step < 1000; ++step)
    REQUIRE(synth_value(shifted, step) - synth_value(plain, step) == Approx(20.0).margin(1e-9));
}

TEST_CASE("synth fleet: members are decided by the seed and the index alone, and differ from each other") {
  SynthSpec base;
  base.seed = 7;
  const SynthSpec a = fleet_member(base, 3), again = fleet_member(base, 3), b = fleet_member(base, 4);
  CHECK(a.seed == again.seed);
  CHECK(a.level == again.level);
  CHECK(a.noise == again.noise);
  CHECK(a.seed != b.seed);
  CHECK(a.level != b.level);
  CHECK(a.trend_per_day != b.trend_per_day);
  CHECK(a.daily_amplitude != b.daily_amplitude);
  base.seed = 8;
  CHECK(fleet_member(base, 3).level != a.level);
}

TEST_CASE("synth fleet: every member's draws stay in their documented ranges") {
  SynthSpec base;
  base.level = 10.0;
  base.daily_amplitude = 4.0;
  base.noise = 1.0;
  for (std::size_t index = 0; index < 500; ++index) {
    const SynthSpec trace = fleet_member(base, index);
    REQUIRE(trace.level >= 10.0 / 3);
    REQUIRE(trace.level <= 10.0 * 3);
    REQUIRE(trace.trend_per_day >= -base.trend_per_day);
    REQUIRE(trace.trend_per_day <= 2 * base.trend_per_day);
    REQUIRE(trace.daily_amplitude / trace.level >= 0.4 * 0.25);
    REQUIRE(trace.daily_amplitude / trace.level <= 0.4 * 1.75);
    REQUIRE(trace.noise / trace.level >= 0.1 * 0.5 - 1e-12);
    REQUIRE(trace.noise / trace.level <= 0.1 * 2 + 1e-12);
    REQUIRE(trace.steps == base.steps);
  }
}

TEST_CASE("synth fleet: file names sort in index order") {
  CHECK(fleet_file_name(7, 500) == "trace-0007.csv");
  CHECK(fleet_file_name(9999, 10000) == "trace-9999.csv");
  CHECK(fleet_file_name(42, 20000) == "trace-00042.csv");
}
