#pragma once
// A read-only memory map of a whole file (RAII): the trace parser reads it in parallel chunks
// without copying it into a buffer first.
#include <cstddef>
#include <filesystem>
#include <string_view>

namespace vmsweep::data {

class MappedFile {
public:
  // InputError when the file is missing or unreadable.
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {data_, size_}; }
  // Gives the pages of [first, last) back to the kernel once parsed, which keeps the peak resident
  // memory near the size of the parsed arrays rather than the file plus the arrays.
  void release(const char* first, const char* last) const;

private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace vmsweep::data
