#include "file_format.hpp"

#include <string>

#include "h5_attribute.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/version.hpp"

namespace vmsweep::io {

namespace {

// Bumped when a reader of the old layout would misread the new one.
constexpr std::int64_t current_format_version = 1;

}  // namespace

void write_format(hid_t file, const FileFormat& format, const h5::Where& where) {
  h5::write_attribute(file, "format", format.tag, where);
  h5::write_attribute(file, "format_version", current_format_version, where);
  h5::write_attribute(file, "vmsweep_version", version_string, where);
}

void check_format(hid_t file, const FileFormat& format, const h5::Where& where) {
  if (!h5::has_attribute(file, "format") || h5::read_string_attribute(file, "format", where) != format.tag)
    throw InputError(where.file() + ": not a vmsweep " + format.description + " (its format attribute is not '" +
                     format.tag + "')");
  std::int64_t version = h5::read_int_attribute(file, "format_version", where);
  if (version > current_format_version)
    throw InputError(where.file() + ": written by a newer vmsweep (format version " + std::to_string(version) +
                     "); this one reads version " + std::to_string(current_format_version));
}

}  // namespace vmsweep::io
