#pragma once
// Running the rcmap executable from tests: exit code, captured output, and a
// temporary folder removed afterwards.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace rcmap::test {

// Runs `rcmap <args>`; stdout and stderr go to `log`. Returns the exit code.
inline int run_rcmap(const std::string& args, const std::string& log = "/dev/null") {
  const int rc = std::system((std::string(RCMAP_BINARY) + " " + args + " >" + log + " 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const std::string& tag) {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("rcmap-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string operator/(const std::string& s) const { return (path / s).string(); }
};

}  // namespace rcmap::test
