// The survey-export readers through the command line: the Nordby survey as a
// wide CSV, .xlsx and .sav export (samples/wide/, written by
// make_wide_samples.py from samples/units.csv + responses.csv) must give the
// same results as the canonical files; rcmap convert; analyze --ties; and
// each reader's error messages (file, sheet, row, column or variable; exit 2;
// nothing written).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "rcmap/io/sav_reader.hpp"
#include "rcmap/io/xlsx_reader.hpp"
#include "support/cli_run.hpp"
#include "support/test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::run_rcmap;
using rcmap::test::ScratchDir;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

const std::string kUnits = source_path("samples/units.csv");
const std::string kWide = source_path("samples/wide/");

// The four inputs of the Nordby survey: canonical, and the three exports with
// their mappings.
struct Form {
  const char* name;
  std::string args;
};
std::vector<Form> nordby_forms() {
  return {
      {"canonical", "--units " + kUnits + " --responses " + source_path("samples/responses.csv")},
      {"wide csv", "--units " + kUnits + " --responses " + kWide + "nordby-wide.csv --mapping " +
                       source_path("samples/mapping.ini")},
      {"xlsx", "--units " + kWide + "nordby-wide.xlsx --units-sheet Enheder --responses " + kWide +
                   "nordby-wide.xlsx --responses-sheet Svar --mapping " + kWide + "nordby-wide-xlsx.ini"},
      {"sav",
       "--units " + kUnits + " --responses " + kWide + "nordby-wide.sav --mapping " + kWide + "nordby-wide-sav.ini"},
      // Long layout in a workbook, no mapping: --sheet for both, --units-sheet overriding it.
      {"long xlsx", "--units " + kWide + "nordby-long.xlsx --units-sheet Enheder --responses " + kWide +
                        "nordby-long.xlsx --sheet Svar"},
  };
}

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// First line of `log` holding an error about `file_prefix`, split into row,
// column, column name and the answer quoted in the message.
struct Located {
  std::size_t row = 0, column = 0;
  std::string name, answer;
};
Located first_answer_error(const std::string& log, const std::string& file_prefix) {
  std::size_t at = log.find("rcmap: " + file_prefix + ":");
  REQUIRE(at != std::string::npos);
  std::string line = log.substr(at, log.find('\n', at) - at);
  std::smatch m;
  REQUIRE(std::regex_search(line, m, std::regex(R"(:(\d+):(\d+) \((.*)\): error: answer '([^']*)')")));
  return {std::stoul(m[1]), std::stoul(m[2]), m[3], m[4]};
}

}  // namespace

TEST_CASE(
    "the Nordby survey as wide CSV, xlsx and sav export and as long xlsx gives byte-identical tables to the canonical "
    "files",
    "[readers][cli][samples]") {
  ScratchDir t("wide-samples");
  const auto forms = nordby_forms();
  for (std::size_t i = 0; i < forms.size(); ++i)
    REQUIRE(run_rcmap("analyze " + forms[i].args + " --no-render --out " + t / std::to_string(i)) == 0);
  for (std::size_t i = 1; i < forms.size(); ++i)
    for (const char* file : {"ties.csv", "units.csv", "sides.csv", "gaps.csv"}) {
      INFO(forms[i].name << ": " << file);
      std::string canonical = slurp(t / ("0/" + std::string(file)));
      REQUIRE(canonical.size() > 500);
      CHECK(slurp(t / (std::to_string(i) + "/" + file)) == canonical);
    }
  // Same respondent and row counts in summary.json (the wide forms drop no row:
  // no canonical row has all seven answers missing).
  for (std::size_t i = 1; i < forms.size(); ++i) {
    std::string s = slurp(t / (std::to_string(i) + "/summary.json"));
    CHECK(s.find("\"respondents\": 300") != std::string::npos);
    CHECK(s.find("\"rows_read\": 4037") != std::string::npos);
  }
}

TEST_CASE("validate and compare accept every export form", "[readers][cli][samples]") {
  for (const auto& f : nordby_forms()) {
    INFO(f.name);
    CHECK(run_rcmap("validate " + f.args) == 0);
  }
  // compare --before/--after with UNITS,RESPONSES pairs: the sav export against
  // itself shows no change in any tie.
  ScratchDir t("wide-compare");
  std::string wave = kUnits + "," + kWide + "nordby-wide.sav";
  REQUIRE(run_rcmap("compare --before " + wave + " --after " + wave + " --mapping " + kWide +
                    "nordby-wide-sav.ini --bootstrap 100 --out " + t / "out") == 0);
  std::string changes = slurp(t / "out/changes.csv");
  REQUIRE(changes.find('\n') != std::string::npos);
  CHECK(changes.find(",0.000000,") != std::string::npos);
  CHECK(slurp(t / "out/summary.json").find("\"mapping\"") != std::string::npos);
}

TEST_CASE("convert --to long writes what rcmap read: the canonical files", "[readers][cli][convert]") {
  ScratchDir t("convert");
  const auto forms = nordby_forms();
  REQUIRE(run_rcmap("convert --to long " + forms[2].args + " --out " + t / "xlsx") == 0);
  // units.csv: the Enheder sheet, byte for byte the canonical units file.
  CHECK(slurp(t / "xlsx/units.csv") == slurp(kUnits));
  // responses.csv: the canonical file with its "NA" answers written blank
  // (both mean not answered).
  std::string expected = slurp(source_path("samples/responses.csv"));
  for (std::size_t p; (p = expected.find(",NA")) != std::string::npos;) expected.erase(p + 1, 2);
  CHECK(slurp(t / "xlsx/responses.csv") == expected);
  REQUIRE(run_rcmap("convert --to long " + forms[3].args + " --out " + t / "sav") == 0);
  CHECK(slurp(t / "sav/responses.csv") == expected);
  CHECK(run_rcmap("convert --to wide " + forms[3].args + " --out " + t / "bad") == 1);
}

TEST_CASE("xlsx errors name the workbook, sheet, row and column, exit 2, nothing written", "[readers][cli][errors]") {
  ScratchDir t("xlsx-errors");
  const std::string book = kWide + "nordby-wide.xlsx";
  REQUIRE(run_rcmap("analyze --units " + kUnits + " --responses " + book + " --responses-sheet Ark1 --mapping " +
                        kWide + "nordby-wide-xlsx.ini --out " + t / "out",
                    t / "log") == 2);
  CHECK(
      slurp(t / "log").find("rcmap: " + book + ": error: no sheet named 'Ark1'; the workbook has 'Svar', 'Enheder'") !=
      std::string::npos);
  CHECK_FALSE(fs::exists(t / "out"));
  // Without "Ved ikke" in the missing list, that answer is an error at its cell.
  write_file(t / "m.ini",
             "[wide]\nrespondent = Respondent\nunit = Enhed\npattern = Q{item}.{unit}\nmissing = 9\n"
             "[recode.problem_solving]\n1 = 5\n2 = 4\n3 = 3\n4 = 2\n5 = 1\n");
  REQUIRE(run_rcmap("convert --to long --units " + kUnits + " --responses " + book + " --mapping " + t / "m.ini" +
                        " --out " + t / "out",
                    t / "log2") == 2);
  CHECK_FALSE(fs::exists(t / "out"));
  Located e = first_answer_error(slurp(t / "log2"), book + "[Svar]");
  CHECK(e.answer == "Ved ikke");
  // The reported cell really holds that answer under that header.
  rcmap::Diagnostics d;
  rcmap::CsvTable svar = rcmap::read_xlsx(book, "Svar", d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(e.column >= 3);
  CHECK(svar.header[e.column - 1] == e.name);
  bool found = false;
  for (const auto& r : svar.rows)
    if (r.line == e.row) found = r.fields[e.column - 1] == "Ved ikke";
  CHECK(found);
}

TEST_CASE("sav errors name the file, case row and variable, exit 2, nothing written", "[readers][cli][errors]") {
  ScratchDir t("sav-errors");
  const std::string sav = kWide + "nordby-wide.sav";
  std::string mapping = slurp(kWide + "nordby-wide-sav.ini");
  // Own-unit variable that is not in the file.
  std::string m1 = std::regex_replace(mapping, std::regex("\nunit = afdeling"), "\nunit = enhed");
  write_file(t / "m1.ini", m1);
  REQUIRE(run_rcmap("validate --units " + kUnits + " --responses " + sav + " --mapping " + t / "m1.ini", t / "log1") ==
          2);
  CHECK(slurp(t / "log1")
            .find("rcmap: " + sav +
                  ":1 (enhed): error: no variable 'enhed' to read value labels from; "
                  "the file has 'resp_id', 'afdeling', 'q1_01'") != std::string::npos);
  // Code 9 no longer missing: an error at the case and variable.
  std::string m2 = std::regex_replace(mapping, std::regex("\nmissing = 9, -1"), "\nmissing = -1");
  REQUIRE(m2 != mapping);
  write_file(t / "m2.ini", m2);
  REQUIRE(run_rcmap("analyze --units " + kUnits + " --responses " + sav + " --mapping " + t / "m2.ini" + " --out " +
                        t / "out",
                    t / "log2") == 2);
  CHECK_FALSE(fs::exists(t / "out"));
  Located e = first_answer_error(slurp(t / "log2"), sav);
  CHECK(e.answer == "9");
  rcmap::Diagnostics d;
  rcmap::CsvTable cases = rcmap::read_sav(sav, {}, d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(cases.header[e.column - 1] == e.name);
  CHECK(e.name.rfind("q", 0) == 0);
  bool found = false;
  for (const auto& r : cases.rows)
    if (r.line == e.row) found = r.fields[e.column - 1] == "9";
  CHECK(found);
}

TEST_CASE("wide CSV errors point at the wide file's row and column, also for validation after reshaping",
          "[readers][cli][errors]") {
  ScratchDir t("wide-errors");
  std::string wide = slurp(kWide + "nordby-wide.csv");
  std::size_t l2 = wide.find('\n') + 1, l3 = wide.find('\n', l2) + 1;  // starts of lines 2 and 3
  std::string line3 = wide.substr(l3, wide.find('\n', l3) - l3);
  std::string rest = line3.substr(line3.find(',', line3.find(',') + 1));  // from the first answer on
  // Line 3's own unit replaced by a label no unit has.
  write_file(t / "own.csv", wide.substr(0, l3) + line3.substr(0, line3.find(',')) + ",Myndighed Vest" + rest +
                                wide.substr(wide.find('\n', l3)));
  REQUIRE(run_rcmap("validate --units " + kUnits + " --responses " + t / "own.csv --mapping " +
                        source_path("samples/mapping.ini"),
                    t / "log1") == 2);
  CHECK(slurp(t / "log1")
            .find(t / "own.csv" + ":3:2 (Afdeling): error: own unit 'Myndighed Vest' matches no unit "
                                  "id or label; expected one of 'Myndighed Børn og Unge Nord'") != std::string::npos);
  // Line 3 given line 2's respondent id (R1, another unit): validation of the
  // reshaped rows reports line 3 and the wide file's id or unit column, not
  // a column of the long layout.
  write_file(t / "dup.csv",
             wide.substr(0, l3) + "R1" + line3.substr(line3.find(',')) + wide.substr(wide.find('\n', l3)));
  REQUIRE(run_rcmap("validate --units " + kUnits + " --responses " + t / "dup.csv --mapping " +
                        source_path("samples/mapping.ini"),
                    t / "log2") == 2);
  std::string log = slurp(t / "log2");
  CHECK(std::regex_search(log, std::regex(std::regex_replace(t / "dup.csv", std::regex(R"([.\[\]])"), R"(\$&)") +
                                          R"(:3:[12] \((Respondent ID|Afdeling)\): error: respondent 'R1')")));
  CHECK(log.find("dup.csv:3:3") == std::string::npos);  // column 3 of the long layout ("target")
  // A mapping error names the mapping file and line.
  write_file(t / "bad.ini",
             "[wide]\nrespondent = Respondent ID\nunit = Afdeling\npattern = {dimension}_{unit}\n"
             "[recode.frequent]\nOfte = 7\n");
  REQUIRE(run_rcmap("convert --to long --units " + kUnits + " --responses " + kWide + "nordby-wide.csv --mapping " +
                        t / "bad.ini --out " + t / "out",
                    t / "log3") == 2);
  CHECK(slurp(t / "log3").find(t / "bad.ini" + ":6") != std::string::npos);
  CHECK_FALSE(fs::exists(t / "out"));
}

TEST_CASE("sheet options are checked against the files they name", "[readers][cli]") {
  CHECK(run_rcmap("validate --units " + kUnits + " --responses " + source_path("samples/responses.csv") +
                  " --sheet Svar") == 1);
  CHECK(run_rcmap("validate --units " + kUnits + " --units-sheet Enheder --responses " +
                  source_path("samples/responses.csv")) == 1);
}

TEST_CASE("analyze --ties: units, sides and overall from a tie table, ties below --min-n suppressed everywhere",
          "[readers][cli][ties][anonymity]") {
  ScratchDir t("ties");
  write_file(t / "units.csv",
             "unit,label,side,headcount\nA,Myndighed,authority,20\nB,Udfører B,provider,\n"
             "C,Udfører C,provider,9\n");
  // C->A has n = 4 < --min-n 5: suppressed, its 4.9 must appear nowhere.
  write_file(t / "ties.csv",
             "source,target,n,rc,frequent\nA,B,10,4.0,3.5\nA,C,6,3.0,\nB,A,5,2.5,2\n"
             "C,A,4,4.9,4.9\nA,A,8,4.5,4.25\n");
  REQUIRE(run_rcmap("analyze --units " + t / "units.csv --ties " + t / "ties.csv --no-render --out " + t / "out",
                    t / "log") == 0);
  std::string ties = slurp(t / "out/ties.csv"), units = slurp(t / "out/units.csv"), sides = slurp(t / "out/sides.csv"),
              summary = slurp(t / "out/summary.json");
  // ties.csv in (source, target) order; no sd or CI; the given dimension column.
  CHECK(ties.find("\nA,A,Myndighed,Myndighed,authority,authority,8,4.500000,,,,4.250000,,,,,,,strong,") !=
        std::string::npos);
  CHECK(ties.find("\nC,A,Udfører C,Myndighed,provider,authority,4,,,,,,,,,,,,suppressed,") != std::string::npos);
  for (const std::string& out : {ties, units, sides, summary}) CHECK(out.find("4.9") == std::string::npos);
  // units.csv, hand-computed: A gives (4.0 + 3.0) / 2 = 3.5 and receives 2.5
  // (C->A suppressed); within 4.5. B gives 2.5, receives 4.0. C gives nothing
  // shown, receives 3.0. Respondents and response rates unknown: blank.
  CHECK(units.find("\nA,Myndighed,authority,20,,,3.500000,2.500000,4.500000,") != std::string::npos);
  CHECK(units.find("\nB,Udfører B,provider,,,,2.500000,4.000000,,") != std::string::npos);
  CHECK(units.find("\nC,Udfører C,provider,9,,,,3.000000,,") != std::string::npos);
  // sides.csv, n-weighted: authority->provider (4.0*10 + 3.0*6) / 16 = 3.625;
  // provider->authority 2.5 from B->A alone (n 5).
  CHECK(sides ==
        "source_side,target_side,n,rc,ties\nauthority,provider,16,3.625000,2\n"
        "provider,authority,5,2.500000,1\n");
  // Overall: (40 + 18 + 12.5) / 21 = 3.357142857...
  CHECK(summary.find("\"rc\": 3.357143") != std::string::npos);
  CHECK(summary.find("\"respondents\": null") != std::string::npos);
  CHECK(summary.find("\"skipped\": [") != std::string::npos);
  CHECK(summary.find("\"ties\": {\n      \"path\"") != std::string::npos);
  std::string log = slurp(t / "log");
  CHECK(log.find("1 ties have n below --min-n 5 and are suppressed") != std::string::npos);
  CHECK(log.find("--tie-table: skipped Cronbach's alpha") != std::string::npos);
  // --ties still selects the map's ties when given a keyword.
  CHECK(run_rcmap("analyze --units " + t / "units.csv --ties " + t / "ties.csv --ties weak --no-render --out " +
                  t / "out2") == 0);
}

TEST_CASE("analyze --ties errors: unknown unit, network files without n, both inputs", "[readers][cli][ties][errors]") {
  ScratchDir t("ties-errors");
  write_file(t / "units.csv", "unit,label,side,headcount\nA,A,authority,\nB,B,provider,\n");
  write_file(t / "ties.csv", "source,target,n,rc\nA,B,10,4.0\nB,X,7,3.0\n");
  REQUIRE(run_rcmap("analyze --units " + t / "units.csv --ties " + t / "ties.csv --out " + t / "out", t / "log") == 2);
  CHECK(slurp(t / "log").find(t / "ties.csv" + ":3:2 (target): error: unknown unit 'X'") != std::string::npos);
  CHECK_FALSE(fs::exists(t / "out"));
  write_file(t / "net.dl", "DL n=2\nformat = fullmatrix\nlabels:\nA,B\ndata:\n0 4\n3 0\n");
  REQUIRE(run_rcmap("analyze --units " + t / "units.csv --ties " + t / "net.dl --out " + t / "out", t / "log2") == 2);
  CHECK(slurp(t / "log2").find("carry one value per pair but no respondent count n") != std::string::npos);
  CHECK_FALSE(fs::exists(t / "out"));
  CHECK(run_rcmap("analyze --units " + t / "units.csv --ties " + t / "ties.csv --responses " + t / "ties.csv --out " +
                  t / "out") == 1);
}
