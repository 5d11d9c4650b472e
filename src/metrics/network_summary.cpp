// Network-level figures of the functional-tie graph (igraph calls) and the
// aggregate's RC figures.
//  - reciprocity: igraph_reciprocity, default mode = share of functional
//    ties whose reverse is also functional (|mutual arcs| / |arcs|).
//  - density: igraph_density without loops, m / (n (n - 1)).
//  - assortativity_side: igraph_assortativity_nominal (Newman 2003), directed,
//    normalised, with the side as the type; unweighted functional ties.
//  - overall and side-pair RC: copied from the Aggregate (respondent-weighted,
//    suppressed ties excluded there).
// Undefined values are NaN with a warning (no functional tie, fewer than two
// units, a single side).
// Complexity: O(n + m).
#include <cmath>

#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap::metrics {

void network_summary(const UnitGraph& g, const Aggregate& agg, NetworkMetrics& net,
                     std::vector<std::string>& warnings) {
  ig::ErrorScope scope;
  net.units = g.n;
  net.ties = g.rc_edges.size();
  net.functional_ties = g.functional_edges.size();
  net.functional_from = agg.options.weak_below;
  net.overall_rc = agg.overall_rc;
  net.overall_n = agg.overall_n;
  net.side_pairs.clear();
  for (const SideResult& s : agg.sides) net.side_pairs.push_back({s.source_side, s.target_side, s.n, s.ties, s.rc});

  if (g.functional.ecount() > 0) {
    ig::check(igraph_reciprocity(g.functional.get(), &net.reciprocity, true, IGRAPH_RECIPROCITY_DEFAULT),
              "igraph_reciprocity");
  } else {
    warnings.push_back("reciprocity undefined: no functional tie");
  }
  if (g.n >= 2) {
    ig::check(igraph_density(g.functional.get(), &net.density, false), "igraph_density");
  } else {
    warnings.push_back("density undefined: fewer than two units");
  }
  if (g.functional.ecount() > 0 && g.sides.size() >= 2) {
    std::vector<long> types(g.side_of.begin(), g.side_of.end());
    const ig::IntVector t(types);
    ig::check(igraph_assortativity_nominal(g.functional.get(), t.get(), &net.assortativity_side, IGRAPH_DIRECTED, true),
              "igraph_assortativity_nominal");
  } else {
    warnings.push_back("assortativity by side undefined: needs a functional tie and two sides");
  }
}

}  // namespace rcmap::metrics
