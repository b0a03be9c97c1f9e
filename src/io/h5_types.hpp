#pragma once
// The datatypes vmsweep stores: UTF-8 strings (fixed width in tables, variable length in
// attributes) and small enums (split part, booleans).
#include <string>
#include <vector>

#include "h5_handle.hpp"

namespace vmsweep::io::h5 {

Datatype variable_string_type();
Datatype fixed_string_type(std::size_t size);
// An int8 enum whose value i is called labels[i].
Datatype int8_enum_type(const std::vector<std::string>& labels);
std::vector<std::string> enum_labels(hid_t enum_type);
const std::vector<std::string>& bool_labels();  // FALSE, TRUE: the names h5py maps to numpy bool

}  // namespace vmsweep::io::h5
