// The public write_tables / read_table / table_names: extra tables under /tables of a file.
#include <filesystem>

#include "table_copy.hpp"

#include "atomic_file.hpp"
#include "file_format.hpp"
#include "h5_file.hpp"
#include "h5_table.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/table.hpp"

namespace vmsweep::io {

namespace {

constexpr const char* tables_group = "tables";

herr_t collect_name(hid_t, const char* name, const H5L_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

}  // namespace

void write_tables(const std::filesystem::path& file, const NamedTables& tables) {
  h5::QuietErrors quiet;
  h5::write_atomically(file, "tables_temp", [&](hid_t h5file, const h5::Where& where) {
    write_format(h5file, tables_file_format, where);
    h5::Group group = h5::create_group(h5file, tables_group, where, true);
    for (const auto& [name, table] : tables) h5::write_compound_table(group.get(), name, table, where);
  });
}

Table read_table(const std::filesystem::path& file, const std::string& name) {
  h5::QuietErrors quiet;
  std::string path = file.string();
  h5::Where where(path);
  h5::File h5file = h5::open_file(path);
  if (!h5::has_link(h5file.get(), std::string(tables_group) + "/" + name))
    throw InputError(path + ": no table '" + name + "' in /tables");
  h5::Group tables = h5::open_group(h5file.get(), tables_group, where);
  return h5::read_compound_table(tables.get(), name, where);
}

void copy_tables(const std::filesystem::path& source, hid_t destination, const h5::Where& where) {
  std::error_code error;
  if (!std::filesystem::exists(source, error)) return;
  h5::File file = h5::open_file(source.string());
  if (!h5::has_link(file.get(), tables_group)) return;
  where.check_status(H5Ocopy(file.get(), tables_group, destination, tables_group, H5P_DEFAULT, H5P_DEFAULT),
                     "copy /tables from " + source.string());
}

std::vector<std::string> table_names(const std::filesystem::path& file) {
  h5::QuietErrors quiet;
  std::string path = file.string();
  h5::Where where(path);
  h5::File h5file = h5::open_file(path);
  std::vector<std::string> names;
  if (!h5::has_link(h5file.get(), tables_group)) return names;
  h5::Group tables = h5::open_group(h5file.get(), tables_group, where);
  where.check_status(H5Literate(tables.get(), H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, collect_name, &names),
                     "list /tables");
  return names;
}

}  // namespace vmsweep::io
