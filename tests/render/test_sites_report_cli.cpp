// End-to-end: the top-level report.pdf of `rcmap analyze --by-site` (read
// back with poppler's pdfinfo/pdftotext) on `rcmap sample --sites 3`: title
// page, the sites benchmark figure and the table per site, named by label,
// with the figures of sites.csv (docs/waves.md "Sites").
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "support/cli_run.hpp"
#include "support/test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::command_output;
using rcmap::test::run_rcmap;
using rcmap::test::ScratchDir;
using rcmap::test::shell;
using rcmap::test::slurp;

namespace {

std::string two(const std::string& v) {  // "3.456" -> "3.46", as the table prints RC
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::stod(v));
  return buf;
}

}  // namespace

TEST_CASE("analyze --by-site writes a cross-site report.pdf naming each site with sites.csv's figures",
          "[sites][report][cli]") {
  const ScratchDir d{"sites-report"};
  REQUIRE(run_rcmap("sample --sites 3 --respondents 200 --out " + d / "in") == 0);
  const std::string args = "analyze --by-site --units " + d / "in/units.csv" + " --responses " +
                           d / "in/responses.csv" + " --formats png --out ";
  REQUIRE(run_rcmap(args + d / "out") == 0);
  const std::string pdf = d / "out/report.pdf";
  REQUIRE(fs::exists(pdf));
  // Title page, sites figure, sites table.
  CHECK(command_output("pdfinfo " + pdf + " | grep '^Pages:'", d).find(" 3\n") != std::string::npos);
  std::string text = command_output("pdftotext -q -layout " + pdf + " -", d);
  CHECK(text.find("Relational coordination across sites") != std::string::npos);
  CHECK(text.find("3 sites, ") != std::string::npos);
  CHECK(text.find("Relational coordination by site") != std::string::npos);  // the figure's title
  // Each site's row: label, respondents and overall RC as in sites.csv.
  std::istringstream csv(slurp(d / "out/sites.csv"));
  std::string line;
  std::getline(csv, line);  // header
  int sites = 0;
  while (std::getline(csv, line)) {
    std::vector<std::string> f(1);
    for (char c : line)
      if (c == ',')
        f.emplace_back();
      else
        f.back() += c;
    REQUIRE(f.size() == 11);
    ++sites;
    const auto at = text.find("\n" + f[0] + " ");
    REQUIRE(at != std::string::npos);
    const std::string row = text.substr(at + 1, text.find('\n', at + 1) - at - 1);
    INFO(row);
    CHECK(row.find(" " + f[1] + " ") != std::string::npos);
    CHECK(row.find(two(f[3])) != std::string::npos);
    CHECK(row.find(two(f[5])) != std::string::npos);
    CHECK(row.find(two(f[9])) != std::string::npos);
  }
  CHECK(sites == 3);
  // Listed among the run's outputs; byte-identical rerun.
  CHECK(slurp(d / "out/.rcmap-outputs").find("report.pdf") != std::string::npos);
  REQUIRE(run_rcmap(args + d / "again") == 0);
  CHECK(slurp(pdf) == slurp(d / "again/report.pdf"));
}
