#include "h5_image.hpp"

#include "h5_file.hpp"
#include "h5_handle.hpp"

namespace vmsweep::io::h5 {

namespace {

// The image grows in steps of this many bytes, each zeroed by HDF5: a small trial's file is about
// 13 KiB, and a step of 1 MiB cost every trial file a megabyte of memset and page faults.
constexpr std::size_t growth_step = 1 << 16;

PropList in_memory_access(const Where& where) {
  PropList fapl(where.check(H5Pcreate(H5P_FILE_ACCESS), "create a file access property list"));
  where.check_status(H5Pset_fapl_core(fapl.get(), growth_step, false), "choose the in-memory file driver");
  return fapl;
}

PropList order_tracking_file(const Where& where) {
  PropList fcpl(where.check(H5Pcreate(H5P_FILE_CREATE), "create a file creation property list"));
  H5Pset_attr_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED);
  H5Pset_attr_phase_change(fcpl.get(), compact_attributes, compact_attributes - 8);
  return fcpl;
}

FileImage take_image(hid_t file, const Where& where) {
  where.check_status(H5Fflush(file, H5F_SCOPE_LOCAL), "flush the file");
  ssize_t size = H5Fget_file_image(file, nullptr, 0);
  where.check(static_cast<hid_t>(size), "take the file's image");
  FileImage image(static_cast<std::size_t>(size));
  where.check(static_cast<hid_t>(H5Fget_file_image(file, image.data(), image.size())), "take the file's image");
  return image;
}

}  // namespace

FileImage build_file_image(const std::string& name, const Where& where,
                           const std::function<void(hid_t file, const Where& where)>& fill) {
  PropList fapl = in_memory_access(where);
  PropList fcpl = order_tracking_file(where);
  File file(where.check(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), "create the file in memory"));
  fill(file.get(), where);
  FileImage image = take_image(file.get(), where);
  where.check_status(file.close(), "close the file");
  return image;
}

File open_file_image(const FileImage& image, const std::string& name, const Where& where) {
  PropList fapl = in_memory_access(where);
  // The library copies the image: the caller's buffer may go once the file is open.
  where.check_status(H5Pset_file_image(fapl.get(), const_cast<unsigned char*>(image.data()), image.size()),
                     "hand the image to the in-memory file driver");
  File file(H5Fopen(name.c_str(), H5F_ACC_RDONLY, fapl.get()));
  if (!file) where.fail_input("open the file (not an HDF5 image)");
  return file;
}

}  // namespace vmsweep::io::h5
