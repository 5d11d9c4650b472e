// What a consultant sees in the first hour (docs/commands.md "Closing
// summary", "Guided mistakes"; docs/outputs.md "Moving a results folder"):
// a closing summary on success, one clear message per likely mistake.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/cli_run.hpp"
#include "support/test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::run_rcmap;
using rcmap::test::ScratchDir;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

const std::string kUnits = source_path("samples/units.csv");
const std::string kResponses = source_path("samples/responses.csv");

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

std::size_t lines_of(const std::string& text) { return count_of(text, "\n"); }

// The fields of one CSV record (double quotes as RFC 4180).
std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> f(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      f.emplace_back();
    else
      f.back() += c;
  }
  return f;
}

std::size_t files_in(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') ++n;
  return n;
}

// The sample's counts, from its summary.json.
std::string json_number(const std::string& json, const std::string& key) {
  std::smatch m;
  REQUIRE(std::regex_search(json, m, std::regex("\"" + key + "\": ?([0-9]+)")));
  return m[1];
}

}  // namespace

TEST_CASE("analyze closes with a summary: folder, files, what to open, counts, --quiet silences it",
          "[cli][guidance]") {
  ScratchDir t("summary");
  const std::string out = t / "res";
  REQUIRE(run_rcmap("analyze --units " + kUnits + " --responses " + kResponses + " --out " + out + " --formats png",
                    t / "log") == 0);
  const std::string log = slurp(t / "log");
  const std::string json = slurp(out + "/summary.json");
  INFO(log);
  CHECK(log.find("rcmap analyze: Results in " + out + "/ (" + std::to_string(files_in(out)) + " files)\n") !=
        std::string::npos);
#ifdef RCMAP_WITH_RENDER
  CHECK(log.find("rcmap analyze: Open first: " + out + "/report.pdf\n") != std::string::npos);
#endif
  // 16 units, 300 respondents; the ratings are summary.json's included rows.
  const std::string rows = json_number(json, "rows_included");
  REQUIRE(rows.size() == 4);
  CHECK(log.find("rcmap analyze: 16 units, 300 respondents, " + rows.substr(0, 1) + "," + rows.substr(1) +
                 " ratings\n") != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(
      log, m, std::regex("rcmap analyze: ([0-9]+) ties shown, ([0-9]+) hidden \\(fewer than 5 respondents\\)\n")));
  std::ifstream ties(out + "/ties.csv");
  std::size_t shown = 0, hidden = 0;
  std::string line;
  std::getline(ties, line);
  while (std::getline(ties, line)) (fields_of(line)[18] == "suppressed" ? hidden : shown) += 1;
  CHECK(m[1] == std::to_string(shown));
  CHECK(m[2] == std::to_string(hidden));

  // Metric notes name the units, in words (no "closeness_out undefined for 2 units").
  {
    std::ifstream units(out + "/units.csv");
    std::getline(units, line);
    const std::vector<std::string> head = fields_of(line);
    const auto col = std::find(head.begin(), head.end(), "closeness_out") - head.begin();
    std::vector<std::string> blank;
    while (std::getline(units, line)) {
      const std::vector<std::string> f = fields_of(line);
      if (static_cast<std::size_t>(col) < f.size() && f[static_cast<std::size_t>(col)].empty()) blank.push_back(f[1]);
    }
    REQUIRE(blank.size() == 2);  // the sample's two units whose own ratings are all hidden
    CHECK(log.find("rcmap analyze: note: all ratings given by " + blank[0] + " and " + blank[1] +
                   " are hidden (fewer than 5 respondents): the measures of their outgoing ties are blank in "
                   "units.csv (blank_reason no_shown_ratings)") != std::string::npos);
    // Their blank closeness is not explained a second time, wrongly, as "no working ties".
    CHECK(log.find("closeness_out in units.csv is blank") == std::string::npos);
    CHECK(log.find("undefined for") == std::string::npos);
  }

  SECTION("in Danish, with the glossary's words and a full stop between thousands") {
    REQUIRE(run_rcmap(
                "analyze --units " + kUnits + " --responses " + kResponses + " --out " + out + " --no-render --lang da",
                t / "log-da") == 0);
    const std::string da = slurp(t / "log-da");
    INFO(da);
    CHECK(da.find("rcmap analyze: Resultaterne ligger i " + out + "/ (") != std::string::npos);
    CHECK(da.find("rcmap analyze: Åbn først: " + out + "/workbook.xlsx\n") != std::string::npos);
    CHECK(da.find("16 enheder, 300 respondenter, " + rows.substr(0, 1) + "." + rows.substr(1) + " vurderinger") !=
          std::string::npos);
    CHECK(da.find(" relationer vises, ") != std::string::npos);
  }
  SECTION("--quiet prints nothing") {
    REQUIRE(
        run_rcmap("analyze --units " + kUnits + " --responses " + kResponses + " --out " + out + " --no-render --quiet",
                  t / "log-q") == 0);
    CHECK(slurp(t / "log-q").empty());
  }
}

TEST_CASE("sample, convert and compare close with a summary too", "[cli][guidance]") {
  ScratchDir t("summary2");
  REQUIRE(run_rcmap("sample --out " + t / "s" + " --waves 2", t / "log") == 0);
  std::string log = slurp(t / "log");
  CHECK(log.find("rcmap sample: Results in " + t / "s" + "/ (2 files)\n") != std::string::npos);
  CHECK(log.find("rcmap sample: fictional survey: 16 units, 300 respondents, 2 waves\n") != std::string::npos);
  CHECK(log.find("rcmap sample: next: rcmap compare --units") != std::string::npos);
  REQUIRE(run_rcmap("sample --out " + t / "q" + " --quiet", t / "log-q") == 0);
  CHECK(slurp(t / "log-q").empty());

  REQUIRE(run_rcmap("convert --to long --units " + kUnits + " --responses " + kResponses + " --out " + t / "c",
                    t / "log-c") == 0);
  log = slurp(t / "log-c");
  CHECK(log.find("rcmap convert: Results in " + t / "c" + "/ (2 files)\n") != std::string::npos);
  CHECK(log.find("rcmap convert: 16 units in units.csv, 4,037 rows in responses.csv") != std::string::npos);

  REQUIRE(run_rcmap("compare --units " + t / "s/units.csv" + " --responses " + t / "s/responses.csv" + " --out " +
                        t / "cmp" + " --no-render --bootstrap 200",
                    t / "log-cmp") == 0);
  log = slurp(t / "log-cmp");
  INFO(log);
  CHECK(log.find("rcmap compare: Results in " + t / "cmp" + "/ (") != std::string::npos);
  CHECK(log.find("rcmap compare: 2 waves (w1 to w2): ") != std::string::npos);
}

TEST_CASE("grammar: 1 error, validate does not say nothing was written", "[cli][guidance]") {
  ScratchDir t("grammar");
  const std::string bad_units = source_path("samples/bad/units.csv");
  REQUIRE(run_rcmap("validate --units " + bad_units + " --responses " + source_path("samples/bad/unknown_unit.csv"),
                    t / "log") == 2);
  const std::string log = slurp(t / "log");
  INFO(log);
  CHECK(log.find("rcmap validate: invalid input (1 error)\n") != std::string::npos);
  CHECK(log.find("nothing was written") == std::string::npos);
  REQUIRE(run_rcmap("analyze --units " + bad_units + " --responses " + source_path("samples/bad/unknown_unit.csv") +
                        " --out " + t / "o",
                    t / "log2") == 2);
  CHECK(slurp(t / "log2").find("rcmap analyze: invalid input (1 error); nothing was written\n") != std::string::npos);
}

TEST_CASE("a responses file with several waves: one error naming them, --wave picks one", "[cli][guidance][waves]") {
  ScratchDir t("waves");
  REQUIRE(run_rcmap("sample --out " + t / "s" + " --waves 3 --quiet") == 0);
  const std::string args = "analyze --units " + t / "s/units.csv" + " --responses " + t / "s/responses.csv";
  REQUIRE(run_rcmap(args + " --out " + t / "o", t / "log") == 2);
  const std::string log = slurp(t / "log");
  INFO(log);
  CHECK(count_of(log, "error:") == 1);
  CHECK(lines_of(log) == 2);
  CHECK(
      log.find(
          "the file holds 3 survey waves (w1, w2, w3); analyse one with rcmap analyze --wave w1, or compare them with "
          "rcmap compare --units ") != std::string::npos);
  CHECK(!fs::exists(t / "o/ties.csv"));

  REQUIRE(run_rcmap(args + " --wave w9 --out " + t / "o", t / "log9") == 1);
  CHECK(slurp(t / "log9").find("--wave: no wave 'w9' in " + t / "s/responses.csv" + " (waves: 'w1', 'w2', 'w3')") !=
        std::string::npos);

  // --wave w2 analyses exactly the w2 rows: the same ties.csv as a file holding only them.
  REQUIRE(run_rcmap(args + " --wave w2 --out " + t / "w2 --no-render", t / "log2") == 0);
  {
    std::ifstream in(t / "s/responses.csv");
    std::ofstream out(t / "w2.csv");
    std::string line;
    std::getline(in, line);
    out << line.substr(line.find(',') + 1) << '\n';  // without the wave column (the first)
    while (std::getline(in, line))
      if (line.rfind("w2,", 0) == 0) out << line.substr(3) << '\n';
  }
  REQUIRE(run_rcmap("analyze --units " + t / "s/units.csv" + " --responses " + t / "w2.csv" + " --out " + t / "ref" +
                    " --no-render") == 0);
  CHECK(slurp(t / "w2/ties.csv") == slurp(t / "ref/ties.csv"));
  CHECK(slurp(t / "w2/units.csv") == slurp(t / "ref/units.csv"));
  CHECK(slurp(t / "w2/project.ini").find("wave = w2\n") != std::string::npos);
}

TEST_CASE("a wide export without --mapping: one message, mapping --init writes a file that loads",
          "[cli][guidance][wide]") {
  ScratchDir t("wide");
  const std::string wide = source_path("samples/wide/nordby-wide.csv");
  REQUIRE(run_rcmap("analyze --units " + kUnits + " --responses " + wide + " --out " + t / "o", t / "log") == 2);
  const std::string log = slurp(t / "log");
  INFO(log);
  CHECK(count_of(log, "error:") == 1);
  CHECK(log.size() < 800);
  CHECK(log.find("looks like a wide survey export (96 columns like 'Hyppighed_MYN-N', 'Rettidighed_MYN-N', "
                 "'Præcision_MYN-N')") != std::string::npos);
  CHECK(log.find("rcmap mapping --init mapping.ini --units " + kUnits + " --responses " + wide) != std::string::npos);

  const std::string ini = t / "mapping.ini";
  REQUIRE(run_rcmap("mapping --init " + ini + " --units " + kUnits + " --responses " + wide, t / "log-m") == 0);
  const std::string text = slurp(ini);
  INFO(text);
  CHECK(text.find("\nrespondent = Respondent ID\n") != std::string::npos);
  CHECK(text.find("\nunit = Afdeling\n") != std::string::npos);
  CHECK(text.find("\npattern = {dimension}_{unit}\n") != std::string::npos);
  CHECK(text.find("\nsamarbejde = mutual_respect\n") != std::string::npos);
  CHECK(text.find("\nmissing = -1, 6, 9, \"Ikke relevant, ved ikke\", Ved ikke\n") != std::string::npos);
  CHECK(text.find("Found: Aldrig; For ofte; Ofte; Passende; Sjældent\n") != std::string::npos);
  // It loads: the analysis stops only at the first text answer still to recode.
  REQUIRE(run_rcmap("analyze --units " + kUnits + " --responses " + wide + " --mapping " + ini + " --out " + t / "a",
                    t / "log-a") == 2);
  CHECK(slurp(t / "log-a").find(ini) == std::string::npos);  // no error in the mapping file
  // Never overwritten.
  REQUIRE(run_rcmap("mapping --init " + ini + " --units " + kUnits + " --responses " + wide, t / "log-again") == 1);
  CHECK(slurp(t / "log-again").find("exists; rcmap does not overwrite it") != std::string::npos);
  CHECK(slurp(ini) == text);

  // The Excel export (Q{item}.{unit}, answers 1-5, 9, "Ved ikke"): the file
  // written reads every answer as the shipped mapping does; that one also
  // reverses problem_solving, which no data can show.
  const std::string xlsx = source_path("samples/wide/nordby-wide.xlsx");
  const std::string sheets =
      " --units " + xlsx + " --units-sheet Enheder --responses " + xlsx + " --responses-sheet Svar";
  REQUIRE(run_rcmap("mapping --init " + t / "x.ini" + sheets, t / "log-x") == 0);
  const std::string x = slurp(t / "x.ini");
  INFO(x);
  CHECK(x.find("\npattern = Q{item}.{unit}\n") != std::string::npos);
  CHECK(x.find("\nmissing = 9, Ved ikke\n") != std::string::npos);
  REQUIRE(run_rcmap("analyze" + sheets + " --mapping " + t / "x.ini" + " --out " + t / "x --no-render -q") == 0);
  REQUIRE(run_rcmap("analyze" + sheets + " --mapping " + source_path("samples/wide/nordby-wide-xlsx.ini") + " --out " +
                    t / "y --no-render -q") == 0);
  std::ifstream a(t / "x/ties.csv"), b(t / "y/ties.csv");
  std::string la, lb;
  std::size_t rows = 0;
  while (std::getline(a, la) && std::getline(b, lb)) {
    const auto fa = fields_of(la), fb = fields_of(lb);
    REQUIRE(fa.size() == fb.size());
    for (std::size_t c : {0, 1, 6, 11, 12, 13, 15, 16, 17})
      CHECK(fa[c] == fb[c]);  // all but problem_solving and scores using it
    ++rows;
  }
  CHECK(rows == 257);
}

TEST_CASE("units and responses files swapped: said so", "[cli][guidance]") {
  ScratchDir t("swap");
  REQUIRE(run_rcmap("analyze --units " + kResponses + " --responses " + kUnits + " --out " + t / "o", t / "log") == 1);
  const std::string log = slurp(t / "log");
  INFO(log);
  CHECK(lines_of(log) == 1);
  CHECK(log.find("--units and --responses are swapped") != std::string::npos);
  REQUIRE(run_rcmap("validate --units " + kResponses + " --responses " + kResponses, t / "log2") == 1);
  CHECK(slurp(t / "log2").find("--units " + kResponses + " holds responses") != std::string::npos);
}

TEST_CASE("a units file that does not fit: errors of one kind collapsed, the units' ids listed once",
          "[cli][guidance]") {
  ScratchDir t("misfit");
  {
    std::ofstream u(t / "units.csv");
    u << "unit,label,side,headcount\n";
    for (int i = 1; i <= 12; ++i) u << "X" << i << ",Unit " << i << ",authority,10\n";
  }
  REQUIRE(run_rcmap("validate --units " + t / "units.csv" + " --responses " + kResponses, t / "log") == 2);
  const std::string log = slurp(t / "log");
  INFO(log);
  // Two kinds (unit and target columns): five of each, then one line each.
  CHECK(count_of(log, "error: unknown unit") == 10);
  CHECK(count_of(log, "more errors like the above (unknown unit") == 2);
  CHECK(count_of(log, "note: " + t / "units.csv" +
                          " has the unit ids 'X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', "
                          "'X8', ... (12 units)") == 1);
  CHECK(lines_of(log) < 20);
}

#ifdef RCMAP_WITH_RENDER
TEST_CASE("rcmap report works after the folder and its inputs moved, from anywhere", "[cli][guidance][report]") {
  ScratchDir t("portable");
  fs::create_directories(t / "proj/data");
  fs::copy_file(kUnits, t / "proj/data/units.csv");
  fs::copy_file(kResponses, t / "proj/data/responses.csv");
  REQUIRE(std::system(("cd " + t / "proj" + " && " + RCMAP_BINARY +
                       " analyze --units data/units.csv --responses data/responses.csv --out results --formats png "
                       "--quiet")
                          .c_str()) == 0);
  CHECK(slurp(t / "proj/results/summary.json").find("\"path_from_results\": \"../data/units.csv\"") !=
        std::string::npos);
  fs::rename(t / "proj", t / "moved");
  fs::remove(t / "moved/results/report.pdf");
  REQUIRE(run_rcmap("report " + t / "moved/results --quiet", t / "log") == 0);
  CHECK(fs::file_size(t / "moved/results/report.pdf") > 10000);

  fs::remove(t / "moved/data/units.csv");
  REQUIRE(run_rcmap("report " + t / "moved/results", t / "log2") == 2);
  const std::string log = slurp(t / "log2");
  INFO(log);
  CHECK(log.find("the units file the results were made from is not found: neither data/units.csv (from where rcmap "
                 "analyze ran) nor " +
                 t / "moved/data/units.csv" + " (relative to the results folder) exists") != std::string::npos);
  CHECK(fs::exists(t / "moved/results/report.pdf"));
}
#endif

TEST_CASE("workbook.xlsx with --lang da: sheet names, headers, notes and values in Danish, CSV stays English",
          "[cli][workbook][glossary]") {
  if (std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") != 0) {
    WARN("python3-openpyxl missing: workbook not read back");
    return;
  }
  ScratchDir t("book-da");
  REQUIRE(run_rcmap("analyze --units " + kUnits + " --responses " + kResponses + " --out " + t / "o" +
                    " --lang da --no-render -q") == 0);
  const std::string reader =
      "/usr/bin/python3 " + source_path("tests/support/read_workbook.py") + " " + t / "o/workbook.xlsx";
  REQUIRE(std::system((reader + " > " + t / "sheets").c_str()) == 0);
  CHECK(slurp(t / "sheets") == "Relationer\nEnheder\nUdviklingspunkter\nBrobyggere\nOmråder\nMatrix\nMetode\n");
  REQUIRE(std::system((reader + " Relationer > " + t / "ties").c_str()) == 0);
  const std::string ties = slurp(t / "ties");
  CHECK(
      ties.rfind("fra (enhed)\ttil (enhed)\tfra (navn)\ttil (navn)\tfra (område)\ttil (område)\tn (respondenter)\tRK\t",
                 0) == 0);
  CHECK(ties.find("\tskjult\t") != std::string::npos);  // strength values
  CHECK(ties.find("\tsuppressed\t") == std::string::npos);
  REQUIRE(std::system((reader + " Relationer info > " + t / "info").c_str()) == 0);
  CHECK(slurp(t / "info").find("skjult: færre end 5 respondenter") != std::string::npos);
  REQUIRE(std::system((reader + " Udviklingspunkter > " + t / "gaps").c_str()) == 0);
  CHECK(slurp(t / "gaps").find("\tprioritet\t") != std::string::npos);
  CHECK(slurp(t / "gaps").find("\tsikkerhed\tgruppe\n") != std::string::npos);       // certainty, group
  CHECK(slurp(t / "gaps").find("\tpå grænsen\tpå grænsen\n") != std::string::npos);  // their values
  REQUIRE(std::system((reader + " Brobyggere > " + t / "bridges").c_str()) == 0);
  // bridges.csv's bridge is a unit (brobygger), not ties.csv's bridge tie (eneste forbindelse).
  CHECK(slurp(t / "bridges").rfind("fra (enhed)\ttil (enhed)\tbrobygger (enhed)\t", 0) == 0);
  CHECK(slurp(t / "gaps").find("\tforskelligt oplevet\t") != std::string::npos);
  REQUIRE(std::system((reader + " Metode > " + t / "method").c_str()) == 0);
  CHECK(slurp(t / "method").rfind("emne\ttekst\n", 0) == 0);
  CHECK(slurp(t / "method").find("vurderinger)") != std::string::npos);
  // The CSV files keep their English names and values.
  CHECK(slurp(t / "o/ties.csv").rfind("source,target,source_label", 0) == 0);
  CHECK(slurp(t / "o/ties.csv").find(",suppressed,") != std::string::npos);
}
