#pragma once
// Scalar and string-list attributes on a group or dataset. Strings are variable-length UTF-8, so
// h5py returns them as str; numbers are int64 or float64.
#include <cstdint>
#include <string>
#include <vector>

#include "h5_error.hpp"

namespace vmsweep::io::h5 {

void write_attribute(hid_t object, const std::string& name, const std::string& value, const Where& where);
void write_attribute(hid_t object, const std::string& name, const char* value, const Where& where);
void write_attribute(hid_t object, const std::string& name, std::int64_t value, const Where& where);
void write_attribute(hid_t object, const std::string& name, double value, const Where& where);
void write_attribute(hid_t object, const std::string& name, bool value, const Where& where);
void write_attribute(hid_t object, const std::string& name, const std::vector<std::string>& value,
                     const Where& where);

bool has_attribute(hid_t object, const std::string& name);
std::string read_string_attribute(hid_t object, const std::string& name, const Where& where);
std::int64_t read_int_attribute(hid_t object, const std::string& name, const Where& where);
double read_double_attribute(hid_t object, const std::string& name, const Where& where);
std::vector<std::string> read_strings_attribute(hid_t object, const std::string& name, const Where& where);
// Names of the object's attributes in creation order (the object must track it).
std::vector<std::string> attribute_names(hid_t object, const Where& where);

}  // namespace vmsweep::io::h5
