// Wide survey exports -> canonical long table. The ground truth is
// tests/data/readers/responses.csv, written by make_fixtures.py from the same
// seeded answers as wide.csv / wide.xlsx / wide.sav.
#include <catch2/catch.hpp>

#include "rcmap/io/sav_reader.hpp"
#include "rcmap/survey/wide_export.hpp"
#include "rcmap/io/xlsx_reader.hpp"
#include "support/readers_test_util.hpp"

using namespace rcmap;
using rcmap::test::fixture;
using rcmap::test::load_csv;
using rcmap::test::table_from_text;

namespace {

// Long rows equal the canonical rows field for field, in the same order,
// and each keeps the line of its wide row.
void require_same_rows(const CsvTable& got, const CsvTable& expected, const std::vector<std::size_t>& wide_lines,
                       const std::vector<std::string>& respondent_of_line) {
  REQUIRE(got.header == expected.header);
  REQUIRE(got.rows.size() == expected.rows.size());
  for (std::size_t i = 0; i < got.rows.size(); ++i) {
    INFO("long row " << i + 1);
    CHECK(got.rows[i].fields == expected.rows[i].fields);
    // The line is the wide row of this respondent.
    std::size_t r = 0;
    while (r < respondent_of_line.size() && respondent_of_line[r] != got.rows[i].fields[0]) ++r;
    REQUIRE(r < wide_lines.size());
    CHECK(got.rows[i].line == wide_lines[r]);
  }
}

const std::vector<std::string> kRespondents = {"R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08"};

std::string errors_of(const Diagnostics& d) {
  std::string s;
  for (const auto& i : d.items()) s += format_diagnostic(i) + "\n";
  return s;
}

// Units for the rule tests.
CsvTable units() {
  return table_from_text(
      "unit,label,side,headcount\n"
      "NORD,Myndighed Nord,authority,10\n"
      "BOERN,B\xC3\xB8rnehuset \xC3\x85"
      "en,provider,12\n",
      "units.csv");
}

WideMapping simple_mapping() {
  Diagnostics d;
  WideMapping m = parse_mapping(
      "[wide]\nrespondent = id\nunit = own\npattern = {dimension}_{unit}\n"
      "missing = 6, 9, -1, \"Ved ikke\"\n",
      "m.ini", d);
  REQUIRE_FALSE(d.has_errors());
  return m;
}

std::string wide_header() {
  std::string h = "id,own";
  for (const char* u : {"NORD", "BOERN"})
    for (const char* d :
         {"frequent", "timely", "accurate", "problem_solving", "shared_goals", "shared_knowledge", "mutual_respect"})
      h += std::string(",") + d + "_" + u;
  return h + "\n";
}

}  // namespace

TEST_CASE("wide CSV export reshapes to the canonical long table row for row", "[wide]") {
  Diagnostics diags;
  WideMapping m = read_mapping(fixture("mapping_wide_csv.ini"), diags);
  CsvTable wide = load_csv(fixture("wide.csv"));
  CsvTable got = wide_to_long(wide, m, load_csv(fixture("units.csv")), diags);
  INFO(errors_of(diags));
  REQUIRE_FALSE(diags.has_errors());
  CHECK(got.path == fixture("wide.csv"));
  require_same_rows(got, load_csv(fixture("responses.csv")), {2, 3, 4, 5, 6, 7, 8, 9}, kRespondents);
  // R03 rated nothing for SUND: 8 x 4 - 1 long rows.
  CHECK(got.rows.size() == 31);
}

TEST_CASE("wide xlsx export reshapes to the canonical long table with spreadsheet row numbers", "[wide][xlsx]") {
  Diagnostics diags;
  WideMapping m = read_mapping(fixture("mapping_xlsx.ini"), diags);
  CsvTable wide = read_xlsx(fixture("wide.xlsx"), "Svar", diags);
  CsvTable units = read_xlsx(fixture("wide.xlsx"), "Enheder", diags);
  CsvTable got = wide_to_long(wide, m, units, diags);
  INFO(errors_of(diags));
  REQUIRE_FALSE(diags.has_errors());
  CHECK(got.path == fixture("wide.xlsx") + "[Svar]");
  // Row 6 of the sheet is empty (see wide_xlsx_lines.txt).
  require_same_rows(got, load_csv(fixture("responses.csv")), {2, 3, 4, 5, 7, 8, 9, 10}, kRespondents);
}

TEST_CASE("wide SPSS export with a coded own unit reshapes to the canonical long table", "[wide][spss]") {
  Diagnostics diags;
  WideMapping m = read_mapping(fixture("mapping_sav.ini"), diags);
  REQUIRE(m.columns.size() == 28);
  CsvTable wide = read_sav(fixture("wide.sav"), {"enhed"}, diags);
  CsvTable got = wide_to_long(wide, m, load_csv(fixture("units.csv")), diags);
  INFO(errors_of(diags));
  REQUIRE_FALSE(diags.has_errors());
  require_same_rows(got, load_csv(fixture("responses.csv")), {2, 3, 4, 5, 6, 7, 8, 9}, kRespondents);
}

TEST_CASE("every missing code, blank and case/space variant becomes not answered", "[wide]") {
  // NORD row: frequent..mutual_respect = "", "6", "9", "-1", "Ved ikke",
  // "  VED   IKKE ", "4"; BOERN row: all missing -> no long row.
  CsvTable wide = table_from_text(wide_header() + "r1,NORD,,6,9,-1,Ved ikke,  VED   IKKE ,4,6,9,,,,,\n", "w.csv");
  Diagnostics diags;
  CsvTable got = wide_to_long(wide, simple_mapping(), units(), diags);
  INFO(errors_of(diags));
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].fields == std::vector<std::string>{"r1", "NORD", "NORD", "", "", "", "", "", "", "4"});
  CHECK(got.rows[0].line == 2);
}

TEST_CASE("an answer that is neither a score 1 to 5 nor a missing code is an error at its cell", "[wide]") {
  CsvTable wide = table_from_text(wide_header() + "r1,NORD,7,2,3,4,5,1,2,,,,,,,\n", "w.csv");
  Diagnostics diags;
  CsvTable got = wide_to_long(wide, simple_mapping(), units(), diags);
  REQUIRE(diags.error_count() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.file == "w.csv");
  CHECK(d.line == 2);
  CHECK(d.column == 3);
  CHECK(d.column_name == "frequent_NORD");
  CHECK(d.message == "answer '7' is not a score 1 to 5 and not in the mapping's missing list");
  // The row keeps its other answers (validation later rejects nothing else).
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].fields == std::vector<std::string>{"r1", "NORD", "NORD", "", "2", "3", "4", "5", "1", "2"});
}

TEST_CASE("per-dimension recoding maps answer text and reversed scales, before the missing list", "[wide]") {
  Diagnostics d;
  WideMapping m = parse_mapping(
      "[wide]\nrespondent = id\nunit = own\npattern = {dimension}_{unit}\nmissing = 6, Ved ikke\n"
      "[recode.hyppighed]\n\"Hele tiden\" = 5\nOfte = 4\n6 = 5 ; 'just right' scores highest\n"
      "[recode.problem_solving]\n1 = 5\n2 = 4\n4 = 2\n5 = 1\n",
      "m.ini", d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(m.recode.at("frequent").at("6") == 5);
  CsvTable wide = table_from_text(wide_header() +
                                      "r1,NORD,hele TIDEN,3,3,1,3,3,3,,,,,,,\n"
                                      "r2,NORD,6,6,3,5,3,3,Ved ikke,Ofte,,,3,,,\n",
                                  "w.csv");
  CsvTable got = wide_to_long(wide, m, units(), d);
  INFO(errors_of(d));
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(got.rows.size() == 3);
  // frequent "hele TIDEN" -> 5 (case-insensitive); problem_solving 1 -> 5;
  // 3 has no entry and passes through.
  CHECK(got.rows[0].fields == std::vector<std::string>{"r1", "NORD", "NORD", "5", "3", "3", "5", "3", "3", "3"});
  // frequent "6" is recoded to 5 (recode before missing); timely "6" is missing.
  CHECK(got.rows[1].fields == std::vector<std::string>{"r2", "NORD", "NORD", "5", "", "3", "1", "3", "3", ""});
  // problem_solving 3 has no recode entry and passes through.
  CHECK(got.rows[2].fields == std::vector<std::string>{"r2", "NORD", "BOERN", "4", "", "", "3", "", "", ""});
}

TEST_CASE("own unit given as id or label matches case- and whitespace-insensitively", "[wide]") {
  CsvTable wide = table_from_text(wide_header() +
                                      "r1,NORD,1,,,,,,,,,,,,,\n"
                                      "r2,nord ,1,,,,,,,,,,,,,\n"
                                      "r3,  myndighed   NORD,1,,,,,,,,,,,,,\n"
                                      "r4,B\xC3\x98RNEHUSET \xC3\x85"
                                      "EN,1,,,,,,,,,,,,,\n",  // "BØRNEHUSET ÅEN"
                                  "w.csv");
  Diagnostics diags;
  CsvTable got = wide_to_long(wide, simple_mapping(), units(), diags);
  INFO(errors_of(diags));
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(got.rows.size() == 4);
  CHECK(got.rows[0].fields[1] == "NORD");
  CHECK(got.rows[1].fields[1] == "NORD");
  CHECK(got.rows[2].fields[1] == "NORD");
  CHECK(got.rows[3].fields[1] == "BOERN");
}

TEST_CASE("an own-unit label matching no unit is an error with file, line and column", "[wide]") {
  CsvTable wide = table_from_text(wide_header() +
                                      "r1,NORD,1,,,,,,,,,,,,,\n"
                                      "r2,Myndighed Syd,2,,,,,,,,,,,,,\n"
                                      "r3,,2,,,,,,,,,,,,,\n",
                                  "w.csv");
  Diagnostics diags;
  CsvTable got = wide_to_long(wide, simple_mapping(), units(), diags);
  REQUIRE(diags.error_count() == 2);
  const auto& d = diags.items()[0];
  CHECK(d.file == "w.csv");
  CHECK(d.line == 3);
  CHECK(d.column == 2);
  CHECK(d.column_name == "own");
  CHECK(d.message ==
        "own unit 'Myndighed Syd' matches no unit id or label; expected one of "
        "'Myndighed Nord', 'B\xC3\xB8rnehuset \xC3\x85"
        "en'");
  CHECK(diags.items()[1].line == 4);
  CHECK(diags.items()[1].message == "empty own unit; expected a unit id or label");
  // Rows with an unknown own unit are left out.
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].fields[0] == "r1");
}

TEST_CASE("a label shared by two units is ambiguous", "[wide]") {
  CsvTable u = table_from_text("unit,label,side\nA,Skolen,x\nB,skolen,y\n", "u.csv");
  CsvTable wide = table_from_text("id,own,frequent_A\nr1,SKOLEN,3\nr2,b,3\n", "w.csv");
  Diagnostics diags;
  CsvTable got = wide_to_long(wide, simple_mapping(), u, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[0].message == "label 'SKOLEN' names more than one unit; use the unit id");
  REQUIRE(got.rows.size() == 1);  // "b" is the id of B
  CHECK(got.rows[0].fields[1] == "B");
}

TEST_CASE("a rating column naming no unit, and two columns for one rating, are header errors", "[wide]") {
  CsvTable wide = table_from_text("id,own,frequent_NORD,timely_SYD,Frequent_nord\nr1,NORD,3,3,3\n", "w.csv");
  Diagnostics diags;
  wide_to_long(wide, simple_mapping(), units(), diags);
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.items()[0].line == 1);
  CHECK(diags.items()[0].column == 4);
  CHECK(diags.items()[0].message ==
        "column matches the pattern '{dimension}_{unit}' but 'syd' is no unit id or label; "
        "expected one of 'NORD', 'BOERN'");
  CHECK(diags.items()[1].column == 5);
  CHECK(diags.items()[1].message.rfind("second column for frequent of unit 'NORD' (the first is column 3", 0) == 0);
}

TEST_CASE("item-number patterns, unit labels in headers and dimension aliases", "[wide]") {
  Diagnostics d;
  WideMapping m = parse_mapping("[wide]\nrespondent = id\nunit = own\npattern = Q{item} - {unit}\n", "m.ini", d);
  REQUIRE_FALSE(d.has_errors());
  // "Q4 - Myndighed Nord": item 4 = problem_solving, unit by label; "Q8 - x"
  // is no item and the column is ignored like any other extra column.
  CsvTable wide = table_from_text("id,own,Q4 - Myndighed Nord,Q1 - BOERN,Q8 - NORD\nr1,BOERN,2,5,1\n", "w.csv");
  CsvTable got = wide_to_long(wide, m, units(), d);
  INFO(errors_of(d));
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[0].fields == std::vector<std::string>{"r1", "BOERN", "NORD", "", "", "", "2", "", "", ""});
  CHECK(got.rows[1].fields == std::vector<std::string>{"r1", "BOERN", "BOERN", "5", "", "", "", "", "", ""});
  // Danish and English names and user aliases.
  m.dimension_aliases["tillid"] = "mutual_respect";
  CHECK(resolve_dimension("Fælles mål", m) == 4);
  CHECK(resolve_dimension("PROBLEMLØSNING", m) == 3);
  CHECK(resolve_dimension("problem-solving", m) == 3);
  CHECK(resolve_dimension("Timeliness", m) == 1);
  CHECK(resolve_dimension("tillid", m) == 6);
  CHECK(resolve_dimension("7", m) == 6);
  CHECK(resolve_dimension("trust", m) == -1);
}

TEST_CASE("mapping file errors name the mapping file's line", "[wide]") {
  Diagnostics d;
  parse_mapping(
      "[wide]\nrespondent = id\npattern = {dimension}\ncolour = red\n"
      "[recode.frequent]\nOfte = 7\n[recode.trust]\n[extra]\n[dimensions]\ntillid = trust\n",
      "m.ini", d);
  std::vector<std::pair<std::size_t, std::string>> got;
  for (const auto& i : d.items()) got.emplace_back(i.line, i.message);
  using P = std::pair<std::size_t, std::string>;
  CHECK(got == std::vector<P>{
                   P{4, "unknown key 'colour' in [wide]; expected respondent, unit, pattern or missing"},
                   P{6, "recode of 'Ofte' is '7'; expected a score 1 to 5"},
                   P{7,
                     "[recode.trust]: unknown dimension 'trust'; expected one of frequent, timely, accurate, "
                     "problem_solving, shared_goals, shared_knowledge, mutual_respect or an alias"},
                   P{8, "unknown section [extra]; expected [wide], [dimensions], [recode.<dimension>] or [columns]"},
                   P{10,
                     "alias target 'trust' is not a dimension; expected one of frequent, timely, accurate, "
                     "problem_solving, shared_goals, shared_knowledge, mutual_respect"},
                   P{0, "[wide] has no 'unit = <column>' (the respondent's own unit)"},
                   P{0, "pattern '{dimension}' needs {unit} and exactly one of {dimension} or {item}"}});
}

TEST_CASE("the documented sample mapping file parses completely", "[wide]") {
  Diagnostics d;
  WideMapping m = read_mapping(std::string(RCMAP_SOURCE_DIR) + "/samples/mapping.ini", d);
  INFO(errors_of(d));
  REQUIRE_FALSE(d.has_errors());
  CHECK(m.respondent_column == "Respondent ID");
  CHECK(m.unit_column == "Afdeling");
  CHECK(m.pattern == "{dimension}_{unit}");
  CHECK(m.missing == std::vector<std::string>{"6", "9", "-1", "Ved ikke", "Ikke relevant, ved ikke"});
  CHECK(m.dimension_aliases.at("samarbejde") == "mutual_respect");
  CHECK(m.recode.at("frequent").at("Passende") == 5);
  CHECK(m.recode.at("problem_solving").at("1") == 5);
}

TEST_CASE("aggregated tie tables parse with optional columns, blanks and decimal commas", "[ties]") {
  CsvTable t = table_from_text(
      "Source,target,n,rc,frequent,communication,extra\n"
      "NORD,BOERN,7,\"3,25\",4,3.5,x\n"
      "BOERN,NORD,3,,NA,,y\n",
      "ties.csv");
  Diagnostics d;
  auto rows = read_aggregated_ties(t, d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].source == "NORD");
  CHECK(rows[0].n == 7);
  CHECK(rows[0].rc == 3.25);
  CHECK(rows[0].dims[0] == 4.0);
  CHECK(std::isnan(rows[0].dims[1]));
  CHECK(rows[0].communication == 3.5);
  CHECK(std::isnan(rows[0].relationship));
  CHECK(rows[0].line == 2);
  CHECK(std::isnan(rows[1].rc));
  CHECK(std::isnan(rows[1].dims[0]));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].severity == Severity::note);
  CHECK(d.items()[0].message == "ignored columns: 'extra'");
}

TEST_CASE("aggregated tie tables report bad n, out-of-range scores, duplicates and missing columns", "[ties]") {
  CsvTable t = table_from_text(
      "source,target,n,rc,mutual_respect\n"
      "A,B,-1,3,3\n"
      "A,C,4,5.5,3\n"
      "A,D,4,3,0.5\n"
      "A,E,4,3,3\n"
      "A,E,5,3,3\n",
      "ties.csv");
  Diagnostics d;
  auto rows = read_aggregated_ties(t, d);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].target == "E");
  std::vector<std::string> got;
  for (const auto& i : d.items())
    got.push_back(std::to_string(i.line) + ":" + std::to_string(i.column) + " " + i.message);
  CHECK(got == std::vector<std::string>{"2:3 n is '-1'; expected a whole number of respondents >= 0",
                                        "3:4 '5.5' is not a score; expected a number from 1 to 5 or blank",
                                        "4:5 '0.5' is not a score; expected a number from 1 to 5 or blank",
                                        "6:1 tie A -> E listed twice; expected one row per ordered pair"});
  Diagnostics d2;
  read_aggregated_ties(table_from_text("source,target,rc\nA,B,3\n", "t.csv"), d2);
  REQUIRE(d2.error_count() == 1);
  CHECK(d2.items()[0].column_name == "n");
}
