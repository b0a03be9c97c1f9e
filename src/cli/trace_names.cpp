#include "trace_names.hpp"

#include <algorithm>

#include "vmsweep/common/error.hpp"

namespace vmsweep::cli {

namespace {

// The longest run of leading folders ("a/b/") every id starts with.
std::size_t shared_folder_length(const std::vector<std::string>& ids) {
  std::string prefix = ids.front().substr(0, ids.front().rfind('/') + 1);
  for (const std::string& id : ids)
    while (!id.starts_with(prefix)) {
      const auto cut = prefix.size() < 2 ? std::string::npos : prefix.rfind('/', prefix.size() - 2);
      prefix = cut == std::string::npos ? std::string() : prefix.substr(0, cut + 1);
    }
  return prefix.size();
}

std::string extension(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot);
}

}  // namespace

std::vector<std::string> short_trace_ids(const std::vector<std::string>& ids) {
  if (ids.size() < 2) return ids;
  const std::size_t folder = shared_folder_length(ids);
  std::vector<std::string> names;
  for (const std::string& id : ids) names.push_back(id.substr(folder));
  const std::string common = extension(names.front());
  const bool same_extension = std::all_of(names.begin(), names.end(), [&](const std::string& name) {
    return !common.empty() && extension(name) == common;
  });
  if (!same_extension) return names;
  for (std::string& name : names) name.resize(name.size() - common.size());
  return names;
}

std::string find_trace(const std::vector<std::string>& ids, const std::string& asked, const std::string& source) {
  const std::vector<std::string> names = short_trace_ids(ids);
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == asked || names[i] == asked) return ids[i];
  std::string known;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i) known += (i ? ", " : "") + names[i];
  if (names.size() > 12) known += ", ...";
  throw InputError("--trace: " + source + " has no trace '" + asked + "' (" + std::to_string(ids.size()) +
                   " traces: " + known + ")");
}

}  // namespace vmsweep::cli
