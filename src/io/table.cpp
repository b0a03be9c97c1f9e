#include "vmsweep/io/table.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

namespace {

template <typename T>
std::string type_name() {
  if constexpr (std::is_same_v<T, std::string>) return "string";
  else if constexpr (std::is_same_v<T, double>) return "float64";
  else return "int" + std::to_string(8 * sizeof(T));
}

}  // namespace

std::size_t Column::size() const {
  return std::visit([](const auto& column) { return column.size(); }, values);
}

std::size_t Table::rows() const {
  if (columns.empty()) return 0;
  std::size_t rows = columns.front().size();
  for (const auto& column : columns)
    if (column.size() != rows)
      throw Error("table column '" + column.name + "' has " + std::to_string(column.size()) +
                  " rows, expected " + std::to_string(rows));
  return rows;
}

const Column* Table::find(const std::string& name) const {
  for (const auto& column : columns)
    if (column.name == name) return &column;
  return nullptr;
}

template <typename T>
const std::vector<T>& Table::values(const std::string& name) const {
  const Column* column = find(name);
  if (column == nullptr) throw Error("table has no column '" + name + "'");
  const auto* typed = std::get_if<std::vector<T>>(&column->values);
  if (typed == nullptr)
    throw Error("table column '" + name + "' is not of the expected " + type_name<T>() + " type");
  return *typed;
}

template const std::vector<std::int8_t>& Table::values(const std::string&) const;
template const std::vector<std::int32_t>& Table::values(const std::string&) const;
template const std::vector<std::int64_t>& Table::values(const std::string&) const;
template const std::vector<double>& Table::values(const std::string&) const;
template const std::vector<std::string>& Table::values(const std::string&) const;

}  // namespace vmsweep::io
