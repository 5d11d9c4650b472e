#pragma once
// Paths and small helpers shared by the tests.
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap::test {

inline std::string source_path(const std::string& rel) { return std::string(RCMAP_SOURCE_DIR) + "/" + rel; }

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline Survey load(const std::string& units, const std::string& responses, Diagnostics& d,
                   Encoding enc = Encoding::auto_detect) {
  ReadOptions o;
  o.encoding = enc;
  return read_survey(source_path(units), source_path(responses), o, d);
}

inline const Tie& tie(const Survey& s, const Aggregate& a, const char* src, const char* tgt) {
  long k = a.find(*s.unit_index(src), *s.unit_index(tgt));
  if (k < 0) throw std::runtime_error(std::string("no tie ") + src + "->" + tgt);
  return a.ties[static_cast<std::size_t>(k)];
}

}  // namespace rcmap::test

#ifdef RCMAP_BINARY
#include "cli_run.hpp"  // run_rcmap, ScratchDir
namespace rcmap::test {
// Runs a shell command line; returns its exit code (-1 if it did not exit).
inline int shell(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}
// Standard output of a shell command line, through a file in `d`; throws if
// the command fails (the test then fails, naming it).
inline std::string command_output(const std::string& cmd, const ScratchDir& d) {
  const std::string file = d / ".cmd-output";
  if (shell(cmd + " > " + file) != 0) throw std::runtime_error("command failed: " + cmd);
  return slurp(file);
}
}  // namespace rcmap::test
#endif
