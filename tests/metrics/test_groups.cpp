// Tie metrics, E-I, coordination gaps, communities and network figures on
// hand-computed cases.
#include <catch2/catch.hpp>

#include <cmath>

#include "support/metrics_fixtures.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/metrics/metrics_algorithms.hpp"

using rcmap::test::has_warning;
using rcmap::test::Net;

namespace {

// Sides A = {0, 1}, P = {2, 3}, S = {4}. Functional ties (RC >= 3.5):
// 0->1 4.0, 1->0 3.5 (at the threshold), 2->3 5.0 (internal);
// 0->2 4.5, 3->4 4.0, 4->0 3.6 (external). Not ties of the graph: 2->0 weak
// (2.0), 1->2 suppressed, 0->0 within-unit.
Net ei_network() {
  Net net({"A", "A", "P", "P", "S"});
  net.tie(0, 1, 4.0).tie(1, 0, 3.5).tie(2, 3, 5.0);
  net.tie(0, 2, 4.5).tie(3, 4, 4.0).tie(4, 0, 3.6);
  net.tie(2, 0, 2.0).tie(1, 2, 4.9, 3).tie(0, 0, 4.8);
  return net;
}

}  // namespace

TEST_CASE("E-I index counts functional ties once per direction, globally and per side", "[metrics]") {
  Net net = ei_network();
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  const auto& g = r.network.ei;
  CHECK(g.internal == 3);
  CHECK(g.external == 3);
  CHECK(g.ei == 0.0);
  CHECK(g.internal_rc == Approx(12.5));
  CHECK(g.external_rc == Approx(12.1));
  CHECK(g.ei_weighted == Approx(-0.4 / 24.6));
  REQUIRE(r.network.ei_sides.size() == 3);
  const auto& a = r.network.ei_sides[0];
  const auto& p = r.network.ei_sides[1];
  const auto& s = r.network.ei_sides[2];
  CHECK(a.side == "A");
  CHECK(a.internal == 2);
  CHECK(a.external == 2);  // 0->2 out, 4->0 in
  CHECK(a.ei == 0.0);
  CHECK(a.ei_weighted == Approx(0.6 / 15.6));
  CHECK(p.side == "P");
  CHECK(p.ei == Approx(1.0 / 3));
  CHECK(p.ei_weighted == Approx(3.5 / 13.5));
  CHECK(s.side == "S");
  CHECK(s.internal == 0);
  CHECK(s.ei == 1.0);
  CHECK(s.ei_weighted == 1.0);
}

TEST_CASE("network figures of the functional-tie graph are computed by hand", "[metrics]") {
  Net net = ei_network();
  net.agg.overall_rc = 3.9;
  net.agg.overall_n = 40;
  net.agg.sides.push_back({"A", "P", 20, 2, 3.7});
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  const auto& n = r.network;
  CHECK(n.units == 5);
  CHECK(n.ties == 7);  // measured between-unit ties incl. the weak one
  CHECK(n.functional_ties == 6);
  CHECK(n.functional_from == 3.5);
  CHECK(n.density == Approx(6.0 / 20));
  CHECK(n.reciprocity == Approx(2.0 / 6));  // only 0<->1 is mutual
  // Newman's r: e_AA = 2/6, e_PP = 1/6; a = (3, 2, 1)/6 out, b = (3, 2, 1)/6 in:
  // (18/36 - 14/36) / (1 - 14/36) = 4/22
  CHECK(n.assortativity_side == Approx(4.0 / 22));
  CHECK(n.overall_rc == 3.9);
  CHECK(n.overall_n == 40);
  REQUIRE(n.side_pairs.size() == 1);
  CHECK(n.side_pairs[0].rc == 3.7);
  CHECK(n.side_pairs[0].n == 20);
}

TEST_CASE("tie asymmetry and reverse RC use only measured, non-suppressed ties", "[metrics]") {
  Net net = ei_network();
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  const auto tie = [&](std::uint32_t a, std::uint32_t b) {
    return r.ties[static_cast<std::size_t>(net.agg.find(a, b))];
  };
  CHECK(tie(0, 1).reverse_rc == 3.5);
  CHECK(tie(0, 1).asymmetry == Approx(0.5));
  CHECK(tie(1, 0).asymmetry == Approx(-0.5));
  CHECK(tie(0, 2).asymmetry == Approx(2.5));
  CHECK(tie(2, 0).asymmetry == Approx(-2.5));
  CHECK(std::isnan(tie(2, 3).reverse_rc));  // 3->2 not measured
  CHECK(std::isnan(tie(2, 3).asymmetry));
  // suppressed and within-unit ties: nothing
  for (auto [a, b] : {std::pair{1u, 2u}, std::pair{0u, 0u}}) {
    const auto t = tie(a, b);
    CHECK(std::isnan(t.reverse_rc));
    CHECK(std::isnan(t.asymmetry));
    CHECK(std::isnan(t.edge_betweenness));
    CHECK(std::isnan(t.overlap));
    CHECK(t.bridge == -1);
  }
}

TEST_CASE("neighbourhood overlap and bridges of the undirected functional-tie graph", "[metrics]") {
  // Functional both ways: 0-1, 0-2, 1-2, 1-3, 2-3, 3-4; weak 0->4 (not an edge).
  Net net({"x", "x", "x", "x", "x"});
  net.both(0, 1, 4).both(0, 2, 4).both(1, 2, 4).both(1, 3, 4).both(2, 3, 4).both(3, 4, 4);
  net.tie(0, 4, 2.0);
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  const auto tie = [&](std::uint32_t a, std::uint32_t b) {
    return r.ties[static_cast<std::size_t>(net.agg.find(a, b))];
  };
  // Onnela: O_ij = n_ij / ((k_i - 1) + (k_j - 1) - n_ij)
  CHECK(tie(0, 1).overlap == Approx(1.0 / 2));  // k 2, 3; common {2}
  CHECK(tie(1, 0).overlap == Approx(1.0 / 2));
  CHECK(tie(1, 2).overlap == Approx(1.0));      // k 3, 3; common {0, 3}
  CHECK(tie(1, 3).overlap == Approx(1.0 / 3));  // k 3, 3; common {2}: 1/(2+2-1)
  CHECK(tie(3, 4).overlap == 0.0);              // 4 has no other contact
  CHECK(tie(0, 4).overlap == 0.0);              // weak tie: N(0)={1,2}, N(4)={3}, none shared
  CHECK(tie(3, 4).bridge == 1);
  CHECK(tie(4, 3).bridge == 1);
  CHECK(tie(0, 1).bridge == 0);
  CHECK(tie(0, 4).bridge == 0);  // not an edge of the functional graph
  CHECK(std::isnan(tie(0, 4).edge_betweenness));

  // Onnela's formula is undefined when the endpoints have no other contact.
  Net pair({"x", "x"});
  pair.tie(0, 1, 4.0);
  const auto p = rcmap::compute_metrics(pair.survey, pair.agg, {});
  CHECK(std::isnan(p.ties[0].overlap));
  CHECK(p.ties[0].bridge == 1);
  CHECK(has_warning(p.warnings, "overlap undefined for 1 tie whose units"));
  const auto o = rcmap::metrics::neighbourhood_overlap(3, {{0, 1}}, {{0, 1}, {1, 2}});
  CHECK(std::isnan(o[0]));
  CHECK(o[1] == 0.0);  // non-edge 1-2: N(1) \ {2} = {0}
}

TEST_CASE("coordination gaps are classified in order and ranked by severity", "[metrics]") {
  // authority {0, 1}, provider {2, 3}, school {4}
  Net net({"authority", "authority", "provider", "provider", "school"});
  net.tie(0, 2, 4.0).tie(2, 0, 3.0);  // 0->2 one-sided (|1.0|), 2->0 weak
  net.tie(0, 3, 4.2).tie(3, 0, 4.0);  // ok both ways (|0.2| < 0.5)
  net.tie(1, 2, 4.4, 2);              // suppressed: unmeasured
  net.tie(2, 1, 2.0);                 // weak
  net.tie(3, 1, 4.9);                 // 1->3 never rated: unmeasured; 3->1 ok
  net.tie(0, 4, 1.0).tie(4, 0, 5.0);  // school: not a gap side
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  REQUIRE(r.gaps.size() == 8);
  struct Row {
    std::uint32_t s, t;
    const char* kind;
    double severity;
  };
  // severity: weak 1 + (3.5 - rc)/2.5; one-sided |asym|/4; ok 0; unmeasured none (NaN), ranked last.
  // No intervals here (a hand-built aggregate): weak ties are group "weak", the others "functional".
  const Row expected[] = {
      {2, 1, "weak", 1.6}, {2, 0, "weak", 1.2}, {0, 2, "one-sided", 0.25},         {0, 3, "ok", 0.0},
      {3, 0, "ok", 0.0},   {3, 1, "ok", 0.0},   {1, 2, "unmeasured", rcmap::kNaN}, {1, 3, "unmeasured", rcmap::kNaN}};
  for (std::size_t i = 0; i < 8; ++i) {
    INFO("rank " << i);
    CHECK(r.gaps[i].source == expected[i].s);
    CHECK(r.gaps[i].target == expected[i].t);
    CHECK(r.gaps[i].kind == expected[i].kind);
    if (i < 6)
      CHECK(r.gaps[i].severity == Approx(expected[i].severity));
    else
      CHECK(std::isnan(r.gaps[i].severity));
    CHECK(r.gaps[i].group == (i < 2 ? "weak" : i < 6 ? "functional" : "not_enough_answers"));
  }
  // a suppressed tie discloses neither n nor RC
  CHECK(r.gaps[6].n == 0);
  CHECK(std::isnan(r.gaps[6].rc));
  CHECK(r.gaps[6].reverse_rc == 2.0);
  CHECK(r.gaps[2].n == 10);
  CHECK(r.gaps[2].asymmetry == Approx(1.0));
  CHECK(r.gaps[2].source_side == "authority");
  CHECK(r.gaps[2].target_side == "provider");
  CHECK(std::isnan(r.gaps[5].asymmetry));  // 3->1 without reverse: not one-sided

  SECTION("the asymmetry threshold is an option") {
    rcmap::MetricsOptions opt;
    opt.asymmetry = 1.5;
    const auto q = rcmap::compute_metrics(net.survey, net.agg, opt);
    CHECK(q.gaps[2].kind == "ok");
  }
  SECTION("any two sides can be compared; a missing side warns") {
    rcmap::MetricsOptions opt;
    opt.gap_side_a = "school";
    opt.gap_side_b = "authority";
    const auto q = rcmap::compute_metrics(net.survey, net.agg, opt);
    REQUIRE(q.gaps.size() == 4);
    // 0->4 weak at the scale minimum: 1 + 2.5/2.5 = 2; 4->0 (5.0 vs 1.0)
    // one-sided with the largest asymmetry: 4/4 = 1; 1<->4 never rated: last
    CHECK(q.gaps[0].source == 0);
    CHECK(q.gaps[0].target == 4);
    CHECK(q.gaps[0].severity == Approx(2.0));
    CHECK(q.gaps[1].kind == "one-sided");
    CHECK(q.gaps[1].severity == Approx(1.0));
    CHECK(q.gaps[1].source_side == "school");
    CHECK(q.gaps[2].source == 1);
    CHECK(q.gaps[3].source == 4);
    CHECK(q.gaps[3].kind == "unmeasured");
    opt.gap_side_b = "police";
    const auto m = rcmap::compute_metrics(net.survey, net.agg, opt);
    CHECK(m.gaps.empty());
    CHECK(has_warning(m.warnings, "gap side 'police' has no unit"));
  }
}

TEST_CASE("gap severity is monotone within a kind and kinds never overlap", "[metrics]") {
  using rcmap::metrics::gap_severity;
  CHECK(gap_severity("weak", 2.0, 0, 3.5) > gap_severity("weak", 3.4, 0, 3.5));
  CHECK(gap_severity("weak", 3.49, 0, 3.5) > gap_severity("one-sided", 4.0, 4.0, 3.5));
  CHECK(gap_severity("one-sided", 4, 1.5, 3.5) > gap_severity("one-sided", 4, -0.6, 3.5));
  CHECK(std::isnan(gap_severity("unmeasured", rcmap::kNaN, rcmap::kNaN, 3.5)));  // no severity: ranked last
  CHECK(gap_severity("ok", 4.0, 0.1, 3.5) == 0.0);
}

TEST_CASE("Louvain finds two coordination clusters that follow the sides", "[metrics]") {
  // Two functional cliques {0..3} and {4..7} (RC 4.5 both ways), joined by
  // 3->4 (4.0, functional) and 4->3 (3.0, weak): undirected weight 3.5.
  Net net({"a", "a", "a", "a", "p", "p", "p", "p"});
  for (std::uint32_t base : {0u, 4u})
    for (std::uint32_t i = 0; i < 4; ++i)
      for (std::uint32_t j = i + 1; j < 4; ++j) net.both(base + i, base + j, 4.5);
  net.tie(3, 4, 4.0).tie(4, 3, 3.0);
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  CHECK(r.network.communities == 2);
  for (int v = 0; v < 8; ++v) CHECK(r.units[v].community == (v < 4 ? 0 : 1));
  // Q = sum_c L_c/m - (d_c/2m)^2, m = 12*4.5 + 3.5 = 57.5, L_c = 27, d_c = 57.5
  CHECK(r.network.modularity == Approx(54 / 57.5 - 0.5));
  CHECK(r.network.nmi == Approx(1.0));
  CHECK(r.network.adjusted_rand == Approx(1.0));

  SECTION("sides that cut across the clusters agree less") {
    Net mixed({"a", "p", "a", "p", "a", "p", "a", "p"});
    mixed.agg = net.agg;
    const auto m = rcmap::compute_metrics(mixed.survey, mixed.agg, {});
    CHECK(m.network.nmi == Approx(0.0).margin(1e-12));
    // ARI (Hubert & Arabie 1985) of {0000 1111} vs {0101 0101}: every cell
    // holds 2, index = 4 C(2,2) = 4; rows and columns sum C(4,2) twice = 12;
    // expected 12*12/C(8,2) = 144/28; max (12+12)/2 = 12:
    // (4 - 144/28) / (12 - 144/28) = -1/6
    CHECK(m.network.adjusted_rand == Approx(-1.0 / 6));
  }
  SECTION("the same seed gives the same partition") {
    rcmap::MetricsOptions opt;
    opt.seed = 12345;
    const auto a = rcmap::compute_metrics(net.survey, net.agg, opt);
    const auto b = rcmap::compute_metrics(net.survey, net.agg, opt);
    for (int v = 0; v < 8; ++v) CHECK(a.units[v].community == b.units[v].community);
    CHECK(a.network.modularity == b.network.modularity);
  }
}
