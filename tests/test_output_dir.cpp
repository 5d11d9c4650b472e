// All-or-nothing output (src/output_dir.cpp): rollback of a partial commit
// and removal of temporary files left by killed runs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "rcmap/diagnostics.hpp"
#include "rcmap/output_dir.hpp"
#include "test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::slurp;

namespace {
fs::path fresh(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("rcmap-outdir-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}
void put(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
std::vector<std::string> listing(const fs::path& d) {
  std::vector<std::string> v;
  for (const auto& e : fs::directory_iterator(d)) v.push_back(e.path().filename().string());
  std::sort(v.begin(), v.end());
  return v;
}
}  // namespace

TEST_CASE("a failed rename rolls back the files already moved into place", "[output]") {
  fs::path d = fresh("rollback");
  put(d / "a.csv", "old a");
  fs::create_directory(d / "c.csv");  // c.csv cannot be replaced by a file
  {
    rcmap::OutputDir out(d.string());
    out.write("a.csv", [](std::ostream& os) { os << "new a"; });
    out.write("b.csv", [](std::ostream& os) { os << "new b"; });  // did not exist before
    out.write("c.csv", [](std::ostream& os) { os << "new c"; });
    CHECK_THROWS_AS(out.commit(), rcmap::OutputError);
  }
  CHECK(slurp((d / "a.csv").string()) == "old a");
  CHECK(listing(d) == std::vector<std::string>{"a.csv", "c.csv"});  // no b.csv, no temporaries
  fs::remove_all(d);
}

TEST_CASE("a successful commit replaces files and leaves no backup", "[output]") {
  fs::path d = fresh("commit");
  put(d / "a.csv", "old a");
  put(d / "keep.txt", "user file");
  {
    rcmap::OutputDir out(d.string());
    out.write("a.csv", [](std::ostream& os) { os << "new a"; });
    out.commit();
  }
  CHECK(slurp((d / "a.csv").string()) == "new a");
  CHECK(listing(d) == std::vector<std::string>{"a.csv", "keep.txt"});
  fs::remove_all(d);
}

TEST_CASE("temporary files of dead rcmap processes are removed, others kept", "[output]") {
  fs::path d = fresh("stale");
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // now a pid that no longer runs
  std::string dead = std::to_string(child), alive = std::to_string(::getppid());
  put(d / (".ties.csv.tmp-" + dead), "half");
  put(d / (".units.csv.old-" + dead), "backup");
  put(d / (".sides.csv.tmp-" + alive), "another run in progress");
  put(d / ".hidden.tmp-notapid", "user file");
  put(d / "ties.csv", "result");
  rcmap::OutputDir out(d.string());
  CHECK(listing(d) == std::vector<std::string>{".hidden.tmp-notapid", ".sides.csv.tmp-" + alive, "ties.csv"});
  fs::remove_all(d);
}
