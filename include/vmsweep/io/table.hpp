#pragma once
// A table of named, typed columns: how curves, predictions, the sweep's trial table and any extra
// per-sweep table (baselines) are stored. In HDF5 it is one compound dataset with a row per entry,
// so `pandas.DataFrame(h5py.File(f)["trials"][()])` reads it in one line.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace vmsweep::io {

using ColumnValues = std::variant<std::vector<std::int8_t>, std::vector<std::int32_t>,
                                  std::vector<std::int64_t>, std::vector<double>,
                                  std::vector<std::string>>;

struct Column {
  std::string name;
  ColumnValues values;
  // For int8 columns only: stored as an HDF5 enum whose value i is called labels[i]
  // (h5py turns the labels FALSE, TRUE into numpy booleans).
  std::vector<std::string> labels;

  std::size_t size() const;
};

struct Table {
  std::vector<Column> columns;

  std::size_t rows() const;  // 0 without columns; throws Error if the columns differ in length
  const Column* find(const std::string& name) const;
  // The column's values; throws Error naming the column if it is absent or of another type.
  template <typename T>
  const std::vector<T>& values(const std::string& name) const;
};

// Extra per-sweep tables live under /tables/<name> of a results file or of a file of their own
// (results/<name>/baselines.h5), which write_tables writes whole (temporary name, then rename).
using NamedTables = std::vector<std::pair<std::string, Table>>;
void write_tables(const std::filesystem::path& file, const NamedTables& tables);
Table read_table(const std::filesystem::path& file, const std::string& name);
std::vector<std::string> table_names(const std::filesystem::path& file);

}  // namespace vmsweep::io
