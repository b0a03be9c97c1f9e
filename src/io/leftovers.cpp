#include "vmsweep/io/leftovers.hpp"

#include "atomic_file.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::io {

namespace {

std::size_t remove_matching(const std::filesystem::path& folder, const std::string& prefix) {
  std::size_t removed = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && h5::is_temporary_name(name) && std::filesystem::remove(entry.path(), error))
      ++removed;
  }
  return removed;
}

}  // namespace

std::size_t remove_leftovers(const ResultsLayout& layout) {
  const std::string aggregate_name = layout.results_file().filename().string();
  return remove_matching(layout.sweep_dir(), "") + TrialStore(layout.trials_dir()).remove_temporaries() +
         remove_matching(layout.results_file().parent_path(), aggregate_name + ".tmp-");
}

}  // namespace vmsweep::io
