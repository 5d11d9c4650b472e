#include <catch2/catch.hpp>
#include <sstream>

#include "rcmap/io/csv.hpp"

using namespace rcmap;

static CsvTable parse(const std::string& s, Diagnostics& d, Encoding e = Encoding::auto_detect) {
  return parse_csv(s, "t.csv", e, d);
}

TEST_CASE("reads quoted fields with delimiters, doubled quotes and newlines (RFC 4180)", "[csv]") {
  Diagnostics d;
  auto t = parse("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n4,5,6\n", d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields == std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"});
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[1].line == 4);  // the quoted newline moved the editor line on
}

TEST_CASE("detects semicolon and tab delimiters from the header", "[csv]") {
  Diagnostics d;
  CHECK(parse("a;b\n1,5;2\n", d).rows[0].fields == std::vector<std::string>{"1,5", "2"});
  CHECK(parse("a\tb\n1\t2\n", d).delimiter == '\t');
  CHECK(detect_delimiter("a,b;c,d") == ',');
  CHECK(detect_delimiter("\"a;b;c\",d") == ',');  // delimiters inside quotes do not count
}

TEST_CASE("strips a UTF-8 byte order mark and accepts CRLF line ends", "[csv]") {
  Diagnostics d;
  auto t = parse("\xEF\xBB\xBFunit,label\r\nA,\xC3\x86r\xC3\xB8\r\n\r\nB,x\r\n", d);
  CHECK(t.had_bom);
  CHECK(t.header[0] == "unit");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields[1] == "\xC3\x86r\xC3\xB8");  // Ærø
  CHECK(t.rows[1].line == 4);                         // blank line 3 skipped
}

TEST_CASE("reads a Windows-1252 file with a warning", "[csv]") {
  Diagnostics d;
  auto t = parse("unit,label\nA,\xC6r\xF8 \x80\n", d);
  CHECK_FALSE(d.has_errors());
  CHECK(d.warning_count() == 1);
  CHECK(t.transcoded_from_1252);
  CHECK(t.rows[0].fields[1] == "\xC3\x86r\xC3\xB8 \xE2\x82\xAC");  // "Ærø €"
}

TEST_CASE("rejects a Windows-1252 file with --encoding utf-8, naming the line", "[csv]") {
  Diagnostics d;
  parse("unit,label\nA,ok\nB,\xC6r\xF8\n", d, Encoding::utf8);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].line == 3);
  CHECK_THAT(d.items()[0].message, Catch::Contains("invalid UTF-8 (byte 0xC6)"));
}

TEST_CASE("rejects a UTF-8 file with one broken byte instead of garbling its letters", "[csv]") {
  Diagnostics d;
  parse("unit,label\nA,\xC3\xA6\nB,\xE6x\n", d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].line == 3);
  CHECK_THAT(d.items()[0].message, Catch::Contains("otherwise UTF-8"));
}

TEST_CASE("reports ragged rows, unterminated quotes, text after quotes and NUL bytes", "[csv]") {
  Diagnostics d;
  auto t = parse("a,b\n1,2\n1,2,3\n\"x\"y,2\n1,\"open\n", d);
  CHECK(t.rows.size() == 1);
  REQUIRE(d.error_count() == 3);
  CHECK(d.items()[0].line == 3);
  CHECK_THAT(d.items()[0].message, Catch::Contains("found 3 fields, expected 2"));
  CHECK(d.items()[1].line == 4);
  CHECK(d.items()[1].column == 1);
  CHECK_THAT(d.items()[1].message, Catch::Contains("text after a closing quote"));
  CHECK(d.items()[2].line == 5);
  CHECK(d.items()[2].column == 2);
  CHECK_THAT(d.items()[2].message, Catch::Contains("unterminated quote"));

  Diagnostics n;
  parse(std::string("a,b\n1,x\0y\n", 10), n);
  REQUIRE(n.error_count() == 1);
  CHECK_THAT(n.items()[0].message, Catch::Contains("NUL byte"));
}

TEST_CASE("an empty file is an error", "[csv]") {
  Diagnostics d;
  parse("\n\n", d);
  REQUIRE(d.error_count() == 1);
  CHECK_THAT(d.items()[0].message, Catch::Contains("empty file"));
}

TEST_CASE("writes RFC 4180 fields and neutralises formula-like text", "[csv]") {
  std::ostringstream os;
  CsvWriter w(os);
  w.text("=SUM(A1)").text("a,b").text("say \"x\"").text("-3").number(3.5).number(std::nan("")).integer(7);
  w.end_row();
  CHECK(os.str() == "'=SUM(A1),\"a,b\",\"say \"\"x\"\"\",'-3,3.500000,,7\n");
  CHECK(neutralise_formula("@x") == "'@x");
  CHECK(neutralise_formula("\tx") == "'\tx");
  CHECK(neutralise_formula("Nord") == "Nord");
}

TEST_CASE("writes the excel-da dialect with , and decimal comma", "[csv]") {
  std::ostringstream os;
  CsvWriter w(os, ';', true);
  w.text("a;b").number(3.25, 2).number(-0.0000001, 3);
  w.end_row();
  CHECK(os.str() == "\"a;b\";3,25;0,000\n");
}

TEST_CASE("validates UTF-8 per RFC 3629", "[csv]") {
  CHECK(is_valid_utf8("\xC3\xA6\xE2\x82\xAC\xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));      // truncated
}
