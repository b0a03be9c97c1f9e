#include "ensembles_group.hpp"

#include <vector>

#include "h5_attribute.hpp"
#include "h5_file.hpp"

namespace vmsweep::io {

namespace {

constexpr const char* ensembles_group = "ensembles";

}  // namespace

void write_ensembles_group(hid_t file, const KeptModels& kept, const h5::Where& where) {
  using h5::write_attribute;
  h5::Group group = h5::create_group(file, ensembles_group, where);
  write_attribute(group.get(), "best", kept.members.best, where);
  write_attribute(group.get(), "seed_mean", kept.members.seed_mean, where);
  write_attribute(group.get(), "top_k", kept.members.top_k, where);
  write_attribute(group.get(), "k", static_cast<std::int64_t>(default_top_k), where);
  write_attribute(group.get(), "models", std::vector<std::string>(kept.ids.begin(), kept.ids.end()), where);
  write_attribute(group.get(), "models_policy", kept.all ? "all" : "chosen", where);
  write_attribute(group.get(), "model_bytes", kept.total_bytes, where);
}

std::optional<KeptModels> read_ensembles_group(hid_t file, const h5::Where& where) {
  if (!h5::has_link(file, ensembles_group)) return std::nullopt;
  h5::Group group = h5::open_group(file, ensembles_group, where);
  KeptModels kept;
  kept.members.best = h5::read_string_attribute(group.get(), "best", where);
  kept.members.seed_mean = h5::read_strings_attribute(group.get(), "seed_mean", where);
  kept.members.top_k = h5::read_strings_attribute(group.get(), "top_k", where);
  const std::vector<std::string> ids = h5::read_strings_attribute(group.get(), "models", where);
  kept.ids.insert(ids.begin(), ids.end());
  kept.all = h5::read_string_attribute(group.get(), "models_policy", where) == "all";
  kept.total_bytes = h5::read_int_attribute(group.get(), "model_bytes", where);
  return kept;
}

}  // namespace vmsweep::io
