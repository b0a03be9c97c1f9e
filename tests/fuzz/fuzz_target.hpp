#pragma once
// The entry point every fuzz target defines. libFuzzer calls it with generated inputs
// (VMSWEEP_FUZZ builds); replay_main.cpp calls it with the files of a corpus (every build).
// A target returns normally for any input it handles; a crash, a sanitizer report, an uncaught
// exception or a hang is a bug.
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
