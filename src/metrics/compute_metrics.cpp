// compute_metrics(): builds the unit graphs and runs every metric of docs/metrics.md
// (see include/rcmap/metrics/metrics.hpp for the graphs, docs/metrics.md for the
// meaning and conventions of each figure). Suppressed and within-unit ties
// are never edges; their tie metrics stay NaN / -1.
// Tie asymmetry = rc(A->B) - rc(B->A), defined when both are measured.
// igraph warnings are collected into MetricsResult::warnings.
#include <cmath>
#include <stdexcept>

#include "rcmap/metrics/bridges.hpp"
#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap {

MetricsResult compute_metrics(const Survey& survey, const Aggregate& agg, const MetricsOptions& opt) {
  check_options(opt);
  MetricsResult res;
  ig::ErrorScope scope;
  std::vector<std::string>& warn = res.warnings;
  const UnitGraph g = build_unit_graph(survey, agg, opt.distance);
  const std::size_t n = g.n;

  // Units ------------------------------------------------------------------
  res.units.resize(n);
  metrics::centralities(g, res.units, warn);

  std::vector<metrics::WeightedArc> rc_arcs, functional_arcs;
  for (std::size_t e = 0; e < g.rc_edges.size(); ++e)
    rc_arcs.push_back({g.rc_edges[e].first, g.rc_edges[e].second, g.rc_weight[e]});
  for (std::size_t e = 0; e < g.functional_edges.size(); ++e)
    functional_arcs.push_back({g.functional_edges[e].first, g.functional_edges[e].second, g.functional_weight[e]});

  const std::vector<double> cons = metrics::constraint(n, rc_arcs, warn);
  const std::vector<double> esize = metrics::effective_size(n, rc_arcs, warn);
  const auto roles = metrics::brokerage(n, g.functional_edges, g.side_of);
  const auto comm = metrics::communities(n, g.undirected_edges, g.undirected_weight, g.side_of, opt.seed, warn);
  for (std::size_t v = 0; v < n; ++v) {
    UnitMetrics& u = res.units[v];
    u.constraint = cons[v];
    u.effective_size = esize[v];
    u.broker_coordinator = roles[v].coordinator;
    u.broker_itinerant = roles[v].itinerant;
    u.broker_gatekeeper = roles[v].gatekeeper;
    u.broker_representative = roles[v].representative;
    u.broker_liaison = roles[v].liaison;
    u.community = v < comm.membership.size() ? comm.membership[v] : -1;
  }

  // Ties -------------------------------------------------------------------
  res.ties.assign(agg.ties.size(), TieMetrics{});
  metrics::tie_paths(g, res.ties, warn);
  std::vector<VertexPair> overlap_pairs;
  for (long t : g.rc_tie) overlap_pairs.emplace_back(agg.ties[t].source, agg.ties[t].target);
  const std::vector<double> overlap = metrics::neighbourhood_overlap(n, g.undirected_edges, overlap_pairs);
  std::size_t overlap_undefined = 0;
  for (std::size_t e = 0; e < g.rc_tie.size(); ++e) {
    const auto t = static_cast<std::size_t>(g.rc_tie[e]);
    const Tie& tie = agg.ties[t];
    TieMetrics& m = res.ties[t];
    m.overlap = overlap[e];
    if (std::isnan(m.overlap)) ++overlap_undefined;
    const long r = agg.find(tie.target, tie.source);
    if (r >= 0 && is_measured(agg.ties[static_cast<std::size_t>(r)], agg.options)) {
      m.reverse_rc = agg.ties[static_cast<std::size_t>(r)].rc;
      m.asymmetry = tie.rc - m.reverse_rc;
    }
  }
  if (overlap_undefined)
    warn.push_back("overlap undefined for " + std::to_string(overlap_undefined) +
                   (overlap_undefined == 1 ? " tie" : " ties") + " whose units have no other functional contact");

  // Gaps -------------------------------------------------------------------
  res.gaps = metrics::coordination_gaps(survey, agg, opt, warn, &res.unlisted_gaps);
  // Units without a shown rating of another unit: their outgoing measures are
  // artefacts of suppression (a dangling node), blank (docs/metrics.md).
  metrics::blank_units_without_ratings(survey, agg, res.units);
  res.bridges = metrics::coordination_bridges(survey, agg, res.gaps, res.units, warn);

  // Network ----------------------------------------------------------------
  NetworkMetrics& net = res.network;
  net.distance = opt.distance;
  metrics::network_summary(g, agg, net, warn);
  const metrics::EIResult ei = metrics::ei_index(functional_arcs, g.side_of, g.sides, warn);
  net.ei = ei.global;
  net.ei_sides = ei.groups;
  net.communities = comm.count;
  net.modularity = comm.modularity;
  net.nmi = comm.nmi;
  net.adjusted_rand = comm.adjusted_rand;

  std::vector<std::string> igraph_warnings = scope.take_warnings();
  warn.insert(warn.end(), igraph_warnings.begin(), igraph_warnings.end());
  return res;
}

}  // namespace rcmap
