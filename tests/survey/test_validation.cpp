// Every validation error of docs/input.md "Validation", on the files in samples/bad.
#include <catch2/catch.hpp>

#include "rcmap/survey/lookalikes.hpp"
#include "support/test_helpers.hpp"

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
  CHECK_THAT(first_error(d).message,
             Catch::StartsWith("missing required column 'timely'; found columns: 'respondent'"));
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

TEST_CASE("warns about unit ids and labels that look alike: NFC, letter case, invisible characters",
          "[validation][lookalike]") {
  test::ScratchDir dir("lookalike");
  // Line 2/3: "å" precomposed (U+00E5) and as a + U+030A; 4/5: PPR and ppr;
  // 6/7: a zero-width space; 8/9: the same label; 10: a right-to-left
  // override; 11/12: labels left blank (the ids), compared as ids only.
  const std::string path = dir / "units.csv";
  std::ofstream(path, std::ios::binary) << "unit,label,side,headcount\n"
                                           "S1,Skole \xC3\xA5,general,\n"
                                           "S2,Skole a\xCC\x8A,general,\n"
                                           "PPR,Pedagogisk-psykologisk tjeneste,authority,\n"
                                           "ppr,PPR-kontoret,authority,\n"
                                           "H1,Helsestasjon,health,\n"
                                           "H2,Helse\xE2\x80\x8Bstasjon,health,\n"
                                           "B1,Barnevern,authority,\n"
                                           "B2,Barnevern,authority,\n"
                                           "X,\xE2\x80\xAE"
                                           "abc,general,\n"
                                           "Q,,general,\n"
                                           "q,,general,\n";
  Diagnostics d;
  const std::vector<Unit> units = read_units(path, ReadOptions{}, d);
  REQUIRE(units.size() == 11);
  std::vector<std::string> w;
  for (const auto& x : d.items())
    if (x.severity == Severity::warning)
      w.push_back(std::to_string(x.line) + ":" + std::to_string(x.column) + " " + x.message);
  const std::string tail = "; expected ids and labels a reader can tell apart in figures and the report";
  REQUIRE(w.size() == 5);
  CHECK(w[0] ==
        "3:2 unit 'S2' has the label 'Skole a\xCC\x8A', which looks like the label 'Skole \xC3\xA5' of unit 'S1' "
        "(line 2): they differ only in Unicode composition (NFC: a letter with a combining accent, or precomposed)" +
            tail);
  CHECK(w[1] == "5:1 unit id 'ppr' looks like unit id 'PPR' (line 4): they differ only in letter case" + tail);
  CHECK(w[2] ==
        "7:2 unit 'H2' has the label 'Helse\xE2\x9F\xA8U+200B\xE2\x9F\xA9stasjon', which looks like the label "
        "'Helsestasjon' of unit 'H1' (line 6): they differ only in invisible characters (U+200B)" +
            tail);
  CHECK(w[3] == "9:2 unit 'B2' has the same label as unit 'B1' (line 8): 'Barnevern'" + tail);
  CHECK(w[4] == "12:1 unit id 'q' looks like unit id 'Q' (line 11): they differ only in letter case" + tail);
  // Labels are kept exactly as given.
  CHECK(units[1].label == "Skole a\xCC\x8A");
  CHECK(units[5].label == "Helse\xE2\x80\x8Bstasjon");
}

TEST_CASE("look-alike keys: NFC, case folding, default ignorables, spacing", "[validation][lookalike]") {
  CHECK(lookalike_key("Skole \xC3\x85") == lookalike_key("skole a\xCC\x8A"));  // Å vs a + ring
  CHECK(lookalike_key("PPR") == "ppr");
  CHECK(lookalike_key("A\xE2\x80\x8B"
                      "B\xE2\x80\xAE") == "ab");                      // ZWSP, RLO
  CHECK(lookalike_key(" Nord\xC2\xA0\xC2\xA0Vest ") == "nord vest");  // NBSP runs
  CHECK(lookalike_key("Stra\xC3\x9F"
                      "e") == "strasse");                          // full case folding
  CHECK(lookalike_key("\xC3\x98") != lookalike_key("O\xCC\xB8"));  // Ø has no decomposition
  CHECK(lookalike_key("\xFF"
                      "ab") ==
        "\xFF"
        "ab");  // not UTF-8: itself
  // Bidirectional controls are shown, other text is left alone.
  CHECK(show_bidi_controls("\xE2\x80\xAE"
                           "abc\xE2\x80\xAC") ==
        "\xE2\x9F\xA8U+202E\xE2\x9F\xA9"
        "abc\xE2\x9F\xA8U+202C\xE2\x9F\xA9");
  CHECK(show_bidi_controls("\xD8\x9C\xE2\x81\xA6x") == "\xE2\x9F\xA8U+061C\xE2\x9F\xA9\xE2\x9F\xA8U+2066\xE2\x9F\xA9x");
  CHECK(show_bidi_controls("B\xC3\xB8rnehuset \xE2\x80\x93 \xE2\x80\x8B") ==
        "B\xC3\xB8rnehuset \xE2\x80\x93 \xE2\x80\x8B");
  CHECK(show_invisible("a\xE2\x80\x8B"
                       "b\xC2\xAD") ==
        "a\xE2\x9F\xA8U+200B\xE2\x9F\xA9"
        "b\xE2\x9F\xA8U+00AD\xE2\x9F\xA9");
}

TEST_CASE("labels over 4,096 bytes are not compared for look-alikes", "[validation][lookalike]") {
  test::ScratchDir dir("lookalike-long");
  const std::string path = dir / "units.csv";
  const std::string lower(4097, 'a'), upper(4097, 'A');
  std::ofstream(path, std::ios::binary) << "unit,label,side,headcount\nL1," << lower << ",general,\nL2," << upper
                                        << ",general,\nS1," << lower.substr(1) << ",general,\nS2," << upper.substr(1)
                                        << ",general,\n";
  Diagnostics d;
  REQUIRE(read_units(path, ReadOptions{}, d).size() == 4);
  REQUIRE(d.warning_count() == 1);  // only the 4,096-byte pair
  CHECK(d.items().back().line == 5);
}
