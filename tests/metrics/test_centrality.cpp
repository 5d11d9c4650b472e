// Centralities of compute_metrics() against published values and NetworkX.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "support/metrics_fixtures.hpp"
#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/metrics/metrics.hpp"

using Catch::Matchers::WithinAbs;
using rcmap::test::Net;

namespace {

// A survey whose between-unit ties are the edges of igraph's famous graph
// `name`, in both directions, all with RC `rc`.
Net famous(const char* name, double rc) {
  igraph_t raw;
  REQUIRE(igraph_famous(&raw, name) == IGRAPH_SUCCESS);
  rcmap::ig::Graph g = rcmap::ig::Graph::adopt(raw);
  Net net(std::vector<std::string>(g.vcount(), "staff"));
  for (const auto& [a, b] : g.edges()) net.both(a, b, rc);
  return net;
}

}  // namespace

// Krackhardt (1990) kite; published undirected betweenness and closeness
// (Wasserman & Faust 1994; NetworkX agrees, see below). igraph vertex order:
// 0 Andre, 1 Beverly, 2 Carol, 3 Diane, 4 Ed, 5 Fernando, 6 Garth,
// 7 Heather, 8 Ike, 9 Jane. Reference (NetworkX 3.6.1, hop distances):
//   nx.betweenness_centrality(kite, normalized=False)
//     -> [0.833333, 0.833333, 0, 3.666667, 0, 8.333333, 8.333333, 14, 8, 0]
//   nx.closeness_centrality(kite)
//     -> [0.529412, 0.529412, 0.5, 0.6, 0.5, 0.642857, 0.642857, 0.6, 0.428571, 0.310345]
//   nx.harmonic_centrality(kite)  (sum over the 9 others)
//     -> [6.083333, 6.083333, 5.583333, 7.083333, 5.583333, 6.833333, 6.833333, 6, 4.666667, 3.416667]
TEST_CASE("betweenness and closeness reproduce Krackhardt's kite", "[metrics]") {
  Net net = famous("Krackhardt_Kite", 4.0);  // every tie RC 4: inverse distance 1/4
  const double btw[] = {5.0 / 6, 5.0 / 6, 0, 11.0 / 3, 0, 25.0 / 3, 25.0 / 3, 14, 8, 0};
  const double clo[] = {9.0 / 17, 9.0 / 17, 0.5, 0.6, 0.5, 9.0 / 14, 9.0 / 14, 0.6, 9.0 / 21, 9.0 / 29};
  const double harm[] = {6.083333333, 6.083333333, 5.583333333, 7.083333333, 5.583333333,
                         6.833333333, 6.833333333, 6.0,         4.666666667, 3.416666667};

  SECTION("inverse distance: directed betweenness is twice the undirected count") {
    const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
    for (int v = 0; v < 10; ++v) {
      INFO("vertex " << v);
      CHECK_THAT(r.units[v].betweenness, WithinAbs(2 * btw[v], 1e-9));
      // distances are hops / 4, so normalised closeness is 4 x the hop value
      CHECK_THAT(r.units[v].closeness_in, WithinAbs(4 * clo[v], 1e-9));
      CHECK_THAT(r.units[v].closeness_out, WithinAbs(4 * clo[v], 1e-9));
      CHECK_THAT(r.units[v].harmonic, WithinAbs(4 * harm[v] / 9, 1e-8));
    }
  }
  SECTION("complement distance 6 - RC = 2 halves the hop closeness") {
    rcmap::MetricsOptions opt;
    opt.distance = rcmap::DistanceTransform::complement;
    const auto r = rcmap::compute_metrics(net.survey, net.agg, opt);
    CHECK(r.network.distance == rcmap::DistanceTransform::complement);
    for (int v = 0; v < 10; ++v) {
      CHECK_THAT(r.units[v].betweenness, WithinAbs(2 * btw[v], 1e-9));
      CHECK_THAT(r.units[v].closeness_in, WithinAbs(clo[v] / 2, 1e-9));
    }
  }
}

// Zachary's karate club (igraph_famous "Zachary"; same edge set as
// nx.karate_club_graph(), checked). Reference: NetworkX 3.6.1 on the
// unweighted undirected graph (tests/data/metrics_reference/kite_karate.py):
//   b  = nx.betweenness_centrality(K, normalized=False)
//   pr = _pagerank_python(K, alpha=0.85, weight=None, tol=1e-12)
//   c  = nx.constraint(K);  es = nx.effective_size(K)
// With equal RC in both directions, the directed betweenness is 2 b, and
// PageRank, constraint and effective size equal the undirected values.
TEST_CASE("centralities of Zachary's karate club match NetworkX", "[metrics]") {
  const double b[] = {231.071429, 28.478571, 75.850794, 6.288095, 0.333333,  15.833333, 15.833333, 0.0,      29.529365,
                      0.447619,   0.333333,  0.0,       0.0,      24.215873, 0.0,       0.0,       0.0,      0.0,
                      0.0,        17.146825, 0.0,       0.0,      0.0,       9.3,       1.166667,  2.027778, 0.0,
                      11.792063,  0.947619,  1.542857,  7.609524, 73.009524, 76.690476, 160.551587};
  const double pr[] = {0.09699729, 0.05287692, 0.05707851, 0.03585986, 0.02197795, 0.02911115, 0.02911115,
                       0.0244905,  0.02976606, 0.0143094,  0.02197795, 0.00956475, 0.01464489, 0.02953646,
                       0.01453599, 0.01453599, 0.01678401, 0.01455868, 0.01453599, 0.01960464, 0.01453599,
                       0.01455868, 0.01453599, 0.03152251, 0.02107603, 0.0210062,  0.01504404, 0.02563977,
                       0.01957346, 0.02628854, 0.02459016, 0.03715809, 0.07169323, 0.10091918};
  const double c[] = {0.1554233,  0.27953511, 0.18517664, 0.39665965, 0.52941744, 0.47748481, 0.47748481,
                      0.44271159, 0.30360071, 0.5,        0.52941744, 1.0,        0.62250434, 0.32333542,
                      0.57367959, 0.57367959, 0.78125,    0.59086854, 0.57367959, 0.37371935, 0.57367959,
                      0.59086854, 0.57367959, 0.30582372, 0.45987654, 0.45987654, 0.67090182, 0.2850692,
                      0.38691315, 0.449409,   0.34600646, 0.2445754,  0.24922336, 0.15641869};
  const double es[] = {13.75, 6.33333333, 7.8, 2.66666667, 1.66666667, 2.5,        2.5,        1.0,        3.0,
                       2.0,   1.66666667, 1.0, 1.0,        2.6,        1.0,        1.0,        1.0,        1.0,
                       1.0,   2.33333333, 1.0, 1.0,        1.0,        3.4,        2.33333333, 2.33333333, 1.0,
                       3.5,   2.33333333, 2.0, 2.5,        5.0,        9.83333333, 15.23529412};
  Net net = famous("Zachary", 4.5);
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  REQUIRE(r.units.size() == 34);
  for (int v = 0; v < 34; ++v) {
    INFO("vertex " << v);
    CHECK_THAT(r.units[v].betweenness, WithinAbs(2 * b[v], 1e-5));
    CHECK_THAT(r.units[v].pagerank, WithinAbs(pr[v], 1e-7));
    CHECK_THAT(r.units[v].constraint, WithinAbs(c[v], 1e-7));
    CHECK_THAT(r.units[v].effective_size, WithinAbs(es[v], 1e-7));
    CHECK(r.units[v].in_strength == Approx(r.units[v].out_strength));
  }
  CHECK(r.units[33].in_strength == Approx(17 * 4.5));  // degree 17
}

// Test network "W": 6 units, 3 with suppressed ratings of their own, a
// within-unit tie and weak ties. Reference values from NetworkX 3.6.1
// (tests/data/metrics_reference/network_w.py):
//   ties = [(0,1,4.2),(1,0,3.8),(0,2,2.9),(2,0,4.6),(1,2,4.0),(2,1,3.1),(3,0,4.4),(3,1,3.6),
//           (0,3,2.4),(1,3,4.8),(4,2,3.9),(2,4,4.1),(4,1,2.2),(0,5,4.5),(2,5,3.3),(4,5,4.9)]
//   G = nx.DiGraph(); G.add_nodes_from(range(6)); G.add_weighted_edges_from(ties)
//   F = functional ties (w >= 3.5) with attribute dist = 1/w
//   _pagerank_python(G, alpha=0.85, weight='weight', tol=1e-14)
//   _hits_python(G, tol=1e-14), each scaled to max 1
//   nx.betweenness_centrality(F, weight='dist', normalized=False)
//   nx.closeness_centrality(F, distance='dist', wf_improved=False)            (in)
//   nx.closeness_centrality(F.reverse(), distance='dist', wf_improved=False)  (out)
//   nx.harmonic_centrality(F.reverse(), distance='dist') / 5                  (out)
//   nx.edge_betweenness_centrality(F, normalized=False, weight='dist')
Net network_w() {
  Net net({"authority", "authority", "provider", "provider", "provider", "school"});
  net.tie(0, 1, 4.2).tie(1, 0, 3.8).tie(0, 2, 2.9).tie(2, 0, 4.6).tie(1, 2, 4.0).tie(2, 1, 3.1);
  net.tie(3, 0, 4.4).tie(3, 1, 3.6).tie(0, 3, 2.4).tie(1, 3, 4.8).tie(4, 2, 3.9).tie(2, 4, 4.1);
  net.tie(4, 1, 2.2).tie(0, 5, 4.5).tie(2, 5, 3.3).tie(4, 5, 4.9);
  net.tie(0, 0, 4.9);                       // within-unit: never an edge
  net.tie(5, 0, 1.0, 3).tie(5, 2, 5.0, 2);  // unit 5's own ratings: suppressed
  net.tie(3, 4, 1.0, 4);                    // suppressed
  return net;
}

TEST_CASE("weighted directed centralities match NetworkX on a network with suppressed ties", "[metrics]") {
  Net net = network_w();
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  const double pr[] = {0.2151387955, 0.2055340205, 0.1696555004, 0.1474768783, 0.0887297998, 0.1734650056};
  const double hub[] = {1.0, 0.7247995638, 0.9592487497, 0.5930272865, 0.8385854616, 0.0};
  const double auth[] = {0.8302711988, 0.9472480754, 0.7702758088, 0.4992987517, 0.3340175747, 1.0};
  const double btw[] = {7, 7, 6, 0, 0, 0};
  const double cin[] = {3.3851730637, 2.3763462903, 2.6276318428, 1.7866619242, 1.7845330109, 2.7765554025};
  const double cout[] = {2.3509067328, 2.9398383529, 2.4749857054, 2.2182752213, 1.9482388923};
  const double harm[] = {2.8709810083, 3.3369864644, 2.9353225137, 2.6830659033, 2.6803941833, 0.0};
  for (int v = 0; v < 6; ++v) {
    INFO("unit " << v);
    CHECK_THAT(r.units[v].closeness_in, WithinAbs(cin[v], 1e-9));
    // Unit 5's own ratings are all suppressed: every measure of its outgoing
    // ties is blank (docs/metrics.md "Units without shown ratings"); the
    // other units keep the values of the whole graph.
    if (v == 5) continue;
    CHECK_THAT(r.units[v].pagerank, WithinAbs(pr[v], 1e-8));
    CHECK_THAT(r.units[v].hub, WithinAbs(hub[v], 1e-6));
    CHECK_THAT(r.units[v].authority_score, WithinAbs(auth[v], 1e-6));
    CHECK_THAT(r.units[v].betweenness, WithinAbs(btw[v], 1e-12));
    CHECK_THAT(r.units[v].harmonic, WithinAbs(harm[v], 1e-9));
    CHECK_THAT(r.units[v].closeness_out, WithinAbs(cout[v], 1e-9));
  }
  CHECK(r.units[5].no_shown_ratings);
  for (double x : {r.units[5].pagerank, r.units[5].hub, r.units[5].authority_score, r.units[5].betweenness,
                   r.units[5].harmonic, r.units[5].closeness_out})
    CHECK(std::isnan(x));
  // Unit 5 reaches nobody: NetworkX says 0, rcmap leaves it undefined and warns.
  CHECK(rcmap::test::has_warning(r.warnings, "closeness_out undefined for 1 unit"));
  // strengths over measured between-unit ties only (no within, no suppressed)
  CHECK(r.units[0].out_strength == Approx(4.2 + 2.9 + 2.4 + 4.5));
  CHECK(std::isnan(r.units[5].out_strength));  // blank, never 0
  CHECK(r.units[5].in_strength == Approx(4.5 + 3.3 + 4.9));

  // edge betweenness of functional ties; blank (NaN) for weak ones
  const auto eb = [&](std::uint32_t a, std::uint32_t b) {
    return r.ties[static_cast<std::size_t>(net.agg.find(a, b))].edge_betweenness;
  };
  CHECK(eb(0, 1) == Approx(8));
  CHECK(eb(0, 5) == Approx(4));
  CHECK(eb(1, 0) == Approx(2));
  CHECK(eb(1, 2) == Approx(6));
  CHECK(eb(1, 3) == Approx(4));
  CHECK(eb(2, 0) == Approx(7));
  CHECK(eb(2, 4) == Approx(4));
  CHECK(eb(3, 0) == Approx(2));
  CHECK(eb(3, 1) == Approx(3));
  CHECK(eb(4, 2) == Approx(4));
  CHECK(eb(4, 5) == Approx(1));
  CHECK(std::isnan(eb(0, 2)));  // weak (2.9)
  CHECK(std::isnan(eb(5, 0)));  // suppressed
  CHECK(std::isnan(eb(0, 0)));  // within-unit
}

TEST_CASE("betweenness counts paths equal up to rounding as equal", "[metrics]") {
  SECTION("exact reciprocals: 1/4 + 1/4 = 1/2") {
    Net net({"x", "x", "x"}, /*weak_below=*/1.5);
    net.tie(0, 1, 4).tie(1, 2, 4).tie(0, 2, 2);
    const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
    CHECK(r.units[1].betweenness == Approx(0.5));  // one of two shortest 0->2 paths
  }
  SECTION("3 x 1/3.3 vs 1/1.1 differ in the last bit (0.9090909090909092 vs ...091)") {
    // NetworkX takes the direct tie as the only shortest path (B = C = 1);
    // mathematically both paths have length 10/11, so B and C get 1 + 1/2.
    Net net({"x", "x", "x", "x"}, /*weak_below=*/1.0);
    net.tie(0, 1, 3.3).tie(1, 2, 3.3).tie(2, 3, 3.3).tie(0, 3, 1.1);
    const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
    CHECK(r.units[1].betweenness == Approx(1.5));
    CHECK(r.units[2].betweenness == Approx(1.5));
    CHECK(r.units[0].betweenness == 0.0);
  }
}

TEST_CASE("path metrics ignore weak ties and use the chosen distance", "[metrics]") {
  // 0 -> 1 -> 2 functional, 0 -> 2 weak: the only functional path runs via 1.
  Net net({"a", "a", "a"});
  net.tie(0, 1, 4.0).tie(1, 2, 5.0).tie(0, 2, 2.0);
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  CHECK(r.units[1].betweenness == 1.0);
  // closeness_out(0) = 2 reachable / (1/4 + 1/4 + 1/5)
  CHECK(r.units[0].closeness_out == Approx(2 / (0.25 + 0.45)));
  // harmonic(0) = (1/0.25 + 1/0.45) / 2
  CHECK(r.units[0].harmonic == Approx((4 + 1 / 0.45) / 2));
  rcmap::MetricsOptions opt;
  opt.distance = rcmap::DistanceTransform::neglog;
  const auto n = rcmap::compute_metrics(net.survey, net.agg, opt);
  CHECK(n.units[0].closeness_out == Approx(2 / (-std::log(4.0 / 6) + (-std::log(4.0 / 6) - std::log(5.0 / 6)))));
}

TEST_CASE("Barrat clustering and coreness on the undirected functional-tie graph", "[metrics]") {
  // Triangle 0-1-2 plus pendant 3 on 0. Undirected weights: mean RC of the
  // measured directions: w01 = (4+5)/2 = 4.5, w02 = 4, w12 = 3.8, and
  // w03 = (4+2)/2 = 3 (the weak direction 3->0 still counts in the mean).
  Net net({"a", "a", "a", "a"});
  net.tie(0, 1, 4).tie(1, 0, 5).tie(0, 2, 4).tie(1, 2, 3.8).tie(0, 3, 4).tie(3, 0, 2.0);
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  // Barrat et al. (2004): c_i = 1/(s_i (k_i - 1)) sum_{j,h} (w_ij + w_ih)/2 a_ij a_ih a_jh
  // (ordered pairs j != h). Unit 0: s = 4.5 + 4 + 3 = 11.5, k = 3, only the
  // pair {1,2} is linked: 2 * (4.5 + 4)/2 = 8.5 -> 8.5 / (11.5 * 2) = 17/46.
  CHECK(r.units[0].clustering == Approx(17.0 / 46));
  CHECK(r.units[1].clustering == Approx(1.0));  // both its contacts linked
  CHECK(std::isnan(r.units[3].clustering));     // one contact: undefined
  CHECK(rcmap::test::has_warning(r.warnings, "clustering undefined for 1 unit"));
  CHECK(r.units[0].coreness == 2);
  CHECK(r.units[1].coreness == 2);
  CHECK(r.units[3].coreness == 1);
}
