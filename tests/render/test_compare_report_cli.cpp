// End-to-end: report.pdf of `rcmap compare` (read back with poppler's
// pdfinfo/pdftotext) on `rcmap sample --waves 2`; its sentences are checked
// against changes.csv, which test_waves*.cpp verify against hand-computed and
// independent values.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <fstream>
#include <regex>
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

int pdf_pages(const std::string& pdf, const ScratchDir& d) {
  std::istringstream in(command_output("pdfinfo " + pdf, d));
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  return -1;
}

// Text layer with line breaks as spaces, so wrapped sentences match whole.
std::string pdf_text(const std::string& pdf, const ScratchDir& d) {
  std::string t = command_output("pdftotext -q " + pdf + " -", d);
  for (char& c : t)
    if (c == '\n') c = ' ';
  return t;
}

// Fields of a CSV line; "..." quoting as RFC 4180 (sample labels hold commas).
std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> f(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"')
      f.back() += '"', ++i;
    else if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      f.emplace_back();
    else
      f.back() += c;
  }
  return f;
}

std::vector<std::vector<std::string>> rows(const std::string& path) {
  std::istringstream in(slurp(path));
  std::vector<std::vector<std::string>> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) out.push_back(fields(line));
  return out;
}

std::string two(const std::string& v) {  // "0.357" -> "+0.36" (as the report prints a change)
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", std::stod(v));
  return buf;
}

struct Compared {
  ScratchDir dir{"compare-report"};
  Compared() {
    // 1,500 respondents per wave: authority->provider improves 0.3 (docs/waves.md
    // "Samples"), enough for credible tie changes that fill the table.
    REQUIRE(run_rcmap("sample --waves 2 --respondents 1500 --out " + dir / "in") == 0);
  }
  std::string run(const std::string& out, const std::string& extra = "") const {
    REQUIRE(run_rcmap("compare --units " + dir / "in/units.csv" + " --responses " + dir / "in/responses.csv" +
                      " --out " + dir / out + " --formats png " + extra) == 0);
    return dir / out;
  }
};

}  // namespace

TEST_CASE("compare's report.pdf: pages, counts and largest improvement as in changes.csv, byte-identical rerun",
          "[compare][report][cli]") {
  const Compared c;
  const std::string out = c.run("en");
  const std::string pdf = out + "/report.pdf";
  REQUIRE(fs::exists(pdf));
  // Title, key findings (two pages: with the changes per direction), change map, change matrix, trend,
  // table, method.
  CHECK(pdf_pages(pdf, c.dir) == 8);
  const std::string text = pdf_text(pdf, c.dir);

  std::map<std::string, int> count;
  for (const auto& r : rows(out + "/changes.csv")) ++count[r.at(11)];
  const int compared = count["improved"] + count["worse"] + count["no credible change"];
  REQUIRE(count["improved"] > 0);  // the sentence is tested on a non-trivial count
  const std::string sentence =
      "Of the " + std::to_string(compared) + " ties compared in both waves (at least 5 respondents in each), " +
      std::to_string(count["improved"]) + " improved credibly, " + std::to_string(count["worse"]) +
      " became credibly worse and " + std::to_string(count["no credible change"]) + " show no credible change.";
  CHECK(text.find(sentence) != std::string::npos);
  CHECK(text.find(std::to_string(count[""]) + " further ties have fewer than 5 respondents") != std::string::npos);

  // The largest credible authority<->provider improvement is the first bullet.
  std::map<std::string, std::pair<std::string, std::string>> unit;  // id -> label, side
  for (const auto& r : rows(c.dir / "in/units.csv")) unit[r.at(0)] = {r.at(1), r.at(2)};
  std::vector<std::string> best;
  for (const auto& r : rows(out + "/changes.csv")) {
    const std::string &s = unit[r[0]].second, &g = unit[r[1]].second;
    const bool cross = (s == "authority" && g == "provider") || (s == "provider" && g == "authority");
    if (cross && r[11] == "improved" && (best.empty() || std::stod(r[4]) > std::stod(best[4]))) best = r;
  }
  REQUIRE(!best.empty());
  const std::string item = unit[best[0]].first + " → " + unit[best[1]].first + ": RC " + two(best[2]).substr(1) +
                           " → " + two(best[3]).substr(1) + " (change " + two(best[4]) + ", 95 % interval " +
                           two(best[5]) + " to " + two(best[6]) + ")";
  const std::string intro = "Largest credible improvements between authority and provider: • ";
  const auto at = text.find(intro);
  REQUIRE(at != std::string::npos);
  CHECK(text.substr(at + intro.size(), item.size()) == item);

  CHECK(text.find("Credible changes, largest first") != std::string::npos);
  CHECK(text.find("percentile bootstrap") != std::string::npos);
  CHECK(text.find("(seed 1;") != std::string::npos);
  CHECK(text.find("fewer than 5 respondents in a wave has no score") != std::string::npos);

  const std::string again = c.run("again");
  CHECK(slurp(pdf) == slurp(again + "/report.pdf"));
  CHECK(command_output("pdfinfo " + pdf + " | grep CreationDate", c.dir).find("2000") != std::string::npos);
}

TEST_CASE("compare's report.pdf in Danish, none with --no-render", "[compare][report][cli]") {
  const Compared c;
  const std::string out = c.run("da", "--lang da --title Nordby --date 2026-10-01");
  std::map<std::string, int> count;
  for (const auto& r : rows(out + "/changes.csv")) ++count[r.at(11)];
  const std::string text = pdf_text(out + "/report.pdf", c.dir);
  CHECK(text.find("Hovedresultater") != std::string::npos);
  CHECK(text.find("er " + std::to_string(count["improved"]) + " klart forbedret, " + std::to_string(count["worse"]) +
                  " klart forværret") != std::string::npos);
  CHECK(text.find("Klare ændringer, største først") != std::string::npos);
  CHECK(text.find("troværdig") == std::string::npos);
  CHECK(text.find("Metode") != std::string::npos);
  CHECK(text.find("Måling w1: ") != std::string::npos);
  CHECK(command_output("pdfinfo " + out + "/report.pdf | grep CreationDate", c.dir).find("2026") != std::string::npos);
  const std::string none = c.run("none", "--no-render");
  CHECK(fs::exists(none + "/changes.csv"));
  CHECK(!fs::exists(none + "/report.pdf"));
}

TEST_CASE("compare writes report.html when a unit was renamed (--unit-map), none after a merge",
          "[compare][html][cli]") {
  ScratchDir d("compare-renamed");
  REQUIRE(run_rcmap("sample --seed 3 --out " + d / "b -q") == 0);
  REQUIRE(run_rcmap("sample --seed 4 --out " + d / "a -q") == 0);
  // The baseline calls MYN-N "MYN-NORD" (in its units and responses).
  const std::regex id("(^|,)MYN-N(?=,|$)");
  for (const char* f : {"b/units.csv", "b/responses.csv"}) {
    std::istringstream in(slurp(d / f));
    std::string out;
    for (std::string line; std::getline(in, line);) out += std::regex_replace(line, id, "$1MYN-NORD") + "\n";
    std::ofstream(d / f, std::ios::binary) << out;
  }
  CHECK(slurp(d / "b/responses.csv").find(",MYN-NORD,") != std::string::npos);
  std::ofstream(d / "rename.csv") << "old,new\nMYN-NORD,MYN-N\n";
  std::ofstream(d / "merge.csv") << "old,new\nMYN-NORD,MYN-N\nMYN-S,MYN-N\n";
  const std::string waves = "compare --before " + d / "b" + " --after " + d / "a" + " --formats png --unit-map ";
  REQUIRE(run_rcmap(waves + d / "rename.csv --out " + d / "r", d / "log") == 0);
  const std::string html = slurp(d / "r/report.html");
  REQUIRE(!html.empty());
  // Both waves on the last wave's ids: the old id appears nowhere.
  CHECK(html.find("MYN-NORD") == std::string::npos);
  CHECK(html.find("\"id\":\"MYN-N\"") != std::string::npos);
  CHECK(slurp(d / "log").find("report.html") == std::string::npos);
  REQUIRE(run_rcmap(waves + d / "merge.csv --out " + d / "m", d / "log2") == 0);
  CHECK(!fs::exists(d / "m/report.html"));
  CHECK(fs::exists(d / "m/report.pdf"));
  CHECK(slurp(d / "log2").find("report.html is not written when units were merged") != std::string::npos);
}
