#include "vmsweep/io/results_layout.hpp"

namespace vmsweep::io {

ResultsLayout::ResultsLayout(std::filesystem::path sweep_dir) : sweep_dir_(std::move(sweep_dir)) {
  // "results/x/" names the same sweep as "results/x"; without this, results_file() would be "results/x/.h5".
  if (!sweep_dir_.has_filename()) sweep_dir_ = sweep_dir_.parent_path();
}

std::filesystem::path ResultsLayout::results_file() const {
  std::filesystem::path file = sweep_dir_;
  file += ".h5";
  return file;
}

}  // namespace vmsweep::io
