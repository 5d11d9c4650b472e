#pragma once
// The individual algorithms behind compute_metrics(), on plain graphs so that
// they can be tested on published networks. One source file per algorithm in
// src/metrics/. Vertices are 0..n-1.
#include <cstdint>
#include <string>
#include <vector>

#include "rcmap/metrics/metrics.hpp"
#include "rcmap/metrics/unit_graph.hpp"

namespace rcmap::metrics {

struct WeightedArc {
  std::uint32_t from = 0, to = 0;
  double weight = 1;
};

// centrality.cpp: igraph centralities of the unit graph (fills the matching
// fields of `units`).
void centralities(const UnitGraph& g, std::vector<UnitMetrics>& units, std::vector<std::string>& warnings);
// centrality.cpp: edge betweenness (functional ties) and bridges.
void tie_paths(const UnitGraph& g, std::vector<TieMetrics>& ties, std::vector<std::string>& warnings);

// burt.cpp: Burt's constraint (igraph_constraint) and effective size on a
// directed weighted graph with mutual weights a_ij = w(i->j) + w(j->i).
// `vertex` names the vertices in warnings ("unit", "person").
std::vector<double> constraint(std::size_t n, const std::vector<WeightedArc>& arcs, std::vector<std::string>& warnings,
                               const char* vertex = "unit");
std::vector<double> effective_size(std::size_t n, const std::vector<WeightedArc>& arcs,
                                   std::vector<std::string>& warnings, const char* vertex = "unit");

// brokerage.cpp: Gould & Fernandez (1989) role counts.
struct BrokerageRoles {
  double coordinator = 0, itinerant = 0, gatekeeper = 0, representative = 0, liaison = 0;
};
std::vector<BrokerageRoles> brokerage(std::size_t n, const std::vector<VertexPair>& arcs,
                                      const std::vector<int>& group);
// Same, counting only brokered pairs (a, c) with one end in group ga and the
// other in gb: the brokers between two sides.
std::vector<BrokerageRoles> brokerage_between(std::size_t n, const std::vector<VertexPair>& arcs,
                                              const std::vector<int>& group, int ga, int gb);

// ei_index.cpp: Krackhardt & Stern (1988) E-I index, global and per group.
struct EIResult {
  EIIndex global;
  std::vector<EIIndex> groups;  // parallel to group_names
};
EIResult ei_index(const std::vector<WeightedArc>& arcs, const std::vector<int>& group,
                  const std::vector<std::string>& group_names, std::vector<std::string>& warnings);

// overlap.cpp: Onnela et al. (2007) neighbourhood overlap of the pairs
// `queries` in the undirected graph (n, edges).
std::vector<double> neighbourhood_overlap(std::size_t n, const std::vector<VertexPair>& edges,
                                          const std::vector<VertexPair>& queries);

// gaps.cpp: coordination gaps between two sides, ranked. Above
// opt.max_gap_pairs pairs only the measured ones; `unlisted` (if given) is
// set to the number of unmeasured pairs left out, and a warning says so.
std::vector<Gap> coordination_gaps(const Survey& survey, const Aggregate& agg, const MetricsOptions& opt,
                                   std::vector<std::string>& warnings, std::size_t* unlisted = nullptr);
// Severity of a gap (see gaps.cpp); exposed for tests and docs.
double gap_severity(const std::string& kind, double rc, double asymmetry, double weak_below);

// community.cpp: Louvain on the undirected functional-tie graph and its
// agreement with the sides.
struct CommunityResult {
  std::vector<long> membership;
  long count = 0;
  double modularity = kNaN, nmi = kNaN, adjusted_rand = kNaN;
};
// Agreement of two partitions of the same vertices: normalised mutual
// information and adjusted Rand index (igraph_compare_communities).
struct PartitionAgreement {
  double nmi = kNaN, adjusted_rand = kNaN;
};
PartitionAgreement compare_partitions(const std::vector<long>& a, const std::vector<long>& b);
// Louvain (units) or Leiden with the modularity objective (people: igraph
// 0.10.2's Louvain can take minutes on large person graphs).
enum class CommunityMethod { louvain, leiden };
CommunityResult communities(std::size_t n, const std::vector<VertexPair>& edges, const std::vector<double>& weights,
                            const std::vector<int>& side_of, unsigned long seed, std::vector<std::string>& warnings,
                            CommunityMethod method = CommunityMethod::louvain);

// network_summary.cpp: reciprocity, density, side assortativity of the
// functional-tie graph and the copied aggregate RC figures.
void network_summary(const UnitGraph& g, const Aggregate& agg, NetworkMetrics& net, std::vector<std::string>& warnings);

}  // namespace rcmap::metrics
