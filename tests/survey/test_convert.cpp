// Canonical CSV output of `rcmap convert --to long`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "rcmap/survey/convert.hpp"
#include "rcmap/survey/wide_export.hpp"
#include "support/readers_test_util.hpp"
#include "support/temp_dir.hpp"

using namespace rcmap;
using rcmap::test::fixture;
using rcmap::test::slurp;

TEST_CASE("csv fields neutralise formulas and quote per RFC 4180", "[convert]") {
  CHECK(csv_field("Nordby Skole") == "Nordby Skole");
  CHECK(csv_field("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  CHECK(csv_field("+45 1234") == "'+45 1234");
  CHECK(csv_field("-x") == "'-x");
  CHECK(csv_field("@cmd") == "'@cmd");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("\rx") == "\"'\rx\"");
  CHECK(csv_field("-1") == "-1");  // plain numbers stay numbers
  CHECK(csv_field("+2.5") == "+2.5");
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("a;b") == "a;b");
  CHECK(csv_field("a;b", ';') == "\"a;b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("=\"x,y\"") == "\"'=\"\"x,y\"\"\"");
}

TEST_CASE("canonical columns are picked in order from tables with other layouts", "[convert]") {
  CsvTable t = rcmap::test::table_from_text("Label,extra,UNIT,side\nNord,x,N,authority\n", "u.csv");
  Diagnostics d;
  CsvTable c = canonical_units(t, d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(c.header == canonical_units_header());
  REQUIRE(c.rows.size() == 1);
  CHECK(c.rows[0].fields == std::vector<std::string>{"N", "Nord", "authority", ""});
  CHECK(c.rows[0].line == 2);
  Diagnostics d2;
  canonical_responses(t, d2);
  CHECK(d2.error_count() == 9);  // all but 'unit' missing
}

TEST_CASE("convert writes the wide export as byte-identical canonical files", "[convert]") {
  Diagnostics d;
  WideMapping m = read_mapping(fixture("mapping_wide_csv.ini"), d);
  CsvTable units = rcmap::test::load_csv(fixture("units.csv"));
  CsvTable longt = wide_to_long(rcmap::test::load_csv(fixture("wide.csv")), m, units, d);
  REQUIRE_FALSE(d.has_errors());
  rcmap::test::TempDir tmp("convert");
  const std::filesystem::path dir = tmp.path / "out";
  write_canonical_files(dir.string(), canonical_units(units, d), longt);
  // make_fixtures.py wrote the ground truth with Python's csv module.
  CHECK(slurp((dir / "responses.csv").string()) == slurp(fixture("responses.csv")));
  CHECK(slurp((dir / "units.csv").string()) == slurp(fixture("units.csv")));
  CHECK_FALSE(std::filesystem::exists(dir / "responses.csv.tmp"));
  CHECK_THROWS_AS(write_canonical_files("/proc/rcmap-no-such-dir", units, longt), OutputError);
}
