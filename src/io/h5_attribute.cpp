#include "h5_attribute.hpp"

#include "h5_file.hpp"
#include "h5_types.hpp"

namespace vmsweep::io::h5 {

namespace {

std::string describe(hid_t object, const std::string& name) {
  return "attribute " + name + " of " + object_path(object);
}

// Attributes cannot be overwritten in place with another type or size, so a rewrite deletes first.
void write_raw(hid_t object, const std::string& name, hid_t type, hid_t space, const void* data,
               const Where& where) {
  if (has_attribute(object, name)) H5Adelete(object, name.c_str());
  Attribute attribute(H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT));
  where.check(attribute.get(), "create " + describe(object, name));
  where.check_status(H5Awrite(attribute.get(), type, data), "write " + describe(object, name));
}

void write_scalar(hid_t object, const std::string& name, hid_t type, const void* data, const Where& where) {
  Dataspace scalar(H5Screate(H5S_SCALAR));
  write_raw(object, name, type, scalar.get(), data, where);
}

Attribute open_attribute(hid_t object, const std::string& name, const Where& where) {
  if (!has_attribute(object, name))
    where.fail("read " + describe(object, name) + " (it does not exist)");
  return Attribute(where.check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open " + describe(object, name)));
}

template <typename T>
T read_scalar(hid_t object, const std::string& name, hid_t memory_type, const Where& where) {
  Attribute attribute = open_attribute(object, name, where);
  T value{};
  where.check_status(H5Aread(attribute.get(), memory_type, &value), "read " + describe(object, name));
  return value;
}

// Reads n variable-length strings and hands the library's buffers back to it.
std::vector<std::string> read_variable_strings(const Attribute& attribute, const std::string& what,
                                               const Where& where) {
  Dataspace space(H5Aget_space(attribute.get()));
  auto count = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  if (count == 0) return {};
  Datatype type = variable_string_type();
  std::vector<char*> buffers(count, nullptr);
  where.check_status(H5Aread(attribute.get(), type.get(), buffers.data()), "read " + what);
  std::vector<std::string> values(buffers.begin(), buffers.end());
  H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, buffers.data());
  return values;
}

}  // namespace

void write_attribute(hid_t object, const std::string& name, const std::string& value, const Where& where) {
  write_attribute(object, name, value.c_str(), where);
}

void write_attribute(hid_t object, const std::string& name, const char* value, const Where& where) {
  Datatype type = variable_string_type();
  write_scalar(object, name, type.get(), &value, where);
}

void write_attribute(hid_t object, const std::string& name, std::int64_t value, const Where& where) {
  write_scalar(object, name, H5T_NATIVE_INT64, &value, where);
}

void write_attribute(hid_t object, const std::string& name, double value, const Where& where) {
  write_scalar(object, name, H5T_NATIVE_DOUBLE, &value, where);
}

void write_attribute(hid_t object, const std::string& name, bool value, const Where& where) {
  Datatype type = int8_enum_type(bool_labels());
  auto stored = static_cast<std::int8_t>(value);
  write_scalar(object, name, type.get(), &stored, where);
}

void write_attribute(hid_t object, const std::string& name, const std::vector<std::string>& value,
                     const Where& where) {
  std::vector<const char*> pointers;
  for (const auto& text : value) pointers.push_back(text.c_str());
  hsize_t size = pointers.size();
  Dataspace space(H5Screate_simple(1, &size, nullptr));
  Datatype type = variable_string_type();
  // HDF5 refuses a null buffer even for zero elements.
  const char* nothing = "";
  write_raw(object, name, type.get(), space.get(), pointers.empty() ? &nothing : pointers.data(), where);
}

bool has_attribute(hid_t object, const std::string& name) { return H5Aexists(object, name.c_str()) > 0; }

std::string read_string_attribute(hid_t object, const std::string& name, const Where& where) {
  Attribute attribute = open_attribute(object, name, where);
  auto values = read_variable_strings(attribute, describe(object, name), where);
  if (values.size() != 1) where.fail("read " + describe(object, name) + " (expected one string)");
  return values.front();
}

std::int64_t read_int_attribute(hid_t object, const std::string& name, const Where& where) {
  return read_scalar<std::int64_t>(object, name, H5T_NATIVE_INT64, where);
}

double read_double_attribute(hid_t object, const std::string& name, const Where& where) {
  return read_scalar<double>(object, name, H5T_NATIVE_DOUBLE, where);
}

std::vector<std::string> read_strings_attribute(hid_t object, const std::string& name, const Where& where) {
  Attribute attribute = open_attribute(object, name, where);
  return read_variable_strings(attribute, describe(object, name), where);
}

std::vector<std::string> attribute_names(hid_t object, const Where& where) {
  H5O_info_t info;
  where.check_status(H5Oget_info2(object, &info, H5O_INFO_NUM_ATTRS), "inspect " + object_path(object));
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.num_attrs; ++i) {
    ssize_t size = H5Aget_name_by_idx(object, ".", H5_INDEX_CRT_ORDER, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    where.check(static_cast<hid_t>(size), "list the attributes of " + object_path(object));
    std::string name(static_cast<std::size_t>(size), '\0');
    H5Aget_name_by_idx(object, ".", H5_INDEX_CRT_ORDER, H5_ITER_INC, i, name.data(), name.size() + 1, H5P_DEFAULT);
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace vmsweep::io::h5
