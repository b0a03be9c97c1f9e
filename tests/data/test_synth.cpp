// The synthetic trace's level shift: the load moves by exactly `shift` from step shift_at * steps on,
// and nothing before it changes.
#include <catch2/catch.hpp>

#include "vmsweep/data/synth.hpp"

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
