// Burt's constraint and effective size against Borgatti (1997), NetworkX's
// test suite values and NetworkX 3.6.1 on a weighted directed graph.
#include <catch2/catch.hpp>

#include <cmath>

#include "support/metrics_fixtures.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/metrics/metrics_algorithms.hpp"

using rcmap::metrics::WeightedArc;
using rcmap::test::Net;

namespace {

// Undirected edge list as arcs in both directions with weight w.
std::vector<WeightedArc> undirected(const std::vector<std::pair<int, int>>& e, double w = 1) {
  std::vector<WeightedArc> arcs;
  for (auto [a, b] : e) {
    arcs.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), w});
    arcs.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(a), w});
  }
  return arcs;
}

}  // namespace

// Borgatti (1997), "Structural holes: unpacking Burt's redundancy measures",
// Connections 20(1):35-38: ego G with alters A..F; ties among alters A-B,
// A-E, A-F, B-D (t = 4, n = 6): effective size 6 - 2*4/6 = 4.67. For A
// (alters B, E, F, G; ties B-G, E-G, F-G): 4 - 6/4 = 2.5; for C: 1.
// (The same example and values are in NetworkX's test suite.)
TEST_CASE("effective size reproduces Borgatti's 1997 worked example", "[metrics]") {
  enum { A, B, C, D, E, F, G };
  const auto arcs = undirected({{A, B}, {A, F}, {A, G}, {A, E}, {E, G}, {F, G}, {B, G}, {B, D}, {D, G}, {G, C}});
  std::vector<std::string> warnings;
  const auto es = rcmap::metrics::effective_size(7, arcs, warnings);
  CHECK(es[G] == Approx(6 - 8.0 / 6));
  CHECK(es[A] == Approx(2.5));
  CHECK(es[C] == Approx(1.0));
  const auto c = rcmap::metrics::constraint(7, arcs, warnings);
  // NetworkX test suite (values from UCINET, checked by hand): G 0.400, A 0.595, C 1
  CHECK(c[G] == Approx(0.400).margin(5e-4));
  CHECK(c[A] == Approx(0.595).margin(5e-4));
  CHECK(c[C] == Approx(1.0));
  CHECK(warnings.empty());
}

// NetworkX test suite, weighted directed case (values from UCINET and
// igraph, checked by hand): arcs 0->1 (2), 0->2 (2), 1->0 (1), 2->1 (1).
TEST_CASE("weighted directed constraint and effective size match the NetworkX test suite", "[metrics]") {
  const std::vector<WeightedArc> arcs = {{0, 1, 2}, {0, 2, 2}, {1, 0, 1}, {2, 1, 1}};
  std::vector<std::string> warnings;
  const auto c = rcmap::metrics::constraint(3, arcs, warnings);
  const auto es = rcmap::metrics::effective_size(3, arcs, warnings);
  CHECK(c[0] == Approx(0.840).margin(5e-4));
  CHECK(c[1] == Approx(1.143).margin(5e-4));
  CHECK(c[2] == Approx(1.378).margin(5e-4));
  CHECK(es[0] == Approx(1.567).margin(5e-4));
  CHECK(es[1] == Approx(1.083).margin(5e-4));
  CHECK(es[2] == Approx(1.0).margin(5e-4));
}

// Network "W" of test_centrality.cpp (same ties). NetworkX 3.6.1:
//   nx.constraint(G, weight='weight')
//     -> {0: 0.5953254216703844, 1: 0.6498897838835103, 2: 0.5628072868306766,
//         3: 0.8544839935452875, 4: 0.6665121239256294, 5: nan}
//   nx.effective_size(G, weight='weight')
//     -> {0: 2.6885613387145906, 1: 2.5574925884750788, 2: 2.569272187639535,
//         3: 1.0213032581453634, 4: 1.932224512321485, 5: nan}
// Unit 5 has no out-ties (its ratings are suppressed) but three units rate
// it. NetworkX's NaN comes from `len(G[v]) == 0` (successors only); over
// all its contacts the same formulas give
//   sum(nx.local_constraint(G, 5, u, weight='weight') for u in set(nx.all_neighbors(G, 5)))
//     -> 0.7192065808
//   sum(1 - sum(nmw(G,5,w,weight='weight') * nmw(G,u,w,norm=max,weight='weight')
//               for w in set(nx.all_neighbors(G,5))) for u in set(nx.all_neighbors(G,5)))
//     -> 1.7785433071
TEST_CASE(
    "a unit whose own ratings are all suppressed but which others rate has defined "
    "constraint and effective size",
    "[metrics]") {
  Net net({"authority", "authority", "provider", "provider", "provider", "school"});
  net.tie(0, 1, 4.2).tie(1, 0, 3.8).tie(0, 2, 2.9).tie(2, 0, 4.6).tie(1, 2, 4.0).tie(2, 1, 3.1);
  net.tie(3, 0, 4.4).tie(3, 1, 3.6).tie(0, 3, 2.4).tie(1, 3, 4.8).tie(4, 2, 3.9).tie(2, 4, 4.1);
  net.tie(4, 1, 2.2).tie(0, 5, 4.5).tie(2, 5, 3.3).tie(4, 5, 4.9);
  net.tie(0, 0, 4.9).tie(5, 0, 1.0, 3).tie(5, 2, 5.0, 2).tie(3, 4, 1.0, 4);
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  const double c[] = {0.5953254216703844, 0.6498897838835103, 0.5628072868306766,
                      0.8544839935452875, 0.6665121239256294, 0.7192065808};
  const double es[] = {2.6885613387145906, 2.5574925884750788, 2.569272187639535,
                       1.0213032581453634, 1.932224512321485,  1.7785433071};
  for (int v = 0; v < 6; ++v) {
    INFO("unit " << v);
    if (v == 5) {  // its own ratings are all suppressed: blank (docs/metrics.md "Units without shown ratings")
      CHECK(std::isnan(r.units[v].constraint));
      CHECK(std::isnan(r.units[v].effective_size));
      continue;
    }
    CHECK(r.units[v].constraint == Approx(c[v]).epsilon(1e-9));
    CHECK(r.units[v].effective_size == Approx(es[v]).epsilon(1e-9));
  }
  CHECK_FALSE(rcmap::test::has_warning(r.warnings, "constraint undefined"));
}

TEST_CASE("constraint and effective size are undefined, with a warning, for an isolated unit", "[metrics]") {
  Net net({"a", "a", "a"});
  net.both(0, 1, 4.0).tie(2, 0, 4.0, 2);  // unit 2's only tie is suppressed
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  CHECK(std::isnan(r.units[2].constraint));
  CHECK(std::isnan(r.units[2].effective_size));
  CHECK(r.units[0].constraint == Approx(1.0));  // one contact: p = 1
  CHECK(r.units[0].effective_size == Approx(1.0));
  CHECK(rcmap::test::has_warning(r.warnings, "constraint undefined for 1 unit"));
  CHECK(rcmap::test::has_warning(r.warnings, "effective size undefined for 1 unit"));
}
