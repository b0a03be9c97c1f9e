#include "h5_table.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "h5_file.hpp"
#include "h5_handle.hpp"
#include "h5_types.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::io::h5 {

namespace {

// Where one column sits in a packed row, and the HDF5 type it has there.
struct Member {
  std::size_t offset = 0;
  std::size_t size = 0;
  Datatype type;
};

// The packed row of a table: members side by side, no alignment gaps, so the file holds no
// padding and the memory buffer is one memcpy per cell.
struct RowLayout {
  std::vector<Member> members;
  std::size_t row_size = 0;

  void add(Datatype type) {
    std::size_t size = H5Tget_size(type.get());
    members.push_back({row_size, size, std::move(type)});
    row_size += size;
  }

  Datatype compound(const std::vector<Column>& columns, const Where& where) const {
    Datatype type(where.check(H5Tcreate(H5T_COMPOUND, row_size), "create a compound type"));
    for (std::size_t i = 0; i < columns.size(); ++i)
      where.check_status(H5Tinsert(type.get(), columns[i].name.c_str(), members[i].offset, members[i].type.get()),
                         "add column '" + columns[i].name + "' (duplicate name?)");
    return type;
  }
};

template <typename Values>
constexpr bool holds_strings = std::is_same_v<typename std::decay_t<Values>::value_type, std::string>;

Datatype copy_type(hid_t type) { return Datatype(H5Tcopy(type)); }

std::size_t widest(const std::vector<std::string>& strings) {
  std::size_t width = 1;
  for (const auto& text : strings) width = std::max(width, text.size());
  return width;
}

Datatype column_type(const Column& column) {
  return std::visit(
      [&](const auto& values) -> Datatype {
        using T = typename std::decay_t<decltype(values)>::value_type;
        if constexpr (std::is_same_v<T, std::string>) return fixed_string_type(widest(values));
        else if constexpr (std::is_same_v<T, double>) return copy_type(H5T_NATIVE_DOUBLE);
        else if constexpr (std::is_same_v<T, std::int64_t>) return copy_type(H5T_NATIVE_INT64);
        else if constexpr (std::is_same_v<T, std::int32_t>) return copy_type(H5T_NATIVE_INT32);
        else return column.labels.empty() ? copy_type(H5T_NATIVE_INT8) : int8_enum_type(column.labels);
      },
      column.values);
}

void copy_column_into_rows(const Column& column, const Member& member, std::size_t row_size,
                           std::vector<unsigned char>& rows) {
  std::visit(
      [&](const auto& values) {
        for (std::size_t row = 0; row < values.size(); ++row) {
          unsigned char* cell = rows.data() + row * row_size + member.offset;
          if constexpr (holds_strings<decltype(values)>)
            std::memcpy(cell, values[row].data(), values[row].size());  // the rest stays zero padding
          else
            std::memcpy(cell, &values[row], member.size);
        }
      },
      column.values);
}

void copy_rows_into_column(const std::vector<unsigned char>& rows, std::size_t row_count, const Member& member,
                           std::size_t row_size, Column& column) {
  std::visit(
      [&](auto& values) {
        values.resize(row_count);
        for (std::size_t row = 0; row < row_count; ++row) {
          const unsigned char* cell = rows.data() + row * row_size + member.offset;
          if constexpr (holds_strings<decltype(values)>) {
            const char* text = reinterpret_cast<const char*>(cell);
            values[row].assign(text, strnlen(text, member.size));
          } else {
            std::memcpy(&values[row], cell, member.size);
          }
        }
      },
      column.values);
}

// The in-memory column a stored member is read into.
Column empty_column_for(hid_t file_type, const std::string& name, const Where& where) {
  Column column{name, std::vector<double>{}, {}};
  switch (H5Tget_class(file_type)) {
    case H5T_FLOAT: break;
    case H5T_INTEGER: {
      std::size_t size = H5Tget_size(file_type);
      if (size == 1) column.values = std::vector<std::int8_t>{};
      else if (size <= 4) column.values = std::vector<std::int32_t>{};
      else column.values = std::vector<std::int64_t>{};
      break;
    }
    case H5T_ENUM:
      column.values = std::vector<std::int8_t>{};
      column.labels = enum_labels(file_type);
      break;
    case H5T_STRING:
      if (H5Tis_variable_str(file_type) > 0)
        where.fail("read column '" + name + "' (variable-length strings in tables are not supported)");
      column.values = std::vector<std::string>{};
      break;
    default: where.fail("read column '" + name + "' (unsupported type)");
  }
  return column;
}

// The memory type that converts a stored member into its column. For enums it repeats the labels
// with value = position and HDF5 converts by label, so a file's own numbering never leaks in.
Datatype memory_type_for(const Column& column, hid_t file_type) {
  if (!column.labels.empty()) return int8_enum_type(column.labels);
  if (std::holds_alternative<std::vector<std::string>>(column.values)) return fixed_string_type(H5Tget_size(file_type));
  return column_type(column);
}

hsize_t checked_rows(const Table& table, const std::string& what, const Where& where) {
  if (table.columns.empty()) where.fail("write " + what + " (it has no columns)");
  try {
    return table.rows();
  } catch (const Error& error) {
    where.fail("write " + what + " (" + error.what() + ")");
  }
}

std::string member_name(hid_t compound, int index) {
  char* name = H5Tget_member_name(compound, static_cast<unsigned>(index));
  std::string text = name != nullptr ? name : "";
  H5free_memory(name);
  return text;
}

}  // namespace

void write_compound_table(hid_t parent, const std::string& name, const Table& table, const Where& where) {
  std::string what = "table " + name + " in " + object_path(parent);
  hsize_t rows = checked_rows(table, what, where);
  RowLayout layout;
  for (const auto& column : table.columns) layout.add(column_type(column));
  std::vector<unsigned char> buffer(rows * layout.row_size, 0);
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    copy_column_into_rows(table.columns[i], layout.members[i], layout.row_size, buffer);

  Datatype compound = layout.compound(table.columns, where);
  Dataspace space(H5Screate_simple(1, &rows, nullptr));
  Dataset dataset(H5Dcreate2(parent, name.c_str(), compound.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  where.check(dataset.get(), "create " + what);
  if (rows > 0)
    where.check_status(H5Dwrite(dataset.get(), compound.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()),
                       "write " + what);
}

Table read_compound_table(hid_t parent, const std::string& name, const Where& where) {
  std::string what = "table " + name + " in " + object_path(parent);
  Dataset dataset(where.check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "open " + what));
  Datatype file_type(where.check(H5Dget_type(dataset.get()), "read the type of " + what));
  if (H5Tget_class(file_type.get()) != H5T_COMPOUND) where.fail("read " + what + " (not a compound dataset)");

  Table table;
  RowLayout layout;
  for (int i = 0, n = H5Tget_nmembers(file_type.get()); i < n; ++i) {
    Datatype stored(H5Tget_member_type(file_type.get(), static_cast<unsigned>(i)));
    table.columns.push_back(empty_column_for(stored.get(), member_name(file_type.get(), i), where));
    layout.add(memory_type_for(table.columns.back(), stored.get()));
  }
  Dataspace space(H5Dget_space(dataset.get()));
  auto rows = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  std::vector<unsigned char> buffer(rows * layout.row_size, 0);
  Datatype compound = layout.compound(table.columns, where);
  if (rows > 0)
    where.check_status(H5Dread(dataset.get(), compound.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()),
                       "read " + what);
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    copy_rows_into_column(buffer, rows, layout.members[i], layout.row_size, table.columns[i]);
  return table;
}

}  // namespace vmsweep::io::h5
