// The figure module (src/cli/figure_module.hpp): the rcmap executable draws
// through rcmap-figures.so, loaded only by runs that draw.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "support/test_helpers.hpp"

#if defined(RCMAP_BINARY) && defined(RCMAP_WITH_RENDER)

namespace fs = std::filesystem;
using rcmap::test::ScratchDir;

namespace {
std::string command_output(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}
const std::string kSample = std::string(" --units ") + RCMAP_SOURCE_DIR + "/samples/units.csv --responses " +
                            RCMAP_SOURCE_DIR + "/samples/responses.csv";
}  // namespace

TEST_CASE("the rcmap executable is not linked to Cairo or Pango", "[cli][figures]") {
  const std::string libs = command_output(std::string("ldd ") + RCMAP_BINARY);
  REQUIRE(libs.find("libigraph") != std::string::npos);  // ldd did list the libraries
  CHECK(libs.find("libcairo") == std::string::npos);
  CHECK(libs.find("libpango") == std::string::npos);
  const fs::path module = fs::path(RCMAP_BINARY).parent_path() / "rcmap-figures.so";
  REQUIRE(fs::exists(module));
  CHECK(command_output("ldd " + module.string()).find("libcairo") != std::string::npos);
}

TEST_CASE("a missing figure module is reported before any work, --no-render needs none", "[cli][figures]") {
  ScratchDir tmp("figmod");
  const std::string missing = "RCMAP_FIGURE_MODULE=" + (tmp / "none.so") + " ";
  const std::string log = tmp / "log";
  // The variable goes through env(1) (run_rcmap starts with the binary).
  const int rc = std::system(
      ("env " + missing + RCMAP_BINARY + " analyze" + kSample + " --out " + (tmp / "out") + " >" + log + " 2>&1")
          .c_str());
  CHECK(WEXITSTATUS(rc) == 3);
  const std::string text = rcmap::test::slurp(log);
  CHECK(text.find("cannot load the figure module rcmap-figures.so") != std::string::npos);
  CHECK(text.find(tmp / "none.so") != std::string::npos);
  CHECK(text.find("--no-render") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "out/ties.csv"));  // nothing analysed or written

  const int ok = std::system(("env " + missing + RCMAP_BINARY + " analyze" + kSample + " --out " + (tmp / "tables") +
                              " --no-render -q >" + log + " 2>&1")
                                 .c_str());
  CHECK(WEXITSTATUS(ok) == 0);
  CHECK(fs::exists(tmp / "tables/ties.csv"));
  CHECK(fs::exists(tmp / "tables/workbook.xlsx"));
}

#endif
