// Person-level network metrics (docs/people.md "Outputs"). The
// person graph is directed: an arc a->b for every tie, weight = the tie's
// weight (a strength), length = distance(weight) for path metrics.
//  - degree in/out: number of ties; strength in/out: sum of weights.
//  - betweenness, harmonic: path_metrics() (src/people/path_centrality.cpp): raw
//    directed betweenness and normalised out-harmonic centrality on lengths.
//  - pagerank: igraph_pagerank PRPACK, directed, damping 0.85, weights.
//  - constraint, effective_size: Burt (1992) via metrics::constraint /
//    metrics::effective_size on the weighted arcs (burt.cpp).
//  - brokerage roles: Gould & Fernandez (1989), metrics::brokerage with the
//    side of the person's unit as group (brokerage.cpp); cross_side: the same
//    roles counted only for brokered pairs between side_a and side_b.
//  - community: Leiden, modularity objective (metrics::communities) on the undirected graph,
//    weight of {a,b} = mean weight of the directions present.
//  - network: E-I index by side (Krackhardt & Stern 1988, ei_index.cpp, each
//    tie counted once), nominal assortativity by side and by unit
//    (igraph_assortativity_nominal, Newman 2003, directed, unweighted),
//    reciprocity and density (igraph), modularity, and agreement (NMI, ARI)
//    of the communities with sides and with units.
// Suppression (units below min_n people): `rcmap network` passes the listed
// network (listed_network), so the ties of such units enter no metric; this
// function computes on whatever graph it is given.
// Complexity: path metrics as path_centrality.cpp; the rest O((n + m) log m) plus the
// two-path enumeration of brokerage, O(sum_b indeg(b) outdeg(b) log d).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/people/people.hpp"
#include "rcmap/people/path_centrality.hpp"
#include "rcmap/metrics/unit_graph.hpp"

namespace rcmap::people {
namespace {

double tie_length(double w, DistanceTransform d) {
  if (d == DistanceTransform::inverse) return 1.0 / w;
  if (!(w < 6))
    throw UsageError(std::string("--distance ") + distance_name(d) +
                     " needs tie weights below 6 (the RC scale 1-5); found weight " + std::to_string(w) +
                     "; use --distance inverse");
  return rc_to_distance(w, d);
}

// Undirected view: {a,b} (a < b) once, weight = mean of the directions present.
void undirected_view(const PersonTies& t, std::vector<VertexPair>& edges, std::vector<double>& weights) {
  struct E {
    std::uint32_t a, b;
    double w;
  };
  std::vector<E> es(t.size());
  for (std::size_t i = 0; i < t.size(); ++i)
    es[i] = {std::min(t.source[i], t.target[i]), std::max(t.source[i], t.target[i]), t.weight[i]};
  std::stable_sort(es.begin(), es.end(), [](const E& x, const E& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  for (std::size_t i = 0; i < es.size();) {
    std::size_t j = i;
    double sum = 0;
    for (; j < es.size() && es[j].a == es[i].a && es[j].b == es[i].b; ++j) sum += es[j].w;
    edges.emplace_back(es[i].a, es[i].b);
    weights.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
}

}  // namespace

SideIndex side_index(const std::vector<Unit>& units) {
  SideIndex s;
  for (const Unit& u : units) {
    auto it = std::find(s.sides.begin(), s.sides.end(), u.side);
    s.of_unit.push_back(static_cast<int>(it - s.sides.begin()));
    if (it == s.sides.end()) s.sides.push_back(u.side);
  }
  return s;
}

NetworkResult person_metrics(const std::vector<Unit>& units, const People& people, const PersonTies& ties,
                             const NetworkOptions& opt, const std::function<void(const char*)>& progress) {
  auto step = [&](const char* what) {
    if (progress) progress(what);
  };
  const std::size_t n = people.ids.size(), m = ties.size();
  NetworkResult r;
  r.people.resize(n);
  const SideIndex sides = side_index(units);
  std::vector<int> side_of(n);
  std::vector<long> unit_of(n), side_long(n);
  for (std::size_t v = 0; v < n; ++v) {
    side_of[v] = sides.of_unit[people.unit[v]];
    side_long[v] = side_of[v];
    unit_of[v] = people.unit[v];
  }

  std::vector<VertexPair> arcs(m);
  std::vector<metrics::WeightedArc> warcs(m);
  std::vector<double> lengths(m);
  for (std::size_t e = 0; e < m; ++e) {
    const std::uint32_t a = ties.source[e], b = ties.target[e];
    arcs[e] = {a, b};
    warcs[e] = {a, b, ties.weight[e]};
    lengths[e] = tie_length(ties.weight[e], opt.distance);
    PersonMetrics &pa = r.people[a], &pb = r.people[b];
    pa.degree_out += 1;
    pa.strength_out += ties.weight[e];
    pb.degree_in += 1;
    pb.strength_in += ties.weight[e];
  }

  ig::ErrorScope scope;
  const ig::Graph g(n, arcs, true);
  step("betweenness and harmonic centrality");
  PathOptions popt;
  popt.seed = opt.seed;
  PathMetrics paths = path_metrics(*g.get(), lengths, popt);
  r.paths_sampled = paths.sampled;
  r.path_sources = paths.sources;
  r.path_pairs = paths.pairs;
  r.path_refined = paths.refined;
  r.path_note = paths.note;
  if (n < 2) r.warnings.push_back("harmonic centrality undefined: fewer than two people");

  step("PageRank");
  const ig::Vector w(ties.weight);
  ig::Vector pr;
  igraph_real_t pr_value = 0;
  ig::openmp_one_thread();  // byte-identical PageRank from run to run
  ig::check(igraph_pagerank(g.get(), IGRAPH_PAGERANK_ALGO_PRPACK, pr.get(), &pr_value, igraph_vss_all(),
                            IGRAPH_DIRECTED, 0.85, w.get(), nullptr),
            "igraph_pagerank");

  step("constraint and effective size");
  const std::vector<double> cons = metrics::constraint(n, warcs, r.warnings, "person");
  const std::vector<double> esize = metrics::effective_size(n, warcs, r.warnings, "person");

  step("brokerage roles");
  const std::vector<metrics::BrokerageRoles> roles = metrics::brokerage(n, arcs, side_of);
  const auto ia = std::find(sides.sides.begin(), sides.sides.end(), opt.side_a) - sides.sides.begin();
  const auto ib = std::find(sides.sides.begin(), sides.sides.end(), opt.side_b) - sides.sides.begin();
  std::vector<metrics::BrokerageRoles> cross(n);
  if (ia < long(sides.sides.size()) && ib < long(sides.sides.size()) && ia != ib)
    cross = metrics::brokerage_between(n, arcs, side_of, int(ia), int(ib));
  else
    r.warnings.push_back("cross-side brokers undefined: the units file has no side '" +
                         (ia < long(sides.sides.size()) ? opt.side_b : opt.side_a) +
                         "' (or both names are the same); brokers.csv is empty");

  step("communities");
  std::vector<VertexPair> und;
  std::vector<double> und_w;
  undirected_view(ties, und, und_w);
  const metrics::CommunityResult comm =
      metrics::communities(n, und, und_w, side_of, opt.seed, r.warnings, metrics::CommunityMethod::leiden);
  r.communities = comm.count;
  r.modularity = comm.modularity;
  r.nmi_side = comm.nmi;
  r.ari_side = comm.adjusted_rand;
  if (n >= 2) {
    const metrics::PartitionAgreement a = metrics::compare_partitions(comm.membership, unit_of);
    r.nmi_unit = a.nmi;
    r.ari_unit = a.adjusted_rand;
  }

  step("network summary");
  const metrics::EIResult ei = metrics::ei_index(warcs, side_of, sides.sides, r.warnings);
  r.ei = ei.global;
  r.ei_sides = ei.groups;
  if (m > 0) {
    ig::check(igraph_reciprocity(g.get(), &r.reciprocity, true, IGRAPH_RECIPROCITY_DEFAULT), "igraph_reciprocity");
  }
  if (n >= 2) ig::check(igraph_density(g.get(), &r.density, false), "igraph_density");
  auto assortativity = [&](const std::vector<long>& types, std::size_t groups, const char* what) {
    double v = kNaN;
    if (m > 0 && groups >= 2) {
      const ig::IntVector t(types);
      ig::check(igraph_assortativity_nominal(g.get(), t.get(), &v, IGRAPH_DIRECTED, true),
                "igraph_assortativity_nominal");
    } else {
      r.warnings.push_back(std::string("assortativity by ") + what + " undefined: needs a tie and two " + what + "s");
    }
    return v;
  };
  r.assortativity_side = assortativity(side_long, sides.sides.size(), "side");
  r.assortativity_unit = assortativity(unit_of, units.size(), "unit");

  for (std::size_t v = 0; v < n; ++v) {
    PersonMetrics& p = r.people[v];
    p.betweenness = paths.betweenness[v];
    p.harmonic = paths.harmonic[v];
    p.pagerank = pr[v];
    p.constraint = cons[v];
    p.effective_size = esize[v];
    p.roles = roles[v];
    p.cross_side = cross[v];
    p.community = comm.membership.empty() ? -1 : comm.membership[v];
  }
  for (const std::string& s : scope.take_warnings()) r.warnings.push_back(s);
  return r;
}

}  // namespace rcmap::people
