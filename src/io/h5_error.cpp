#include "h5_error.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::io::h5 {

namespace {

// The deepest entry of the stack says what actually went wrong ("file signature not found",
// "No such file or directory"); the outer ones only repeat "unable to open file".
herr_t keep_innermost(unsigned depth, const H5E_error2_t* entry, void* out) {
  if (depth == 0 && entry->desc != nullptr) *static_cast<std::string*>(out) = entry->desc;
  return 0;
}

// A system call's failure arrives as "unable to open file: name = '...', errno = 20, error
// message = 'Not a directory', flags = ..."; the quoted message is all a user needs.
std::string system_message_or_all(const std::string& text) {
  const std::string marker = "error message = '";
  std::size_t start = text.find(marker);
  if (start == std::string::npos) return text;
  start += marker.size();
  std::size_t end = text.find('\'', start);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string innermost_hdf5_message() {
  std::string text;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &text);
  H5Eclear2(H5E_DEFAULT);
  return system_message_or_all(text);
}

}  // namespace

QuietErrors::QuietErrors() {
  H5Eget_auto2(H5E_DEFAULT, &saved_printer_, &saved_data_);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietErrors::~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, saved_printer_, saved_data_); }

std::string Where::message(const std::string& action) const {
  std::string detail = innermost_hdf5_message();
  return file_ + ": cannot " + action + (detail.empty() ? "" : ": " + detail);
}

hid_t Where::check(hid_t id, const std::string& action) const {
  if (id < 0) fail(action);
  return id;
}

void Where::check_status(herr_t status, const std::string& action) const {
  if (status < 0) fail(action);
}

void Where::fail(const std::string& action) const { throw Error(message(action)); }

void Where::fail_input(const std::string& action) const { throw InputError(message(action)); }

}  // namespace vmsweep::io::h5
