#include "vmsweep/sweep/hyperband.hpp"

#include <algorithm>
#include <limits>

#include "vmsweep/common/short_number.hpp"

namespace vmsweep::sweep {

namespace {

// W&B's hyperband_stopping.py, with its float arithmetic: int(min_iter * eta^k) for k < 100, and
// int(max_iter / eta^k) for k = 1..s while at least 1. Epochs are ints, so the growing list also
// ends where an int would overflow; a band listed twice (eta below 2) is one band.
constexpr int kGrowingBands = 100;

std::vector<int> growing_bands(std::int64_t min_iter, double eta) {
  std::vector<int> bands;
  double band = static_cast<double>(min_iter);
  for (int k = 0; k < kGrowingBands && band <= std::numeric_limits<int>::max(); ++k, band *= eta)
    bands.push_back(static_cast<int>(band));
  return bands;
}

std::vector<int> shrinking_bands(std::int64_t max_iter, double eta, std::int64_t s) {
  std::vector<int> bands;
  double band = static_cast<double>(max_iter);
  for (std::int64_t k = 0; k < s; ++k) {
    band /= eta;
    if (band < 1) break;
    bands.push_back(static_cast<int>(band));
  }
  return bands;
}

std::vector<int> sorted_unique(std::vector<int> bands) {
  std::sort(bands.begin(), bands.end());
  bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
  return bands;
}

}  // namespace

std::string Pruning::reason() const {
  return "pruned by hyperband at epoch " + std::to_string(epoch) + ": val_loss " + short_number(value) + " > threshold " +
         short_number(threshold) + " of " + std::to_string(peers) + " trials at this band";
}

std::vector<int> hyperband_bands(const EarlyTerminate& rule) {
  if (rule.min_iter) return sorted_unique(growing_bands(*rule.min_iter, rule.eta));
  return sorted_unique(shrinking_bands(rule.max_iter.value_or(0), rule.eta, rule.s.value_or(0)));
}

// `strict` is not used: W&B's own stopping rule ignores it too.
HyperbandPruner::HyperbandPruner(const EarlyTerminate& rule) : eta_(rule.eta), bands_(hyperband_bands(rule)) {}

void HyperbandPruner::remember(std::int64_t trial_id, int epoch, double value) {
  if (std::binary_search(bands_.begin(), bands_.end(), epoch)) reached_[epoch][trial_id] = value;
}

std::optional<Pruning> HyperbandPruner::should_stop(std::int64_t trial_id, int epoch, double value) {
  if (!std::binary_search(bands_.begin(), bands_.end(), epoch)) return std::nullopt;
  remember(trial_id, epoch, value);
  const auto& reached = reached_[epoch];
  const double bar = threshold(reached);
  if (!(value > bar)) return std::nullopt;
  return Pruning{epoch, value, bar, reached.size()};
}

double HyperbandPruner::threshold(const std::map<std::int64_t, double>& reached) const {
  std::vector<double> values;
  values.reserve(reached.size());
  for (const auto& [trial_id, value] : reached) values.push_back(value);
  // W&B: sorted(values)[int(r * n)] with r = 1 / eta.
  const auto rank = static_cast<std::ptrdiff_t>((1.0 / eta_) * static_cast<double>(values.size()));
  std::nth_element(values.begin(), values.begin() + rank, values.end());
  return values[static_cast<std::size_t>(rank)];
}

}  // namespace vmsweep::sweep
