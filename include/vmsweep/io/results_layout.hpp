#pragma once
// Where a sweep's results live on disk, relative to one folder results/<name>:
//   results/<name>/sweep.h5          the stamp, written when the sweep starts (meta + hash); never
//                                    changed after, except replaced whole by a forced resume
//   results/<name>/trials/<id>.h5    one file per finished trial, written by the rank that ran it
//   results/<name>/baselines.h5      the baselines, scored when the sweep is aggregated
//   results/<name>.h5                the aggregate: everything above in one file
#include <filesystem>

namespace vmsweep::io {

class ResultsLayout {
public:
  explicit ResultsLayout(std::filesystem::path sweep_dir);

  const std::filesystem::path& sweep_dir() const { return sweep_dir_; }
  std::filesystem::path trials_dir() const { return sweep_dir_ / "trials"; }
  std::filesystem::path stamp_file() const { return sweep_dir_ / "sweep.h5"; }
  std::filesystem::path baselines_file() const { return sweep_dir_ / "baselines.h5"; }
  std::filesystem::path results_file() const;  // results/<name>.h5, beside the folder

private:
  std::filesystem::path sweep_dir_;
};

}  // namespace vmsweep::io
