// Unit centralities and tie path measures: igraph calls only (igraph 0.10
// reference manual, "Structural properties"). Conventions (docs/metrics.md):
//  - in/out strength: sum of RC of measured ties (RC graph).
//  - betweenness: igraph_betweenness, directed, weights = functional-tie
//    distances, raw counts (pairs of ordered units, not normalised). igraph
//    compares path lengths with a relative tolerance, so paths equal up to
//    rounding (1/3+1/3+1/3 vs 1) count as equal (NetworkX does not).
//  - closeness_in/out: igraph_closeness, normalised = (number reachable) /
//    (sum of distances to / from them), functional-tie distances; NaN (with
//    a warning) for a unit reaching / reached by no other unit.
//  - harmonic: igraph_harmonic_centrality, OUT, normalised = mean over the
//    n-1 other units of 1/distance (0 if unreachable). NaN if n < 2.
//  - pagerank: igraph_pagerank PRPACK, directed, damping 0.85, weights = RC.
//  - hub/authority: igraph_hub_and_authority_scores (Kleinberg 1999), RC
//    weights, scaled to max 1. NaN (warning) when the RC graph has no edge.
//  - clustering: igraph_transitivity_barrat (Barrat et al. 2004) on the
//    undirected functional-tie graph, weight = mean RC; NaN (warning) for
//    units with fewer than two functional contacts.
//  - coreness: igraph_coreness of the undirected functional-tie graph.
// Ties: edge betweenness (igraph_edge_betweenness, directed, functional-tie
// distances, raw) for functional ties; bridges (igraph_bridges) of the
// undirected functional-tie graph.
// Complexity: O(n m + n^2 log n) for the path measures; n units, m ties.
#include <cmath>
#include <string>

#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap::metrics {
namespace {

std::string count_units(std::size_t k) { return std::to_string(k) + (k == 1 ? " unit" : " units"); }

}  // namespace

void centralities(const UnitGraph& g, std::vector<UnitMetrics>& units, std::vector<std::string>& warnings) {
  ig::ErrorScope scope;
  const std::size_t n = g.n;
  units.resize(n);
  if (n == 0) return;
  const ig::Vector rc_w(g.rc_weight), dist(g.functional_distance), und_w(g.undirected_weight);

  ig::Vector in_s, out_s;
  ig::check(igraph_strength(g.rc.get(), in_s.get(), igraph_vss_all(), IGRAPH_IN, IGRAPH_NO_LOOPS, rc_w.get()),
            "igraph_strength");
  ig::check(igraph_strength(g.rc.get(), out_s.get(), igraph_vss_all(), IGRAPH_OUT, IGRAPH_NO_LOOPS, rc_w.get()),
            "igraph_strength");

  ig::Vector btw;
  ig::check(igraph_betweenness(g.functional.get(), btw.get(), igraph_vss_all(), IGRAPH_DIRECTED, dist.get()),
            "igraph_betweenness");

  ig::Vector clo_in, clo_out;
  ig::check(igraph_closeness(g.functional.get(), clo_in.get(), nullptr, nullptr, igraph_vss_all(), IGRAPH_IN,
                             dist.get(), true),
            "igraph_closeness");
  ig::check(igraph_closeness(g.functional.get(), clo_out.get(), nullptr, nullptr, igraph_vss_all(), IGRAPH_OUT,
                             dist.get(), true),
            "igraph_closeness");

  ig::Vector harm;
  ig::check(igraph_harmonic_centrality(g.functional.get(), harm.get(), igraph_vss_all(), IGRAPH_OUT, dist.get(), true),
            "igraph_harmonic_centrality");

  ig::Vector pr;
  igraph_real_t pr_value = 0;
  ig::openmp_one_thread();  // byte-identical PageRank from run to run
  ig::check(igraph_pagerank(g.rc.get(), IGRAPH_PAGERANK_ALGO_PRPACK, pr.get(), &pr_value, igraph_vss_all(),
                            IGRAPH_DIRECTED, 0.85, rc_w.get(), nullptr),
            "igraph_pagerank");

  ig::Vector hub, auth;
  const bool hits = g.rc.ecount() > 0;
  if (hits) {
    igraph_real_t value = 0;
    ig::check(igraph_hub_and_authority_scores(g.rc.get(), hub.get(), auth.get(), &value, true, rc_w.get(), nullptr),
              "igraph_hub_and_authority_scores");
  } else {
    warnings.push_back("hub and authority scores undefined: no measured tie between units");
  }

  ig::Vector clus;
  ig::check(igraph_transitivity_barrat(g.undirected.get(), clus.get(), igraph_vss_all(), und_w.get(),
                                       IGRAPH_TRANSITIVITY_NAN),
            "igraph_transitivity_barrat");

  ig::IntVector core;
  ig::check(igraph_coreness(g.undirected.get(), core.get(), IGRAPH_ALL), "igraph_coreness");

  std::size_t no_in = 0, no_out = 0, no_clus = 0;
  for (std::size_t v = 0; v < n; ++v) {
    UnitMetrics& u = units[v];
    u.in_strength = in_s[v];
    u.out_strength = out_s[v];
    u.betweenness = btw[v];
    u.closeness_in = clo_in[v];
    u.closeness_out = clo_out[v];
    if (std::isnan(u.closeness_in)) ++no_in;
    if (std::isnan(u.closeness_out)) ++no_out;
    u.harmonic = n >= 2 ? harm[v] : kNaN;
    u.pagerank = pr[v];
    u.hub = hits ? hub[v] : kNaN;
    u.authority_score = hits ? auth[v] : kNaN;
    u.clustering = clus[v];
    if (std::isnan(u.clustering)) ++no_clus;
    u.coreness = static_cast<double>(core[v]);
  }
  if (no_out)
    warnings.push_back("closeness_out undefined for " + count_units(no_out) +
                       " without a functional tie to another unit");
  if (no_in)
    warnings.push_back("closeness_in undefined for " + count_units(no_in) +
                       " without a functional tie from another unit");
  if (n < 2) warnings.push_back("harmonic centrality undefined: fewer than two units");
  if (no_clus)
    warnings.push_back("clustering undefined for " + count_units(no_clus) + " with fewer than two functional contacts");
}

void tie_paths(const UnitGraph& g, std::vector<TieMetrics>& ties, std::vector<std::string>&) {
  ig::ErrorScope scope;
  const ig::Vector dist(g.functional_distance);
  ig::Vector eb;
  ig::check(igraph_edge_betweenness(g.functional.get(), eb.get(), IGRAPH_DIRECTED, dist.get()),
            "igraph_edge_betweenness");
  ig::IntVector bridges;
  ig::check(igraph_bridges(g.undirected.get(), bridges.get()), "igraph_bridges");
  std::vector<char> is_bridge(g.undirected_edges.size(), 0);
  for (std::size_t k = 0; k < bridges.size(); ++k) is_bridge[static_cast<std::size_t>(bridges[k])] = 1;

  for (std::size_t t = 0; t < ties.size() && t < g.tie_functional_edge.size(); ++t) {
    const long fe = g.tie_functional_edge[t];
    if (fe >= 0) ties[t].edge_betweenness = eb[static_cast<std::size_t>(fe)];
  }
  for (std::size_t e = 0; e < g.rc_tie.size(); ++e) {
    const auto t = static_cast<std::size_t>(g.rc_tie[e]);
    const long ue = g.tie_undirected_edge[t];
    ties[t].bridge = ue >= 0 && is_bridge[static_cast<std::size_t>(ue)] ? 1 : 0;
  }
}

}  // namespace rcmap::metrics
