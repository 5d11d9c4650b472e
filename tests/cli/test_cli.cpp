// End-to-end runs of the rcmap executable.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>
#include <sys/wait.h>

#include "support/test_helpers.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

// Runs rcmap with `args`; returns its exit code. Output goes to `log`.
int run(const std::string& args, const std::string& log = "/dev/null") {
  std::string cmd = std::string(RCMAP_BINARY) + " " + args + " >" + log + " 2>&1";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string first_line(const std::string& path) {
  std::string s = slurp(path);
  return s.substr(0, s.find('\n'));
}

struct TempDir : rcmap::test::TempDir {
  TempDir() : rcmap::test::TempDir("cli") {}
};

const std::string kSample =
    "--units " + source_path("samples/units.csv") + " --responses " + source_path("samples/responses.csv");

}  // namespace

TEST_CASE("analyze on the sample writes the documented files and columns", "[cli]") {
  TempDir t;
  REQUIRE(run("analyze " + kSample + " --out " + t / "out") == 0);
  CHECK(first_line(t / "out/ties.csv") ==
        "source,target,source_label,target_label,source_side,target_side,n,rc,rc_sd,rc_ci_low,rc_ci_high,"
        "frequent,timely,accurate,problem_solving,shared_goals,shared_knowledge,mutual_respect,strength,"
        "communication,relationship,reverse_rc,asymmetry,edge_betweenness,bridge,overlap,certainty");
  std::string summary = slurp(t / "out/summary.json");
  CHECK(first_line(t / "out/units.csv") ==
        "unit,label,side,headcount,respondents,response_rate,rc_given,rc_received,rc_within,in_strength,"
        "out_strength,betweenness,closeness_in,closeness_out,harmonic,pagerank,hub,authority_score,"
        "constraint,effective_size,clustering,coreness,broker_coordinator,broker_itinerant,"
        "broker_gatekeeper,broker_representative,broker_liaison,community,bridge_pairs,blank_reason");
  CHECK(first_line(t / "out/gaps.csv") ==
        "source,target,source_side,target_side,rc,n,reverse_rc,asymmetry,kind,severity,rc_ci_low,rc_ci_high,"
        "certainty,group");
  CHECK(first_line(t / "out/bridges.csv") ==
        "source,target,bridge,rank,source_to_bridge_rc,source_to_bridge_n,bridge_to_source_rc,bridge_to_source_n,"
        "target_to_bridge_rc,target_to_bridge_n,bridge_to_target_rc,bridge_to_target_n");
  CHECK(summary.find("\"distance\": \"inverse\"") != std::string::npos);
  CHECK(first_line(t / "out/sides.csv") == "source_side,target_side,n,rc,ties");
  CHECK(summary.find("\"sha256\": \"") != std::string::npos);
  CHECK(summary.find("\"respondents\": 300") != std::string::npos);
  // No temporary files left behind: the only hidden files are the folder's
  // lock file and the list of rcmap's outputs (docs/outputs.md "Output safety").
  for (const auto& e : fs::directory_iterator(t.path / "out")) {
    const std::string n = e.path().filename().string();
    CHECK((n[0] != '.' || n == ".rcmap.lock" || n == ".rcmap-outputs"));
  }
}

TEST_CASE("suppressed ties have blank scores in ties.csv", "[cli][anonymity]") {
  TempDir t;
  REQUIRE(run("analyze " + kSample + " --out " + t / "out") == 0);
  std::istringstream in(slurp(t / "out/ties.csv"));
  std::string line;
  int suppressed = 0;
  while (std::getline(in, line)) {
    if (line.find(",suppressed,") == std::string::npos) continue;
    ++suppressed;
    // source..n then 11 blank score columns, "suppressed", 2 blank indices, blank tie metrics
    CHECK(line.find(",,,,,,,,,,,suppressed,,,,,,,") != std::string::npos);
  }
  CHECK(suppressed > 0);
}

TEST_CASE("same input and options give byte-identical outputs", "[cli]") {
  TempDir t;
  REQUIRE(run("analyze " + kSample + " --out " + t / "a") == 0);
  REQUIRE(run("analyze " + kSample + " --out " + t / "b") == 0);
  for (const char* f : {"ties.csv", "units.csv", "sides.csv"}) CHECK(slurp(t / "a/" + f) == slurp(t / "b/" + f));
}

TEST_CASE("invalid input exits 2, writes nothing, and keeps earlier results", "[cli]") {
  TempDir t;
  REQUIRE(run("analyze " + kSample + " --out " + t / "out") == 0);
  std::string before = slurp(t / "out/ties.csv");
  std::string bad =
      "--units " + source_path("samples/bad/units.csv") + " --responses " + source_path("samples/bad/bad_score.csv");
  CHECK(run("analyze " + bad + " --out " + t / "out", t / "log") == 2);
  CHECK(slurp(t / "out/ties.csv") == before);
  CHECK(slurp(t / "log").find("bad_score.csv:2:5 (timely): error: score '7'") != std::string::npos);
  CHECK(run("analyze " + bad + " --out " + t / "fresh") == 2);
  CHECK_FALSE(fs::exists(t / "fresh"));
}

TEST_CASE("usage errors exit 1 and --help shows an example", "[cli]") {
  TempDir t;
  CHECK(run("analyze --units x.csv") == 1);
  CHECK(run("frobnicate") == 1);
  CHECK(run("analyze " + kSample + " --out " + t / "o" + " --min-n 2", t / "log") == 1);
  CHECK(slurp(t / "log").find("--min-n 2 is too small") != std::string::npos);
  CHECK(run("analyze --help", t / "help") == 0);
  CHECK(slurp(t / "help").find("Example:") != std::string::npos);
}

TEST_CASE("an unwritable output folder exits 3", "[cli]") {
  if (::geteuid() == 0) {
    // root ignores permissions; a path under a regular file cannot be created either.
    TempDir t;
    { std::ofstream(t / "file") << "x"; }
    CHECK(run("analyze " + kSample + " --out " + t / "file/out") == 3);
    return;
  }
  TempDir t;
  fs::create_directories(t.path / "ro");
  fs::permissions(t.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  CHECK(run("analyze " + kSample + " --out " + t / "ro/out") == 3);
}

TEST_CASE("sample is deterministic for a seed and validates", "[cli]") {
  TempDir t;
  REQUIRE(run("sample --out " + t / "s1 --seed 3 --respondents 120 --units 20") == 0);
  REQUIRE(run("sample --out " + t / "s2 --seed 3 --respondents 120 --units 20") == 0);
  CHECK(slurp(t / "s1/responses.csv") == slurp(t / "s2/responses.csv"));
  CHECK(run("validate --units " + t / "s1/units.csv --responses " + t / "s1/responses.csv") == 0);
  // The shipped sample is exactly `rcmap sample --seed 1`.
  REQUIRE(run("sample --out " + t / "s3 --seed 1") == 0);
  CHECK(slurp(t / "s3/responses.csv") == slurp(source_path("samples/responses.csv")));
}

TEST_CASE("project.ini and summary.json rerun the same analysis, the command line wins", "[cli][config]") {
  TempDir t;
  fs::copy_file(source_path("samples/units.csv"), t / "units.csv");
  fs::copy_file(source_path("samples/responses.csv"), t / "responses.csv");
  std::string in = "--units " + t / "units.csv" + " --responses " + t / "responses.csv";
  REQUIRE(run("analyze " + in + " --min-n 8 --weak-below 3.25 --out " + t / "a") == 0);
  CHECK(slurp(t / "a/project.ini").find("min-n = 8\n") != std::string::npos);
  REQUIRE(run("analyze --config " + t / "a/project.ini" + " --out " + t / "b") == 0);
  REQUIRE(run("analyze --config " + t / "a/summary.json" + " --out " + t / "c") == 0);
  CHECK(slurp(t / "b/ties.csv") == slurp(t / "a/ties.csv"));
  CHECK(slurp(t / "c/ties.csv") == slurp(t / "a/ties.csv"));
  // Overriding min-n changes which ties are suppressed.
  REQUIRE(run("analyze --config " + t / "a/project.ini" + " --min-n 5 --out " + t / "d") == 0);
  CHECK(slurp(t / "d/ties.csv") != slurp(t / "a/ties.csv"));
  CHECK(slurp(t / "d/summary.json").find("\"min-n\": \"5\"") != std::string::npos);
  // A changed input is reported against the checksum in summary.json.
  { std::ofstream(t / "responses.csv", std::ios::app) << "Rx,MYN-N,SUND,3,3,3,3,3,3,3\n"; }
  REQUIRE(run("analyze --config " + t / "a/summary.json" + " --out " + t / "e", t / "log") == 0);
  CHECK(slurp(t / "log").find("differs from the one the project file was made from") != std::string::npos);
}

TEST_CASE("workbook.xlsx holds the tables as numbers, read back by openpyxl", "[cli][workbook]") {
  if (std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") != 0) {
    WARN("python3-openpyxl missing: workbook not read back");
    return;
  }
  TempDir t;
  REQUIRE(run("analyze " + kSample + " --out " + t / "out") == 0);
  std::string reader =
      "/usr/bin/python3 " + source_path("tests/support/read_workbook.py") + " " + t / "out/workbook.xlsx";
  REQUIRE(std::system((reader + " > " + t / "sheets").c_str()) == 0);
  CHECK(slurp(t / "sheets") == "Ties\nUnits\nGaps\nBridges\nSides\nMatrix\nMethod\n");
  REQUIRE(std::system((reader + " Ties > " + t / "ties").c_str()) == 0);
  // Row by row, the workbook's rc equals ties.csv's (6 decimals) and suppressed rows are blank.
  std::istringstream csv(slurp(t / "out/ties.csv")), book(slurp(t / "ties"));
  std::string cl, bl;
  std::getline(csv, cl);
  std::getline(book, bl);
  CHECK(bl.rfind("source\ttarget\tsource_label", 0) == 0);
  int rows = 0, blank = 0;
  while (std::getline(book, bl) && std::getline(csv, cl)) {
    ++rows;
    std::vector<std::string> f;
    std::string x;
    std::istringstream bs(bl);
    while (std::getline(bs, x, '\t')) f.push_back(x);
    REQUIRE(f.size() >= 8);
    if (f[7].empty()) {
      ++blank;
      CHECK(cl.find(",suppressed,") != std::string::npos);
    } else {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6f", std::stod(f[7]));
      CHECK(cl.find(std::string(",") + buf + ",") != std::string::npos);
    }
  }
  CHECK(rows == 256);
  CHECK(blank == 32);
  REQUIRE(std::system((reader + " Ties info > " + t / "info").c_str()) == 0);
  CHECK(slurp(t / "info").find("freeze A2") != std::string::npos);
  CHECK(slurp(t / "info").find("suppressed: fewer than 5 respondents") != std::string::npos);
}

TEST_CASE("responses read from a pipe give the same ties, and summary.json records no checksum for them", "[cli]") {
  TempDir t;
  REQUIRE(run("analyze " + kSample + " --out " + (t / "file") + " -q --no-render") == 0);
  // A real pipe: `cat` writes, rcmap reads /dev/stdin once.
  const std::string cmd = "cat " + source_path("samples/responses.csv") + " | " + RCMAP_BINARY + " analyze --units " +
                          source_path("samples/units.csv") + " --responses /dev/stdin --out " + (t / "pipe") +
                          " -q --no-render >" + (t / "log") + " 2>&1";
  const int rc = std::system(cmd.c_str());
  INFO(slurp(t / "log"));
  REQUIRE(WIFEXITED(rc));
  REQUIRE(WEXITSTATUS(rc) == 0);
  CHECK(slurp(t / "pipe/ties.csv") == slurp(t / "file/ties.csv"));
  const std::string summary = slurp(t / "pipe/summary.json");
  const auto at = summary.find("\"path\": \"/dev/stdin\"");
  REQUIRE(at != std::string::npos);
  const std::string sha = summary.substr(summary.find("\"sha256\"", at), 14);
  CHECK(sha == "\"sha256\": null");
}

TEST_CASE("a --config file (INI or summary.json) that starts with a byte-order mark is read", "[cli][config]") {
  TempDir t;
  const std::string bom = "\xEF\xBB\xBF";
  REQUIRE(run("analyze " + kSample + " --min-n 8 --no-render --out " + t / "a") == 0);
  // Saved again by an editor that writes UTF-8 with a BOM (Notepad, Excel).
  { std::ofstream(t / "project.ini", std::ios::binary) << bom << slurp(t / "a/project.ini"); }
  { std::ofstream(t / "summary.json", std::ios::binary) << bom << slurp(t / "a/summary.json"); }
  { std::ofstream(t / "first.ini", std::ios::binary) << bom << "min-n = 9\n"; }  // an option on the first line
  REQUIRE(run("analyze --config " + t / "project.ini" + " --out " + t / "b") == 0);
  REQUIRE(run("analyze --config " + t / "summary.json" + " --out " + t / "c") == 0);
  REQUIRE(run("analyze " + kSample + " --config " + t / "first.ini" + " --no-render --out " + t / "d") == 0);
  CHECK(slurp(t / "b/ties.csv") == slurp(t / "a/ties.csv"));
  CHECK(slurp(t / "c/ties.csv") == slurp(t / "a/ties.csv"));
  CHECK(slurp(t / "d/summary.json").find("\"min-n\": \"9\"") != std::string::npos);
}
