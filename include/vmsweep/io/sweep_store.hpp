#pragma once
// The sweep store: the aggregated results file results/<name>.h5, written by aggregate() and
// read by SweepReader.
//   /sweep              attributes: SweepMeta (text, hash, seed, version, start, end, ranks, hosts...)
//   /trials             compound table, one row per trial (see docs/results-schema.md)
//   /trial/<id>/        one group per trial: attributes, metrics, curves, predictions
//   /tables/<name>      extra per-sweep tables (baselines)
//   /ensembles          the ensembles' members and which trials' models are kept (kept_models.hpp)
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/io/kept_models.hpp"
#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/stored_trial.hpp"
#include "vmsweep/io/sweep_meta.hpp"
#include "vmsweep/io/table.hpp"

namespace vmsweep::io {

struct Aggregated {
  std::size_t trials = 0;             // in results/<name>.h5
  std::vector<std::string> problems;  // trial files left out: unreadable, or not named as trials
};

// Writes results/<name>.h5 (temporary name, then rename) from every readable trial file plus the
// baselines' tables, with `meta` as /sweep (hosts are merged with the trials' hosts). Trial files
// are read one at a time; the new file is built in memory (docs/results-schema.md). `fleet`, the
// per-trace summary (dist/fleet_table.hpp), goes to /fleet when it has columns.
Aggregated aggregate(const ResultsLayout& layout, const SweepMeta& meta, const Table& fleet = {});
// The same with the stamp's meta; the end time is the newest trial file's modification time
// (when the last trial finished). InputError if there is no stamp.
Aggregated aggregate(const ResultsLayout& layout, const Table& fleet = {});

class SweepReader {
public:
  // InputError naming the file if it is missing, not HDF5 or not a vmsweep results file.
  explicit SweepReader(std::filesystem::path results_file);

  const std::filesystem::path& file() const { return file_; }
  const SweepMeta& meta() const { return meta_; }

  Table trials_table() const;                     // /trials as stored
  std::vector<std::string> param_columns() const;  // which /trials columns are parameters
  std::vector<std::string> metric_columns() const; // and which are metrics
  // Every trial from /trials: parameters exact (from the params_json column), metrics that are
  // NaN in the table left out; a global trial's per-trace metrics (`fleet: global`); no curves or
  // predictions.
  std::vector<StoredTrial> trials() const;
  // One trial in full from /trial/<id> (without its model); InputError naming the id if there is none.
  StoredTrial trial(const std::string& id) const;
  // The trial's kept model; nullopt when the aggregate did not keep it. InputError for an unknown id.
  std::optional<Checkpoint> model(const std::string& id) const;
  // The ensembles' members and which models were kept; nullopt for results written before they were.
  std::optional<KeptModels> kept_models() const;

  std::vector<std::string> table_names() const;
  Table table(const std::string& name) const;

private:
  std::filesystem::path file_;
  SweepMeta meta_;
};

}  // namespace vmsweep::io
