// The figure module (src/cli/figure_module.hpp): the rcmap executable draws
// through rcmap-figures.so, loaded only by runs that draw.
#include <catch2/catch.hpp>
#include <fstream>

#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
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

TEST_CASE("a module file that does not load (loaded while the input is read) gives exit 3 and writes nothing",
          "[cli][figures]") {
  ScratchDir tmp("figmod-bad");
  { std::ofstream(tmp / "bad.so") << "not a shared object\n"; }
  const std::string log = tmp / "log";
  const int rc = std::system(("env RCMAP_FIGURE_MODULE=" + (tmp / "bad.so") + " " + RCMAP_BINARY + " analyze" +
                              kSample + " --out " + (tmp / "out") + " >" + log + " 2>&1")
                                 .c_str());
  CHECK(WEXITSTATUS(rc) == 3);
  const std::string text = rcmap::test::slurp(log);
  CHECK(text.find("cannot load the figure module rcmap-figures.so") != std::string::npos);
  CHECK(text.find(tmp / "bad.so") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "out"));  // nothing written
}

namespace {
// name -> bytes of every file under `dir` (relative names).
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = rcmap::test::slurp(e.path().string());
  return out;
}
// stderr with the random temporary folder name replaced.
std::string without_temp_name(std::string text) {
  return std::regex_replace(text, std::regex("\\.rcmap-tmp-[0-9a-z]+"), ".rcmap-tmp-X");
}
}  // namespace

TEST_CASE("analyze --by-site forks a figure process per site and ends, with the files of one process",
          "[cli][figures][render]") {
  // The fork waits until Pango's own font threads of the site before have
  // ended (draw_figures.cpp write_aside): a child copied while one of them
  // held the allocator's lock waited forever (seen under ASan). `timeout`
  // turns such a hang into a failure.
  ScratchDir tmp("figproc-sites");
  const std::string gen = std::string(RCMAP_BINARY) + " sample --out " + (tmp / "in") +
                          " --seed 3 --sites 3 --respondents 360 -q >/dev/null 2>&1";
  REQUIRE(std::system(gen.c_str()) == 0);
  auto run = [&](const char* processes, const std::string& out) {
    const std::string cmd = "timeout 300 env RCMAP_FIGURE_PROCESSES=" + std::string(processes) + " " + RCMAP_BINARY +
                            " analyze --units " + (tmp / "in/units.csv") + " --responses " +
                            (tmp / "in/responses.csv") + " --by-site --formats png --out " + (tmp / out) +
                            " -q >/dev/null 2>&1";
    const int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  REQUIRE(run("1", "one") == 0);
  const auto a = snapshot(tmp / "one");
  REQUIRE(a.count("S2/map.png") == 1);
  for (int i = 0; i < 3; ++i) {
    const std::string out = "two-" + std::to_string(i);
    REQUIRE(run("2", out) == 0);
    const auto b = snapshot(tmp / out);
    CHECK(a.size() == b.size());
    for (const auto& [name, bytes] : a) {
      if (name.find("summary.json") != std::string::npos || name.find("project.ini") != std::string::npos) continue;
      INFO(name);
      CHECK((b.count(name) == 1 && b.at(name) == bytes));
    }
  }
}

TEST_CASE("PNG figures drawn by a second process: same files, and a failing one gives exit 3 and changes nothing",
          "[cli][figures][render]") {
  // docs/outputs.md "Output safety", src/cli/figure_args.hpp write_aside.
  ScratchDir tmp("figproc");
  const std::string one = "env RCMAP_FIGURE_PROCESSES=1 ", two = "env RCMAP_FIGURE_PROCESSES=2 ";
  auto analyze = [&](const std::string& env, const std::string& out, const std::string& limit = "") {
    // A file-size limit (ulimit -f, in KiB; SIGXFSZ ignored so that write fails with EFBIG).
    const std::string pre = limit.empty() ? "" : "trap '' XFSZ; ulimit -f " + limit + "; ";
    const std::string cmd =
        pre + env + RCMAP_BINARY + " analyze" + kSample + " --out " + (tmp / out) + " -q 2>" + (tmp / (out + ".err"));
    const int rc = std::system(("sh -c \"" + cmd + "\"").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  REQUIRE(analyze(one, "one") == 0);
  REQUIRE(analyze(two, "two") == 0);
  const auto a = snapshot(tmp / "one"), b = snapshot(tmp / "two");
  REQUIRE(a.count("map.png") == 1);
  REQUIRE(a.count("report.html") == 1);
  for (const auto& [name, bytes] : a) {
    if (name == "summary.json" || name == "project.ini") continue;  // they record the --out folder
    INFO(name);
    CHECK(b.count(name) == 1);
    CHECK((b.count(name) == 1 && b.at(name) == bytes));
  }
  CHECK(a.size() == b.size());

  // 600 KiB: map.png (about 960 KiB, drawn by the second process) cannot be
  // written; every other output of the sample is smaller. The earlier
  // results stay as they were, no temporary file is left, and the message is
  // the one a single process gives.
  fs::copy(tmp / "two", tmp / "again", fs::copy_options::recursive);
  const auto before = snapshot(tmp / "again");
  REQUIRE(a.at("map.png").size() > 600 * 1024);
  for (const auto& [name, bytes] : a)
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".png") != 0) REQUIRE(bytes.size() < 600 * 1024);
  CHECK(analyze(two, "again", "600") == 3);
  const std::string err_two = without_temp_name(rcmap::test::slurp(tmp / "again.err"));
  CHECK(err_two.find("map.png") != std::string::npos);
  CHECK(snapshot(tmp / "again") == before);
  CHECK(analyze(one, "again", "600") == 3);
  CHECK(without_temp_name(rcmap::test::slurp(tmp / "again.err")) == err_two);
  CHECK(snapshot(tmp / "again") == before);
  // A fresh folder: nothing is left at all.
  CHECK(analyze(two, "fresh", "600") == 3);
  CHECK_FALSE(fs::exists(tmp / "fresh"));
}

#endif
