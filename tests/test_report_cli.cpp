// End-to-end: report.pdf (read back with poppler's pdfinfo/pdftotext),
// network.graphml (read back with NetworkX), --per-unit and rcmap report.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::run_rcmap;
using rcmap::test::shell;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

std::string tmp(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("rcmap-report-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(p);
  return p.string();
}

// Output of a shell command (stdout).
std::string output(const std::string& cmd, const std::string& dir) {
  const std::string file = dir + "/.cmd-output";
  REQUIRE(shell(cmd + " > " + file) == 0);
  std::string s = slurp(file);
  fs::remove(file);
  return s;
}

int pages(const std::string& pdf, const std::string& dir) {
  std::istringstream in(output("pdfinfo " + pdf, dir));
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  return -1;
}

// pdftotext without layout: one text run per line; line breaks inside
// wrapped sentences become spaces so sentences can be matched whole.
std::string pdf_text(const std::string& pdf, const std::string& dir) {
  std::string t = output("pdftotext -q " + pdf + " -", dir);
  for (char& c : t)
    if (c == '\n') c = ' ';
  return t;
}

const std::string kSample =
    "--units " + source_path("samples/units.csv") + " --responses " + source_path("samples/responses.csv");

// The weakest shown authority->provider or provider->authority tie in ties.csv
// (columns source_label 2, target_label 3, sides 4 and 5, n 6, rc 7).
struct Row {
  std::string from, to, n;
  double rc = 99;
};
Row weakest_cross(const std::string& ties_csv) {
  std::istringstream in(slurp(ties_csv));
  std::string line;
  std::getline(in, line);
  Row best;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, ',');) f.push_back(c);  // sample labels hold no commas but one
    if (f.size() != 26) continue;  // a label with a quoted comma: not the weakest in the sample
    const bool cross = (f[4] == "authority" && f[5] == "provider") || (f[4] == "provider" && f[5] == "authority");
    if (!cross || f[7].empty()) continue;
    if (std::stod(f[7]) < best.rc) best = {f[2], f[3], f[6], std::stod(f[7])};
  }
  return best;
}

std::string two_decimals(double v, char point) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  for (char& c : s)
    if (c == '.') c = point;
  return s;
}

}  // namespace

TEST_CASE("report.pdf on the sample: pages, findings from the numbers, tables and method, in English", "[report][cli]") {
  const std::string d = tmp("en");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + d + " --title Nordby --date 2026-10-01") == 0);
  // Title, findings, 4 figure pages, gaps table over 2 pages (48 pairs), units, method.
  CHECK(pages(d + "/report.pdf", d) == 10);
  const std::string text = pdf_text(d + "/report.pdf", d);
  for (const char* s : {"Key findings", "Coordination map", "Coordination gaps, most severe first", "Units",
                        "Method", "The seven dimensions", "Cronbach's alpha of the 7 items over",
                        "A common convention, not a published standard", "300 respondents", "Data from 2026-10-01"})
    CHECK(text.find(s) != std::string::npos);
  // The first weakest-tie sentence is the minimum over ties.csv.
  const Row w = weakest_cross(d + "/ties.csv");
  REQUIRE(w.rc < 99);
  CHECK(text.find(w.from + " → " + w.to + ": RC " + two_decimals(w.rc, '.') + " (n = " + w.n + ")") !=
        std::string::npos);
  // The table header is repeated on the gaps table's second page.
  std::string p8 = output("pdftotext -q -f 8 -l 8 " + d + "/report.pdf -", d);
  std::replace(p8.begin(), p8.end(), '\n', ' ');
  CHECK(p8.rfind("From  To  RC  n  Reverse", 0) == 0);  // the page begins with the header row
  CHECK(p8.find("Kind") != std::string::npos);
  // Fixed PDF dates from --date.
  CHECK(output("pdfinfo " + d + "/report.pdf", d).find("CreationDate:    Thu Oct  1 00:00:00 2026") !=
        std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("report.pdf in Danish with --per-unit: translated text, decimal commas, a page and a PNG per unit", "[report][cli]") {
  const std::string d = tmp("da");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + d + " --lang da --per-unit") == 0);
  CHECK(pages(d + "/report.pdf", d) == 10 + 16);
  const std::string text = pdf_text(d + "/report.pdf", d);
  for (const char* s : {"Hovedresultater", "Koordineringshuller, de alvorligste først", "Enheder", "Metode",
                        "De syv dimensioner", "hyppig kommunikation", "gensidig respekt", "Anonymitet",
                        "Relationer, de svageste først", "RC pr. dimension"})
    CHECK(text.find(s) != std::string::npos);
  const Row w = weakest_cross(d + "/ties.csv");
  CHECK(text.find(w.from + " → " + w.to + ": RC " + two_decimals(w.rc, ',') + " (n = " + w.n + ")") !=
        std::string::npos);
  CHECK(text.find("Key findings") == std::string::npos);
  int png = 0;
  for (const auto& e : fs::directory_iterator(d + "/units")) png += e.path().extension() == ".png";
  CHECK(png == 16);
  CHECK(fs::exists(d + "/units/Sundhedsplejen.png"));
  CHECK(fs::exists(d + "/units/Aflastning_og_stoettekontakt.png"));
  // The Method sheet of the workbook is Danish too.
  CHECK(output("unzip -p " + d + "/workbook.xlsx xl/sharedStrings.xml", d).find("Anonymitet") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("report.pdf and network.graphml are byte-identical for the same input and options", "[report][cli]") {
  const std::string a = tmp("same-a"), b = tmp("same-b");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + a + " --per-unit --formats png") == 0);
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + b + " --per-unit --formats png") == 0);
  for (const char* f : {"report.pdf", "network.graphml", "units/Nordby_Skole.png"})
    CHECK(slurp(a + "/" + f) == slurp(b + "/" + f));
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST_CASE("network.graphml is read by NetworkX with one edge per shown between-unit tie", "[report][cli][graphml]") {
  if (shell("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
    WARN("python3-networkx missing (scripts/install-deps.sh --test); skipped");
    return;
  }
  const std::string d = tmp("graphml");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + d + " --no-render") == 0);
  // Independent count from ties.csv: rows not suppressed and source != target.
  std::istringstream in(slurp(d + "/ties.csv"));
  std::string line;
  std::getline(in, line);
  int shown = 0;
  while (std::getline(in, line)) {
    const std::string src = line.substr(0, line.find(',')), rest = line.substr(line.find(',') + 1);
    shown += line.find(",suppressed,") == std::string::npos && rest.substr(0, rest.find(',')) != src;
  }
  const std::string py =
      "import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
      "e = [d for _, _, d in g.edges(data=True)]; "
      "print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), "
      "min(x['rc'] for x in e) >= 1, all(x['n'] >= 5 for x in e), "
      "sorted({x['strength'] for x in e}), g.nodes['n0']['label'], g.nodes['n0']['respondents'])";
  const std::string got = output("/usr/bin/python3 -c \"" + py + "\" " + d + "/network.graphml", d);
  CHECK(got == "16 " + std::to_string(shown) +
                   " True True True ['moderate', 'strong', 'weak'] Myndighed Børn og Unge Nord 28.0\n");
  CHECK(shown > 150);
  fs::remove_all(d);
}

TEST_CASE("rcmap report rewrites only report.pdf, in the language asked, and refuses changed inputs", "[report][cli]") {
  const std::string d = tmp("rerun"), in = tmp("inputs");
  fs::create_directories(in);
  fs::copy_file(source_path("samples/units.csv"), in + "/units.csv");
  fs::copy_file(source_path("samples/responses.csv"), in + "/responses.csv");
  REQUIRE(run_rcmap("analyze --units " + in + "/units.csv --responses " + in + "/responses.csv --out " + d +
                    " --no-render") == 0);
  CHECK_FALSE(fs::exists(d + "/report.pdf"));
  const std::string ties = slurp(d + "/ties.csv");
  const auto mtime = fs::last_write_time(d + "/ties.csv");
  REQUIRE(run_rcmap("report " + d + " --lang da --title Nordby") == 0);
  CHECK(pdf_text(d + "/report.pdf", d).find("Hovedresultater") != std::string::npos);
  CHECK(slurp(d + "/ties.csv") == ties);
  CHECK(fs::last_write_time(d + "/ties.csv") == mtime);
  CHECK_FALSE(fs::exists(d + "/map.png"));
  const std::string report = slurp(d + "/report.pdf");
  // The same report from rcmap report and from analyze with the same options.
  const std::string again = tmp("again");
  REQUIRE(run_rcmap("analyze --units " + in + "/units.csv --responses " + in + "/responses.csv --out " + again +
                    " --lang da --title Nordby --formats png") == 0);
  CHECK(slurp(again + "/report.pdf") == report);
  // A changed input: exit 2 with the file named, report.pdf left as it was.
  shell("echo >> " + in + "/responses.csv");
  const std::string log = in + "/log";
  CHECK(run_rcmap("report " + d + " --lang en", log) == 2);
  CHECK(slurp(log).find(in + "/responses.csv") != std::string::npos);
  CHECK(slurp(log).find("SHA-256 differs") != std::string::npos);
  CHECK(slurp(d + "/report.pdf") == report);
  CHECK(run_rcmap("report " + in) == 1);  // no summary.json: usage error
  for (const std::string& p : {d, in, again}) fs::remove_all(p);
}

TEST_CASE("above 120 units report.pdf has no figures and says why", "[report][cli]") {
  const std::string d = tmp("big");
  REQUIRE(run_rcmap("sample --out " + d + "/in --units 130 --respondents 400") == 0);
  REQUIRE(run_rcmap("analyze --units " + d + "/in/units.csv --responses " + d + "/in/responses.csv --out " + d +
                    "/out -q") == 0);
  const std::string text = pdf_text(d + "/out/report.pdf", d);
  CHECK(text.find("The figures are left out: the survey has 130 units, and figures are drawn for at most 120 "
                  "units.") != std::string::npos);
  CHECK(text.find("Coordination map") == std::string::npos);
  CHECK_FALSE(fs::exists(d + "/out/map.png"));
  fs::remove_all(d);
}
