// Fuzz target: the data module's loader (data::prepare: read, clean, resample, split, scale,
// window) on arbitrary file contents, under a few data blocks: the default columns, a file
// without timestamps, and hourly resampling with linear filling. The file lives in memory (a memfd
// opened by its /proc path). The only accepted failure is InputError: a bad trace is the user's
// input, answered with "FILE:LINE:COL: ..." and exit code 2.
#include <sys/mman.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

#include "fuzz_target.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"

using vmsweep::Value;

namespace {

// An anonymous in-memory file holding the input, closed on destruction.
class MemoryFile {
public:
  MemoryFile(const std::uint8_t* data, std::size_t size) : fd_(::memfd_create("fuzz-trace", MFD_CLOEXEC)) {
    if (fd_ < 0 || ::write(fd_, data, size) != static_cast<ssize_t>(size))
      throw std::runtime_error("cannot write the memfd");
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

private:
  int fd_;
};

// Small splits (one test window, reused for validation) so that tiny inputs get through to the
// windows; the variants reach the timestamp-free reader and the resampler.
Value data_block(int variant, const std::string& path) {
  Value block = Value::Map{{"path", path}, {"split", Value::Map{{"val", "test"}, {"test", 1}}}, {"scale", "none"}};
  if (variant == 1) {
    block.set("timestamp", "none");
    block.set("value", 1);
    block.set("interval", "5min");
  }
  if (variant == 2) {
    block.set("resample", "H");
    block.set("missing", "linear");
    block.set("scale", "zscore");
  }
  return block;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const MemoryFile file(data, size);
  for (int variant = 0; variant < 3; ++variant) {
    try {
      vmsweep::data::prepare(vmsweep::data::DataSpec::from_value(data_block(variant, file.path())), {2, 1, 1});
    } catch (const vmsweep::InputError&) {
    }
  }
  return 0;
}
