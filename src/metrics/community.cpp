// Informal clusters: Louvain communities (Blondel et al. 2008, "Fast
// unfolding of communities in large networks", J. Stat. Mech. P10008) via
// igraph_community_multilevel on the undirected functional-tie graph,
// weight = mean RC of the measured directions, resolution 1. The default
// igraph RNG is seeded with `seed` first, so results are reproducible.
// Communities are renumbered 0, 1, ... in order of their first unit.
// CommunityMethod::leiden (person networks): igraph_community_leiden (Traag,
// Waltman & van Eck 2019, "From Louvain to Leiden", Sci. Rep. 9:5233) with
// the modularity objective: vertex weights = strength, resolution 1/(2W), W =
// total edge weight, beta 0.01, 10 iterations (igraph 0.10.2 can loop forever
// with "until stable", n_iterations < 0, e.g. on a barbell); O(m) per iteration.
// igraph 0.10.2's Louvain spent minutes on a 100,000-person, 1,000,000-tie
// graph (vertices moving back and forth; cf. igraph issue #2650), Leiden ~2 s.
// modularity: igraph_modularity (Newman 2004) of that partition on the same
// weighted undirected graph; NaN (warning) without edges.
// Agreement with the sides: igraph_compare_communities, normalised mutual
// information (Danon et al. 2005) and adjusted Rand index (Hubert & Arabie
// 1985); NaN (warning) for fewer than two units.
// Complexity: about O(m log n) (Louvain), O(n + m) for the rest.
#include <cmath>
#include <map>

#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap::metrics {

PartitionAgreement compare_partitions(const std::vector<long>& a, const std::vector<long>& b) {
  ig::ErrorScope scope;
  PartitionAgreement r;
  const ig::IntVector x(a), y(b);
  ig::check(igraph_compare_communities(x.get(), y.get(), &r.nmi, IGRAPH_COMMCMP_NMI), "igraph_compare_communities");
  ig::check(igraph_compare_communities(x.get(), y.get(), &r.adjusted_rand, IGRAPH_COMMCMP_ADJUSTED_RAND),
            "igraph_compare_communities");
  return r;
}

CommunityResult communities(std::size_t n, const std::vector<VertexPair>& edges, const std::vector<double>& weights,
                            const std::vector<int>& side_of, unsigned long seed, std::vector<std::string>& warnings,
                            CommunityMethod method) {
  CommunityResult r;
  if (n == 0) return r;
  ig::ErrorScope scope;
  const ig::Graph g(n, edges, false);
  const ig::Vector w(weights);
  ig::IntVector membership;
  ig::check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "igraph_rng_seed");
  if (method == CommunityMethod::louvain) {
    ig::check(igraph_community_multilevel(g.get(), w.get(), 1.0, membership.get(), nullptr, nullptr),
              "igraph_community_multilevel");
  } else {
    ig::Vector strength;
    ig::check(igraph_strength(g.get(), strength.get(), igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w.get()),
              "igraph_strength");
    double total = 0;
    for (double x : weights) total += x;
    igraph_integer_t count = 0;
    igraph_real_t quality = 0;
    ig::check(igraph_community_leiden(g.get(), w.get(), strength.get(), total > 0 ? 1.0 / (2 * total) : 1.0, 0.01,
                                      false, 10, membership.get(), &count, &quality),
              "igraph_community_leiden");
  }
  std::map<long, long> renumber;
  for (std::size_t v = 0; v < n; ++v) {
    const long c = membership[v];
    auto it = renumber.emplace(c, static_cast<long>(renumber.size())).first;
    r.membership.push_back(it->second);
  }
  r.count = static_cast<long>(renumber.size());
  if (g.ecount() > 0) {
    const ig::IntVector mem(r.membership);
    ig::check(igraph_modularity(g.get(), mem.get(), w.get(), 1.0, IGRAPH_UNDIRECTED, &r.modularity),
              "igraph_modularity");
  } else {
    warnings.push_back("modularity undefined: no functional tie");
  }
  if (n >= 2) {
    const PartitionAgreement a = compare_partitions(r.membership, std::vector<long>(side_of.begin(), side_of.end()));
    r.nmi = a.nmi;
    r.adjusted_rand = a.adjusted_rand;
  } else {
    warnings.push_back("agreement of communities with sides undefined: fewer than two units");
  }
  return r;
}

}  // namespace rcmap::metrics
