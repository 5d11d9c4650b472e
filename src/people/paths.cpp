// Betweenness and harmonic centrality of the person graph (README "Person
// networks"). This version is exact for every size; the scale work (issue 7
// part B) replaces this file with one that samples source vertices above
// PathOptions::exact_max_edges.
//  - betweenness: igraph_betweenness, directed, edge lengths = distances,
//    raw counts over ordered pairs (Brandes 2001, "A faster algorithm for
//    betweenness centrality", J. Math. Sociol. 25:163-177).
//  - harmonic: igraph_harmonic_centrality, OUT, normalised: mean over the
//    n-1 other people of 1/distance, 0 for unreachable (Marchiori & Latora
//    2000). NaN for n < 2.
// Complexity: O(V E + V^2 log V) time, O(V + E) memory.
#include "rcmap/people_paths.hpp"

#include <cmath>

#include "rcmap/graph.hpp"

namespace rcmap::people {

PathMetrics path_metrics(const igraph_t& g, const std::vector<double>& lengths, const PathOptions&) {
  ig::ErrorScope scope;
  PathMetrics r;
  const auto n = static_cast<std::size_t>(igraph_vcount(&g));
  const ig::Vector len(lengths);
  ig::Vector btw, harm;
  ig::check(igraph_betweenness(&g, btw.get(), igraph_vss_all(), IGRAPH_DIRECTED, len.get()),
            "igraph_betweenness");
  ig::check(igraph_harmonic_centrality(&g, harm.get(), igraph_vss_all(), IGRAPH_OUT, len.get(), true),
            "igraph_harmonic_centrality");
  r.betweenness = btw.to_std();
  r.harmonic = harm.to_std();
  if (n < 2) r.harmonic.assign(n, std::nan(""));
  r.sources = static_cast<std::int64_t>(n);
  r.note = "exact (all " + std::to_string(n) + " source vertices)";
  return r;
}

}  // namespace rcmap::people
