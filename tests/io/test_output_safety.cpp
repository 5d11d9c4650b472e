// Output safety of every writing command, end to end (docs/outputs.md
// "Output safety"): inputs are never overwritten, temporary files cannot be
// redirected, one writer per folder, signals clean up, and a rerun removes
// its own earlier outputs that it did not rewrite.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "support/test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::ScratchDir;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

const std::string kUnits = source_path("samples/units.csv"), kResponses = source_path("samples/responses.csv");

// Starts rcmap with `args` (stdout and stderr to `log`); `in_child` runs in
// the child just before exec (it may plant files named after its own PID).
pid_t spawn(const std::vector<std::string>& args, const std::string& log, const std::function<void()>& in_child = {}) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) ::signal(sig, SIG_DFL);  // as from a shell
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (in_child) in_child();
    std::vector<char*> argv{const_cast<char*>(RCMAP_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(RCMAP_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

// Waits for `pid` at most `seconds`; kills it if it takes longer. The wait
// status, or -1 after a kill.
int wait_for(pid_t pid, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > end) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return status;
}

int exit_code(int status) { return status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

int rcmap_run(const std::vector<std::string>& args, const std::string& log = "/dev/null", double seconds = 120) {
  return exit_code(wait_for(spawn(args, log), seconds));
}

void put(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

// Every entry under `d` (relative name -> bytes, "->target" for a link, "<dir>").
std::map<std::string, std::string> snapshot(const fs::path& d) {
  std::map<std::string, std::string> out;
  if (!fs::exists(d)) return out;
  for (auto it = fs::recursive_directory_iterator(d); it != fs::recursive_directory_iterator(); ++it) {
    const std::string rel = it->path().lexically_relative(d).string();
    const auto st = it->symlink_status();
    if (fs::is_symlink(st))
      out[rel] = "->" + fs::read_symlink(it->path()).string();
    else if (fs::is_directory(st))
      out[rel] = "<dir>";
    else if (fs::is_regular_file(st))
      out[rel] = slurp(it->path().string());
    else
      out[rel] = "<special>";
  }
  return out;
}

// Temporary files of rcmap (this version's private folders, and the
// ".NAME.tmp-PID" / ".NAME.old-PID" files of earlier versions) under `d`.
std::vector<std::string> temps(const fs::path& d) {
  std::vector<std::string> v;
  for (const auto& [rel, bytes] : snapshot(d))
    if (rel.find(".rcmap-tmp-") != std::string::npos || rel.find(".tmp-") != std::string::npos ||
        rel.find(".old-") != std::string::npos)
      v.push_back(rel);
  return v;
}

// A snapshot as text, for messages.
std::string show(const std::map<std::string, std::string>& snap) {
  std::string s;
  for (const auto& [rel, bytes] : snap)
    s += rel + " (" + std::to_string(bytes.size()) + " bytes" + (bytes.rfind("->", 0) == 0 ? " " + bytes : "") + ")\n";
  return s;
}

}  // namespace

namespace Catch {  // snapshots in failure messages
template <>
struct StringMaker<std::map<std::string, std::string>> {
  static std::string convert(const std::map<std::string, std::string>& m) { return "\n" + show(m); }
};
}  // namespace Catch

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::vector<std::string> kAnalyzeNoRender = {"ties.csv",        "units.csv",    "sides.csv",
                                                   "gaps.csv",        "bridges.csv",  "workbook.xlsx",
                                                   "network.graphml", "summary.json", "project.ini"};

}  // namespace

TEST_CASE("no command overwrites one of its inputs: exit 1 naming both paths, nothing written",
          "[cli][output-safety][inputs]") {
  ScratchDir t("inputs");
  // analyze --units p/units.csv --responses p/responses.csv --out p
  fs::create_directories(t.path / "p");
  fs::copy_file(kUnits, t / "p/units.csv");
  fs::copy_file(kResponses, t / "p/responses.csv");
  const auto p_before = snapshot(t.path / "p");
  CHECK(rcmap_run({"analyze", "--units", t / "p/units.csv", "--responses", t / "p/responses.csv", "--out", t / "p"},
                  t / "log") == 1);
  const std::string log = slurp(t / "log");
  CHECK(has(log, "rcmap analyze: --out " + t / "p" + " would overwrite the input " + t / "p/units.csv" +
                     " (results file " + t / "p/units.csv" + "); choose another --out folder"));
  CHECK(snapshot(t.path / "p") == p_before);  // not even a lock file
  // convert, the same mistake
  CHECK(rcmap_run({"convert", "--to", "long", "--units", t / "p/units.csv", "--responses", t / "p/responses.csv",
                   "--out", t / "p"},
                  t / "log") == 1);
  CHECK(has(slurp(t / "log"), "would overwrite the input"));
  CHECK(snapshot(t.path / "p") == p_before);

  // analyze --units U --ties r/ties.csv --out r: an earlier run's tie table
  REQUIRE(rcmap_run({"analyze", "--units", kUnits, "--responses", kResponses, "--out", t / "r", "--no-render"}) == 0);
  const auto r_before = snapshot(t.path / "r");
  CHECK(rcmap_run({"analyze", "--units", kUnits, "--ties", t / "r/ties.csv", "--out", t / "r", "--no-render"},
                  t / "log") == 1);
  CHECK(has(slurp(t / "log"), "would overwrite the input " + t / "r/ties.csv"));
  CHECK(snapshot(t.path / "r") == r_before);
  // --config r/project.ini, whose "out" is r: project.ini would be rewritten.
  CHECK(rcmap_run({"analyze", "--config", t / "r/project.ini"}, t / "log") == 1);
  CHECK(has(slurp(t / "log"), "would overwrite the input " + t / "r/project.ini"));
  CHECK(snapshot(t.path / "r") == r_before);

  // Links count: an output name that is a symbolic link to an input, or a
  // hard link of one.
  fs::copy_file(kUnits, t / "units-copy.csv");
  fs::copy_file(kResponses, t / "responses-copy.csv");
  fs::remove(t / "r/units.csv");
  fs::create_symlink(t / "units-copy.csv", t / "r/units.csv");
  fs::remove(t / "r/gaps.csv");
  fs::create_hard_link(t / "responses-copy.csv", t / "r/gaps.csv");
  const auto r_links = snapshot(t.path / "r");
  for (const auto& units : {t / "units-copy.csv", kUnits}) {
    CHECK(rcmap_run(
              {"analyze", "--units", units, "--responses", t / "responses-copy.csv", "--out", t / "r", "--no-render"},
              t / "log") == 1);
    CHECK(snapshot(t.path / "r") == r_links);
  }
  CHECK(has(slurp(t / "log"),
            "would overwrite the input " + t / "responses-copy.csv" + " (results file " + t / "r/gaps.csv" + ")"));
  CHECK(slurp(t / "responses-copy.csv") == slurp(kResponses));

  // report: DIR/report.pdf is a link to an input named in summary.json.
  REQUIRE(rcmap_run({"analyze", "--units", t / "units-copy.csv", "--responses", kResponses, "--out", t / "rep",
                     "--no-render"}) == 0);
  fs::create_symlink(t / "units-copy.csv", t / "rep/report.pdf");
  CHECK(rcmap_run({"report", t / "rep"}, t / "log") == 1);
  CHECK(has(slurp(t / "log"), "rcmap report: DIR " + t / "rep" + " would overwrite the input " + t / "units-copy.csv"));
  CHECK(fs::is_symlink(t / "rep/report.pdf"));

  // compare: a responses file with a wave column kept as c/waves.csv.
  REQUIRE(rcmap_run({"sample", "--out", t / "w", "--waves", "2"}) == 0);
  fs::create_directories(t.path / "c");
  fs::copy_file(t / "w/responses.csv", t / "c/waves.csv");
  const auto c_before = snapshot(t.path / "c");
  CHECK(rcmap_run({"compare", "--units", t / "w/units.csv", "--responses", t / "c/waves.csv", "--out", t / "c",
                   "--no-render", "--bootstrap", "100"},
                  t / "log") == 1);
  CHECK(has(slurp(t / "log"), "rcmap compare: --out " + t / "c" + " would overwrite the input " + t / "c/waves.csv"));
  CHECK(snapshot(t.path / "c") == c_before);

  // sample --people --units-file n/units.csv --out n (docs/outputs.md) writes only
  // people.csv and person-ties.csv: not refused.
  fs::create_directories(t.path / "n");
  fs::copy_file(kUnits, t / "n/units.csv");
  REQUIRE(rcmap_run({"sample", "--people", "--units-file", t / "n/units.csv", "--out", t / "n"}) == 0);
  CHECK(slurp(t / "n/units.csv") == slurp(kUnits));
  // network: brokers.csv is a link to the people file.
  fs::create_directories(t.path / "nr");
  fs::create_symlink(t / "n/people.csv", t / "nr/brokers.csv");
  const std::string people = slurp(t / "n/people.csv");
  CHECK(rcmap_run({"network", "--people", t / "n/people.csv", "--ties", t / "n/person-ties.csv", "--units",
                   t / "n/units.csv", "--out", t / "nr", "--no-render"},
                  t / "log") == 1);
  CHECK(has(slurp(t / "log"), "rcmap network: --out " + t / "nr" + " would overwrite the input " + t / "n/people.csv"));
  CHECK(slurp(t / "n/people.csv") == people);
  CHECK(show(snapshot(t.path / "nr")) ==
        "brokers.csv (" + std::to_string(2 + (t / "n/people.csv").size()) + " bytes ->" + t / "n/people.csv" + ")\n");

  // --by-site: a site folder's units.csv is the units input (its name is
  // known only once the sites are read; still nothing is written).
  REQUIRE(rcmap_run({"sample", "--out", t / "s", "--sites", "2"}) == 0);
  fs::create_directories(t.path / "o/S1");
  fs::copy_file(t / "s/units.csv", t / "o/S1/units.csv");
  const auto o_before = snapshot(t.path / "o");
  CHECK(rcmap_run({"analyze", "--by-site", "--units", t / "o/S1/units.csv", "--responses", t / "s/responses.csv",
                   "--out", t / "o", "--no-render"},
                  t / "log") == 1);
  CHECK(has(slurp(t / "log"),
            "would overwrite the input " + t / "o/S1/units.csv" + " (results file " + t / "o/S1/units.csv" + ")"));
  CHECK(snapshot(t.path / "o") == o_before);
}

TEST_CASE("links and FIFOs planted at temporary or final names are never written through",
          "[cli][output-safety][links]") {
  ScratchDir t("links");
  const fs::path o = t.path / "o";
  fs::create_directories(o);
  put(t.path / "victim", "victim");
  std::vector<std::string> finals = kAnalyzeNoRender;
  for (const char* f : {"map", "gap-map", "matrix", "profile"})
    for (const char* e : {".png", ".svg"}) finals.push_back(std::string(f) + e);
  finals.push_back("report.pdf");
  // Links at every final name but one, which is a FIFO.
  for (const auto& f : finals)
    if (f == "gaps.csv")
      REQUIRE(::mkfifo((o / f).c_str(), 0644) == 0);
    else
      fs::create_symlink(t.path / "victim", o / f);
  // Links and FIFOs at rcmap 0.1's temporary names: for the run's own PID
  // (planted by the child before it execs rcmap) and the next 50 PIDs.
  auto plant = [&] {
    const long pid = ::getpid();
    for (long p = pid; p <= pid + 50; ++p)
      for (const auto& f : finals) {
        const std::string tmp = (o / ("." + f + ".tmp-" + std::to_string(p))).string();
        const std::string old = (o / ("." + f + ".old-" + std::to_string(p))).string();
        if (f == "summary.json" && p == pid)
          ::mkfifo(tmp.c_str(), 0644);
        else
          ::symlink((t.path / "victim").c_str(), tmp.c_str());
        ::symlink((t.path / "victim").c_str(), old.c_str());
      }
  };
  const int status = wait_for(
      spawn({"analyze", "--units", kUnits, "--responses", kResponses, "--out", o.string()}, t / "log", plant), 120);
  INFO(slurp(t / "log"));
  CHECK(exit_code(status) == 0);
  CHECK(slurp((t.path / "victim").string()) == "victim");
  for (const auto& f : finals) {
    INFO(f);
    CHECK(fs::is_regular_file(fs::symlink_status(o / f)));
    CHECK(fs::file_size(o / f) > 0);
  }
  CHECK(temps(o).empty());
}

TEST_CASE(
    "one writer per folder: a second run exits 3 at once, --wait waits, stale temporaries are "
    "removed only when the lock is free",
    "[cli][output-safety][lock]") {
  ScratchDir t("lock");
  const fs::path o = t.path / "o";
  REQUIRE(rcmap_run({"analyze", "--units", kUnits, "--responses", kResponses, "--out", o.string(), "--no-render"}) ==
          0);
  // A killed run's files: another version's temporary file whose PID this
  // process sees running (its own), and a private temporary folder.
  put(o / (".ties.csv.tmp-" + std::to_string(::getpid())), "half");
  fs::create_directories(o / ".rcmap-tmp-0123456789abcdef");
  put(o / ".rcmap-tmp-0123456789abcdef/ties.csv", "half");
  const auto before = snapshot(o);
  // The test holds the lock, as a running rcmap would.
  const int lock = ::open((o / ".rcmap.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);  // not inherited by rcmap
  REQUIRE(lock >= 0);
  REQUIRE(::flock(lock, LOCK_EX | LOCK_NB) == 0);
  const std::vector<std::string> run = {"analyze", "--units",  kUnits,        "--responses", kResponses,
                                        "--out",   o.string(), "--no-render", "--min-n",     "6"};
  const auto start = std::chrono::steady_clock::now();
  CHECK(rcmap_run(run, t / "log", 60) == 3);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(has(slurp(t / "log"), "rcmap analyze: " + o.string() + " is in use by another rcmap run"));
  CHECK(snapshot(o) == before);  // nothing written, the live run's files kept
  // Every writing command takes the lock.
  CHECK(rcmap_run({"convert", "--to", "long", "--units", kUnits, "--responses", kResponses, "--out", o.string()}) == 3);
  CHECK(rcmap_run({"sample", "--out", o.string()}) == 3);
  CHECK(rcmap_run({"report", o.string()}) == 3);
  CHECK(snapshot(o) == before);

  // --wait: blocks until the lock is released, then runs.
  std::vector<std::string> waiting = run;
  waiting.push_back("--wait");
  const pid_t pid = spawn(waiting, t / "log");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  int status = 0;
  CHECK(::waitpid(pid, &status, WNOHANG) == 0);  // still waiting
  CHECK(snapshot(o) == before);
  ::close(lock);
  CHECK(exit_code(wait_for(pid, 120)) == 0);
  CHECK(has(slurp((o / "project.ini").string()), "min-n = 6\n"));
  CHECK(temps(o).empty());  // the lock was free: stale files removed
}

TEST_CASE("SIGINT, SIGTERM, SIGHUP and SIGPIPE remove the run's temporary files and end it with that signal",
          "[cli][output-safety][signals]") {
  ScratchDir t("signals");
  const fs::path o = t.path / "o";
  REQUIRE(rcmap_run({"analyze", "--units", kUnits, "--responses", kResponses, "--out", o.string(), "--min-n", "6"}) ==
          0);
  const auto earlier = snapshot(o);
  // Temporary files under `d` (rcmap's, whatever its version).
  auto temp_files = [](const fs::path& d) {
    std::set<std::string> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(d, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const std::string rel = it->path().string().substr(d.string().size());
      if ((has(rel, ".rcmap-tmp-") || has(rel, ".tmp-")) && it->is_regular_file(ec)) found.insert(rel);
    }
    return found;
  };
  auto kill_while_writing = [&](const fs::path& d, int sig) {
    for (int attempt = 0; attempt < 10; ++attempt) {
      const std::set<std::string> before = temp_files(d);  // none, unless a killed run left some
      const pid_t pid =
          spawn({"analyze", "--units", kUnits, "--responses", kResponses, "--out", d.string()}, t / "log");
      int status = 0;
      while (::waitpid(pid, &status, WNOHANG) == 0) {
        const std::set<std::string> now = temp_files(d);
        if (std::any_of(now.begin(), now.end(), [&](const std::string& f) { return !before.count(f); })) {
          ::kill(pid, sig);
          return wait_for(pid, 60);
        }
      }
      // Finished before a temporary file was seen: restore and try again.
      if (fs::exists(d)) fs::remove_all(d);
      if (d == o) fs::copy(t.path / "earlier", o, fs::copy_options::recursive);
    }
    FAIL("no temporary file seen in 10 runs");
    return -1;
  };
  fs::copy(o, t.path / "earlier", fs::copy_options::recursive);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    INFO("signal " << sig);
    const int status = kill_while_writing(o, sig);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK(temps(o).empty());
    CHECK(snapshot(o) == earlier);
  }
  // Into a folder that did not exist: the folder goes too.
  const int status = kill_while_writing(t.path / "fresh", SIGTERM);
  CHECK(WIFSIGNALED(status));
  CHECK_FALSE(fs::exists(t.path / "fresh"));
}

TEST_CASE("stale temporaries in the subfolders rcmap manages are removed by a run without --per-unit",
          "[cli][output-safety][stale]") {
  ScratchDir t("subfolders");
  const fs::path o = t.path / "o";
  fs::create_directories(o / "units");
  fs::create_directories(o / "S1/units");
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // a PID that no longer runs
  const std::string dead = std::to_string(child);
  put(o / ("units/.A.png.tmp-" + dead), "half");
  put(o / ("S1/.ties.csv.tmp-" + dead), "half");
  put(o / ("S1/units/.B.png.old-" + dead), "half");
  put(o / "units/.notes.txt", "user file");
  REQUIRE(rcmap_run({"analyze", "--units", kUnits, "--responses", kResponses, "--out", o.string(), "--no-render"}) ==
          0);
  CHECK(temps(o).empty());
  CHECK(fs::exists(o / "units/.notes.txt"));
}

TEST_CASE("a rerun that writes fewer outputs removes its own earlier ones, lists them, and keeps other files",
          "[cli][output-safety][leftovers]") {
  ScratchDir t("leftovers");
  const fs::path o = t.path / "o";
  const std::vector<std::string> sample = {"--units", kUnits, "--responses", kResponses, "--out", o.string()};
  auto analyze = [&](std::vector<std::string> extra, const std::string& log = "/dev/null") {
    std::vector<std::string> a = {"analyze"};
    a.insert(a.end(), sample.begin(), sample.end());
    a.insert(a.end(), extra.begin(), extra.end());
    return rcmap_run(a, log);
  };
  REQUIRE(analyze({"--per-unit", "--formats", "png,svg,pdf"}) == 0);
  REQUIRE(fs::exists(o / "map.pdf"));
  REQUIRE(fs::exists(o / "units"));
  put(o / "notes.txt", "mine");
  put(o / "map-notes.png", "mine");
  put(o / "units/mine.txt", "mine");
  // Suppression changed and no figures: no earlier figure may stay.
  REQUIRE(analyze({"--no-render", "--min-n", "7"}, t / "log") == 0);
  const std::string log = slurp(t / "log");
  std::vector<std::string> left;
  for (const auto& [rel, bytes] : snapshot(o)) left.push_back(rel);
  std::vector<std::string> expected = kAnalyzeNoRender;
  for (const char* n : {".rcmap-outputs", ".rcmap.lock", "map-notes.png", "notes.txt", "units", "units/mine.txt"})
    expected.push_back(n);
  std::sort(expected.begin(), expected.end());
  CHECK(left == expected);
  CHECK(has(log,
            "rcmap analyze: note: removed " + (o / "map.png").string() + ", an earlier output this run did not write"));
  CHECK(has(log, "removed " + (o / "report.pdf").string()));
  CHECK(has(log, "removed " + (o / "units/").string()));
  // --quiet: the same, silently.
  REQUIRE(analyze({}) == 0);
  REQUIRE(analyze({"--no-render", "-q"}, t / "log") == 0);
  CHECK_FALSE(fs::exists(o / "map.png"));
  CHECK(slurp(t / "log").empty());

  // A folder written by rcmap before .rcmap-outputs existed: its figures and
  // report (rcmap's names) are removed, nothing else.
  REQUIRE(analyze({}) == 0);
  fs::remove(o / ".rcmap-outputs");
  REQUIRE(analyze({"--no-render"}) == 0);
  CHECK_FALSE(fs::exists(o / "map.png"));
  CHECK_FALSE(fs::exists(o / "report.pdf"));
  CHECK(fs::exists(o / "map-notes.png"));
  CHECK(fs::exists(o / "notes.txt"));

  // An earlier output that is an input of this run stays.
  REQUIRE(rcmap_run({"sample", "--out", t / "s", "--sites", "2"}) == 0);
  const fs::path b = t.path / "b";
  REQUIRE(rcmap_run({"analyze", "--by-site", "--units", t / "s/units.csv", "--responses", t / "s/responses.csv",
                     "--out", b.string()}) == 0);
  REQUIRE(fs::exists(b / "S2/map.png"));
  REQUIRE(rcmap_run({"analyze", "--units", (b / "S1/units.csv").string(), "--ties", (b / "S1/ties.csv").string(),
                     "--out", b.string(), "--no-render"},
                    t / "log") == 0);
  CHECK(fs::exists(b / "S1/ties.csv"));
  CHECK(fs::exists(b / "S1/units.csv"));
  CHECK_FALSE(fs::exists(b / "S1/map.png"));
  CHECK_FALSE(fs::exists(b / "S2"));
  CHECK_FALSE(fs::exists(b / "sites.csv"));

  // The list is the same for the same run.
  const fs::path a2 = t.path / "a2", b2 = t.path / "b2";
  REQUIRE(rcmap_run({"analyze", "--units", kUnits, "--responses", kResponses, "--out", a2.string()}) == 0);
  REQUIRE(rcmap_run({"analyze", "--units", kUnits, "--responses", kResponses, "--out", b2.string()}) == 0);
  CHECK(slurp((a2 / ".rcmap-outputs").string()) == slurp((b2 / ".rcmap-outputs").string()));
  CHECK(has(slurp((a2 / ".rcmap-outputs").string()), "\nmap.png\n"));
}
