// .xlsx reader. Fixtures from tests/data/readers/make_fixtures.py (openpyxl
// workbook rewritten to mix shared and inline strings; tiny hand-written
// workbooks for edge cases); expected values are the ones the script wrote.
#include <catch2/catch.hpp>

#include "rcmap/xlsx.hpp"
#include "support/readers_test_util.hpp"

using namespace rcmap;
using rcmap::test::fixture;

namespace {
bool has_error_containing(const Diagnostics& d, const std::string& text) {
  for (const auto& i : d.items())
    if (i.severity == Severity::error && i.message.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("xlsx: reads a sheet mixing inline-string header and shared-string data cells", "[xlsx]") {
  Diagnostics diags;
  CsvTable t = read_xlsx(fixture("wide.xlsx"), "", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.path == fixture("wide.xlsx") + "[Svar]");
  REQUIRE(t.header.size() == 4 + 28);
  CHECK(t.header[0] == "Respondent");   // inline strings
  CHECK(t.header[3] == "V\xC3\xA6gt");  // "Vægt", written as &#230;
  CHECK(t.header[4] == "Q1.NORD");
  CHECK(t.header[31] == "Q7.SUND");
  REQUIRE(t.rows.size() == 8);
  // Spreadsheet row numbers; row 6 is empty (no <row> element) and skipped.
  std::vector<std::size_t> lines;
  for (const auto& r : t.rows) lines.push_back(r.line);
  CHECK(lines == std::vector<std::size_t>{2, 3, 4, 5, 7, 8, 9, 10});
  for (const auto& r : t.rows) CHECK(r.fields.size() == t.header.size());
  // Shared strings, one of them rich text with a phonetic run (skipped).
  CHECK(t.rows[0].fields[0] == "R01");
  CHECK(t.rows[0].fields[1] == "Myndighed Nord");
  CHECK(t.rows[3].fields[1] == "B\xC3\xB8rnehuset \xC3\x85" "en");  // "Børnehuset Åen"
  // Booleans (ri % 3 != 0) and numbers (0.1, 2.5, 1.0, 3).
  CHECK(t.rows[0].fields[2] == "FALSE");
  CHECK(t.rows[1].fields[2] == "TRUE");
  CHECK(t.rows[0].fields[3] == "0.1");
  CHECK(t.rows[1].fields[3] == "2.5");
  CHECK(t.rows[2].fields[3] == "1");
  CHECK(t.rows[3].fields[3] == "3");
  // R01 -> NORD: frequent "Ofte" (text), timely 5, accurate missing as an
  // absent cell, problem_solving printed reversed (score 4 -> 2),
  // mutual_respect missing as "Ved ikke"; R01 -> BOERN shared_knowledge = 9.
  CHECK(t.rows[0].fields[4] == "Ofte");
  CHECK(t.rows[0].fields[5] == "5");
  CHECK(t.rows[0].fields[6] == "");
  CHECK(t.rows[0].fields[7] == "2");
  CHECK(t.rows[0].fields[10] == "Ved ikke");
  CHECK(t.rows[0].fields[16] == "9");
}

TEST_CASE("xlsx: selects a sheet by name, case-insensitively", "[xlsx]") {
  Diagnostics diags;
  CsvTable t = read_xlsx(fixture("wide.xlsx"), "enheder", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.path == fixture("wide.xlsx") + "[Enheder]");
  CHECK(t.header == std::vector<std::string>{"unit", "label", "side", "headcount"});
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].fields == std::vector<std::string>{"NORD", "Myndighed Nord", "authority", "10"});
  CHECK(t.rows[3].fields == std::vector<std::string>{"SUND", "Sundhedsplejen", "health", ""});
  CHECK(t.rows[3].line == 5);
  CHECK(xlsx_sheet_names(fixture("wide.xlsx"), diags) == std::vector<std::string>{"Svar", "Enheder"});
}

TEST_CASE("xlsx: fills skipped columns and rows with empty fields and formats each value type", "[xlsx]") {
  Diagnostics diags;
  CsvTable t = read_xlsx(fixture("cells.xlsx"), "", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.path == fixture("cells.xlsx") + "[Data]");
  // Header is row 2 (first non-empty); D2 has no r attribute (follows C2),
  // its inline string has two runs, the second the escape _x0041_ = "A";
  // F2 is an empty cell, so the header ends at D.
  CHECK(t.header == std::vector<std::string>{"a", "", "c", "dA"});
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].line == 4);
  CHECK(t.rows[0].fields == std::vector<std::string>{"0.001", "2", "", "0.30000000000000004"});
  CHECK(t.rows[1].line == 5);
  CHECK(t.rows[1].fields == std::vector<std::string>{"", "TRUE", "FALSE", "ax"});
  CHECK(t.rows[2].line == 6);
  CHECK(t.rows[2].fields == std::vector<std::string>{"#N/A", "-12", "", ""});
  CHECK(t.rows[3].line == 7);
  CHECK(t.rows[3].fields == std::vector<std::string>{"", "", " b ", ""});
  // The error cell is read as text with a warning at its row and column.
  REQUIRE(diags.warning_count() == 1);
  CHECK(diags.items()[0].line == 6);
  CHECK(diags.items()[0].column == 1);
  CHECK(diags.items()[0].message.find("#N/A") != std::string::npos);
}

TEST_CASE("xlsx: names the sheets when the requested sheet does not exist", "[xlsx]") {
  Diagnostics diags;
  CsvTable t = read_xlsx(fixture("wide.xlsx"), "Ark1", diags);
  CHECK(t.rows.empty());
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message == "no sheet named 'Ark1'; the workbook has 'Svar', 'Enheder'");
}

TEST_CASE("xlsx: rejects a file that is not a zip archive", "[xlsx]") {
  Diagnostics diags;
  read_xlsx(fixture("units.csv"), "", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(has_error_containing(diags, "not an Excel .xlsx workbook (no zip signature)"));
  Diagnostics d2;
  read_xlsx(fixture("no-such-file.xlsx"), "", d2);
  CHECK(has_error_containing(d2, "cannot open the file"));
}

TEST_CASE("xlsx: reports malformed XML with part, line and column", "[xlsx]") {
  Diagnostics diags;
  read_xlsx(fixture("bad_xml.xlsx"), "", diags);
  REQUIRE(diags.error_count() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.file == fixture("bad_xml.xlsx") + "[Data]");
  // <x:c r="A1"><x:v>1</x:v></x:row>: the stray </x:row> closes <x:c>.
  CHECK(d.message.rfind("malformed XML in part 'xl/worksheets/data.xml' at line 2, column ", 0) == 0);
  CHECK(d.message.find("mismatched tag") != std::string::npos);
}

TEST_CASE("xlsx: reports a value right of the last header column at its cell", "[xlsx]") {
  Diagnostics diags;
  CsvTable t = read_xlsx(fixture("beyond_header.xlsx"), "", diags);
  REQUIRE(diags.error_count() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.line == 2);
  CHECK(d.column == 3);
  CHECK(d.message == "cell C2 holds '5' right of the last header column (A); expected an empty cell");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == std::vector<std::string>{"1"});
}

TEST_CASE("xlsx: reports a shared-string index out of range", "[xlsx]") {
  Diagnostics diags;
  read_xlsx(fixture("bad_shared.xlsx"), "", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message == "cell A1 refers to shared string 3, but the workbook has 1");
  CHECK(diags.items()[0].line == 1);
}

TEST_CASE("xlsx: reports cell references out of order with row and column", "[xlsx]") {
  Diagnostics diags;
  read_xlsx(fixture("bad_ref.xlsx"), "", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message == "bad cell reference \"A1\" in row 1");
  CHECK(diags.items()[0].line == 1);
  CHECK(diags.items()[0].column == 3);
}
