#pragma once
// A compact binary encoding for protocol messages. Both ends are the same build of vmsweep on
// machines of one cluster, so fields are written in native byte order; reals are copied bit for
// bit, which keeps parameters and metrics exact across ranks (JSON text would need care to).
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "vmsweep/common/value.hpp"

namespace vmsweep::dist {

using Bytes = std::vector<char>;

class ByteWriter {
public:
  template <class T>
    requires std::is_trivially_copyable_v<T>
  ByteWriter& put(const T& field) {
    const auto* first = reinterpret_cast<const char*>(&field);
    bytes_.insert(bytes_.end(), first, first + sizeof(T));
    return *this;
  }
  ByteWriter& put_string(const std::string& text);
  ByteWriter& put_mark(const SourceMark& mark);
  ByteWriter& put_value(const Value& value);  // with the marks of it and its items

  Bytes take() && { return std::move(bytes_); }

private:
  Bytes bytes_;
};

// Reads what a ByteWriter wrote; a message that ends early throws vmsweep::Error.
class ByteReader {
public:
  explicit ByteReader(const Bytes& bytes) : bytes_(bytes) {}

  template <class T>
    requires std::is_trivially_copyable_v<T>
  T get() {
    if constexpr (std::is_same_v<T, bool>) return get_bool();
    T field;
    std::memcpy(&field, take(sizeof(T)), sizeof(T));
    return field;
  }
  std::string get_string();
  SourceMark get_mark();
  Value get_value();
  // A length written with put(std::uint64_t); checked against what is left of the message.
  std::size_t get_count();
  bool at_end() const { return position_ == bytes_.size(); }

private:
  const char* take(std::size_t count);
  Value get_unmarked_value();
  // A byte other than 0 or 1 copied into a bool is undefined behaviour, not just a wrong value.
  bool get_bool();

  const Bytes& bytes_;
  std::size_t position_ = 0;
};

}  // namespace vmsweep::dist
