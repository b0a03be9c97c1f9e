#include "params_flat.hpp"

namespace vmsweep::io {

namespace {

void flatten_into(const Value& value, const std::string& prefix,
                  std::vector<std::pair<std::string, const Value*>>& out) {
  if (!value.is_map()) {
    out.emplace_back(prefix, &value);
    return;
  }
  for (const auto& [key, item] : value.as_map()) flatten_into(item, prefix.empty() ? key : prefix + "." + key, out);
}

}  // namespace

std::vector<std::pair<std::string, const Value*>> flatten_params(const Value& params) {
  std::vector<std::pair<std::string, const Value*>> out;
  if (params.is_map()) flatten_into(params, "", out);
  return out;
}

}  // namespace vmsweep::io
