// Every validation error of README "Validation", on the files in samples/bad.
#include <catch2/catch.hpp>

#include "test_helpers.hpp"

using namespace rcmap;

namespace {
// Reads samples/bad/<responses> with samples/bad/<units>; returns the errors.
Diagnostics errors_of(const std::string& responses, const std::string& units = "units.csv",
                      Encoding enc = Encoding::auto_detect) {
  Diagnostics d;
  try {
    test::load("samples/bad/" + units, "samples/bad/" + responses, d, enc);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return d;
}
const Diagnostic& first_error(const Diagnostics& d) {
  for (const auto& x : d.items())
    if (x.severity == Severity::error) return x;
  throw std::runtime_error("no error");
}
}  // namespace

TEST_CASE("missing required column names the column and lists the found ones", "[validation]") {
  auto d = errors_of("missing_column.csv");
  REQUIRE(d.error_count() == 1);
  CHECK(first_error(d).line == 1);
  CHECK_THAT(first_error(d).message, Catch::StartsWith("missing required column 'timely'; found columns: 'respondent'"));
}

TEST_CASE("duplicate unit id names both lines", "[validation]") {
  auto d = errors_of("header_only.csv", "duplicate_unit_units.csv");
  REQUIRE(d.error_count() == 1);
  CHECK(first_error(d).line == 4);
  CHECK(first_error(d).column == 1);
  CHECK_THAT(first_error(d).message, Catch::Contains("duplicate unit id 'A' (first on line 2)"));
}

TEST_CASE("unknown unit and target are located", "[validation]") {
  auto u = errors_of("unknown_unit.csv");
  REQUIRE(u.error_count() == 1);
  CHECK(first_error(u).line == 3);
  CHECK(first_error(u).column == 2);
  CHECK_THAT(first_error(u).message, Catch::StartsWith("unknown unit 'X'; expected a unit id from"));
  auto t = errors_of("unknown_target.csv");
  REQUIRE(t.error_count() == 1);
  CHECK(first_error(t).column == 3);
  CHECK(first_error(t).column_name == "target");
}

TEST_CASE("scores outside 1-5 or not integers are each reported", "[validation]") {
  auto d = errors_of("bad_score.csv");
  REQUIRE(d.error_count() == 3);
  std::vector<std::pair<std::size_t, std::size_t>> where;
  for (const auto& x : d.items())
    if (x.severity == Severity::error) where.emplace_back(x.line, x.column);
  CHECK(where == std::vector<std::pair<std::size_t, std::size_t>>{{2, 5}, {3, 6}, {4, 7}});
  CHECK_THAT(first_error(d).message, Catch::StartsWith("score '7' is not an integer from 1 to 5"));
  CHECK(format_diagnostic(first_error(d)).find("bad_score.csv:2:5 (timely): error: score '7'") != std::string::npos);
}

TEST_CASE("the same respondent rating the same target twice", "[validation]") {
  auto d = errors_of("duplicate_rating.csv");
  REQUIRE(d.error_count() == 1);
  CHECK(first_error(d).line == 4);
  CHECK_THAT(first_error(d).message, Catch::Contains("rates target 'B' twice (first on line 2)"));
}

TEST_CASE("one respondent listed in two units", "[validation]") {
  auto d = errors_of("respondent_two_units.csv");
  REQUIRE(d.error_count() == 1);
  CHECK(first_error(d).line == 3);
  CHECK_THAT(first_error(d).message, Catch::Contains("in unit 'B' here but in unit 'A' on line 2"));
}

TEST_CASE("empty file and header only", "[validation]") {
  CHECK_THAT(first_error(errors_of("empty.csv")).message, Catch::StartsWith("empty file"));
  CHECK_THAT(first_error(errors_of("header_only.csv")).message, Catch::StartsWith("header only, no data rows"));
}

TEST_CASE("ragged rows and unterminated quotes", "[validation]") {
  auto r = errors_of("ragged.csv");
  REQUIRE(r.error_count() == 1);
  CHECK(first_error(r).line == 3);
  CHECK_THAT(first_error(r).message, Catch::Contains("found 9 fields, expected 10"));
  auto q = errors_of("unterminated_quote.csv");
  REQUIRE(q.error_count() == 1);
  CHECK(first_error(q).line == 3);
  CHECK_THAT(first_error(q).message, Catch::StartsWith("unterminated quote"));
}

TEST_CASE("all errors are collected, up to the cap", "[validation]") {
  Diagnostics d(2);
  for (int i = 0; i < 5; ++i) d.error("f", i + 1, 1, "c", "bad");
  CHECK(d.error_count() == 5);
  CHECK(d.items().size() == 2);
  CHECK(d.errors_not_shown() == 3);
}

TEST_CASE("reads Windows-1252 units with a warning, rejects them with utf-8", "[validation]") {
  Diagnostics d;
  auto units = read_units(test::source_path("samples/bad/windows1252_units.csv"), {}, d);
  CHECK(units[0].label == "Myndighed \xC3\x86r\xC3\xB8");
  CHECK(d.warning_count() == 1);
  Diagnostics e;
  ReadOptions strict;
  strict.encoding = Encoding::utf8;
  CHECK_THROWS_AS(read_units(test::source_path("samples/bad/windows1252_units.csv"), strict, e), InputError);
}

TEST_CASE("semicolon CSV with CRLF and case-insensitive headers is read", "[validation]") {
  Diagnostics d;
  auto units = read_units(test::source_path("samples/bad/semicolon_units_ok.csv"), {}, d);
  REQUIRE(units.size() == 1);
  CHECK(units[0].label == "Myndighed; Nord");
  CHECK(units[0].headcount == 10);
}

TEST_CASE("extra columns are noted once and column order is free", "[validation]") {
  Diagnostics d;
  CsvTable u = parse_csv("Side,UNIT,label,headcount,note\nauthority,A,x,3,hi\nprovider,B,y,,\n", "u.csv",
                         Encoding::auto_detect, d);
  CsvTable r = parse_csv(
      "target,respondent,unit,mutual_respect,shared_knowledge,shared_goals,problem_solving,accurate,"
      "timely,frequent\nB,r1,A,1,2,3,4,5,4,3\n",
      "r.csv", Encoding::auto_detect, d);
  Survey s = build_survey(u, r, d);
  REQUIRE(s.rows.size() == 1);
  CHECK(s.rows[0].scores == std::array<std::uint8_t, 7>{3, 4, 5, 4, 3, 2, 1});
  std::size_t notes = 0;
  for (const auto& x : d.items()) notes += x.severity == Severity::note;
  CHECK(notes == 1);
}

TEST_CASE("warns about units without respondents and more respondents than headcount", "[validation]") {
  Diagnostics d;
  Survey s = test::load("tests/data/tiny/units.csv", "tests/data/tiny/responses.csv", d);
  s.units[1].headcount = 2;  // B has 3 respondents
  survey_warnings(s, 4, d);
  std::vector<std::string> w;
  for (const auto& x : d.items())
    if (x.severity == Severity::warning) w.push_back(x.message);
  REQUIRE(w.size() == 2);
  CHECK(w[0] == "unit 'B' has 3 respondents but headcount 2");
  CHECK_THAT(w[1], Catch::StartsWith("1 rows answer fewer than 4 of 7 dimensions and are excluded (lines 11)"));
}
