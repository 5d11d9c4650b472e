// Bridges, certainty, the ranking of gaps and units without shown ratings on
// a planted survey (docs/metrics.md "Bridges", "Certainty", "Coordination
// gaps", "Units without shown ratings").
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "rcmap/metrics/bridges.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/outputs/metrics_tables.hpp"
#include "support/metrics_fixtures.hpp"

using namespace rcmap;

namespace {

// Units: 0 A1, 1 A2 (authority), 2 P1, 3 P2 (provider), 4 G1, 5 G2, 7 X
// (general services), 6 S (authority, its own ratings all suppressed).
//  - authority<->provider ties weak: RC 2.6, 95 % interval [2.3, 2.9]
//    (clearly weak), except A1->P1: 3.4 [3.1, 3.7] (borderline);
//  - G1 <-> every A and P unit: 4.5 [4.2, 4.8] both ways;
//  - G2 <-> every A and P unit: 3.8 [3.6, 4.0] both ways (moderate, interval
//    reaching strong: borderline);
//  - X rates everyone 4.9, everyone rates X 3.0 (not functional: no bridge);
//  - S is rated 4.6 by every other unit; its ratings (n = 3) are suppressed.
//  - within sides: A1<->A2, P1<->P2 4.0; G1<->G2 4.0.
struct Planted {
  test::Net net{{"authority", "authority", "provider", "provider", "general", "general", "authority", "general"}};
  Planted() {
    auto ci = [&](std::uint32_t a, std::uint32_t b, double lo, double hi) {
      Tie& t = net.agg.ties[static_cast<std::size_t>(net.agg.find(a, b))];
      t.ci_low = lo, t.ci_high = hi;
    };
    for (std::uint32_t a : {0u, 1u})
      for (std::uint32_t p : {2u, 3u}) {
        const double rc = a == 0 && p == 2 ? 3.4 : 2.6;
        net.tie(a, p, rc);
        ci(a, p, rc - 0.3, rc + 0.3);
        net.tie(p, a, 2.6);
        ci(p, a, 2.3, 2.9);
      }
    for (std::uint32_t u : {0u, 1u, 2u, 3u}) {
      net.both(4, u, 4.5);
      ci(4, u, 4.2, 4.8), ci(u, 4, 4.2, 4.8);
      net.both(5, u, 3.8);
      ci(5, u, 3.6, 4.0), ci(u, 5, 3.6, 4.0);
    }
    for (std::uint32_t u = 0; u < 8; ++u) {
      if (u == 7 || u == 6) continue;
      net.tie(7, u, 4.9).tie(u, 7, 3.0);
    }
    for (std::uint32_t u = 0; u < 8; ++u)
      if (u != 6) net.tie(u, 6, 4.6).tie(6, u, 0, 3);  // 6 -> u suppressed (n 3 < min_n 5)
    net.both(0, 1, 4.0).both(2, 3, 4.0).both(4, 5, 4.0);
    summarise_ties(net.survey, net.agg);
  }
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ',')
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

std::string csv(const Table& t) {
  std::ostringstream os;
  write_table(os, t, CsvDialect{});
  return os.str();
}

}  // namespace

TEST_CASE("certainty: the 95 % interval against the thresholds of the tie's class", "[metrics][certainty]") {
  const AggregateOptions o;  // weak below 3.5, strong from 4.0
  CHECK(strength_certainty(2.6, 2.3, 2.9, o) == Certainty::clear);
  CHECK(strength_certainty(3.4, 3.1, 3.7, o) == Certainty::borderline);
  CHECK(strength_certainty(3.4, 3.1, 3.5, o) == Certainty::borderline);  // touches 3.5: reaches moderate
  CHECK(strength_certainty(3.4, 3.1, 3.4999, o) == Certainty::clear);
  CHECK(strength_certainty(3.8, 3.6, 3.9, o) == Certainty::clear);       // moderate within [3.5, 4)
  CHECK(strength_certainty(3.8, 3.6, 4.0, o) == Certainty::borderline);  // reaches strong
  CHECK(strength_certainty(3.8, 3.4, 3.9, o) == Certainty::borderline);  // reaches weak
  CHECK(strength_certainty(4.5, 4.0, 4.8, o) == Certainty::clear);
  CHECK(strength_certainty(4.5, 3.99, 4.8, o) == Certainty::borderline);
  CHECK(strength_certainty(4.5, 4.5, 4.5, o) == Certainty::clear);      // SD 0
  CHECK(strength_certainty(4.5, kNaN, kNaN, o) == Certainty::unknown);  // tie table: no interval
  CHECK(threshold_certainty(3.6, 3.9, 3.5) == Certainty::clear);
  CHECK(threshold_certainty(3.4, 3.9, 3.5) == Certainty::borderline);
  CHECK(threshold_certainty(kNaN, 3.9, 3.5) == Certainty::unknown);
  CHECK(std::string(certainty_name(Certainty::borderline)) == "borderline");
}

TEST_CASE("printed RC never contradicts its class: more decimals near thresholds", "[metrics][certainty]") {
  const AggregateOptions o;
  CHECK(rc_decimals(3.458, 1, o) == 2);   // "3.5" would read moderate: "3.46"
  CHECK(rc_decimals(3.42, 1, o) == 1);    // "3.4"
  CHECK(rc_decimals(3.4996, 2, o) == 4);  // "3.50", "3.500" read moderate: "3.4996"
  CHECK(rc_decimals(3.97, 1, o) == 2);    // "4.0" would read strong
  CHECK(rc_decimals(4.0, 1, o) == 1);
  CHECK(rc_decimals(3.5, 1, o) == 1);  // 3.5 is moderate, and reads so
  CHECK(rc_decimals(kNaN, 2, o) == 2);
}

TEST_CASE("bridges: the unit with strong ties both ways to both sides is the top bridge of every weak pair",
          "[metrics][bridges]") {
  Planted p;
  const MetricsResult m = compute_metrics(p.net.survey, p.net.agg, MetricsOptions{});
  // Weak or borderline authority<->provider pairs: all 8 directions of A1,A2 x P1,P2.
  int pairs = 0;
  for (const Gap& g : m.gaps) pairs += g.group == "clearly_weak" || g.group == "borderline";
  CHECK(pairs == 8);
  // Each such pair: G1 (weakest of its four ties 4.5) first, G2 (3.8) second;
  // never X (rated 3.0) or S (no shown ratings).
  REQUIRE(m.bridges.size() == 16);
  for (std::size_t i = 0; i < m.bridges.size(); i += 2) {
    const Bridge& a = m.bridges[i];
    const Bridge& b = m.bridges[i + 1];
    CHECK(a.source == b.source);
    CHECK(a.target == b.target);
    CHECK(a.bridge == 4);
    CHECK(a.rank == 1);
    CHECK(a.weakest() == 4.5);
    CHECK(b.bridge == 5);
    CHECK(b.rank == 2);
    CHECK(b.weakest() == 3.8);
    CHECK(a.n == std::array<int, 4>{10, 10, 10, 10});
  }
  // In the order of gaps.csv: the clearly weak pairs first, the borderline A1->P1 last.
  CHECK(m.bridges.back().source == 0);
  CHECK(m.bridges.back().target == 2);
  CHECK(m.units[4].bridge_pairs == 8);
  CHECK(m.units[5].bridge_pairs == 8);
  CHECK(m.units[7].bridge_pairs == 0);
  CHECK(m.units[0].bridge_pairs == 0);
  CHECK(m.units[6].bridge_pairs == -1);  // no shown ratings: blank, not 0
  // bridges.csv: the pair, the bridge, its rank, the four shown ties with n.
  const std::string b = csv(bridges_table(p.net.survey, m));
  CHECK(b.substr(0, b.find('\n')) ==
        "source,target,bridge,rank,source_to_bridge_rc,source_to_bridge_n,bridge_to_source_rc,bridge_to_source_n,"
        "target_to_bridge_rc,target_to_bridge_n,bridge_to_target_rc,bridge_to_target_n");
  CHECK(b.find("\nU0,U2,U4,1,4.500000,10,4.500000,10,4.500000,10,4.500000,10\n") != std::string::npos);
  // The findings name G1 and G2, each bridging all 8 pairs, G1 first.
  const Findings f = compute_findings(p.net.survey, p.net.agg, m, MetricsOptions{});
  REQUIRE(f.bridges.size() == 2);
  CHECK(f.bridges[0].unit == 4);
  CHECK(f.bridges[0].pairs == 8);
  CHECK(f.bridges[0].weakest == 4.5);
  CHECK(f.bridges[1].unit == 5);
  CHECK(f.bridge_gap_pairs == 8);
  CHECK(f.bridged_pairs == 8);
}

TEST_CASE("bridges honour --gap-sides", "[metrics][bridges]") {
  Planted p;
  MetricsOptions opt;
  opt.gap_side_a = "general";
  opt.gap_side_b = "provider";  // general<->provider: only X's ties (3.0 into X) are weak
  const MetricsResult m = compute_metrics(p.net.survey, p.net.agg, opt);
  for (const Bridge& b : m.bridges) {
    CHECK(p.net.survey.units[b.source].side != "authority");
    CHECK(p.net.survey.units[b.target].side != "authority");
  }
  // P1->X and P2->X (3.0) are weak; bridges between P and X need functional
  // ties both ways with X: nobody rates X functional, so none.
  CHECK(m.bridges.empty());
  CHECK(m.units[4].bridge_pairs == 0);
}

TEST_CASE("a unit whose own ratings are all suppressed has blank out-dependent metrics and is ranked nowhere",
          "[metrics][findings]") {
  Planted p;
  const MetricsResult m = compute_metrics(p.net.survey, p.net.agg, MetricsOptions{});
  const UnitMetrics& s = m.units[6];
  CHECK(s.no_shown_ratings);
  for (double v : {s.out_strength, s.betweenness, s.closeness_out, s.harmonic, s.pagerank, s.hub, s.authority_score,
                   s.constraint, s.effective_size, s.broker_coordinator, s.broker_liaison})
    CHECK(std::isnan(v));
  CHECK(s.in_strength == Approx(7 * 4.6));  // what others gave it stays
  CHECK_FALSE(m.units[0].no_shown_ratings);
  CHECK(std::isfinite(m.units[0].pagerank));
  // units.csv: empty cells (not 0) and the reason.
  Table t = units_table(p.net.survey, p.net.agg);
  append_unit_metrics(t, m);
  std::istringstream rows(csv(t));
  std::string line;
  std::getline(rows, line);
  const std::vector<std::string> head = split(line);
  CHECK(line.substr(line.size() - 35) == "community,bridge_pairs,blank_reason");
  for (int i = 0; i <= 6; ++i) std::getline(rows, line);
  const std::vector<std::string> row = split(line);
  REQUIRE(row.size() == head.size());
  CHECK(row[0] == "U6");
  for (std::size_t c = 0; c < head.size(); ++c)
    if (head[c] == "out_strength" || head[c] == "betweenness" || head[c] == "closeness_out" || head[c] == "harmonic" ||
        head[c] == "pagerank" || head[c] == "hub" || head[c] == "authority_score" || head[c] == "constraint" ||
        head[c] == "effective_size" || head[c].rfind("broker_", 0) == 0 || head[c] == "bridge_pairs") {
      INFO(head[c]);
      CHECK(row[c].empty());
    }
  CHECK(row.back() == "no_shown_ratings");
  // Never ranked: not among the central units, never a bridge.
  const Findings f = compute_findings(p.net.survey, p.net.agg, m, MetricsOptions{});
  for (const CentralFinding& c : f.central) CHECK(c.unit != 6);
  for (const BridgeFinding& b : f.bridges) CHECK(b.unit != 6);
  for (const Bridge& b : m.bridges) CHECK(b.bridge != 6);
}

TEST_CASE("gaps: clearly weak, then borderline, then functional, not enough answers last, with no severity",
          "[metrics][gaps]") {
  Planted p;
  const MetricsResult m = compute_metrics(p.net.survey, p.net.agg, MetricsOptions{});
  // S (authority) -> P1, P2 are suppressed: not enough answers.
  REQUIRE(m.gaps.size() == 2 * 3 * 2);
  const char* order[] = {"clearly_weak", "borderline", "functional", "not_enough_answers"};
  std::size_t at = 0;
  for (const Gap& g : m.gaps) {
    while (at < 4 && g.group != order[at]) ++at;
    REQUIRE(at < 4);  // groups appear in this order only
  }
  CHECK(m.gaps[0].group == "clearly_weak");
  CHECK(m.gaps[0].certainty == Certainty::clear);
  CHECK(m.gaps[7].source == 0);
  CHECK(m.gaps[7].target == 2);
  CHECK(m.gaps[7].group == "borderline");
  CHECK(m.gaps[7].ci_high == Approx(3.7));
  for (std::size_t i = 10; i < 12; ++i) {
    CHECK(m.gaps[i].group == "not_enough_answers");
    CHECK(m.gaps[i].kind == "unmeasured");
    CHECK(m.gaps[i].source == 6);
    CHECK(std::isnan(m.gaps[i].severity));
  }
  const std::string g = csv(gaps_table(p.net.survey, m));
  CHECK(g.find("U6,U2,authority,provider,,,4.600000,,unmeasured,,,,,not_enough_answers\n") != std::string::npos);
  CHECK(g.find("U0,U2,authority,provider,3.400000,10,2.600000,0.800000,weak,1.040000,3.100000,3.700000,borderline,"
               "borderline\n") != std::string::npos);
}
