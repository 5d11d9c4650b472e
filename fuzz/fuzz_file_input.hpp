#pragma once
// The .xlsx and .sav readers take a path (minizip and ReadStat open files
// themselves): the fuzz input is written to a per-process temporary file.
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace rcmap::fuzz {

inline std::string input_file(const std::uint8_t* data, std::size_t size, const char* suffix) {
  std::string path = "/tmp/rcmap-fuzz-" + std::to_string(::getpid()) + suffix;
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  return path;
}

}  // namespace rcmap::fuzz
