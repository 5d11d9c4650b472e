// SPSS .sav reader. wide.sav is written by make_fixtures.py with ReadStat's
// writer: missing answers rotate through system-missing, 9, -1 and 6 (6 is
// declared user-missing on every rating variable).
#include <catch2/catch.hpp>

#include "rcmap/io/sav_reader.hpp"
#include "support/readers_test_util.hpp"

using namespace rcmap;
using rcmap::test::fixture;

TEST_CASE("spss: variables become the header, cases rows, missing values empty fields", "[spss]") {
  Diagnostics diags;
  CsvTable t = read_sav(fixture("wide.sav"), {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.path == fixture("wide.sav"));
  REQUIRE(t.header.size() == 2 + 28);
  CHECK(t.header[0] == "resp_id");
  CHECK(t.header[1] == "enhed");
  CHECK(t.header[2] == "v01");
  CHECK(t.header[29] == "v28");
  REQUIRE(t.rows.size() == 8);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[7].line == 9);
  const auto& r = t.rows[0].fields;  // R01, own unit NORD = code 1
  CHECK(r[0] == "R01");
  CHECK(r[1] == "1");
  CHECK(r[2] == "4");    // NORD frequent: score 4, numeric, no labels requested
  CHECK(r[5] == "2");    // NORD problem_solving: score 4 printed reversed
  CHECK(r[4] == "");     // 1st missing: system-missing
  CHECK(r[8] == "9");    // 2nd missing: 9 (not declared missing in the file)
  CHECK(r[14] == "-1");  // 3rd missing: -1
  CHECK(r[25] == "");    // 4th missing: 6, declared user-missing
  CHECK(t.rows[7].fields[0] == "R08");
  CHECK(t.rows[7].fields[1] == "4");
}

TEST_CASE("spss: value labels replace codes for the chosen variables only", "[spss]") {
  Diagnostics diags;
  CsvTable t = read_sav(fixture("wide.sav"), {"ENHED"}, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(t.rows[0].fields[1] == "Myndighed Nord");
  CHECK(t.rows[2].fields[1] ==
        "B\xC3\xB8rnehuset \xC3\x85"
        "en");
  CHECK(t.rows[7].fields[1] == "Sundhedsplejen");
  CHECK(t.rows[0].fields[2] == "4");  // v01 has labels too, but was not chosen
  Diagnostics all;
  CsvTable t2 = read_sav(fixture("wide.sav"), {"*"}, all);
  REQUIRE_FALSE(all.has_errors());
  CHECK(t2.rows[0].fields[1] == "Myndighed Nord");
  CHECK(t2.rows[0].fields[2] == "Ofte");  // freq_lbl: 4 = "Ofte"
  CHECK(t2.rows[0].fields[3] == "5");     // v02 has no labels
}

TEST_CASE("spss: an unknown label variable is an error listing the variables", "[spss]") {
  Diagnostics diags;
  read_sav(fixture("wide.sav"), {"afdeling"}, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].column_name == "afdeling");
  CHECK(diags.items()[0].message.rfind(
            "no variable 'afdeling' to read value labels from; the file has 'resp_id', 'enhed', 'v01'", 0) == 0);
  Diagnostics w;
  read_sav(fixture("wide.sav"), {"v02"}, w);
  CHECK_FALSE(w.has_errors());
  REQUIRE(w.warning_count() == 1);
  CHECK(w.items()[0].message == "variable 'v02' has no value labels; its codes are kept");
}

TEST_CASE("spss: a file that is not SPSS is rejected with ReadStat's reason", "[spss]") {
  Diagnostics diags;
  CsvTable t = read_sav(fixture("units.csv"), {}, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message.rfind("cannot read as an SPSS .sav file: ", 0) == 0);
  CHECK(t.header.empty());
  Diagnostics d2;
  read_sav(fixture("missing.sav"), {}, d2);
  REQUIRE(d2.error_count() == 1);
  CHECK(d2.items()[0].message.find("Unable to open file") != std::string::npos);
}
