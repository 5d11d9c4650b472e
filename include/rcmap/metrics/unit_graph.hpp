#pragma once
// The three graph views of a survey's units used by the metrics; see
// include/rcmap/metrics/metrics.hpp for their definitions.
#include <cstdint>
#include <utility>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

using VertexPair = std::pair<std::uint32_t, std::uint32_t>;

// A tie the metrics may use: not suppressed and from at least min_n
// respondents (the second test guards against an inconsistent aggregate).
inline bool is_measured(const Tie& t, const AggregateOptions& opt) { return !t.suppressed && t.n >= opt.min_n; }

struct UnitGraph {
  std::size_t n = 0;
  // RC graph (directed): edge e is tie rc_tie[e], weight rc_weight[e].
  ig::Graph rc;
  std::vector<VertexPair> rc_edges;
  std::vector<double> rc_weight;
  std::vector<long> rc_tie;
  // Functional-tie graph (directed): weight = RC, distance = transform(RC).
  ig::Graph functional;
  std::vector<VertexPair> functional_edges;
  std::vector<double> functional_weight, functional_distance;
  std::vector<long> functional_tie;
  // Undirected functional-tie graph, edges (a < b) in lexicographic order.
  ig::Graph undirected;
  std::vector<VertexPair> undirected_edges;
  std::vector<double> undirected_weight;  // mean RC of the measured directions
  // Per tie of the aggregate: edge id in `functional` / `undirected`, or -1.
  std::vector<long> tie_functional_edge, tie_undirected_edge;
  // Side of each unit as an index into `sides` (order of first appearance).
  std::vector<std::string> sides;
  std::vector<int> side_of;
};

// Builds the graphs. Throws std::invalid_argument if a tie refers to a unit
// outside the survey or a non-suppressed between-unit tie has no finite RC
// in [1, 5]. Complexity O(T log T) in the number of ties.
UnitGraph build_unit_graph(const Survey& survey, const Aggregate& agg, DistanceTransform distance);

}  // namespace rcmap
