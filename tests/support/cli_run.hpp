#pragma once
// Running the rcmap executable from tests: exit code, captured output, and a
// temporary folder removed afterwards.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "temp_dir.hpp"

namespace rcmap::test {

// Runs `rcmap <args>`; stdout and stderr go to `log`. Returns the exit code.
inline int run_rcmap(const std::string& args, const std::string& log = "/dev/null") {
  const int rc = std::system((std::string(RCMAP_BINARY) + " " + args + " >" + log + " 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// A test's temporary folder (tests/support/temp_dir.hpp).
using ScratchDir = TempDir;

}  // namespace rcmap::test
