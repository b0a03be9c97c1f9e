#include <array>

#include "checks.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::array<std::string_view, 6> kKeys{"type", "min_iter", "max_iter", "eta", "s", "strict"};
constexpr std::array<std::string_view, 1> kTypes{"hyperband"};

std::optional<std::int64_t> optional_positive(const Value& block, std::string_view key) {
  const Value* value = block.find(key);
  if (!value) return std::nullopt;
  return positive_int(*value, "early_terminate." + std::string(key));
}

void check_type(const Value& block) {
  const Value* type = block.find("type");
  if (!type) fail(block, "early_terminate", "expected a type: hyperband");
  const std::string& text = nonempty_string(*type, "early_terminate.type");
  if (text != "hyperband")
    fail(*type, "early_terminate.type", "unknown type '" + text + "'; expected hyperband" + did_you_mean(text, kTypes));
}

// W&B: brackets come from min_iter (growing by eta), or from max_iter and s (shrinking).
void check_iterations(const EarlyTerminate& rule, const Value& block) {
  if (rule.min_iter && rule.max_iter) fail(block, "early_terminate", "give min_iter or max_iter, not both");
  if (!rule.min_iter && !rule.max_iter) fail(block, "early_terminate", "hyperband needs min_iter (or max_iter and s)");
  if (rule.max_iter && !rule.s) fail(block, "early_terminate", "max_iter needs s, the number of brackets");
  if (rule.eta < 2) fail(*block.find("eta"), "early_terminate.eta", "expected an integer >= 2, got " + std::to_string(rule.eta));
}

}  // namespace

EarlyTerminate parse_early_terminate(const Value& block) {
  require_map(block, "early_terminate");
  check_keys(block, kKeys, "early_terminate");
  check_type(block);
  EarlyTerminate rule;
  rule.min_iter = optional_positive(block, "min_iter");
  rule.max_iter = optional_positive(block, "max_iter");
  rule.s = optional_positive(block, "s");
  rule.eta = optional_positive(block, "eta").value_or(3);
  if (const Value* strict = block.find("strict")) rule.strict = strict->as_bool("early_terminate.strict");
  check_iterations(rule, block);
  return rule;
}

}  // namespace vmsweep::sweep
