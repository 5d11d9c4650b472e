// Builds the RC graph, the functional-tie graph and its undirected view
// from an aggregate (docs/metrics.md "The graphs"). Suppressed (or n < min_n), unmeasured and
// within-unit ties are never edges; edges keep the order of Aggregate::ties.
#include "rcmap/metrics/unit_graph.hpp"

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

namespace rcmap {

UnitGraph build_unit_graph(const Survey& survey, const Aggregate& agg, DistanceTransform distance) {
  UnitGraph g;
  g.n = survey.units.size();
  for (const Unit& u : survey.units) {
    int s = -1;
    for (std::size_t k = 0; k < g.sides.size(); ++k)
      if (g.sides[k] == u.side) s = static_cast<int>(k);
    if (s < 0) {
      s = static_cast<int>(g.sides.size());
      g.sides.push_back(u.side);
    }
    g.side_of.push_back(s);
  }

  const double threshold = agg.options.weak_below;
  g.tie_functional_edge.assign(agg.ties.size(), -1);
  g.tie_undirected_edge.assign(agg.ties.size(), -1);
  // Undirected pair -> (sum of measured RC, directions measured, functional?)
  struct PairAcc {
    double sum = 0;
    int count = 0;
    bool functional = false;
  };
  std::map<VertexPair, PairAcc> pairs;
  for (std::size_t t = 0; t < agg.ties.size(); ++t) {
    const Tie& tie = agg.ties[t];
    if (tie.source >= g.n || tie.target >= g.n)
      throw std::invalid_argument("aggregate tie " + std::to_string(t) + " refers to a unit outside the survey");
    if (!is_measured(tie, agg.options) || tie.within()) continue;
    if (!(std::isfinite(tie.rc) && tie.rc >= 1 && tie.rc <= 5))
      throw std::invalid_argument("aggregate tie " + std::to_string(t) + " is not suppressed but has no RC in [1, 5]");
    const VertexPair arc{tie.source, tie.target};
    g.rc_edges.push_back(arc);
    g.rc_weight.push_back(tie.rc);
    g.rc_tie.push_back(static_cast<long>(t));
    const bool functional = tie.rc >= threshold;
    if (functional) {
      g.tie_functional_edge[t] = static_cast<long>(g.functional_edges.size());
      g.functional_edges.push_back(arc);
      g.functional_weight.push_back(tie.rc);
      g.functional_distance.push_back(rc_to_distance(tie.rc, distance));
      g.functional_tie.push_back(static_cast<long>(t));
    }
    PairAcc& p = pairs[{std::min(tie.source, tie.target), std::max(tie.source, tie.target)}];
    p.sum += tie.rc;
    p.count += 1;
    p.functional = p.functional || functional;
  }
  std::map<VertexPair, long> undirected_id;
  for (const auto& [pair, acc] : pairs) {
    if (!acc.functional) continue;
    undirected_id[pair] = static_cast<long>(g.undirected_edges.size());
    g.undirected_edges.push_back(pair);
    g.undirected_weight.push_back(acc.sum / acc.count);
  }
  for (std::size_t t = 0; t < agg.ties.size(); ++t) {
    const Tie& tie = agg.ties[t];
    if (!is_measured(tie, agg.options) || tie.within()) continue;
    auto it = undirected_id.find({std::min(tie.source, tie.target), std::max(tie.source, tie.target)});
    if (it != undirected_id.end()) g.tie_undirected_edge[t] = it->second;
  }
  g.rc = ig::Graph(g.n, g.rc_edges, true);
  g.functional = ig::Graph(g.n, g.functional_edges, true);
  g.undirected = ig::Graph(g.n, g.undirected_edges, false);
  return g;
}

}  // namespace rcmap
