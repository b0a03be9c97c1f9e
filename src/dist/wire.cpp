#include "wire.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

ByteWriter& ByteWriter::put_string(const std::string& text) {
  put(static_cast<std::uint64_t>(text.size()));
  bytes_.insert(bytes_.end(), text.begin(), text.end());
  return *this;
}

// A value keeps where it was written, so an error on a worker rank still names the sweep file's line.
ByteWriter& ByteWriter::put_mark(const SourceMark& mark) {
  return put_string(mark.file).put(static_cast<std::int32_t>(mark.line)).put(static_cast<std::int32_t>(mark.column));
}

ByteWriter& ByteWriter::put_value(const Value& value) {
  put_mark(value.mark());
  put(static_cast<std::uint8_t>(value.kind()));
  switch (value.kind()) {
    case Value::Kind::null: break;
    case Value::Kind::boolean: put(value.as_bool()); break;
    case Value::Kind::integer: put(value.as_int()); break;
    case Value::Kind::real: put(value.as_double()); break;
    case Value::Kind::string: put_string(value.as_string()); break;
    case Value::Kind::list:
      put(static_cast<std::uint64_t>(value.as_list().size()));
      for (const Value& item : value.as_list()) put_value(item);
      break;
    case Value::Kind::map:
      put(static_cast<std::uint64_t>(value.as_map().size()));
      for (const auto& [key, item] : value.as_map()) put_string(key).put_value(item);
      break;
  }
  return *this;
}

const char* ByteReader::take(std::size_t count) {
  if (bytes_.size() - position_ < count)
    throw Error("malformed protocol message: it ends before its last field");
  const char* first = bytes_.data() + position_;
  position_ += count;
  return first;
}

bool ByteReader::get_bool() {
  const auto byte = get<std::uint8_t>();
  if (byte > 1) throw Error("malformed protocol message: a flag that is neither 0 nor 1");
  return byte == 1;
}

std::size_t ByteReader::get_count() {
  // Every element takes at least one byte, so a larger count can only come from a corrupt message.
  auto count = get<std::uint64_t>();
  if (count > bytes_.size() - position_)
    throw Error("malformed protocol message: a count larger than the message");
  return static_cast<std::size_t>(count);
}

std::string ByteReader::get_string() {
  auto size = get<std::uint64_t>();
  const char* first = take(size);
  return std::string(first, size);
}

SourceMark ByteReader::get_mark() {
  SourceMark mark;
  mark.file = get_string();
  mark.line = get<std::int32_t>();
  mark.column = get<std::int32_t>();
  return mark;
}

Value ByteReader::get_value() {
  SourceMark mark = get_mark();
  return get_unmarked_value().with_mark(std::move(mark));
}

Value ByteReader::get_unmarked_value() {
  switch (static_cast<Value::Kind>(get<std::uint8_t>())) {
    case Value::Kind::null: return Value();
    case Value::Kind::boolean: return Value(get<bool>());
    case Value::Kind::integer: return Value(get<std::int64_t>());
    case Value::Kind::real: return Value(get<double>());
    case Value::Kind::string: return Value(get_string());
    case Value::Kind::list: {
      Value::List items(get_count());
      for (Value& item : items) item = get_value();
      return Value(std::move(items));
    }
    case Value::Kind::map: {
      Value::Map entries(get_count());
      for (auto& [key, item] : entries) {
        key = get_string();
        item = get_value();
      }
      return Value(std::move(entries));
    }
  }
  throw Error("malformed protocol message: unknown value kind");
}

}  // namespace vmsweep::dist
