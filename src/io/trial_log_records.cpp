#include "trial_log_records.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "posix_file.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::io {

namespace {

constexpr std::array<unsigned char, 8> magic{'V', 'M', 'S', 'W', 'T', 'R', 'L', '1'};

std::uint32_t crc_of(const unsigned char* data, std::size_t size) {
  std::uint32_t crc = static_cast<std::uint32_t>(::crc32(0L, Z_NULL, 0));
  // zlib takes at most 4 GiB at a time.
  for (std::size_t done = 0; done < size;) {
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(size - done, 1u << 30));
    crc = static_cast<std::uint32_t>(::crc32(crc, data + done, chunk));
    done += chunk;
  }
  return crc;
}

template <typename Integer>
void put(unsigned char* at, Integer value) {
  for (std::size_t byte = 0; byte < sizeof(Integer); ++byte) at[byte] = static_cast<unsigned char>(value >> (8 * byte));
}

template <typename Integer>
Integer get(const unsigned char* at) {
  Integer value = 0;
  for (std::size_t byte = 0; byte < sizeof(Integer); ++byte) value |= static_cast<Integer>(at[byte]) << (8 * byte);
  return value;
}

// Reads exactly `size` bytes at `offset`; false when the file ends first.
bool read_at(int fd, unsigned char* data, std::size_t size, std::uint64_t offset, const std::filesystem::path& log) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t got = ::pread(fd, data + done, size - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail_on_file(log, "read the trial log", errno);
    if (got == 0) return false;
    done += static_cast<std::size_t>(got);
  }
  return true;
}

std::string at_byte(const std::filesystem::path& log, std::uint64_t offset) {
  return log.string() + ": the record at byte " + std::to_string(offset);
}

// The header at `offset`, or why it cannot be taken.
std::optional<std::string> take_header(int fd, std::uint64_t offset, std::uint64_t log_bytes,
                                       const std::filesystem::path& log, LoggedRecord& record) {
  std::array<unsigned char, log_header_bytes> header{};
  if (!read_at(fd, header.data(), header.size(), offset, log))
    return at_byte(log, offset) + " is cut short (its writer was killed while writing it; that trial runs again)";
  if (!std::equal(magic.begin(), magic.end(), header.begin()) ||
      get<std::uint32_t>(header.data() + 28) != crc_of(header.data(), 28))
    return at_byte(log, offset) + " is damaged (its header does not check out); it and the records after it do not count";
  const auto trial_id = get<std::uint64_t>(header.data() + 8);
  record.id = std::to_string(trial_id);
  record.payload_offset = offset + log_header_bytes;
  record.payload_bytes = get<std::uint64_t>(header.data() + 16);
  record.payload_crc = get<std::uint32_t>(header.data() + 24);
  if (!is_trial_id(record.id)) return at_byte(log, offset) + " names no trial (id " + record.id + ")";
  if (record.payload_bytes > log_bytes - record.payload_offset)
    return at_byte(log, offset) + " (trial " + record.id + ") is cut short (its writer was killed while writing it; that trial runs again)";
  return std::nullopt;
}

}  // namespace

FileDescriptor open_log(const std::filesystem::path& log) {
  FileDescriptor fd(::open(log.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) fail_on_file(log, "open the trial log", errno);
  return fd;
}

std::vector<unsigned char> framed_record(std::int64_t trial_id, const h5::FileImage& payload) {
  std::vector<unsigned char> record(log_header_bytes + payload.size());
  std::copy(magic.begin(), magic.end(), record.begin());
  put<std::uint64_t>(record.data() + 8, static_cast<std::uint64_t>(trial_id));
  put<std::uint64_t>(record.data() + 16, payload.size());
  put<std::uint32_t>(record.data() + 24, crc_of(payload.data(), payload.size()));
  put<std::uint32_t>(record.data() + 28, crc_of(record.data(), 28));
  std::copy(payload.begin(), payload.end(), record.begin() + log_header_bytes);
  return record;
}

LogWalk walk_log(const std::filesystem::path& log) {
  LogWalk walk;
  const FileDescriptor file = open_log(log);
  const int fd = file.get();
  struct stat status {};
  if (::fstat(fd, &status) != 0) fail_on_file(log, "read the trial log", errno);
  const auto log_bytes = static_cast<std::uint64_t>(status.st_size);
  for (std::uint64_t offset = 0; offset < log_bytes;) {
    LoggedRecord record;
    if (auto problem = take_header(fd, offset, log_bytes, log, record)) {
      walk.problem = std::move(problem);
      break;
    }
    offset = record.payload_offset + record.payload_bytes;
    walk.records.push_back(std::move(record));
  }
  return walk;
}

h5::FileImage read_payload(const FileDescriptor& file, const std::filesystem::path& log, const LoggedRecord& record) {
  h5::FileImage payload(record.payload_bytes);
  if (!read_at(file.get(), payload.data(), payload.size(), record.payload_offset, log) ||
      crc_of(payload.data(), payload.size()) != record.payload_crc)
    throw InputError(at_byte(log, record.payload_offset - log_header_bytes) + " (trial " + record.id +
                     ") is damaged (its checksum does not match)");
  return payload;
}

}  // namespace vmsweep::io
