#pragma once
// Small helpers that turn a wrong sweep-file entry into one clear InputError:
// "FILE:LINE:COL: key 'k': what was expected".
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "vmsweep/common/did_you_mean.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep::sweep {

[[noreturn]] inline void fail(const Value& at, std::string_view key, const std::string& message) {
  throw key_error(at.mark(), key, message);
}

using vmsweep::closest_name;
using vmsweep::did_you_mean;

// Every key of `map` must be one of `allowed`. `section` is the mapping's own key ("" for the file's
// top level); an unknown key is reported as 'section.key', with a did-you-mean.
void check_keys(const Value& map, std::span<const std::string_view> allowed, std::string_view section);
const Value& require_map(const Value& value, std::string_view key);

std::int64_t positive_int(const Value& value, std::string_view key);  // >= 1
double finite_number(const Value& value, std::string_view key);
const std::string& nonempty_string(const Value& value, std::string_view key);

}  // namespace vmsweep::sweep
