#include "h5_file.hpp"

#include <filesystem>

#include "vmsweep/common/error.hpp"

namespace vmsweep::io::h5 {

namespace {

// Results live on cluster file systems where HDF5 1.10's flock-based locking often fails
// ("unable to lock file"). vmsweep never shares an open file between writers (temp + rename),
// so locking buys nothing and is turned off.
PropList file_access() {
  PropList fapl(H5Pcreate(H5P_FILE_ACCESS));
  Where("HDF5").check(fapl.get(), "create a file access property list");
  H5Pset_file_locking(fapl.get(), false, true);
  return fapl;
}

PropList order_tracking_group() {
  PropList gcpl(H5Pcreate(H5P_GROUP_CREATE));
  Where("HDF5").check(gcpl.get(), "create a group property list");
  unsigned flags = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  H5Pset_link_creation_order(gcpl.get(), flags);
  H5Pset_attr_creation_order(gcpl.get(), flags);
  H5Pset_attr_phase_change(gcpl.get(), compact_attributes, compact_attributes - 8);
  return gcpl;
}

}  // namespace

File open_file(const std::string& path) {
  Where where(path);
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw InputError(path + ": " + (std::filesystem::exists(path, error) ? "not a regular file" : "no such file"));
  if (H5Fis_hdf5(path.c_str()) <= 0) throw InputError(path + ": not an HDF5 file");
  PropList fapl = file_access();
  File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()));
  if (!file) where.fail_input("open the file");
  return file;
}

Group create_group(hid_t parent, const std::string& name, const Where& where, bool track_order) {
  PropList gcpl = track_order ? order_tracking_group() : PropList(H5Pcreate(H5P_GROUP_CREATE));
  hid_t id = H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT);
  return Group(where.check(id, "create group " + name + " in " + object_path(parent)));
}

Group open_group(hid_t parent, const std::string& name, const Where& where) {
  hid_t id = H5Gopen2(parent, name.c_str(), H5P_DEFAULT);
  return Group(where.check(id, "open group " + name + " in " + object_path(parent)));
}

bool has_link(hid_t parent, const std::string& name) {
  return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0;
}

std::string object_path(hid_t object) {
  ssize_t size = H5Iget_name(object, nullptr, 0);
  if (size <= 0) return "?";
  std::string name(static_cast<std::size_t>(size), '\0');
  H5Iget_name(object, name.data(), name.size() + 1);
  return name;
}

}  // namespace vmsweep::io::h5
