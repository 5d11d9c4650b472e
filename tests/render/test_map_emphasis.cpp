// What the maps and the decision page emphasise (docs/figures.md "map — the
// coordination map" and "Report"): weak ties graded by certainty, the
// best-placed bridges ringed (never a unit without shown ratings), and the
// certainty behind each cell of the decision page's 2 x 2 chart.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "../../render/report/decision_page.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/json_reader.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/html/html_report.hpp"
#include "support/render_fixtures.hpp"
#include "support/test_helpers.hpp"

using namespace rcmap;
using namespace rcmap::render;
namespace fs = std::filesystem;
using rcmap::test::shell;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

std::string tmpdir(const std::string& name) {
  const fs::path p = rcmap::test::fresh_path("emphasis-" + name);
  fs::create_directories(p);
  return p.string() + "/";
}

// Whether Cairo's SVG colour "rgb(R%,G%,B%)" is 0xRRGGBB (to 0.1 %).
bool is_rgb(const std::string& svg_colour, unsigned hex) {
  double c[3];
  if (std::sscanf(svg_colour.c_str(), "rgb(%lf%%,%lf%%,%lf%%)", &c[0], &c[1], &c[2]) != 3) return false;
  const unsigned want[3] = {(hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff};
  for (int i = 0; i < 3; ++i)
    if (std::fabs(c[i] - want[i] / 2.55) > 0.1) return false;
  return true;
}

// One stroked <path> of an SVG: its stroke colour, width, opacity, whether
// dashed, and its first point.
struct Stroke {
  std::string colour;
  double width = 0, opacity = 1, x = 0, y = 0;
  bool dashed = false;
};
std::vector<Stroke> strokes(const std::string& svg) {
  std::vector<Stroke> out;
  static const std::regex path(R"re(<path style="fill:none;([^"]*)" d="M ([-0-9.]+) ([-0-9.]+))re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), path); it != std::sregex_iterator(); ++it) {
    const std::string style = (*it)[1];
    Stroke s;
    std::smatch m;
    if (std::regex_search(style, m, std::regex(R"(stroke:(rgb\([^)]*\)))"))) s.colour = m[1];
    if (std::regex_search(style, m, std::regex(R"(stroke-width:([0-9.]+))"))) s.width = std::stod(m[1]);
    if (std::regex_search(style, m, std::regex(R"(stroke-opacity:([0-9.]+))"))) s.opacity = std::stod(m[1]);
    s.dashed = style.find("stroke-dasharray") != std::string::npos;
    s.x = std::stod((*it)[2]), s.y = std::stod((*it)[3]);
    out.push_back(s);
  }
  return out;
}

// Units 0 A1, 1 A2 (authority), 2 P1, 3 P2 (provider), 4 G1, 5 G2 (general).
// Every ordered between-unit pair has a tie of n = 20, RC 4.2, interval
// [4.05, 4.35], except A1->P1: RC 2.7 [2.5, 2.9] (clearly weak), P2->A2: RC
// 3.45 [3.3, 3.6] (weak, borderline), P1->A1: RC 3.0 [2.4, 3.6] (weak,
// borderline: a low RC with a wide interval) and every rating G2 gives:
// n = 3, suppressed (G2 shows no rating of another unit).
test::Fixture planted() {
  test::Fixture f;
  Survey& s = f.survey;
  test::add_unit(s, "a1", "A1", "authority");
  test::add_unit(s, "a2", "A2", "authority");
  test::add_unit(s, "p1", "P1", "provider");
  test::add_unit(s, "p2", "P2", "provider");
  test::add_unit(s, "g1", "G1", "general");
  test::add_unit(s, "g2", "G2", "general");
  const AggregateOptions& o = f.agg.options;
  f.agg.units.assign(6, UnitResult{});
  for (auto& u : f.agg.units) u.respondents = 20;
  f.agg.respondents = 120;
  for (std::uint32_t a = 0; a < 6; ++a)
    for (std::uint32_t b = 0; b < 6; ++b) {
      if (a == b) continue;
      double rc = 4.2, lo = 4.05, hi = 4.35;
      if (a == 0 && b == 2) rc = 2.7, lo = 2.5, hi = 2.9;
      if (a == 3 && b == 1) rc = 3.45, lo = 3.3, hi = 3.6;
      if (a == 2 && b == 0) rc = 3.0, lo = 2.4, hi = 3.6;
      Tie t = test::make_tie(a, b, a == 5 ? 3 : 20, rc, o.min_n, o);
      if (!t.suppressed) t.ci_low = lo, t.ci_high = hi;
      f.agg.suppressed_ties += t.suppressed;
      f.agg.ties.push_back(t);
    }
  return f;
}

FigureOptions options(Lang lang = Lang::en) {
  FigureOptions o;
  o.lang = lang;
  o.side_a = "authority", o.side_b = "provider";
  return o;
}

// The units ringed as bridges on a map SVG: black strokes 1.5 pt wide that
// start 5 pt right of a node's rim (cairo_arc starts at angle 0).
std::set<std::uint32_t> ringed(const std::string& svg, const MapGeometry& g) {
  std::set<std::uint32_t> out;
  for (const Stroke& s : strokes(svg)) {
    if (!is_rgb(s.colour, 0x000000) || std::fabs(s.width - 1.5) > 1e-9) continue;
    for (std::size_t k = 0; k < g.units.size(); ++k) {
      if (std::fabs(s.x - (g.centre[k].x + g.radius[k] + 5)) < 0.01 && std::fabs(s.y - g.centre[k].y) < 0.01)
        out.insert(g.units[k]);
    }
  }
  return out;
}

// Emphasised weak ties of a map SVG by class: {clearly weak (solid
// #b35806), borderline (dashed #f1a340)} among the strokes of opacity 0.9.
std::pair<int, int> graded(const std::string& svg) {
  int clear = 0, borderline = 0;
  for (const Stroke& s : strokes(svg)) {
    if (std::fabs(s.opacity - 0.9) > 1e-9) continue;
    clear += is_rgb(s.colour, 0xb35806) && !s.dashed;
    borderline += is_rgb(s.colour, 0xf1a340) && s.dashed;
  }
  return {clear, borderline};
}

// report.html's data block for `f` (docs/html-report.md "Analyze block"):
// per weak class the number of ties with that weak_certainty, and the ids of
// bridge_ring.units in order.
struct HtmlEmphasis {
  int clear = 0, borderline = 0, unclassed = 0;
  std::vector<std::string> ringed;
};
HtmlEmphasis html_emphasis(const std::string& block) {
  const JsonValue v = parse_json(block, "block");
  HtmlEmphasis out;
  for (const JsonValue& t : v.get("ties")->items) {
    const JsonValue* w = t.get("weak_certainty");
    REQUIRE(w);
    if (w->kind == JsonValue::Kind::null)
      ++out.unclassed;
    else
      ++(w->text == "clear" ? out.clear : w->text == "borderline" ? out.borderline : out.unclassed);
  }
  for (const JsonValue& u : v.get("bridge_ring")->get("units")->items) out.ringed.push_back(u.get("unit")->text);
  return out;
}

}  // namespace

TEST_CASE("map: a clearly weak 2.7 and a borderline 3.45 are drawn in different colours, dashed only when borderline",
          "[render][figures]") {
  const auto f = planted();
  const auto layout = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  const std::string dir = tmpdir("grading");
  for (TieFilter tf : {TieFilter::emphasis, TieFilter::all}) {
    FigureOptions o = options();
    o.ties = tf;
    render_map(f.survey, f.agg, layout, o, Format::svg, dir + "map.svg");
    // The drawn ties: emphasised strokes (opacity 0.9) of the weak colours.
    int clear = 0, borderline = 0, other_weak = 0;
    for (const Stroke& s : strokes(slurp(dir + "map.svg"))) {
      if (std::fabs(s.opacity - 0.9) > 1e-9) continue;
      if (is_rgb(s.colour, 0xb35806) && !s.dashed)
        ++clear;
      else if (is_rgb(s.colour, 0xf1a340) && s.dashed)
        ++borderline;
      else if (s.dashed)
        ++other_weak;
    }
    CHECK(clear == 1);       // A1->P1, 2.7
    CHECK(borderline == 2);  // P2->A2, 3.45, and P1->A1, 3.0 with its wide interval
    CHECK(other_weak == 0);
  }
}

TEST_CASE("map legend names the weak-tie grading and the bridges in en, da and nb", "[render][figures]") {
  if (shell("command -v pdftotext >/dev/null 2>&1") != 0) {
    WARN("pdftotext missing (poppler-utils): skipped");
    return;
  }
  const auto f = planted();
  const auto layout = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  Findings k;
  k.bridges = {{4, 2, 4.2}};
  k.bridge_gap_pairs = 3;
  const std::string dir = tmpdir("legend");
  const std::map<Lang, std::vector<std::string>> want = {
      {Lang::en,
       {"clearly weak tie (95 % interval below 3.5)", "weak tie, borderline (95 % interval reaches 3.5)",
        "Black ring: can carry the ball – weak or borderline pairs it can bridge (of 3): G1 (2)"}},
      {Lang::da,
       {"klart svag relation (95 %-interval under 3,5)", "svag relation på grænsen (95 %-intervallet når 3,5)",
        "Sort ring: kan bygge bro – svage par eller par på grænsen, enheden kan bygge bro for (af 3): G1 (2)"}},
      {Lang::nb,
       {"klart svak relasjon (95 %-intervall under 3,5)", "svak relasjon på grensen (95 %-intervallet når 3,5)",
        "Svart ring: kan bygge bro – svake par eller par på grensen enheten kan bygge bro for (av 3): G1 (2)"}}};
  for (const auto& [lang, lines] : want) {
    render_map(f.survey, f.agg, layout, options(lang), Format::pdf, dir + "map.pdf", &k);
    REQUIRE(shell("pdftotext -enc UTF-8 " + dir + "map.pdf " + dir + "map.txt") == 0);
    std::string text = slurp(dir + "map.txt");
    for (char& c : text)
      if (c == '\n') c = ' ';
    text = std::regex_replace(text, std::regex(" +"), " ");
    for (const std::string& l : lines) {
      INFO(l);
      CHECK(text.find(l) != std::string::npos);
    }
  }
}

TEST_CASE("map: bridges are ringed only from the findings, never a unit without shown ratings", "[render][figures]") {
  const auto f = planted();
  const auto layout = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  const std::string dir = tmpdir("anonymity");
  const FigureOptions o = options();
  const MapGeometry g = map_geometry(f.survey, f.agg, layout, o, false);
  // G2 (5) rates no unit with enough answers: listed by a (wrong) finding, it
  // must still not be ringed; G1 (4) is.
  Findings k;
  k.bridges = {{5, 3, 4.2}, {4, 2, 4.2}};
  k.bridge_gap_pairs = 3;
  render_map(f.survey, f.agg, layout, o, Format::svg, dir + "map.svg", &k);
  CHECK(ringed(slurp(dir + "map.svg"), g) == std::set<std::uint32_t>{4});
  // Without findings, or with no bridges, no unit is ringed.
  render_map(f.survey, f.agg, layout, o, Format::svg, dir + "none.svg");
  CHECK(ringed(slurp(dir + "none.svg"), g).empty());
  // The gap map draws only the gap sides: G1 is not on it, so not ringed.
  render_gap_map(f.survey, f.agg, layout, o, Format::svg, dir + "gap.svg", &k);
  CHECK(ringed(slurp(dir + "gap.svg"), map_geometry(f.survey, f.agg, layout, o, true)).empty());
}

TEST_CASE("map: the ringed bridges are the top units by bridge_pairs (units.csv), for the chosen gap sides",
          "[render][figures]") {
  const auto f = test::sixteen_units();
  const std::string dir = tmpdir("top");
  // Both gap-side choices: authority/provider (default) and general/health.
  for (const auto& [sa, sb] : {std::pair<std::string, std::string>{"authority", "provider"}, {"general", "health"}}) {
    INFO(sa << " / " << sb);
    MetricsOptions mopt;
    mopt.gap_side_a = sa, mopt.gap_side_b = sb;
    const MetricsResult m = compute_metrics(f.survey, f.agg, mopt);
    const Findings k = compute_findings(f.survey, f.agg, m, mopt);
    FigureOptions o = options();
    o.side_a = sa, o.side_b = sb;
    const auto layout = compute_layout(f.survey, f.agg, LayoutKind::sides, sa, sb, 1);
    render_map(f.survey, f.agg, layout, o, Format::svg, dir + "map.svg", &k);
    const std::set<std::uint32_t> rings =
        ringed(slurp(dir + "map.svg"), map_geometry(f.survey, f.agg, layout, o, false));
    // units.csv's bridge_pairs is UnitMetrics::bridge_pairs.
    std::vector<long> pairs;
    for (const UnitMetrics& u : m.units) pairs.push_back(u.bridge_pairs);
    const auto bridging = std::count_if(pairs.begin(), pairs.end(), [](long p) { return p > 0; });
    REQUIRE(bridging > 0);  // the fixture has weak gap pairs with bridges
    CHECK(rings.size() == static_cast<std::size_t>(std::min<long>(3, bridging)));
    long lowest_ringed = 1L << 40, highest_other = -1;
    for (std::uint32_t u = 0; u < pairs.size(); ++u) {
      if (rings.count(u)) {
        CHECK(pairs[u] > 0);
        CHECK(!m.units[u].no_shown_ratings);
        lowest_ringed = std::min(lowest_ringed, pairs[u]);
      } else {
        highest_other = std::max(highest_other, pairs[u]);
      }
    }
    CHECK(lowest_ringed >= highest_other);
    std::set<std::uint32_t> named;
    for (const BridgeFinding& b : k.bridges) named.insert(b.unit);
    CHECK(rings == named);  // the decision page names the same units
  }
}

TEST_CASE("decision chart: each cell counts its clearly weak and borderline ties by the findings' rule",
          "[render][report]") {
  const auto f = planted();
  using render::detail::chart_certainty;  // not rcmap::detail (src/io/csv_split.hpp)
  // authority -> provider: A1->P1 clearly weak, A1->P2, A2->P1, A2->P2 not.
  auto ap = chart_certainty(f.survey, f.agg, "authority", "provider");
  CHECK(ap.ties == 4);
  CHECK(ap.with_interval == 4);
  CHECK(ap.clearly_weak == 1);
  CHECK(ap.borderline == 0);
  // provider -> authority: P2->A2 (3.45) and P1->A1 (3.0, wide) borderline.
  auto pa = chart_certainty(f.survey, f.agg, "provider", "authority");
  CHECK(pa.ties == 4);
  CHECK(pa.clearly_weak == 0);
  CHECK(pa.borderline == 2);
  // general -> authority: G2's suppressed ratings are never counted.
  CHECK(chart_certainty(f.survey, f.agg, "general", "authority").ties == 2);
  // The two cross cells add up to the findings' counts.
  const Findings k = compute_findings(f.survey, f.agg, MetricsResult{}, MetricsOptions{});
  CHECK(ap.clearly_weak + pa.clearly_weak == k.cross_clearly_weak);
  CHECK(ap.borderline + pa.borderline == k.cross_borderline);
}

TEST_CASE("report.pdf: the decision page points to the ringed bridges and shows each cell's certainty",
          "[render][report]") {
  if (shell("command -v pdftotext >/dev/null 2>&1") != 0) {
    WARN("pdftotext missing (poppler-utils): skipped");
    return;
  }
  test::ScratchDir tmp("emphasis-report");
  const std::string out = tmp / "out";
  REQUIRE(test::run_rcmap("analyze --units " + source_path("samples/units.csv") + " --responses " +
                          source_path("samples/responses.csv") + " --out " + out + " --formats svg") == 0);
  // gaps.csv: one row per ordered cross pair, with certainty by the findings' rule.
  int clear_ap = 0, border_ap = 0, clear_pa = 0, border_pa = 0;
  std::istringstream gaps(slurp(out + "/gaps.csv"));
  std::string line;
  std::getline(gaps, line);
  while (std::getline(gaps, line)) {
    std::vector<std::string> c;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) c.push_back(cell);
    REQUIRE(c.size() >= 14);
    const bool ap = c[2] == "authority";
    (ap ? clear_ap : clear_pa) += c[13] == "clearly_weak";
    (ap ? border_ap : border_pa) += c[12] == "borderline";
  }
  REQUIRE(shell("pdftotext -f 2 -l 2 -enc UTF-8 " + out + "/report.pdf " + out + "/p2.txt") == 0);
  std::string text = slurp(out + "/p2.txt");
  for (char& ch : text)
    if (ch == '\n') ch = ' ';
  CHECK(text.find("Best placed to carry the ball between them (black ring on the coordination map):") !=
        std::string::npos);
  CHECK(std::regex_search(text, std::regex("ties: " + std::to_string(clear_ap) + " clearly weak, " +
                                           std::to_string(border_ap) + " borderline")));
  CHECK(std::regex_search(text, std::regex("ties: " + std::to_string(clear_pa) + " clearly weak, " +
                                           std::to_string(border_pa) + " borderline")));
  // The decision page's sentences say what summary.json's findings say.
  const std::string summary = slurp(out + "/summary.json");
  auto value = [&](const std::string& name) {
    std::smatch m;
    REQUIRE(std::regex_search(summary, m, std::regex("\"" + name + "\": ([0-9]+)\\.0+")));
    return std::string(m[1]);
  };
  CHECK(text.find("Of the " + value("shown") + " shown ties between authority and provider, " + value("clearly_weak") +
                  " are clearly weak and " + value("borderline") + " borderline; " + value("pairs") +
                  " pairs have not enough answers.") != std::string::npos);
  CHECK(std::to_string(clear_ap + clear_pa) == value("clearly_weak"));
  CHECK(text.find(" of " + value("gap_pairs") + " weak or borderline pairs") != std::string::npos);
}

TEST_CASE("report.html data: map.png's weak-tie classes and ringed bridges on the shipped sample", "[render][html]") {
  Diagnostics d;
  const Survey s = test::load("samples/units.csv", "samples/responses.csv", d);
  const Aggregate a = aggregate(s, AggregateOptions{});
  const MetricsOptions mo;
  const MetricsResult m = compute_metrics(s, a, mo);
  const Findings f = compute_findings(s, a, m, mo);
  const FigureOptions o = options();
  const auto layout = compute_layout(s, a, o.layout, o.side_a, o.side_b, 1);
  const std::string dir = tmpdir("html");
  render_map(s, a, layout, o, Format::svg, dir + "map.svg", &f);
  const std::string svg = slurp(dir + "map.svg");
  const auto [clear, borderline] = graded(svg);
  CHECK(clear == 9);  // the sample: 9 clearly weak, 34 borderline (docs/figures.md)
  CHECK(borderline == 34);
  const HtmlEmphasis h = html_emphasis(html_analysis_block(HtmlAnalysis{&s, &a, &m, &f, layout, nullptr}, o));
  CHECK(h.clear == clear);
  CHECK(h.borderline == borderline);
  CHECK(h.clear + h.borderline + h.unclassed == 210);
  // The ringed units: those map.png rings, the decision page's bridges.
  std::set<std::string> on_map, named;
  for (std::uint32_t u : ringed(svg, map_geometry(s, a, layout, o, false))) on_map.insert(s.units[u].id);
  for (const BridgeFinding& b : f.bridges) named.insert(s.units[b.unit].id);
  CHECK(on_map.size() == 3);
  CHECK(std::set<std::string>(h.ringed.begin(), h.ringed.end()) == on_map);
  CHECK(on_map == named);
  REQUIRE(h.ringed.size() == f.bridges.size());
  for (std::size_t k = 0; k < f.bridges.size(); ++k) CHECK(h.ringed[k] == s.units[f.bridges[k].unit].id);
}

TEST_CASE("report.html data: grading and rings follow map.png on a planted survey, never a unit without shown ratings",
          "[render][html]") {
  const auto f = planted();
  const auto layout = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  // G2 (5) shows no rating of another unit: listed by a (wrong) finding, it is
  // not ringed on the map and not in the data; G1 (4) is in both.
  Findings k;
  k.bridges = {{5, 3, 4.2}, {4, 2, 4.2}};
  k.bridge_gap_pairs = 3;
  const HtmlEmphasis h =
      html_emphasis(html_analysis_block(HtmlAnalysis{&f.survey, &f.agg, nullptr, &k, layout, nullptr}, options()));
  CHECK(h.clear == 1);       // A1->P1, 2.7
  CHECK(h.borderline == 2);  // P2->A2, 3.45; P1->A1, 3.0 with its wide interval
  CHECK(h.ringed == std::vector<std::string>{"g1"});
  const std::string dir = tmpdir("html-planted");
  render_map(f.survey, f.agg, layout, options(), Format::svg, dir + "map.svg", &k);
  CHECK(graded(slurp(dir + "map.svg")) == std::pair<int, int>{h.clear, h.borderline});
  CHECK(ringed(slurp(dir + "map.svg"), map_geometry(f.survey, f.agg, layout, options(), false)) ==
        std::set<std::uint32_t>{4});
}
