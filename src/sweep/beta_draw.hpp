#pragma once
// Draws from the beta law, for W&B's beta and q_beta distributions. W&B draws by inverting the CDF
// (scipy's beta.ppf of a uniform number); the ratio of two gamma draws has the same law and needs
// no incomplete-beta inverse.
#include "vmsweep/common/rng.hpp"

namespace vmsweep::sweep {

// Beta(a, b) on [0, 1], for a, b > 0: X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
double beta_draw(double a, double b, Rng& rng);

}  // namespace vmsweep::sweep
