#include "h5_types.hpp"

#include <cstdint>

#include "h5_error.hpp"

namespace vmsweep::io::h5 {

namespace {

Datatype utf8_string_type(std::size_t size) {
  Datatype type(H5Tcopy(H5T_C_S1));
  Where where("HDF5");
  where.check(type.get(), "copy the string type");
  where.check_status(H5Tset_size(type.get(), size), "size a string type");
  H5Tset_cset(type.get(), H5T_CSET_UTF8);
  return type;
}

}  // namespace

Datatype variable_string_type() { return utf8_string_type(H5T_VARIABLE); }

Datatype fixed_string_type(std::size_t size) {
  Datatype type = utf8_string_type(size == 0 ? 1 : size);
  // Null padding rather than termination: a string may use the whole width.
  H5Tset_strpad(type.get(), H5T_STR_NULLPAD);
  return type;
}

Datatype int8_enum_type(const std::vector<std::string>& labels) {
  Where where("HDF5");
  Datatype type(where.check(H5Tenum_create(H5T_NATIVE_INT8), "create an enum type"));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    auto value = static_cast<std::int8_t>(i);
    where.check_status(H5Tenum_insert(type.get(), labels[i].c_str(), &value), "add enum label " + labels[i]);
  }
  return type;
}

std::vector<std::string> enum_labels(hid_t enum_type) {
  int count = H5Tget_nmembers(enum_type);
  std::vector<std::string> labels;
  for (int i = 0; i < count; ++i) {
    char* name = H5Tget_member_name(enum_type, static_cast<unsigned>(i));
    labels.emplace_back(name != nullptr ? name : "");
    H5free_memory(name);
  }
  return labels;
}

const std::vector<std::string>& bool_labels() {
  static const std::vector<std::string> labels{"FALSE", "TRUE"};
  return labels;
}

}  // namespace vmsweep::io::h5
