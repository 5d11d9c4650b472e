// Findings a department head can trust, end to end on the shipped sample:
// units without shown ratings are blank and unranked, gaps.csv and ties.csv
// carry certainty that matches the intervals, bridges.csv publishes only
// shown ties, the report opens with the decision page in en, da and nb, and
// the matrix never prints a value that contradicts its colour.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "support/cli_run.hpp"
#include "support/test_helpers.hpp"

using rcmap::test::run_rcmap;
using rcmap::test::ScratchDir;
using rcmap::test::shell;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

const std::string kSample =
    "--units " + source_path("samples/units.csv") + " --responses " + source_path("samples/responses.csv");

// A CSV of rcmap (labels may be quoted): header -> column, rows.
struct Csv {
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
  std::size_t col(const std::string& name) const {
    for (std::size_t i = 0; i < head.size(); ++i)
      if (head[i] == name) return i;
    FAIL("no column " << name);
    return 0;
  }
};
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;  // "" inside quotes toggles twice: the quote itself is dropped
    else if (c == ',' && !quoted)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}
Csv read_csv(const std::string& path) {
  Csv c;
  std::istringstream in(slurp(path));
  std::string line;
  std::getline(in, line);
  c.head = split(line);
  while (std::getline(in, line)) c.rows.push_back(split(line));
  return c;
}

std::string text_of(const std::string& cmd, const ScratchDir& t) {
  const std::string file = t / "cmd.txt";
  REQUIRE(shell(cmd + " > " + file) == 0);
  return slurp(file);
}

}  // namespace

TEST_CASE("sample: units whose own ratings are all suppressed are blank and ranked nowhere", "[cli][findings]") {
  ScratchDir t("trust");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + t / "out --no-render") == 0);
  const Csv u = read_csv(t / "out/units.csv");
  std::vector<std::string> blank;
  for (const auto& r : u.rows)
    if (r[u.col("blank_reason")] == "no_shown_ratings") {
      blank.push_back(r[u.col("unit")]);
      for (const char* c : {"out_strength", "pagerank", "hub", "authority_score", "constraint", "effective_size",
                            "closeness_out", "harmonic", "betweenness", "bridge_pairs"}) {
        INFO(r[0] << " " << c);
        CHECK(r[u.col(c)].empty());
      }
    } else {
      CHECK_FALSE(r[u.col("pagerank")].empty());
    }
  // The sample's two units whose ratings are all suppressed (n < 5).
  REQUIRE(blank.size() == 2);
  const std::string summary = slurp(t / "out/summary.json");
  CHECK(summary.find("\"findings\": [") != std::string::npos);
  // PageRank of the other units spans well under 10 %: no "central" finding at all.
  CHECK(summary.find("\"kind\": \"central\"") == std::string::npos);
  CHECK(summary.find("\"kind\": \"bridges\"") != std::string::npos);
  // Never a bridge.
  const Csv b = read_csv(t / "out/bridges.csv");
  for (const auto& r : b.rows)
    for (const std::string& x : blank) CHECK(r[b.col("bridge")] != x);
}

TEST_CASE(
    "sample: gaps.csv never ranks a pair without enough answers above a measured one, certainty matches the "
    "intervals",
    "[cli][findings]") {
  ScratchDir t("trust");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + t / "out --no-render") == 0);
  const Csv g = read_csv(t / "out/gaps.csv");
  const std::size_t group = g.col("group"), rc = g.col("rc"), lo = g.col("rc_ci_low"), hi = g.col("rc_ci_high"),
                    cert = g.col("certainty");
  bool unmeasured_seen = false, borderline_seen = false;
  int clear = 0, border = 0;
  for (const auto& r : g.rows) {
    INFO(r[0] << "->" << r[1]);
    if (r[group] == "not_enough_answers") {
      unmeasured_seen = true;
      CHECK(r[rc].empty());
      CHECK(r[g.col("severity")].empty());
      CHECK(r[cert].empty());
      continue;
    }
    CHECK_FALSE(unmeasured_seen);  // measured pairs all come first
    const double v = std::stod(r[rc]), l = std::stod(r[lo]), h = std::stod(r[hi]);
    const bool is_clear = h < 3.5 || l >= 3.5;
    CHECK(r[cert] == (is_clear ? "clear" : "borderline"));
    if (r[group] == "clearly_weak") {
      CHECK(v < 3.5);
      CHECK(h < 3.5);
      CHECK_FALSE(borderline_seen);  // clearly weak pairs before borderline ones
      ++clear;
    } else if (r[group] == "borderline") {
      CHECK_FALSE(is_clear);
      borderline_seen = true;
      ++border;
    } else {
      CHECK(r[group] == "functional");
      CHECK(l >= 3.5);
    }
  }
  CHECK(unmeasured_seen);
  CHECK(clear > 0);
  CHECK(border > 0);
  // ties.csv: certainty of the strength class from the interval.
  const Csv ties = read_csv(t / "out/ties.csv");
  REQUIRE(ties.head.back() == "certainty");
  rcmap::AggregateOptions o;
  for (const auto& r : ties.rows) {
    if (r[ties.col("strength")] == "suppressed") {
      CHECK(r.back().empty());
      continue;
    }
    const auto c = rcmap::strength_certainty(std::stod(r[ties.col("rc")]), std::stod(r[ties.col("rc_ci_low")]),
                                             std::stod(r[ties.col("rc_ci_high")]), o);
    CHECK(r.back() == rcmap::certainty_name(c));
  }
}

TEST_CASE("sample: bridges.csv names only shown, functional ties, with their RC and n as in ties.csv",
          "[cli][findings][anonymity]") {
  ScratchDir t("trust");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + t / "out --no-render") == 0);
  const Csv ties = read_csv(t / "out/ties.csv");
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> shown;
  for (const auto& r : ties.rows)
    if (r[ties.col("strength")] != "suppressed") shown[{r[0], r[1]}] = {r[ties.col("rc")], r[ties.col("n")]};
  const Csv b = read_csv(t / "out/bridges.csv");
  REQUIRE_FALSE(b.rows.empty());
  for (const auto& r : b.rows) {
    const std::string s = r[0], g = r[1], x = r[2];
    const std::pair<std::string, std::string> four[] = {{s, x}, {x, s}, {g, x}, {x, g}};
    for (std::size_t k = 0; k < 4; ++k) {
      const auto it = shown.find(four[k]);
      REQUIRE(it != shown.end());
      CHECK(r[4 + 2 * k] == it->second.first);
      CHECK(r[5 + 2 * k] == it->second.second);
      CHECK(std::stod(r[4 + 2 * k]) >= 3.5);
    }
  }
  // units.csv bridge_pairs = rows of bridges.csv naming the unit.
  const Csv u = read_csv(t / "out/units.csv");
  for (const auto& r : u.rows) {
    if (r[u.col("bridge_pairs")].empty()) continue;
    long n = 0;
    for (const auto& row : b.rows) n += row[2] == r[0];
    CHECK(std::stol(r[u.col("bridge_pairs")]) == n);
  }
}

#ifdef RCMAP_WITH_RENDER
TEST_CASE("report.pdf: page 2 is the decision page, with dialogue questions in en, da and nb", "[report][findings]") {
  ScratchDir t("trust");
  const std::pair<const char*, const char*> want[] = {
      {"en", "Decision page"}, {"da", "Beslutningsgrundlag"}, {"nb", "Beslutningsgrunnlag"}};
  // The first question of a dimension, from docs/dialogue-questions.tsv (any dimension).
  const std::string tsv = slurp(source_path("docs/dialogue-questions.tsv"));
  for (const auto& [lang, title] : want) {
    const std::string out = t / (std::string("out-") + lang);
    REQUIRE(run_rcmap("analyze " + kSample + " --out " + out + " --lang " + lang + " --formats png") == 0);
    std::string page2 = text_of("pdftotext -q -f 2 -l 2 " + out + "/report.pdf -", t);
    for (char& c : page2)
      if (c == '\n') c = ' ';
    INFO(lang << ": " << page2);
    CHECK(page2.find(title) != std::string::npos);
    // At least one dialogue question of the language appears whole on page 2
    // (pdftotext may break a line: compare the first 40 bytes).
    const std::size_t col = std::string(lang) == "en" ? 2 : std::string(lang) == "da" ? 3 : 4;
    std::istringstream rows(tsv);
    std::string line;
    std::getline(rows, line);
    bool found = false;
    while (std::getline(rows, line)) {
      std::vector<std::string> f(1);
      for (char c : line) {
        if (c == '\t')
          f.emplace_back();
        else
          f.back() += c;
      }
      if (f.size() > col && f[col].size() > 40 && page2.find(f[col].substr(0, 40)) != std::string::npos) found = true;
    }
    CHECK(found);
  }
}

TEST_CASE("matrix.pdf: no printed RC contradicts its colour class", "[report][figures]") {
  ScratchDir t("trust");
  REQUIRE(run_rcmap("analyze " + kSample + " --out " + t / "out --formats pdf") == 0);
  const std::string text = text_of("pdftotext -q -raw " + t / "out/matrix.pdf -", t);
  // Tokens with two or more decimals are the cells printed with extra
  // decimals; each shown tie whose one-decimal value would read as another
  // class must be among them, and no other such token appears.
  std::multiset<std::string> printed, expected;
  const std::regex number(R"(\b\d\.\d{2,}\b)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
    printed.insert(it->str());
  const Csv ties = read_csv(t / "out/ties.csv");
  rcmap::AggregateOptions o;
  int contradicting = 0;
  for (const auto& r : ties.rows) {
    if (r[ties.col("strength")] == "suppressed") continue;
    const double rc = std::stod(r[ties.col("rc")]);
    const int d = rcmap::rc_decimals(rc, 1, o);
    if (d == 1) continue;
    ++contradicting;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", d, rc);
    expected.insert(buf);
  }
  CHECK(contradicting > 10);  // the sample has many cells near 3.5 (and 4.0)
  CHECK(printed == expected);
}
#endif
