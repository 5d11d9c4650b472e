// Look-alike unit ids and labels through the command line (docs/input.md
// "Look-alike ids and labels"): the warning names both units, tables
// keep labels exactly as given, figures and the report show bidirectional
// controls as "⟨U+202E⟩" instead of obeying them.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/test_helpers.hpp"

using rcmap::test::run_rcmap;
using rcmap::test::ScratchDir;
using rcmap::test::shell;
using rcmap::test::slurp;
using rcmap::test::source_path;

TEST_CASE("analyze warns about look-alike labels, tables keep them, the report shows bidi controls",
          "[cli][lookalike]") {
  ScratchDir t("lookalike-cli");
  // The sample's units, with MYN-S labelled as MYN-N plus a zero-width space
  // and HAND's label opened by a right-to-left override (U+202E).
  std::string units = slurp(source_path("samples/units.csv"));
  const std::string rlo = "\xE2\x80\xAE", zwsp = "\xE2\x80\x8B";
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = units.find(from);
    REQUIRE(at != std::string::npos);
    units.replace(at, from.size(), to);
  };
  replace("Myndighed B\xC3\xB8rn og Unge Syd", "Myndighed B\xC3\xB8rn og Unge Nord" + zwsp);
  replace("Handicapteamet (myndighed)", rlo + "Handicapteamet (myndighed)");
  std::ofstream(t / "units.csv", std::ios::binary) << units;
  REQUIRE(run_rcmap("analyze --units " + t / "units.csv" + " --responses " + source_path("samples/responses.csv") +
                        " --out " + t / "out",
                    t / "log") == 0);
  CHECK(
      slurp(t / "log").find("rcmap: " + t / "units.csv" +
                            ":3:2 (label): warning: unit 'MYN-S' has the label 'Myndighed B\xC3\xB8rn og Unge "
                            "Nord\xE2\x9F\xA8U+200B\xE2\x9F\xA9', which looks like the label 'Myndighed B\xC3\xB8rn og "
                            "Unge Nord' of unit 'MYN-N' (line 2): they differ only in invisible characters (U+200B)") !=
      std::string::npos);
  // Tables: the labels byte for byte.
  const std::string ties = slurp(t / "out/ties.csv");
  CHECK(ties.find("," + rlo + "Handicapteamet (myndighed),") != std::string::npos);
  CHECK(ties.find("Nord" + zwsp + ",") != std::string::npos);
  // Report: the override drawn as text, so the label reads left to right.
  REQUIRE(shell("pdftotext -q " + t / "out/report.pdf" + " " + t / "report.txt") == 0);
  const std::string report = slurp(t / "report.txt");
  CHECK(report.find("\xE2\x9F\xA8U+202E\xE2\x9F\xA9Handicapteamet") != std::string::npos);
  CHECK(report.find(rlo) == std::string::npos);
}
