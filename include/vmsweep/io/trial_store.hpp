#pragma once
// io::TrialStore: one HDF5 file per finished trial in results/<name>/trials/. A file is written
// under a temporary name in the same folder and renamed into place once closed, so a crash never
// leaves a half-written file that looks finished; list() sees only renamed files.
#include <filesystem>
#include <string>
#include <vector>

#include "vmsweep/io/stored_trial.hpp"

namespace vmsweep::io {

class TrialStore {
public:
  explicit TrialStore(std::filesystem::path trials_dir);

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path_of(const std::string& id) const;  // <dir>/<id>.h5

  // Creates the folder if needed; InputError naming it if it cannot be created or written.
  // Call once before the workers start (it is what reports an unwritable results directory).
  void prepare() const;
  // Removes temporary files left by a crashed writer; returns how many. Only safe while no
  // writer is running (at the start of a sweep or a resume).
  std::size_t remove_temporaries() const;

  // Safe to call from several threads and processes at once for different ids.
  // Returns the final path. Throws Error naming the file on failure (no file is left behind).
  std::filesystem::path write(const StoredTrial& trial) const;
  std::filesystem::path write(const TrialResult& result, const std::string& id, int rank,
                              const std::string& host) const;

  StoredTrial read(const std::string& id) const;          // everything, curves and predictions included
  StoredTrial read_summary(const std::string& id) const;  // without curves and predictions (faster)
  StoredTrial read_with_curves(const std::string& id) const;  // without predictions
  std::vector<std::string> list() const;          // finished ids, sorted naturally ("2" before "10")
  bool contains(const std::string& id) const;

private:
  std::filesystem::path dir_;
};

}  // namespace vmsweep::io
