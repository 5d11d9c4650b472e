// End-to-end: report.pdf (read back with poppler's pdfinfo/pdftotext),
// network.graphml (read back with NetworkX), --per-unit and rcmap report.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "support/test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::run_rcmap;
using rcmap::test::shell;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

std::string tmp(const std::string& name) { return rcmap::test::fresh_path("report-" + name); }

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
    if (f.size() != 27) continue;  // a label with a quoted comma: not the weakest in the sample
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

TEST_CASE("report.pdf on the sample: pages, findings from the numbers, tables and method, in English",
          "[report][cli]") {
  const std::string d = tmp("en");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + d + " --title Nordby --date 2026-10-01") == 0);
  // Title, decision page, 3 pages of the clearly weakest pairs, findings, 4 figure pages, gaps table
  // over 2 pages (48 pairs), units, method.
  CHECK(pages(d + "/report.pdf", d) == 14);
  const std::string text = pdf_text(d + "/report.pdf", d);
  for (const char* s : {"Key findings", "Coordination map", "Coordination gaps, most severe first", "Units", "Method",
                        "The seven dimensions", "Cronbach's alpha of the 7 items over",
                        "A common convention, not a published standard", "300 respondents", "Data from 2026-10-01"})
    CHECK(text.find(s) != std::string::npos);
  // The first weakest-tie sentence is the minimum over ties.csv.
  const Row w = weakest_cross(d + "/ties.csv");
  REQUIRE(w.rc < 99);
  CHECK(text.find(w.from + " → " + w.to + ": RC " + two_decimals(w.rc, '.') + " (n = " + w.n + ")") !=
        std::string::npos);
  // The table header is repeated on the gaps table's second page.
  std::string p8 = output("pdftotext -q -f 12 -l 12 " + d + "/report.pdf -", d);
  std::replace(p8.begin(), p8.end(), '\n', ' ');
  CHECK(p8.rfind("From  To  RC  n", 0) == 0);  // the page begins with the header row
  CHECK(p8.find("Reverse") != std::string::npos);
  CHECK(p8.find("Kind") != std::string::npos);
  // Fixed PDF dates from --date.
  CHECK(output("pdfinfo " + d + "/report.pdf", d).find("CreationDate:    Thu Oct  1 00:00:00 2026") !=
        std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("report.pdf in Danish with --per-unit: translated text, decimal commas, a page and a PNG per unit",
          "[report][cli]") {
  const std::string d = tmp("da");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + d + " --lang da --per-unit") == 0);
  // A page per unit, and a second one for each unit whose ties it cannot
  // all hold (units/<name>-2.png).
  int png = 0, more = 0;
  for (const auto& e : fs::directory_iterator(d + "/units"))
    if (e.path().extension() == ".png") ++png, more += e.path().stem().string().ends_with("-2");
  CHECK(png == 16 + more);
  CHECK(pages(d + "/report.pdf", d) == 14 + 16 + more);
  const std::string text = pdf_text(d + "/report.pdf", d);
  for (const char* s :
       {"Hovedresultater", "Udviklingspunkter, de vigtigste først", "Enheder", "Metode", "De syv dimensioner",
        "hyppig kommunikation", "gensidig respekt", "Anonymitet", "Relationer, lavest RK først", "RK pr. dimension",
        "Den samlede relationelle koordinering (RK)", "Centralitet (PageRank)", "Mellemled", "Område"})
    CHECK(text.find(s) != std::string::npos);
  const Row w = weakest_cross(d + "/ties.csv");
  CHECK(text.find(w.from + " → " + w.to + ": RK " + two_decimals(w.rc, ',') + " (n = " + w.n + ")") !=
        std::string::npos);
  CHECK(text.find("Key findings") == std::string::npos);
  CHECK(text.find("flere på næste side") != std::string::npos);
  // No word the glossary replaced (docs/glossary.md), and counts with a full stop.
  for (const char* s : {"Sider", " ensidig", "Koordineringshuller", "ingen vist", "RC givet", "RC pr."}) {
    INFO(s);
    CHECK(text.find(s) == std::string::npos);
  }
  // "RC" only where the method page says that RK is RC (docs/glossary.md: RK in da and nb).
  {
    std::string rest = text;
    for (std::size_t p; (p = rest.find("svarer til RC (")) != std::string::npos;) rest.erase(p, 15);
    static const std::regex rc_word("\\bRC\\b");
    CHECK_FALSE(std::regex_search(rest, rc_word));
  }
  CHECK(text.find("(41 af 4.037 vurderinger)") != std::string::npos);  // Method: rows excluded of read
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

namespace {
// Data rows of a CSV file (lines after the header).
std::size_t data_rows(const std::string& csv) {
  const std::string s = slurp(csv);
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')) - 1;
}
// 14400 -> "14<sep>400".
std::string grouped(std::size_t n, const std::string& sep) {
  std::string d = std::to_string(n), out;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out += sep;
    out += d[i];
  }
  return out;
}
// Fields of a CSV line (RFC 4180 quotes; no line breaks inside fields).
std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> f(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
      f.back() += '"', ++i;
    else if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      f.emplace_back();
    else
      f.back() += c;
  }
  return f;
}
// Ordered authority-provider pairs, both directions, counted from units.csv (side: column 3).
std::size_t cross_pairs(const std::string& units_csv) {
  std::istringstream in(slurp(units_csv));
  std::string line;
  std::getline(in, line);
  std::size_t a = 0, p = 0;
  while (std::getline(in, line)) {
    const auto f = fields(line);
    a += f[2] == "authority", p += f[2] == "provider";
  }
  return 2 * a * p;
}
}  // namespace

TEST_CASE("a report of 150 units stays under 60 pages, cut tables say how many rows and which file has all",
          "[report][cli][many]") {
  const std::string d = tmp("many");
  REQUIRE(run_rcmap("sample --out " + d + "/in --units 150 --respondents 900 --seed 5") == 0);
  const std::string in = "--units " + d + "/in/units.csv --responses " + d + "/in/responses.csv";
  REQUIRE(run_rcmap("analyze " + in + " --out " + d + "/out -q --per-unit --formats png --dpi 36") == 0);
  const std::string pdf = d + "/out/report.pdf";
  const int n_pages = pages(pdf, d);
  CHECK(n_pages > 5);
  CHECK(n_pages < 60);
  const std::string text = pdf_text(pdf, d);
  // Gaps: the 60 most severe, i.e. the first 60 rows of gaps.csv, and the count of all.
  const std::size_t gaps = data_rows(d + "/out/gaps.csv");
  CHECK(gaps == cross_pairs(d + "/in/units.csv"));
  CHECK(gaps > 1000);
  CHECK(text.find("The 60 most severe of " + grouped(gaps, ",") + " pairs are shown; all " + grouped(gaps, ",") +
                  " are in gaps.csv, in the same order.") != std::string::npos);
  {
    // The table's rows are the first 60 of gaps.csv: their kinds, counted, and the first pair's source.
    const std::size_t from = text.find("Coordination gaps, most severe first"), to = text.find("RC given: mean RC");
    REQUIRE(from < to);
    const std::string table = text.substr(from, to - from);
    auto count = [](const std::string& hay, const std::string& needle) {
      std::size_t n = 0;
      for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
      return n;
    };
    std::istringstream g(slurp(d + "/out/gaps.csv"));
    std::string line, first_source;
    std::getline(g, line);
    std::map<std::string, std::size_t> kinds;
    for (int r = 0; r < 60 && std::getline(g, line); ++r) {
      kinds[fields(line)[8]]++;
      if (r == 0) first_source = fields(line)[0];
    }
    std::size_t shown = 0;
    for (const char* k : {"unmeasured", "weak", "one-sided", "ok"}) {
      CHECK(count(table, std::string(" ") + k + " ") == kinds[k]);
      shown += count(table, std::string(" ") + k + " ");
    }
    CHECK(shown == 60);
    std::istringstream u(slurp(d + "/out/units.csv"));
    std::string label;
    while (std::getline(u, line))
      if (fields(line)[0] == first_source) label = fields(line)[1];
    REQUIRE(!label.empty());
    CHECK(table.find(label) != std::string::npos);
  }
  // Units: the 60 with the lowest RC received (units.csv column 8), the lowest in, the highest out.
  CHECK(text.find("The 60 units with the lowest RC received are shown (units without it last), of 150; all 150 "
                  "are in units.csv.") != std::string::npos);
  {
    std::istringstream u(slurp(d + "/out/units.csv"));
    std::string line, lowest, highest;
    double lo = 99, hi = -1;
    std::getline(u, line);
    while (std::getline(u, line)) {
      const auto f = fields(line);
      if (f[7].empty()) continue;
      const double r = std::stod(f[7]);
      if (r < lo) lo = r, lowest = f[1];
      if (r > hi) hi = r, highest = f[1];
    }
    const std::size_t from = text.find("RC given: mean RC"), to = text.find("The seven dimensions");
    REQUIRE(from < to);
    const std::string units_table = text.substr(from, to - from);
    CHECK(units_table.find(lowest + " ") != std::string::npos);
    CHECK(units_table.find(highest + " ") == std::string::npos);
  }
  // Unit pages: one PNG per unit, none in the report, and the report says where they are.
  CHECK(text.find("The survey has 150 units: above 40 units the unit pages are not part of this report. Each "
                  "unit's page is in the folder units/") != std::string::npos);
  CHECK(text.find("Ties to and from the unit") == std::string::npos);
  int png = 0;  // first pages; units/<name>-2.png, -3.png continue a unit's ties
  for (const auto& e : fs::directory_iterator(d + "/out/units"))
    png += e.path().extension() == ".png" && !std::regex_search(e.path().stem().string(), std::regex("-[0-9]+$"));
  CHECK(png == 150);
  // The same sentences in Danish and Norwegian, with their thousands separators.
  REQUIRE(run_rcmap("report " + d + "/out --lang da") == 0);
  const std::string da = pdf_text(pdf, d);
  CHECK(da.find("De 60 vigtigste af " + grouped(gaps, ".") + " par vises; alle " + grouped(gaps, ".") +
                " står i gaps.csv i samme rækkefølge.") != std::string::npos);
  CHECK(da.find("alle 150 står i units.csv.") != std::string::npos);
  REQUIRE(run_rcmap("report " + d + "/out --lang nb --per-unit") == 0);
  const std::string nb = pdf_text(pdf, d);
  // A no-break space groups the digits; pdftotext gives it as a space.
  CHECK(nb.find("De 60 viktigste av " + grouped(gaps, " ") + " par vises") != std::string::npos);
  CHECK(nb.find("over 40 enheter er enhetssidene ikke med i denne rapporten") != std::string::npos);
  CHECK(pages(pdf, d) < 60);
  fs::remove_all(d);
}

TEST_CASE("up to 40 units the unit pages are in the report, the tables are whole up to 60 rows",
          "[report][cli][many]") {
  const std::string d = tmp("forty");
  REQUIRE(run_rcmap("sample --out " + d + "/in --units 40 --respondents 500 --seed 3") == 0);
  REQUIRE(run_rcmap("analyze --units " + d + "/in/units.csv --responses " + d + "/in/responses.csv --out " + d +
                    "/out -q --per-unit --formats png --dpi 36") == 0);
  const std::string text = pdf_text(d + "/out/report.pdf", d);
  CHECK(text.find("Ties to and from the unit") != std::string::npos);
  CHECK(text.find("unit pages are not part of this report") == std::string::npos);
  CHECK(text.find("units with the lowest RC received are shown") == std::string::npos);  // 40 rows: whole
  const std::size_t gaps = data_rows(d + "/out/gaps.csv");
  CHECK(gaps == cross_pairs(d + "/in/units.csv"));
  REQUIRE(gaps > 60);
  CHECK(text.find("The 60 most severe of " + std::to_string(gaps) + " pairs are shown") != std::string::npos);
  fs::remove_all(d);
}

#ifdef RCMAP_WITH_RENDER
#include "rcmap/outputs/findings.hpp"
#include "rcmap/render/report/report.hpp"
#include "support/temp_dir.hpp"

TEST_CASE("report.pdf says when the unmeasured gap pairs are not listed", "[report][many]") {
  const std::string d = tmp("unlisted");
  fs::create_directories(d);
  rcmap::Diagnostics diag;
  const rcmap::Survey s = rcmap::test::load("samples/units.csv", "samples/responses.csv", diag);
  const rcmap::Aggregate a = rcmap::aggregate(s, rcmap::AggregateOptions{});
  rcmap::MetricsOptions opt;
  opt.max_gap_pairs = 40;
  const rcmap::MetricsResult m = rcmap::compute_metrics(s, a, opt);
  REQUIRE(m.unlisted_gaps > 0);
  const rcmap::Findings f = rcmap::compute_findings(s, a, m, opt);
  rcmap::render::ReportInput in;
  in.survey = &s, in.aggregate = &a, in.metrics = &m, in.findings = &f;
  in.max_gap_pairs = opt.max_gap_pairs;
  for (auto [lang, sentence] :
       {std::pair{rcmap::render::Lang::en,
                  "There are 48 such pairs, more than 40: only the measured ones are listed, "
                  "here and in gaps.csv; the " +
                      std::to_string(m.unlisted_gaps) + " unmeasured pairs are left out."},
        std::pair{rcmap::render::Lang::da,
                  "Der er 48 sådanne par, flere end 40: kun de målte er listet, her og i "
                  "gaps.csv; de " +
                      std::to_string(m.unlisted_gaps) + " par, der ikke er målt, er udeladt."}}) {
    in.figure.lang = lang;
    rcmap::render::render_report(in, d + "/report.pdf");
    CHECK(pdf_text(d + "/report.pdf", d).find(sentence) != std::string::npos);
  }
  fs::remove_all(d);
}
#endif

TEST_CASE("compare's report lists the 60 largest of more credible changes and names changes.csv",
          "[compare][report][cli][many]") {
  const std::string d = tmp("changes");
  REQUIRE(run_rcmap("sample --out " + d + "/in --units 40 --respondents 4000 --waves 2 --seed 4") == 0);
  REQUIRE(run_rcmap("compare --units " + d + "/in/units.csv --responses " + d + "/in/responses.csv --out " + d +
                    "/out -q --bootstrap 100 --formats png --dpi 36") == 0);
  // Credible changes in changes.csv (direction, column 12, improved or worse), and the largest |delta|.
  std::istringstream in(slurp(d + "/out/changes.csv"));
  std::string line;
  std::getline(in, line);
  std::size_t credible = 0;
  double largest = 0;
  while (std::getline(in, line)) {
    const auto f = fields(line);
    if (f[11] != "improved" && f[11] != "worse") continue;
    ++credible;
    largest = std::max(largest, std::fabs(std::stod(f[4])));
  }
  REQUIRE(credible > 60);
  const std::string text = pdf_text(d + "/out/report.pdf", d);
  CHECK(text.find("The 60 largest of " + std::to_string(credible) +
                  " credible changes are shown; every tie's change is in changes.csv.") != std::string::npos);
  const std::size_t table = text.find("The 60 largest of");
  REQUIRE(table != std::string::npos);
  CHECK(text.find(two_decimals(largest, '.'), table) != std::string::npos);  // the first row's delta
  fs::remove_all(d);
}
