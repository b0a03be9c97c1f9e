#pragma once
// SHA-256 (FIPS 180-4), so a results file can record which sweep file made it and a resume can
// refuse a changed one.
#include <string>
#include <string_view>

namespace vmsweep::sweep {

std::string sha256_hex(std::string_view data);

}  // namespace vmsweep::sweep
