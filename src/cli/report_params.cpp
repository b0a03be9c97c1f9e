#include "report_params.hpp"

#include <algorithm>

namespace vmsweep::cli {

namespace {

void flatten_into(const Value& value, const std::string& prefix, FlatParams& out) {
  if (!value.is_map()) {
    out.emplace_back(prefix, value);
    return;
  }
  for (const auto& [key, item] : value.as_map()) flatten_into(item, prefix.empty() ? key : prefix + "." + key, out);
}

bool same_in_all(const std::vector<FlatParams>& all, const std::string& name) {
  const Value* first = find_param(all.front(), name);
  return std::all_of(all.begin(), all.end(), [&](const FlatParams& params) {
    const Value* value = find_param(params, name);
    return (value == nullptr) == (first == nullptr) && (!value || *value == *first);
  });
}

}  // namespace

FlatParams flatten_params(const Value& params) {
  FlatParams flat;
  if (params.is_map()) flatten_into(params, "", flat);
  return flat;
}

const Value* find_param(const FlatParams& params, const std::string& name) {
  for (const auto& [key, value] : params)
    if (key == name) return &value;
  return nullptr;
}

std::int64_t int_param(const Value& params, const char* name, std::int64_t fallback) {
  const Value* value = params.find(name);
  return value && value->is_int() ? value->as_int() : fallback;
}

std::vector<std::string> varying_params(const std::vector<io::StoredTrial>& trials) {
  if (trials.empty()) return {};
  std::vector<FlatParams> all;
  std::vector<std::string> names;
  for (const auto& trial : trials) {
    all.push_back(flatten_params(trial.result.params));
    for (const auto& [key, value] : all.back())
      if (key != "seed" && std::find(names.begin(), names.end(), key) == names.end()) names.push_back(key);
  }
  std::erase_if(names, [&](const std::string& name) { return same_in_all(all, name); });
  return names;
}

}  // namespace vmsweep::cli
