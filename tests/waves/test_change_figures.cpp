// More than two waves (waves.csv, sides-waves.csv), the change figures
// (change-map, change-matrix, trend), analyze --by-site's full per-site
// analysis and the sites figure. Expected values are hand-computed on
// tests/data/waves/three (every row answers all 7 dimensions with one score,
// so a row's score is that score); t quantiles from R: qt(0.975, 2) =
// 4.302653, qt(0.975, 3) = 3.182446, qt(0.975, 4) = 2.776445.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

#include "rcmap/outputs/palette.hpp"
#include "rcmap/waves/waves.hpp"
#include "support/test_helpers.hpp"
#ifdef RCMAP_WITH_RENDER
#include "rcmap/render/figures/change_figures.hpp"
#include "support/temp_dir.hpp"
#endif

namespace fs = std::filesystem;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

struct Run {
  int code;
  std::string err;
};
Run run(const std::string& args) {
  const std::string err_file = rcmap::test::fresh_path("chg-err");
  std::string cmd = std::string(RCMAP_BINARY) + " " + args + " >/dev/null 2>" + err_file;
  int rc = std::system(cmd.c_str());
  Run r{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, slurp(err_file)};
  fs::remove(err_file);
  return r;
}

std::string tmp(const std::string& name) {
  const std::string p = rcmap::test::fresh_path("chg-" + name);
  fs::create_directories(p);
  return p;
}

std::string line_starting(const std::string& text, const std::string& prefix) {
  std::size_t at = text.find("\n" + prefix);
  REQUIRE(at != std::string::npos);
  return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

// Rows of a CSV file whose column `col` (0-based) equals `value`, with that
// column removed (to cut one wave or site out of a file).
void filter_csv(const std::string& in, const std::string& out, std::size_t col, const std::string& value) {
  std::ifstream f(in);
  std::ofstream o(out);
  std::string line;
  bool header = true;
  while (std::getline(f, line)) {
    std::vector<std::string> cells(1);  // raw fields, quotes kept (labels may hold commas)
    bool quoted = false;
    for (char ch : line) {
      if (ch == '"') quoted = !quoted;
      if (ch == ',' && !quoted)
        cells.emplace_back();
      else
        cells.back() += ch;
    }
    if (!header && (cells.size() <= col || cells[col] != value)) continue;
    header = false;
    cells.erase(cells.begin() + static_cast<long>(col));
    for (std::size_t i = 0; i < cells.size(); ++i) o << (i ? "," : "") << cells[i];
    o << '\n';
  }
}

rcmap::Waves three_waves() {
  rcmap::Diagnostics d;
  return rcmap::read_waves(source_path("tests/data/waves/three/units.csv"),
                           source_path("tests/data/waves/three/responses.csv"), {}, {}, d);
}

}  // namespace

TEST_CASE("delta colours: PuOr centred at 0, darkest from +-0.5, grey for NaN", "[change][palette]") {
  using rcmap::delta_scale_colour;
  CHECK(delta_scale_colour(0.0).hex() == 0xf7f7f7);
  CHECK(delta_scale_colour(0.5).hex() == 0x542788);
  CHECK(delta_scale_colour(1.5).hex() == 0x542788);  // clamped
  CHECK(delta_scale_colour(-0.5).hex() == 0xb35806);
  CHECK(delta_scale_colour(0.5 / 3).hex() == 0xd8daeb);
  CHECK(delta_scale_colour(-0.5 / 3).hex() == 0xfee0b6);
  // +0.25: halfway between #d8daeb and #998ec3: (216+153)/2 = 184.5 -> 185 (b9),
  // (218+142)/2 = 180 (b4), (235+195)/2 = 215 (d7).
  CHECK(delta_scale_colour(0.25).hex() == 0xb9b4d7);
  CHECK(delta_scale_colour(std::nan("")).hex() == 0x999999);
}

TEST_CASE("every wave's RC, t interval and n per tie and side pair, blank below min-n in a wave", "[change][waves]") {
  rcmap::Waves w = three_waves();
  REQUIRE(w.labels == std::vector<std::string>{"w1", "w2", "w3"});
  rcmap::AggregateOptions opt;
  opt.min_n = 3;
  rcmap::WaveSeries s = rcmap::wave_series(w.surveys, w.labels, {}, opt);
  REQUIRE(s.ties.size() == 3);  // A->B, A->C, B->A (units in units.csv order)
  const auto& ab = s.ties[0];
  CHECK((ab.source == "A" && ab.target == "B"));
  // w1 A->B: 2, 3, 4 -> mean 3, sd 1, half = 4.302653 / sqrt(3) = 2.484138.
  CHECK(ab.waves[0].rc == Approx(3.0));
  CHECK(ab.waves[0].ci_low == Approx(0.515862).margin(1e-6));
  CHECK(ab.waves[0].ci_high == Approx(5.484138).margin(1e-6));
  CHECK(ab.waves[0].n == 3);
  // w3 A->B: 4, 4, 5, 5 -> mean 4.5, sd sqrt(1/3), half = 3.182446 * 0.288675 = 0.918693.
  CHECK(ab.waves[2].rc == Approx(4.5));
  CHECK(ab.waves[2].ci_low == Approx(3.581307).margin(1e-6));
  CHECK(ab.waves[2].n == 4);
  const auto& ba = s.ties[2];
  CHECK((ba.source == "B" && ba.target == "A"));
  // w1 B->A has 2 respondents < min-n 3: no RC, no interval, n shown.
  CHECK(std::isnan(ba.waves[0].rc));
  CHECK(std::isnan(ba.waves[0].ci_low));
  CHECK(ba.waves[0].n == 2);
  // w2 B->A: 2, 3, 3 -> 8/3, sd sqrt(1/3), half = 4.302653 / 3 = 1.434218.
  CHECK(ba.waves[1].rc == Approx(8.0 / 3));
  CHECK(ba.waves[1].ci_high == Approx(4.100884).margin(1e-6));
  CHECK(ba.waves[2].n == 0);  // no rows in w3
  REQUIRE(s.sides.size() == 2);
  // authority -> provider, w1: respondent means over shown A->B and A->C:
  // a1 (2+2)/2 = 2, a2 (3+2)/2 = 2.5, a3 (4+2)/2 = 3, a4 3, a5 3 -> mean 2.7,
  // sd sqrt(0.8/4) = 0.447214, half = 2.776445 * 0.2 = 0.555289.
  CHECK((s.sides[0].source == "authority" && s.sides[0].target == "provider"));
  CHECK(s.sides[0].waves[0].rc == Approx(2.7));
  CHECK(s.sides[0].waves[0].ci_low == Approx(2.144711).margin(1e-6));
  CHECK(s.sides[0].waves[0].n == 5);
  // provider -> authority in w1: its only tie is hidden, so no respondent counts.
  CHECK(s.sides[1].waves[0].n == 0);
  CHECK(s.sides[1].waves[1].rc == Approx(8.0 / 3));
}

TEST_CASE("compare with three waves: changes.csv is first vs last, waves.csv lists every wave", "[change][cli]") {
  std::string d = tmp("three");
  const std::string in = " --units " + source_path("tests/data/waves/three/units.csv") + " --responses " +
                         source_path("tests/data/waves/three/responses.csv");
  REQUIRE(run("compare" + in + " --min-n 3 --out " + d + " --formats svg").code == 0);
  std::string ch = slurp(d + "/changes.csv"), wv = slurp(d + "/waves.csv"), sw = slurp(d + "/sides-waves.csv");
  // A->B: w1 mean 3 -> w3 mean 4.5, delta 1.5 (the w2 level is only in waves.csv).
  CHECK(line_starting(ch, "A,B,").find("A,B,3.000000,4.500000,1.500000,") == 0);
  // A->C: 2.4 -> 4.4; Welch t = 2 / sqrt(0.3/5 + 0.3/5) = 5.7735 with 8 df, q < 0.05,
  // and every resample's difference is at least 4 - 3 = 1 > 0: improved.
  CHECK(line_starting(ch, "A,C,").find("A,C,2.400000,4.400000,2.000000,") == 0);
  CHECK(line_starting(ch, "A,C,").substr(line_starting(ch, "A,C,").rfind(',') + 1) == "improved");
  CHECK(wv.substr(0, wv.find('\n')) == "source,target,wave,rc,ci_low,ci_high,n");
  CHECK(line_starting(wv, "A,B,w2,") == "A,B,w2,4.000000,1.515862,6.484138,3");
  CHECK(line_starting(wv, "B,A,w1,") == "B,A,w1,,,,2");
  CHECK(line_starting(wv, "B,A,w3,") == "B,A,w3,,,,0");
  CHECK(sw.substr(0, sw.find('\n')) == "source_side,target_side,wave,rc,ci_low,ci_high,n");
  CHECK(line_starting(sw, "authority,provider,w1,") == "authority,provider,w1,2.700000,2.144711,3.255289,5");
  CHECK(line_starting(sw, "provider,authority,w1,") == "provider,authority,w1,,,,0");
  for (const char* f : {"change-map.svg", "change-matrix.svg", "trend.svg"}) CHECK(fs::exists(d + "/" + f));
  CHECK_FALSE(fs::exists(d + "/change-map.png"));  // --formats svg only
  CHECK(slurp(d + "/summary.json").find("\"waves\": \"w1,w2,w3\"") != std::string::npos);
  // --waves picks and orders; an unknown wave is a usage error.
  REQUIRE(run("compare" + in + " --min-n 3 --waves w2,w3 --no-render --out " + d + "/two").code == 0);
  CHECK(line_starting(slurp(d + "/two/changes.csv"), "A,B,").find("A,B,4.000000,4.500000,0.500000,") == 0);
  CHECK(run("compare" + in + " --waves w1 --out " + d + "/one").code == 1);
  fs::remove_all(d);
}

#ifdef RCMAP_WITH_RENDER
TEST_CASE("change map ties: delta colour when credible, faded otherwise, not-compared ties left out",
          "[change][render]") {
  rcmap::Waves w = three_waves();
  rcmap::CompareOptions opt;
  opt.agg.min_n = 3;
  rcmap::Comparison c = rcmap::compare_waves(w.surveys.front(), w.surveys.back(), {}, opt);
  auto ties = rcmap::render::change_map_ties(w.surveys.front(), c);
  // B->A has 2 respondents in w1 (and none in w3): not compared, not drawn.
  REQUIRE(ties.size() == 2);
  // Faded first: A->B (delta 1.5, Welch p = 0.10 with 3 df: no credible change):
  // colour of +1.5 (#542788) mixed halfway to grey 0.55, alpha 0.45.
  CHECK((ties[0].source == 0 && ties[0].target == 1));
  CHECK_FALSE(ties[0].credible);
  CHECK(ties[0].delta == Approx(1.5));
  // Grey 0.55 = 140.25/255: (84+140.25)/2 = 112.1 -> 0x70, (39+140.25)/2 = 89.6 -> 0x5a,
  // (136+140.25)/2 = 138.1 -> 0x8a.
  CHECK(ties[0].colour.hex() == 0x705a8a);
  CHECK(ties[0].alpha == Approx(0.45));
  // A->C improved: full #542788, width 0.35 sqrt(5) = 0.782624 (3 units: no crowding).
  CHECK((ties[1].source == 0 && ties[1].target == 2));
  CHECK(ties[1].credible);
  CHECK(ties[1].colour.hex() == 0x542788);
  CHECK(ties[1].alpha == Approx(0.95));
  CHECK(ties[1].width == Approx(0.782624).margin(1e-6));
}

TEST_CASE("change map draws a renamed unit's ties at its baseline node, new units' ties are not compared",
          "[change][render]") {
  std::string d = tmp("renamed");
  // Baseline: w1 of the fixture. Follow-up: A->B and A->C of w3 with C renamed D,
  // and a new unit E rated by A (5 respondents, score 4).
  filter_csv(source_path("tests/data/waves/three/responses.csv"), d + "/b.csv", 0, "w1");
  std::ofstream(d + "/ua.csv") << "unit,label,side,headcount\nA,Unit A,authority,6\nB,Unit B,provider,4\n"
                                  "D,Unit D,provider,4\nE,Unit E,provider,5\n";
  std::ofstream ra(d + "/a.csv");
  ra << "respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,shared_knowledge,mutual_"
        "respect\n";
  auto row = [&](const std::string& r, const char* u, const char* t, int s) {
    ra << r << "," << u << "," << t;
    for (int k = 0; k < 7; ++k) ra << "," << s;
    ra << "\n";
  };
  row("a1", "A", "B", 4), row("a2", "A", "B", 4), row("a3", "A", "B", 5), row("a4", "A", "B", 5);
  for (int i = 1; i <= 5; ++i) row("a" + std::to_string(i), "A", "D", i <= 3 ? 4 : 5);
  for (int i = 1; i <= 5; ++i) row("a" + std::to_string(i), "A", "E", 4);
  ra.close();
  rcmap::Diagnostics diags;
  rcmap::Survey before = rcmap::read_survey(source_path("tests/data/waves/three/units.csv"), d + "/b.csv", {}, diags);
  rcmap::Survey after = rcmap::read_survey(d + "/ua.csv", d + "/a.csv", {}, diags);
  rcmap::UnitMap map;
  map.old_to_new["C"] = "D";
  rcmap::CompareOptions opt;
  opt.agg.min_n = 3;
  rcmap::Comparison c = rcmap::compare_waves(before, after, map, opt);
  auto ties = rcmap::render::change_map_ties(before, c);
  REQUIRE(ties.size() == 2);                            // A->B and A->D; A->E has no baseline respondents
  CHECK((ties[1].source == 0 && ties[1].target == 2));  // A->D drawn to C, D's baseline node
  CHECK(ties[1].delta == Approx(2.0));                  // 4.4 - 2.4, as in the fixture's A->C
  fs::remove_all(d);
}

namespace {
// `d` of every filled node disc in an SVG: paths filled with the side
// colours authority (#0072B2) and provider (#009E73).
std::multiset<std::string> node_paths(const std::string& svg) {
  static const std::regex re(
      R"re(<path style="fill-rule:nonzero;fill:rgb\((0%,44\.705882%,69\.803922%|0%,61\.960784%,45\.098039%)\);[^"]*" d="([^"]+)")re");
  std::multiset<std::string> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[2]);
  return out;
}
}  // namespace

TEST_CASE("change map nodes sit exactly where analyze draws the baseline wave's map", "[change][render][cli]") {
  std::string d = tmp("baseline");
  REQUIRE(run("sample --out " + d + " --waves 2").code == 0);
  filter_csv(d + "/responses.csv", d + "/w1.csv", 0, "w1");
  for (const std::string layout : {"sides", "force"}) {
    const std::string o = " --formats svg --layout " + layout + " --seed 3";
    REQUIRE(
        run("analyze --units " + d + "/units.csv --responses " + d + "/w1.csv --out " + d + "/a-" + layout + o).code ==
        0);
    REQUIRE(run("compare --units " + d + "/units.csv --responses " + d + "/responses.csv --bootstrap 200 --out " + d +
                "/c-" + layout + o)
                .code == 0);
    auto map = node_paths(slurp(d + "/a-" + layout + "/map.svg"));
    auto change = node_paths(slurp(d + "/c-" + layout + "/change-map.svg"));
    CHECK(map.size() == 10);  // 4 authority + 6 provider units of the sample
    CHECK(change == map);
  }
  // Another seed moves the force layout's nodes: the check above can fail.
  REQUIRE(run("compare --units " + d + "/units.csv --responses " + d + "/responses.csv --bootstrap 200 --out " + d +
              "/c-other --formats svg --layout force --seed 4")
              .code == 0);
  CHECK(node_paths(slurp(d + "/c-other/change-map.svg")) != node_paths(slurp(d + "/a-force/map.svg")));
  fs::remove_all(d);
}
#endif

TEST_CASE("analyze --by-site writes per site exactly what analyze writes for that site's rows", "[sites][cli]") {
  std::string d = tmp("bysite");
  REQUIRE(run("sample --out " + d + " --sites 2 --respondents 120").code == 0);
  REQUIRE(run("analyze --units " + d + "/units.csv --responses " + d + "/responses.csv --out " + d +
              "/all --by-site --formats svg,pdf --highlight S2")
              .code == 0);
  // The sample puts `site` first in both files.
  filter_csv(d + "/units.csv", d + "/u2.csv", 0, "S2");
  filter_csv(d + "/responses.csv", d + "/r2.csv", 0, "S2");
  // A site's figures and report name the site, as --title would.
  REQUIRE(run("analyze --units " + d + "/u2.csv --responses " + d + "/r2.csv --out " + d +
              "/one --formats svg,pdf --title S2")
              .code == 0);
  for (const char* f : {"ties.csv", "units.csv", "sides.csv", "gaps.csv", "map.svg", "gap-map.svg", "matrix.svg",
                        "profile.svg", "map.pdf", "workbook.xlsx"}) {
    INFO(f);
    CHECK(fs::exists(d + "/all/S2/" + f));
    CHECK(slurp(d + "/all/S2/" + f) == slurp(d + "/one/" + f));
  }
  const std::string js = slurp(d + "/all/S2/summary.json"), one = slurp(d + "/one/summary.json");
  CHECK(js.find("\"site\": \"S2\"") != std::string::npos);
  CHECK(js.substr(js.find("\"overall\"")).substr(0, 80) == one.substr(one.find("\"overall\"")).substr(0, 80));
  CHECK(js.find("\"network\"") != std::string::npos);
  CHECK(fs::exists(d + "/all/S2/project.ini"));
  CHECK(fs::exists(d + "/all/sites.svg"));
  CHECK(fs::exists(d + "/all/sites.pdf"));
  fs::remove_all(d);
}

TEST_CASE("analyze --by-site: unknown --highlight is a usage error, old side options warn and still work",
          "[sites][cli]") {
  std::string d = tmp("highlight");
  REQUIRE(run("sample --out " + d + " --sites 2 --respondents 80").code == 0);
  const std::string in = "analyze --units " + d + "/units.csv --responses " + d + "/responses.csv --by-site";
  Run r = run(in + " --out " + d + "/x --highlight Nowhere");
  CHECK(r.code == 1);
  CHECK(r.err.find("--highlight: no site 'Nowhere'") != std::string::npos);
  CHECK(r.err.find("'S1', 'S2'") != std::string::npos);
  CHECK_FALSE(fs::exists(d + "/x/sites.csv"));
  CHECK(run("analyze --units " + d + "/units.csv --responses " + d + "/responses.csv --out " + d + "/y --highlight S1")
            .code == 1);  // --highlight needs --by-site
  // Swapped sides through the deprecated aliases: warned, and equal to --gap-sides.
  r = run(in + " --out " + d + "/old --no-render --authority-side provider --provider-side authority");
  CHECK(r.code == 0);
  CHECK(r.err.find("--authority-side and --provider-side are deprecated; use --gap-sides provider,authority") !=
        std::string::npos);
  REQUIRE(run(in + " --out " + d + "/new --no-render --gap-sides provider,authority").code == 0);
  CHECK(slurp(d + "/old/sites.csv") == slurp(d + "/new/sites.csv"));
  CHECK(slurp(d + "/old/S1/gaps.csv") == slurp(d + "/new/S1/gaps.csv"));
  CHECK(slurp(d + "/old/S1/project.ini").find("gap-sides = provider,authority") != std::string::npos);
  CHECK(slurp(d + "/old/S1/project.ini").find("authority-side") == std::string::npos);
  // Swapping really changes sites.csv (the aliases are not ignored).
  REQUIRE(run(in + " --out " + d + "/default --no-render").code == 0);
  CHECK(slurp(d + "/old/sites.csv") != slurp(d + "/default/sites.csv"));
  fs::remove_all(d);
}

TEST_CASE("by-site folders are SafeNames: folded, no path separators, clashes numbered", "[sites][cli]") {
  std::string d = tmp("names");
  std::ofstream(d + "/units.csv") << "unit,label,side,headcount\nA,A,authority,20\nB,B,provider,20\n";
  std::ofstream r(d + "/responses.csv");
  r << "site,respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,shared_knowledge,mutual_"
       "respect\n";
  for (const char* site : {"Ærø/Nord", "aeroe_nord", "../up"})
    for (int i = 0; i < 5; ++i) r << site << ",r" << i << ",A,B,4,4,4,4,4,4,4\n";
  r.close();
  Run run_result = run("analyze --units " + d + "/units.csv --responses " + d + "/responses.csv --out " + d +
                       "/out --by-site --no-render");
  REQUIRE(run_result.code == 0);
  CHECK(fs::exists(d + "/out/Aeroe_Nord/ties.csv"));
  CHECK(fs::exists(d + "/out/aeroe_nord-2/ties.csv"));  // same name ignoring case
  CHECK(fs::exists(d + "/out/up/ties.csv"));
  CHECK_FALSE(fs::exists(d + "/up"));
  CHECK(run_result.err.find("site '../up' is written to folder 'up'") != std::string::npos);
  fs::remove_all(d);
}
