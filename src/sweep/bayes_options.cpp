#include <array>

#include "checks.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

namespace {
constexpr std::array<std::string_view, 3> kKeys{"n_startup", "n_candidates", "gamma"};
}  // namespace

BayesOptions parse_bayes_options(const Value& block) {
  require_map(block, "bayes");
  check_keys(block, kKeys, "bayes");
  BayesOptions options;
  if (const Value* n = block.find("n_startup")) options.n_startup = static_cast<int>(positive_int(*n, "bayes.n_startup"));
  if (const Value* n = block.find("n_candidates"))
    options.n_candidates = static_cast<int>(positive_int(*n, "bayes.n_candidates"));
  if (const Value* gamma = block.find("gamma")) {
    options.gamma = finite_number(*gamma, "bayes.gamma");
    if (options.gamma <= 0 || options.gamma >= 1)
      fail(*gamma, "bayes.gamma", "expected a fraction between 0 and 1, got " + gamma->to_string());
  }
  return options;
}

}  // namespace vmsweep::sweep
