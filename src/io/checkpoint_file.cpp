#include "vmsweep/io/checkpoint_file.hpp"

#include "atomic_file.hpp"
#include "checkpoint_record.hpp"
#include "file_format.hpp"
#include "h5_file.hpp"

namespace vmsweep::io {

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint) {
  h5::QuietErrors quiet;
  h5::write_atomically(path, "checkpoint_temp", [&](hid_t file, const h5::Where& where) {
    write_format(file, checkpoint_file_format, where);
    write_checkpoint_record(file, checkpoint, where);
  });
}

Checkpoint read_checkpoint(const std::filesystem::path& path) {
  h5::QuietErrors quiet;
  h5::Where where(path.string());
  h5::File file = h5::open_file(path.string());
  check_format(file.get(), checkpoint_file_format, where);
  return read_checkpoint_record(file.get(), where);
}

}  // namespace vmsweep::io
