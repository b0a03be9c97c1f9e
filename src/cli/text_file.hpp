#pragma once
// A text file that appears complete or not at all: written under "<name>.partial" in the same
// folder, then renamed over the final name.
#include <filesystem>
#include <string>

namespace vmsweep::cli {

// InputError naming the path when its folder cannot be written.
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace vmsweep::cli
