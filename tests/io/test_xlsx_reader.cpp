// .xlsx reader. Fixtures from tests/data/readers/make_fixtures.py (openpyxl
// workbook rewritten to mix shared and inline strings; tiny hand-written
// workbooks for edge cases); expected values are the ones the script wrote.
#include <catch2/catch.hpp>
#include <zip.h>
#include <zlib.h>

#include <filesystem>
#include <map>

#include "rcmap/io/xlsx_reader.hpp"
#include "support/cli_run.hpp"
#include "support/readers_test_util.hpp"

using namespace rcmap;
using rcmap::test::fixture;

namespace {
bool has_error_containing(const Diagnostics& d, const std::string& text) {
  for (const auto& i : d.items())
    if (i.severity == Severity::error && i.message.find(text) != std::string::npos) return true;
  return false;
}

// A part made of `head`, `repeat` copies of `unit`, then `tail`, stored
// deflated without ever being whole in memory: with a full flush after each
// piece, deflate restarts from an empty window, so the compressed bytes of
// `unit` are the same every time and are computed once (RFC 1951; zlib
// manual, Z_FULL_FLUSH). CRC-32 of the whole via crc32_combine.
struct RepeatedPart {
  std::string name, head, unit, tail;
  std::size_t repeat = 0;
};

// Writes a workbook whose sheet "Data" is xl/worksheets/sheet1.xml; `parts`
// adds or replaces parts (e.g. xl/sharedStrings.xml).
void write_workbook(const std::string& path, const std::map<std::string, std::string>& parts,
                    const RepeatedPart* big = nullptr) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::map<std::string, std::string> all = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"xl/workbook.xml", "<workbook xmlns=\"" + ns + "\" xmlns:r=\"" + rel +
                              "\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"" +
           rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"}};
  for (const auto& [k, v] : parts) all[k] = v;
  zipFile z = zipOpen64(path.c_str(), 0);
  REQUIRE(z);
  for (const auto& [name, text] : all) {
    REQUIRE(zipOpenNewFileInZip(z, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6) == ZIP_OK);
    REQUIRE(zipWriteInFileInZip(z, text.data(), unsigned(text.size())) == ZIP_OK);
    REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
  }
  if (big) {
    z_stream d{};
    REQUIRE(deflateInit2(&d, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    auto deflate_piece = [&](const std::string& in, int flush) {
      std::string out(deflateBound(&d, in.size()) + 64, '\0');
      d.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
      d.avail_in = uInt(in.size());
      d.next_out = reinterpret_cast<Bytef*>(out.data());
      d.avail_out = uInt(out.size());
      REQUIRE(deflate(&d, flush) != Z_STREAM_ERROR);
      REQUIRE(d.avail_in == 0);
      out.resize(out.size() - d.avail_out);
      return out;
    };
    const std::string head = deflate_piece(big->head, Z_FULL_FLUSH);
    const std::string unit = deflate_piece(big->unit, Z_FULL_FLUSH);
    REQUIRE(deflate_piece(big->unit, Z_FULL_FLUSH) == unit);  // the same bytes every time
    const std::string tail = deflate_piece(big->tail, Z_FINISH);
    deflateEnd(&d);
    // The stream holds the unit repeat + 1 times; the extra one is written first.
    auto crc_of = [](const std::string& s) {
      return crc32(0, reinterpret_cast<const Bytef*>(s.data()), uInt(s.size()));
    };
    uLong crc = crc_of(big->head), unit_crc = crc_of(big->unit);
    for (std::size_t i = 0; i <= big->repeat; ++i) crc = crc32_combine(crc, unit_crc, z_off_t(big->unit.size()));
    crc = crc32_combine(crc, crc_of(big->tail), z_off_t(big->tail.size()));
    const uLong size = big->head.size() + (big->repeat + 1) * big->unit.size() + big->tail.size();
    REQUIRE(size < 0xFFFFFFFFul);  // no zip64 needed
    REQUIRE(zipOpenNewFileInZip2(z, big->name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9,
                                 /*raw=*/1) == ZIP_OK);
    auto put = [&](const std::string& s) { REQUIRE(zipWriteInFileInZip(z, s.data(), unsigned(s.size())) == ZIP_OK); };
    put(head);
    for (std::size_t i = 0; i <= big->repeat; ++i) put(unit);
    put(tail);
    REQUIRE(zipCloseFileInZipRaw(z, size, crc) == ZIP_OK);
  }
  REQUIRE(zipClose(z, nullptr) == ZIP_OK);
}

std::string sheet_xml(const std::string& rows) {
  return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows +
         "</sheetData></worksheet>";
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
  CHECK(t.rows[3].fields[1] ==
        "B\xC3\xB8rnehuset \xC3\x85"
        "en");  // "Børnehuset Åen"
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

TEST_CASE("xlsx: without --sheet reads the first visible sheet and says which one", "[xlsx][sheets]") {
  // hidden_sheet.xlsx (make_fixtures.py, openpyxl): 'Noter' hidden,
  // 'Svar', 'Arkiv' very hidden, 'Enheder'.
  Diagnostics diags;
  CsvTable t = read_xlsx(fixture("hidden_sheet.xlsx"), "", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.path == fixture("hidden_sheet.xlsx") + "[Svar]");
  CHECK(t.header == std::vector<std::string>{"unit", "label"});
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].severity == Severity::note);
  CHECK(format_diagnostic(diags.items()[0]) ==
        fixture("hidden_sheet.xlsx") +
            ": note: the workbook has 4 sheets; read 'Svar' (the first visible one); choose another with --sheet");
  // A hidden sheet is read when named, without a note.
  Diagnostics d2;
  CsvTable hidden = read_xlsx(fixture("hidden_sheet.xlsx"), "Noter", d2);
  CHECK(d2.items().empty());
  CHECK(hidden.header == std::vector<std::string>{"Eksporteret 2026-01-01"});
  // One sheet: nothing to say.
  Diagnostics d3;
  read_xlsx(fixture("cells.xlsx"), "", d3);
  CHECK(d3.warning_count() == 1);
  for (const auto& d : d3.items()) CHECK(d.severity != Severity::note);
}

TEST_CASE("xlsx: a formula cell without a saved result is an error at its cell, never a blank", "[xlsx][formula]") {
  // formula.xlsx: B2 <f>A2*2</f><v></v> (openpyxl), C2 <f> without <v>,
  // D2 t="str" with the saved empty text, E2 with its saved result 9.
  Diagnostics diags;
  CsvTable t = read_xlsx(fixture("formula.xlsx"), "", diags);
  REQUIRE(diags.error_count() == 2);
  const auto& b = diags.items()[0];
  CHECK(b.file == fixture("formula.xlsx") + "[Data]");
  CHECK(b.line == 2);
  CHECK(b.column == 2);
  CHECK(b.message == "cell B2 holds a formula without a saved result: open and save the file in Excel, or export CSV");
  CHECK(diags.items()[1].line == 2);
  CHECK(diags.items()[1].column == 3);
  CHECK(diags.items()[1].message.rfind("cell C2 holds a formula without a saved result", 0) == 0);
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields[3] == "");
  CHECK(t.rows[0].fields[4] == "9");
}

TEST_CASE("xlsx: a 2 GiB shared string in a 2 MB workbook is a located error, not std::bad_alloc", "[xlsx][limits]") {
  rcmap::test::ScratchDir dir("xlsx-bomb");
  const std::string path = dir / "bomb.xlsx";
  // Shared string 1 is 'a' repeated 2 GiB + 1 MiB times (a 2 GiB string and then some).
  RepeatedPart sst{"xl/sharedStrings.xml",
                   "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>unit</t></si>\n"
                   "<si><t>",
                   std::string(std::size_t{1} << 20, 'a'), "</t></si></sst>", 2048};
  write_workbook(path,
                 {{"xl/worksheets/sheet1.xml", sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                                                         "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>")}},
                 &sst);
  REQUIRE(std::filesystem::file_size(path) < 3000000);
  Diagnostics diags;
  CsvTable t = read_xlsx(path, "", diags);
  CHECK(t.header.empty());
  REQUIRE(diags.error_count() == 1);
  CHECK(format_diagnostic(diags.items()[0]) ==
        path +
            "[Data]: error: shared string 1 (xl/sharedStrings.xml, line 2) is longer than rcmap's limit of "
            "1 MiB (1048576 bytes) for one cell; shorten the text in the workbook, or export CSV");
  // Through the command line: exit 2 (invalid input), not 4.
  CHECK(rcmap::test::run_rcmap("validate --units " + path + " --responses " + path, dir / "log") == 2);
  CHECK(rcmap::test::slurp(dir / "log").find("is longer than rcmap's limit of 1 MiB") != std::string::npos);
}

TEST_CASE("xlsx: a cell over the cell limit is an error at its cell", "[xlsx][limits]") {
  rcmap::test::ScratchDir dir("xlsx-cell");
  const std::string path = dir / "long.xlsx";
  write_workbook(path, {{"xl/worksheets/sheet1.xml",
                         sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>unit</t></is></c></row>"
                                   "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>" +
                                   std::string(101, 'x') + "</t></is></c></row>")}});
  XlsxLimits lim;
  lim.cell_bytes = 100;
  Diagnostics diags;
  read_xlsx(path, "", diags, lim);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[0].column == 2);
  CHECK(diags.items()[0].message ==
        "cell B2 holds text longer than rcmap's limit of 100 bytes for one cell; shorten it in the workbook, or export "
        "CSV");
  lim.cell_bytes = 101;  // exactly at the limit: read
  Diagnostics ok;
  read_xlsx(path, "", ok, lim);
  CHECK(ok.error_count() == 1);  // only the value right of the header
  CHECK(ok.items()[0].message.find("right of the last header column") != std::string::npos);
}

TEST_CASE("xlsx: text held beyond the total limit is an error naming where it was reached", "[xlsx][limits]") {
  rcmap::test::ScratchDir dir("xlsx-total");
  // Each cell copies a 100-byte shared string: 101 bytes of text plus a
  // 32-byte std::string slot (libstdc++), the shared string itself the same:
  // 133 (string) + 133 per cell, so with a limit of 600 cell A4 (665) goes over.
  const std::string path = dir / "many.xlsx";
  std::string rows;
  for (int r = 1; r <= 5; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\" t=\"s\"><v>0</v></c></row>";
  write_workbook(path, {{"xl/worksheets/sheet1.xml", sheet_xml(rows)},
                        {"xl/sharedStrings.xml",
                         "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" +
                             std::string(100, 's') + "</t></si></sst>"}});
  REQUIRE(sizeof(std::string) == 32);
  XlsxLimits lim;
  lim.total_bytes = 600;
  Diagnostics diags;
  read_xlsx(path, "", diags, lim);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message ==
        "the workbook's text takes more than 600 bytes once unpacked (reached at cell A4); rcmap reads workbooks up to "
        "that size: export CSV instead");
  lim.total_bytes = 665;
  Diagnostics ok;
  CHECK(read_xlsx(path, "", ok, lim).rows.empty());  // A5 goes over
  CHECK(has_error_containing(ok, "(reached at cell A5)"));
  // A cell far right makes every row 16384 slots wide (512 KiB each): with
  // 1 MiB the third row goes over, before any of it is held.
  const std::string wide = dir / "wide.xlsx";
  rows.clear();
  for (int r = 1; r <= 4; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
  write_workbook(wide, {{"xl/worksheets/sheet1.xml", sheet_xml(rows)}});
  lim.total_bytes = std::size_t{1} << 20;
  Diagnostics d3;
  read_xlsx(wide, "", d3, lim);
  REQUIRE(d3.error_count() == 1);
  CHECK(d3.items()[0].message.find("more than 1 MiB (1048576 bytes) once unpacked (reached at cell XFD3)") !=
        std::string::npos);
}

TEST_CASE("xlsx: an XML tag over 4 MiB is an error, not an ever larger buffer", "[xlsx][limits]") {
  rcmap::test::ScratchDir dir("xlsx-tag");
  const std::string path = dir / "tag.xlsx";
  RepeatedPart sheet{"xl/worksheets/sheet1.xml",
                     "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\n<sheetData>"
                     "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>unit</t></is></c></row>\n<row r=\"2\" x=\"",
                     std::string(std::size_t{1} << 20, 'z'), "\"/></sheetData></worksheet>", 5};
  write_workbook(path, {}, &sheet);
  Diagnostics diags;
  read_xlsx(path, "", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(
      diags.items()[0].message ==
      "part 'xl/worksheets/sheet1.xml' holds an XML tag longer than 4 MiB after line 3; expected an Excel .xlsx file");
  // A 3 MiB tag is read.
  sheet.repeat = 2;
  write_workbook(path, {}, &sheet);
  Diagnostics ok;
  CsvTable t = read_xlsx(path, "", ok);
  CHECK_FALSE(ok.has_errors());
  CHECK(t.header == std::vector<std::string>{"unit"});
}
