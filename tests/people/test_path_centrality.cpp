// Person-level betweenness and harmonic centrality (src/people/path_centrality.cpp):
// exact values by hand and against Krackhardt's kite, the sampled estimator,
// and determinism across seeds and process counts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <utility>
#include <vector>

#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/people/path_centrality.hpp"

using Catch::Matchers::WithinAbs;
using rcmap::people::path_metrics;
using rcmap::people::PathOptions;
using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

namespace {

PathOptions exact_opt(int processes = 2) {
  PathOptions o;
  o.processes = processes;
  return o;
}

PathOptions sampled_opt(std::int64_t k, std::uint64_t seed = 1, int processes = 2, std::int64_t pairs = 20000) {
  PathOptions o;
  o.exact_max_edges = 0;  // always estimate
  o.samples = k;
  o.pairs = pairs;
  o.candidates = 0;
  o.seed = seed;
  o.processes = processes;
  return o;
}

// Spearman's rho: Pearson correlation of the ranks, ties given their mean rank.
double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  auto ranks = [](const std::vector<double>& x) {
    std::vector<std::size_t> idx(x.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](std::size_t i, std::size_t j) { return x[i] < x[j]; });
    std::vector<double> r(x.size());
    for (std::size_t i = 0; i < idx.size();) {
      std::size_t j = i;
      while (j + 1 < idx.size() && x[idx[j + 1]] == x[idx[i]]) ++j;
      for (std::size_t t = i; t <= j; ++t) r[idx[t]] = (static_cast<double>(i + j) / 2) + 1;
      i = j + 1;
    }
    return r;
  };
  const auto ra = ranks(a), rb = ranks(b);
  const double n = static_cast<double>(a.size()), mean = (n + 1) / 2;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) * (ra[i] - mean);
    sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  return sab / std::sqrt(saa * sbb);
}

// Seeded directed graph: 20 groups of 30 people (600), each person names 6
// colleagues in their group and 1 outside; lengths 1/w for w in {1, 2, 4, 8}
// (exact reciprocals). 4,200 ties.
struct TestGraph {
  rcmap::ig::Graph g;
  std::vector<double> len;
};
TestGraph grouped_graph() {
  std::uint64_t s = 12345;
  auto next = [&] { return (s = s * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
  Edges e;
  std::vector<double> len;
  const std::uint32_t groups = 20, size = 30, n = groups * size;
  for (std::uint32_t v = 0; v < n; ++v) {
    std::vector<std::uint32_t> named;
    while (named.size() < 7) {
      std::uint32_t t = named.size() < 6 ? (v / size) * size + static_cast<std::uint32_t>(next() % size)
                                         : static_cast<std::uint32_t>(next() % n);
      if (t == v || std::find(named.begin(), named.end(), t) != named.end()) continue;
      named.push_back(t);
      e.emplace_back(v, t);
      len.push_back(1.0 / static_cast<double>(1u << (next() % 4)));
    }
  }
  return {rcmap::ig::Graph(n, e, true), len};
}

// Krackhardt's kite (igraph_famous) with each edge as two arcs.
Edges kite_arcs() {
  igraph_t raw;
  REQUIRE(igraph_famous(&raw, "Krackhardt_Kite") == IGRAPH_SUCCESS);
  rcmap::ig::Graph und = rcmap::ig::Graph::adopt(raw);
  Edges e;
  for (const auto& [a, b] : und.edges()) {
    e.emplace_back(a, b);
    e.emplace_back(b, a);
  }
  return e;
}

}  // namespace

// 0 -> 1 -> 2 (length 1 each) and a direct 0 -> 2 of length L.
// L = 3: the only shortest 0 -> 2 path runs through 1: betweenness(1) = 1.
// L = 2: two shortest paths of length 2, one through 1: betweenness(1) = 1/2.
// Harmonic OUT, normalised by n-1 = 2: vertex 0 reaches 1 at 1 and 2 at 2
// -> (1 + 1/2) / 2 = 0.75; vertex 1 reaches 2 at 1 -> 1/2; vertex 2 none -> 0.
TEST_CASE("person betweenness and harmonic centrality match hand-computed values", "[people][paths]") {
  rcmap::ig::Graph g(3, Edges{{0, 1}, {1, 2}, {0, 2}}, true);
  auto r = path_metrics(*g.get(), {1, 1, 3}, exact_opt());
  CHECK_FALSE(r.sampled);
  CHECK(r.sources == 3);
  CHECK(r.note == "exact (all 3 source vertices)");
  CHECK_THAT(r.betweenness[0], WithinAbs(0, 1e-12));
  CHECK_THAT(r.betweenness[1], WithinAbs(1, 1e-12));
  CHECK_THAT(r.betweenness[2], WithinAbs(0, 1e-12));
  CHECK_THAT(r.harmonic[0], WithinAbs(0.75, 1e-12));
  CHECK_THAT(r.harmonic[1], WithinAbs(0.5, 1e-12));
  CHECK_THAT(r.harmonic[2], WithinAbs(0, 1e-12));
  r = path_metrics(*g.get(), {1, 1, 2}, exact_opt());
  CHECK_THAT(r.betweenness[1], WithinAbs(0.5, 1e-12));
  CHECK_THAT(r.harmonic[0], WithinAbs(0.75, 1e-12));  // 2 -> still at distance 2
}

// Krackhardt's kite with every edge in both directions, length 1: directed
// betweenness is twice the published undirected value and OUT harmonic
// centrality normalised by 9 is the published sum / 9 (Wasserman & Faust
// 1994; NetworkX 3.6.1 nx.betweenness_centrality(kite, normalized=False) and
// nx.harmonic_centrality(kite), as in test_centrality.cpp).
TEST_CASE("exact and full-sample estimates reproduce Krackhardt's kite", "[people][paths]") {
  const Edges e = kite_arcs();
  rcmap::ig::Graph g(10, e, true);
  const std::vector<double> len(e.size(), 1.0);
  const double btw[] = {5.0 / 6, 5.0 / 6, 0, 11.0 / 3, 0, 25.0 / 3, 25.0 / 3, 14, 8, 0};
  const double harm[] = {6.083333333, 6.083333333, 5.583333333, 7.083333333, 5.583333333,
                         6.833333333, 6.833333333, 6.0,         4.666666667, 3.416666667};
  for (int processes : {1, 2, 3}) {
    for (bool exact : {true, false}) {
      INFO("processes " << processes << (exact ? " exact" : " samples = n"));
      const auto r = path_metrics(*g.get(), len, exact ? exact_opt(processes) : sampled_opt(10, 7, processes));
      CHECK_FALSE(r.sampled);
      CHECK(r.sources == 10);
      for (int v = 0; v < 10; ++v) {
        CHECK_THAT(r.betweenness[v], WithinAbs(2 * btw[v], 1e-9));
        CHECK_THAT(r.harmonic[v], WithinAbs(harm[v] / 9, 1e-9));
      }
    }
  }
}

TEST_CASE("exact person paths equal igraph's whole-graph betweenness and harmonic centrality", "[people][paths]") {
  const auto t = grouped_graph();
  rcmap::ig::ErrorScope scope;
  const rcmap::ig::Vector len(t.len);
  rcmap::ig::Vector btw, harm;
  rcmap::ig::check(igraph_betweenness(t.g.get(), btw.get(), igraph_vss_all(), IGRAPH_DIRECTED, len.get()), "btw");
  rcmap::ig::check(igraph_harmonic_centrality(t.g.get(), harm.get(), igraph_vss_all(), IGRAPH_OUT, len.get(), true),
                   "harm");
  const auto r = path_metrics(*t.g.get(), t.len, exact_opt());
  REQUIRE(r.betweenness.size() == 600);
  double max_btw = 0;
  for (std::size_t v = 0; v < 600; ++v) {
    CHECK_THAT(r.betweenness[v], WithinAbs(btw[v], 1e-7 * (1 + btw[v])));
    CHECK_THAT(r.harmonic[v], WithinAbs(harm[v], 1e-12));
    max_btw = std::max(max_btw, btw[v]);
  }
  CHECK(max_btw > 1000);  // the graph has brokers: the comparison is not all zeros
  // With k = n sources the estimator (sum of subsets, harmonic from reversed
  // distances) gives the exact values up to summation order.
  const auto s = path_metrics(*t.g.get(), t.len, sampled_opt(600));
  CHECK_FALSE(s.sampled);
  for (std::size_t v = 0; v < 600; ++v) {
    CHECK_THAT(s.betweenness[v], WithinAbs(btw[v], 1e-7 * (1 + btw[v])));
    CHECK_THAT(s.harmonic[v], WithinAbs(harm[v], 1e-12));
  }
}

TEST_CASE("sampled estimates rank people like the exact values and say they are estimates", "[people][paths]") {
  const auto t = grouped_graph();
  const auto exact = path_metrics(*t.g.get(), t.len, exact_opt());
  const auto est = path_metrics(*t.g.get(), t.len, sampled_opt(150, 3));
  CHECK(est.sampled);
  CHECK(est.sources == 150);
  CHECK(est.pairs == 20000);
  CHECK(est.note.find("estimated (seed 3): betweenness from 20000 sampled pairs") == 0);
  // Seed fixed, so these are fixed numbers (measured 0.954 and 0.943);
  // the bounds are loose so a change in igraph's summation order cannot trip them.
  const double rho_b = spearman(exact.betweenness, est.betweenness);
  const double rho_h = spearman(exact.harmonic, est.harmonic);
  INFO("rho betweenness " << rho_b << ", harmonic " << rho_h);
  CHECK(rho_b > 0.8);
  CHECK(rho_h > 0.8);
  // Scaled by n(n-1)/pairs: totals agree with the exact totals within 15 %.
  const double se = std::accumulate(exact.betweenness.begin(), exact.betweenness.end(), 0.0);
  const double ss = std::accumulate(est.betweenness.begin(), est.betweenness.end(), 0.0);
  CHECK(std::abs(ss / se - 1) < 0.15);
}

TEST_CASE("person path estimates are identical for a seed and any process count, and differ across seeds",
          "[people][paths]") {
  const auto t = grouped_graph();
  const auto a = path_metrics(*t.g.get(), t.len, sampled_opt(100, 5, 1));
  const auto b = path_metrics(*t.g.get(), t.len, sampled_opt(100, 5, 2));
  const auto c = path_metrics(*t.g.get(), t.len, sampled_opt(100, 5, 4));
  const auto d = path_metrics(*t.g.get(), t.len, sampled_opt(100, 6, 2));
  CHECK(a.betweenness == b.betweenness);  // bitwise: blocks are added in a fixed order
  CHECK(a.betweenness == c.betweenness);
  CHECK(a.harmonic == b.harmonic);
  CHECK(a.harmonic == c.harmonic);
  CHECK(a.betweenness != d.betweenness);
  auto with_refine = [&](int processes) {  // the exact-harmonic stage, too
    auto o = sampled_opt(100, 5, processes);
    o.candidates = 30;
    return path_metrics(*t.g.get(), t.len, o);
  };
  const auto r1 = with_refine(1), r2 = with_refine(2), r3 = with_refine(3);
  CHECK(r1.harmonic == r2.harmonic);
  CHECK(r1.harmonic == r3.harmonic);
  CHECK(r1.betweenness == r3.betweenness);
  CHECK(r1.harmonic != a.harmonic);
  const auto e1 = path_metrics(*t.g.get(), t.len, exact_opt(1));
  const auto e2 = path_metrics(*t.g.get(), t.len, exact_opt(2));
  CHECK(e1.betweenness == e2.betweenness);
  CHECK(e1.harmonic == e2.harmonic);
}

TEST_CASE("person paths: auto sample size above exact_max_edges, and edge cases", "[people][paths]") {
  const auto t = grouped_graph();
  PathOptions o;
  o.exact_max_edges = 4199;  // the graph has 4,200 ties: estimate, auto k = min(n, max(100, 1.5e8 / m))
  const auto r = path_metrics(*t.g.get(), t.len, o);
  CHECK(r.sources == 600);  // 1.5e8 / 4200 > 600: every vertex is a source
  CHECK_FALSE(r.sampled);
  o.exact_max_edges = 4200;
  CHECK(path_metrics(*t.g.get(), t.len, o).note == "exact (all 600 source vertices)");

  rcmap::ig::Graph one(1, Edges{}, true);
  const auto single = path_metrics(*one.get(), {}, exact_opt());
  CHECK(single.betweenness == std::vector<double>{0.0});
  CHECK(std::isnan(single.harmonic[0]));
  CHECK(single.note.find("harmonic centrality undefined") != std::string::npos);
  rcmap::ig::Graph none(0, Edges{}, true);
  CHECK(path_metrics(*none.get(), {}, exact_opt()).betweenness.empty());

  rcmap::ig::Graph g(2, Edges{{0, 1}}, true);
  CHECK_THROWS_AS(path_metrics(*g.get(), {0.0}, exact_opt()), std::invalid_argument);
  CHECK_THROWS_AS(path_metrics(*g.get(), {1.0, 2.0}, exact_opt()), std::invalid_argument);
  CHECK_THROWS_AS(path_metrics(*g.get(), {std::nan("")}, exact_opt()), std::invalid_argument);
}

// The path kernel's own Dijkstra (src/people/path_centrality.cpp) on what
// igraph handles specially: self-loops (ignored), parallel edges (each a
// separate shortest path), and path lengths equal only within igraph's
// relative epsilon ((1 + 0.1) + 0.1 != (1 + 0.05) + 0.15 in doubles, and
// igraph adds lengths to distance + 1): results as igraph's.
TEST_CASE("person paths handle loops, parallel edges and float-equal path lengths as igraph does", "[people][paths]") {
  // 0 -> 1 -> 3 (0.1 + 0.1, two parallel 1 -> 3 edges), 0 -> 2 -> 3 (0.05 + 0.15),
  // a loop on 2, 3 -> 4, 4 -> 0, 2 -> 4 (0.5).
  const Edges e = {{0, 1}, {1, 3}, {1, 3}, {0, 2}, {2, 3}, {2, 2}, {3, 4}, {4, 0}, {2, 4}};
  const std::vector<double> len = {0.1, 0.1, 0.1, 0.05, 0.15, 1.0, 0.2, 1.0, 0.5};
  const rcmap::ig::Graph g(5, e, true);
  rcmap::ig::ErrorScope scope;
  const rcmap::ig::Vector l(len);
  rcmap::ig::Vector btw, harm;
  rcmap::ig::check(igraph_betweenness(g.get(), btw.get(), igraph_vss_all(), IGRAPH_DIRECTED, l.get()), "btw");
  rcmap::ig::check(igraph_harmonic_centrality(g.get(), harm.get(), igraph_vss_all(), IGRAPH_OUT, l.get(), true),
                   "harm");
  // 0 -> 3: via 1 (two parallel edges) and via 2: equal within epsilon, so
  // three shortest paths, two through 1 and one through 2.
  for (int processes : {1, 2}) {
    const auto r = path_metrics(*g.get(), len, exact_opt(processes));
    for (std::size_t v = 0; v < 5; ++v) {
      INFO("vertex " << v << ", processes " << processes);
      CHECK_THAT(r.betweenness[v], WithinAbs(btw[v], 1e-12));
      CHECK_THAT(r.harmonic[v], WithinAbs(harm[v], 1e-12));
    }
  }
  CHECK(btw[1] > btw[2]);  // the parallel edges count twice: the case is not trivial
}

// Pair sampling (Riondato & Kornaropoulos 2016; src/people/path_centrality.cpp
// sample_pair) on graphs with hand-computed betweenness. Raw directed
// betweenness over ordered pairs; the estimate is n(n-1)/K times the number of
// the K sampled paths through v, so its standard deviation is
// n(n-1) sqrt(b (1 - b) / K) for b = betweenness / (n(n-1)). Tolerances are
// 4 standard deviations (seeded, so the values are fixed; 4 sd keeps them
// valid for any seed with probability > 0.9999 per vertex).
namespace {
void check_pair_estimate(const rcmap::ig::Graph& g, const std::vector<double>& len, const std::vector<double>& exact,
                         std::int64_t pairs, std::uint64_t seed) {
  const auto n = static_cast<double>(exact.size());
  const auto r = path_metrics(*g.get(), len, sampled_opt(2, seed, 2, pairs));
  REQUIRE(r.sampled);
  for (std::size_t v = 0; v < exact.size(); ++v) {
    const double b = exact[v] / (n * (n - 1));
    const double sd = n * (n - 1) * std::sqrt(b * (1 - b) / static_cast<double>(pairs));
    INFO("vertex " << v << " exact " << exact[v] << " estimate " << r.betweenness[v] << " sd " << sd);
    if (exact[v] == 0)
      CHECK(r.betweenness[v] == 0);  // never an inner vertex of a shortest path
    else
      CHECK(std::abs(r.betweenness[v] - exact[v]) <= 4 * sd);
  }
}
}  // namespace

TEST_CASE("pair-sampled betweenness matches hand-computed values on a path, a star and a diamond", "[people][paths]") {
  // Directed path 0 -> 1 -> 2 -> 3 -> 4: v is inside the paths from the
  // v earlier vertices to the 4 - v later ones: 3, 4, 3.
  check_pair_estimate(rcmap::ig::Graph(5, Edges{{0, 1}, {1, 2}, {2, 3}, {3, 4}}, true), {1, 1, 1, 1}, {0, 3, 4, 3, 0},
                      40000, 1);
  // Star, centre 0, ties both ways, 6 leaves: every ordered pair of leaves
  // (6 * 5 = 30) runs through the centre.
  Edges star;
  for (std::uint32_t v = 1; v <= 6; ++v) star.insert(star.end(), {{0, v}, {v, 0}});
  check_pair_estimate(rcmap::ig::Graph(7, star, true), std::vector<double>(12, 2.5), {30, 0, 0, 0, 0, 0, 0}, 40000, 2);
  // Weighted diamond 0 -> 1 -> 3 (1 + 2), 0 -> 2 -> 3 (2.5 + 0.5), 3 -> 4 (1),
  // and a long 0 -> 3 (3.5): two shortest 0 -> 3 paths (length 3) and two
  // 0 -> 4, half of each through 1 and half through 2: 1 and 1; 3 lies on
  // 0 -> 4, 1 -> 4, 2 -> 4: 3. The random path choice must split them evenly.
  check_pair_estimate(rcmap::ig::Graph(5, Edges{{0, 1}, {1, 3}, {0, 2}, {2, 3}, {3, 4}, {0, 3}}, true),
                      {1, 2, 2.5, 0.5, 1, 3.5}, {0, 1, 1, 3, 0}, 40000, 3);
}

TEST_CASE("pair-sampled betweenness approaches the exact values of Krackhardt's kite and a weighted graph",
          "[people][paths]") {
  const Edges e = kite_arcs();
  const std::vector<double> btw = {5.0 / 3, 5.0 / 3, 0, 22.0 / 3, 0, 50.0 / 3, 50.0 / 3, 28, 16, 0};  // directed
  check_pair_estimate(rcmap::ig::Graph(10, e, true), std::vector<double>(e.size(), 1.0), btw, 100000, 4);
  // The 600-person grouped graph, lengths 1/w: against igraph_betweenness.
  const auto t = grouped_graph();
  const auto exact = path_metrics(*t.g.get(), t.len, exact_opt());
  check_pair_estimate(t.g, t.len, exact.betweenness, 200000, 5);
}

TEST_CASE("harmonic refinement gives exact values to the highest estimates", "[people][paths]") {
  const auto t = grouped_graph();
  const auto exact = path_metrics(*t.g.get(), t.len, exact_opt());
  auto o = sampled_opt(60, 9, 2, 1000);
  o.candidates = 50;
  const auto r = path_metrics(*t.g.get(), t.len, o);
  CHECK(r.refined == 50);
  o.candidates = 0;
  const auto plain = path_metrics(*t.g.get(), t.len, o);
  std::size_t exact_now = 0, changed = 0;
  for (std::size_t v = 0; v < 600; ++v) {
    if (r.harmonic[v] != plain.harmonic[v]) {
      ++changed;
      if (std::abs(r.harmonic[v] - exact.harmonic[v]) < 1e-12) ++exact_now;
    }
  }
  CHECK(changed == 50);  // the 50 highest estimates, now exact
  CHECK(exact_now == 50);
  CHECK(r.betweenness == plain.betweenness);  // betweenness does not depend on the refinement
}
