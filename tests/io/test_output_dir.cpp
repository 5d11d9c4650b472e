// All-or-nothing output (src/io/output_dir.cpp): rollback of a partial commit,
// removal of temporary files left by killed runs, the folder's lock, inputs
// never overwritten, private temporary files, leftovers of earlier runs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/output_dir.hpp"
#include "support/test_helpers.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rcmap::test::slurp;

namespace {
fs::path fresh(const std::string& name) {
  fs::path p = rcmap::test::fresh_path("outdir-" + name);
  fs::create_directories(p);
  return p;
}
void put(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
// Names in `d`, without the lock file and the list of outputs rcmap keeps there.
std::vector<std::string> listing(const fs::path& d) {
  std::vector<std::string> v;
  for (const auto& e : fs::directory_iterator(d)) {
    const std::string n = e.path().filename().string();
    if (n != ".rcmap.lock" && n != ".rcmap-outputs") v.push_back(n);
  }
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

TEST_CASE("with the folder's lock free, stale temporary files are removed whatever their PID", "[output]") {
  fs::path d = fresh("stale");
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // now a pid that no longer runs
  std::string dead = std::to_string(child), alive = std::to_string(::getppid());
  put(d / (".ties.csv.tmp-" + dead), "half");
  put(d / (".units.csv.old-" + dead), "backup");
  // A PID this process sees running: only the lock tells whether a run is
  // live (one in another PID namespace may show any PID).
  put(d / (".sides.csv.tmp-" + alive), "killed run, PID reused");
  fs::create_directories(d / ".rcmap-tmp-abcdefghijklmnop/S1");
  put(d / ".rcmap-tmp-abcdefghijklmnop/S1/ties.csv", "killed run");
  fs::create_directories(d / "S1/units");
  put(d / "S1" / (".ties.csv.tmp-" + alive), "killed run");
  put(d / "S1/units" / (".A.png.tmp-" + dead), "killed run");
  put(d / ".hidden.tmp-notapid", "user file");
  put(d / "ties.csv", "result");
  rcmap::OutputDir out(d.string());
  CHECK(listing(d).size() == 4);  // .hidden.tmp-notapid, its own temporary folder, S1, ties.csv
  CHECK(fs::exists(d / ".hidden.tmp-notapid"));
  CHECK(fs::is_empty(d / "S1/units"));
  CHECK(listing(d / "S1") == std::vector<std::string>{"units"});
  CHECK_FALSE(fs::exists(d / ".rcmap-tmp-abcdefghijklmnop"));
  fs::remove_all(d);
}

TEST_CASE("a second OutputDir on a locked folder fails at once with 'in use'", "[output][lock]") {
  fs::path d = fresh("locked");
  rcmap::OutputDir first(d.string());
  try {
    rcmap::OutputDir second(d.string());
    FAIL("the second OutputDir took the lock");
  } catch (const rcmap::OutputError& e) {
    CHECK(std::string(e.what()).find(d.string() + " is in use by another rcmap run") != std::string::npos);
  }
  first.write("a.csv", [](std::ostream& os) { os << "a"; });
  first.commit();  // the failed second one removed nothing of the first's
  CHECK(slurp((d / "a.csv").string()) == "a");
  fs::remove_all(d);
}

TEST_CASE("an input at a name the run writes is refused before anything is created", "[output][inputs]") {
  fs::path d = fresh("inputs");
  put(d / "in.csv", "input");
  put(d / "other.csv", "other input");
  fs::create_symlink(d / "other.csv", d / "link.csv");
  fs::create_hard_link(d / "in.csv", d / "hard.csv");
  auto options = [&](const std::string& name) {
    rcmap::OutputOptions o;
    o.inputs.add("units", (d / "in.csv").string());
    o.inputs.add("responses", (d / "other.csv").string());
    o.plan = {name, "units/*.png"};
    return o;
  };
  const fs::path out = d / "fresh";
  for (const char* name : {"in.csv", "link.csv", "hard.csv"}) {
    INFO(name);
    try {
      rcmap::OutputDir dir(d.string(), options(name));
      FAIL("not refused");
    } catch (const rcmap::UsageError& e) {
      const std::string m = e.what();
      CHECK(m.find("--out " + d.string() + " would overwrite the input ") != std::string::npos);
      CHECK(m.find("(results file " + (d / name).string() + "); choose another --out folder") != std::string::npos);
    }
  }
  // A wildcard name: every match in its folder.
  fs::create_directories(d / "units");
  fs::create_symlink(d / "in.csv", d / "units/A.png");
  CHECK_THROWS_AS(rcmap::OutputDir(d.string(), options("x.csv")), rcmap::UsageError);
  CHECK(listing(d) == std::vector<std::string>{"hard.csv", "in.csv", "link.csv", "other.csv", "units"});
  // Nothing created: not the folder, not the lock file.
  fs::create_symlink(d / "in.csv", d / "in-link.csv");
  {
    rcmap::OutputOptions o = options("x.csv");
    o.plan = {"x.csv"};
    CHECK_THROWS_AS(rcmap::OutputDir((out / "sub").string(),
                                     [&] {
                                       rcmap::OutputOptions p = o;
                                       p.inputs.add("mapping",
                                                    (out / "sub/x.csv").string());  // equal by name, not there yet
                                       return p;
                                     }()),
                    rcmap::UsageError);
  }
  CHECK_FALSE(fs::exists(out));
  // temp_path checks each name again (a site folder's names are known late).
  {
    rcmap::OutputOptions o = options("x.csv");
    o.plan = {"*/units.csv", "x.csv"};
    fs::create_directories(d / "S1");
    fs::create_hard_link(d / "in.csv", d / "S1/units.csv");
    rcmap::OutputDir dir(d.string(), o);
    CHECK_NOTHROW(dir.temp_path("x.csv"));
    CHECK_THROWS_AS(dir.temp_path("S1/units.csv"), rcmap::UsageError);
    CHECK_THROWS_AS(dir.temp_path("y.csv"), std::logic_error);  // not declared in the plan
  }
  CHECK(slurp((d / "in.csv").string()) == "input");
  CHECK_FALSE(fs::exists(d / "x.csv"));
  fs::remove_all(d);
}

TEST_CASE("temporary files are private and new, links and FIFOs at final names are replaced, not written through",
          "[output][links]") {
  fs::path d = fresh("links");
  const fs::path victim = d.parent_path() / ("rcmap-outdir-victim-" + std::to_string(::getpid()));
  put(victim, "victim");
  fs::create_symlink(victim, d / "a.csv");
  REQUIRE(::mkfifo((d / "b.csv").c_str(), 0644) == 0);
  fs::create_directories(d / "sub");
  fs::create_symlink(victim, d / "sub/c.csv");
  {
    rcmap::OutputDir out(d.string());
    const std::string t = out.temp_path("x.csv");
    struct stat st, folder;
    REQUIRE(::lstat(t.c_str(), &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    REQUIRE(::stat(fs::path(t).parent_path().c_str(), &folder) == 0);
    CHECK((folder.st_mode & 0777) == 0700);  // nobody else can plant anything beside it
    CHECK(fs::path(t).parent_path().filename().string().rfind(".rcmap-tmp-", 0) == 0);
    CHECK(fs::path(t).parent_path().filename().string().size() == 11 + 16);
    std::FILE* f = rcmap::open_output_file(t);
    REQUIRE(f);
    std::fputs("x", f);
    std::fclose(f);
    for (const char* n : {"a.csv", "b.csv", "sub/c.csv"}) out.write(n, [&](std::ostream& os) { os << "new " << n; });
    out.commit();
  }
  CHECK(slurp(victim.string()) == "victim");
  for (const char* n : {"a.csv", "b.csv", "sub/c.csv", "x.csv"}) {
    INFO(n);
    CHECK(fs::is_regular_file(fs::symlink_status(d / n)));
  }
  CHECK(slurp((d / "b.csv").string()) == "new b.csv");
  CHECK(slurp((d / "x.csv").string()) == "x");
  // open_output_file never writes through a link or into a FIFO.
  fs::create_symlink(victim, d / "link");
  errno = 0;
  CHECK(rcmap::open_output_file((d / "link").string()) == nullptr);
  CHECK(errno == ELOOP);
  REQUIRE(::mkfifo((d / "fifo").c_str(), 0644) == 0);
  CHECK(rcmap::open_output_file((d / "fifo").string()) == nullptr);
  CHECK(slurp(victim.string()) == "victim");
  fs::remove(victim);
  fs::remove_all(d);
}

TEST_CASE("a rerun removes its own earlier outputs it did not rewrite, never other files", "[output][leftovers]") {
  fs::path d = fresh("leftovers");
  rcmap::OutputOptions o;
  o.plan = o.scope = {"*.csv", "*.png", "units/*.png"};
  o.quiet = true;
  {
    rcmap::OutputDir out(d.string(), o);
    for (const char* n : {"t.csv", "map.png", "units/A.png", "units/B.png"})
      out.write(n, [](std::ostream& os) { os << "first"; });
    out.commit();
    CHECK(out.removed().empty());
  }
  CHECK(slurp((d / ".rcmap-outputs").string()).find("\nmap.png\nt.csv\nunits/A.png\nunits/B.png\n") !=
        std::string::npos);
  put(d / "user.png", "not rcmap's");
  put(d / "notes.txt", "not rcmap's");
  {
    rcmap::OutputOptions narrow = o;
    narrow.scope = {"*.csv", "*.png"};  // units/ outside this command's scope: kept
    rcmap::OutputDir out(d.string(), narrow);
    out.write("t.csv", [](std::ostream& os) { os << "second"; });
    out.commit();
    CHECK(out.removed() == std::vector<std::string>{"map.png"});
  }
  CHECK(listing(d) == std::vector<std::string>{"notes.txt", "t.csv", "units", "user.png"});
  {
    rcmap::OutputDir out(d.string(), o);
    out.write("t.csv", [](std::ostream& os) { os << "third"; });
    out.commit();
    CHECK(out.removed() == std::vector<std::string>{"units/A.png", "units/B.png"});
  }
  CHECK(listing(d) == std::vector<std::string>{"notes.txt", "t.csv", "user.png"});  // units/ was emptied: removed
  CHECK(slurp((d / ".rcmap-outputs").string()).find("\nt.csv\n") != std::string::npos);
  CHECK(slurp((d / ".rcmap-outputs").string()).find("png") == std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("a run ended by a shortened input (SIGBUS, exit 2) leaves no temporary file and no new folder",
          "[output][mapped]") {
  fs::path d = fresh("sigbus");
  const fs::path out = d / "new" / "out";
  const fs::path input = d / "big.csv";
  {
    std::ofstream f(input, std::ios::binary);
    f << "id,text\n";
    for (int i = 0; i < 200000; ++i) f << i << ",text " << i << "\n";
  }
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 2);
    rcmap::OutputDir dir(out.string());
    dir.write("a.csv", [](std::ostream& os) { os << "half"; });
    rcmap::Diagnostics diags;
    rcmap::CsvReader r = rcmap::CsvReader::open(input.string(), rcmap::Encoding::utf8, diags);
    ::truncate(input.c_str(), 4096);
    std::vector<std::string_view> fields;
    std::size_t line;
    while (r.next(fields, line)) {
    }
    ::_exit(0);  // not reached
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK_FALSE(fs::exists(d / "new"));
  fs::remove_all(d);
}
