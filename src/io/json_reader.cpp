#include "json_reader.hpp"

#include <cctype>
#include <cstdlib>

#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

namespace {

class JsonReader {
public:
  JsonReader(std::string_view text, const std::string& origin) : text_(text), origin_(origin) {}

  Value document() {
    Value value = any();
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the value");
    return value;
  }

private:
  Value any() {
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end");
    char c = text_[pos_];
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return Value(string());
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) return number();
    return literal();
  }

  Value object() {
    Value::Map map;
    ++pos_;
    if (consume('}')) return Value(std::move(map));
    do {
      skip_space();
      std::string key = string();
      expect(':');
      map.emplace_back(std::move(key), any());
    } while (consume(','));
    expect('}');
    return Value(std::move(map));
  }

  Value array() {
    Value::List list;
    ++pos_;
    if (consume(']')) return Value(std::move(list));
    do list.push_back(any());
    while (consume(','));
    expect(']');
    return Value(std::move(list));
  }

  std::string string() {
    if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a string");
    std::string out;
    for (++pos_; pos_ < text_.size() && text_[pos_] != '"'; ++pos_) {
      if (text_[pos_] != '\\') {
        out += text_[pos_];
        continue;
      }
      if (++pos_ >= text_.size()) break;
      escape(text_[pos_], out);
    }
    if (pos_ >= text_.size()) fail("unterminated string");
    ++pos_;
    return out;
  }

  void escape(char code, std::string& out) {
    switch (code) {
      case 'n': out += '\n'; return;
      case 't': out += '\t'; return;
      case 'r': out += '\r'; return;
      case 'b': out += '\b'; return;
      case 'f': out += '\f'; return;
      case 'u': append_utf8(hex_code_point(), out); return;
      default: out += code;  // \" \\ \/
    }
  }

  unsigned hex_code_point() {
    if (pos_ + 4 >= text_.size()) fail("short \\u escape");
    unsigned code = static_cast<unsigned>(std::strtoul(std::string(text_.substr(pos_ + 1, 4)).c_str(), nullptr, 16));
    pos_ += 4;
    return code;
  }

  static void append_utf8(unsigned code, std::string& out) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  Value number() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && std::string_view("+-0123456789.eE").find(text_[pos_]) != std::string_view::npos) ++pos_;
    std::string token(text_.substr(start, pos_ - start));
    char* end = nullptr;
    if (token.find_first_of(".eE") == std::string::npos) {
      long long integer = std::strtoll(token.c_str(), &end, 10);
      if (*end == '\0') return Value(static_cast<std::int64_t>(integer));
    }
    double real = std::strtod(token.c_str(), &end);
    if (*end != '\0') fail("malformed number '" + token + "'");
    return Value(real);
  }

  Value literal() {
    for (auto [word, value] : {std::pair{"true", Value(true)}, {"false", Value(false)}, {"null", Value()}}) {
      std::string_view w(word);
      if (text_.substr(pos_, w.size()) == w) {
        pos_ += w.size();
        return value;
      }
    }
    fail("unexpected character");
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool consume(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void expect(char c) {
    if (!consume(c)) fail(std::string("expected '") + c + "'");
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(origin_ + ": malformed JSON at character " + std::to_string(pos_) + ": " + what);
  }

  std::string_view text_;
  const std::string& origin_;
  std::size_t pos_ = 0;
};

}  // namespace

Value parse_json(std::string_view text, const std::string& origin) { return JsonReader(text, origin).document(); }

}  // namespace vmsweep::io
