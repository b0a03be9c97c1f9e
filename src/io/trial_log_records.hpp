#pragma once
// The records of a trial log (io::TrialLog), one after the other, each a 32-byte header
//   "VMSWTRL1" | trial id (u64) | payload bytes (u64) | payload CRC-32 (u32) | header CRC-32 (u32,
//   of the 28 bytes before it)
// followed by its payload: the HDF5 image the trial's file <id>.h5 would hold. Integers are
// little-endian. A writer appends a whole record and only then reports the trial, so a record is
// either whole or the torn last one of a writer that died; a reader takes the whole records and
// names the first one it cannot take (nothing after it counts). A damaged payload costs its own
// record only: the header says where the next one starts.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "h5_image.hpp"
#include "posix_file.hpp"

namespace vmsweep::io {

inline constexpr std::size_t log_header_bytes = 32;

// Header and payload, ready for one write().
std::vector<unsigned char> framed_record(std::int64_t trial_id, const h5::FileImage& payload);

struct LoggedRecord {
  std::string id;  // the trial's id, as its file would be named
  std::uint64_t payload_offset = 0;
  std::uint64_t payload_bytes = 0;
  std::uint32_t payload_crc = 0;
};

struct LogWalk {
  std::vector<LoggedRecord> records;   // every whole record before the first one that is not
  std::optional<std::string> problem;  // "<log>: ... at byte N ..." for that one
};

// Reads the headers only; payloads are checked when read.
LogWalk walk_log(const std::filesystem::path& log);

// The log, open for reading.
FileDescriptor open_log(const std::filesystem::path& log);

// The record's payload, read from `file`, the log open; InputError naming the log and the record's
// place when its CRC does not match.
h5::FileImage read_payload(const FileDescriptor& file, const std::filesystem::path& log, const LoggedRecord& record);

}  // namespace vmsweep::io
