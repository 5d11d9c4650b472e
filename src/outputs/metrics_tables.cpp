#include "rcmap/outputs/metrics_tables.hpp"

#include "rcmap/outputs/certainty.hpp"

namespace rcmap {

void append_unit_metrics(Table& t, const MetricsResult& m) {
  const std::vector<UnitMetrics>& u = m.units;
  auto col = [&](const char* name, double UnitMetrics::*f) {
    t.add(name, [&u, f](std::size_t i) { return Cell::num(u[i].*f); });
  };
  col("in_strength", &UnitMetrics::in_strength);
  col("out_strength", &UnitMetrics::out_strength);
  col("betweenness", &UnitMetrics::betweenness);
  col("closeness_in", &UnitMetrics::closeness_in);
  col("closeness_out", &UnitMetrics::closeness_out);
  col("harmonic", &UnitMetrics::harmonic);
  col("pagerank", &UnitMetrics::pagerank);
  col("hub", &UnitMetrics::hub);
  col("authority_score", &UnitMetrics::authority_score);
  col("constraint", &UnitMetrics::constraint);
  col("effective_size", &UnitMetrics::effective_size);
  col("clustering", &UnitMetrics::clustering);
  col("coreness", &UnitMetrics::coreness);
  col("broker_coordinator", &UnitMetrics::broker_coordinator);
  col("broker_itinerant", &UnitMetrics::broker_itinerant);
  col("broker_gatekeeper", &UnitMetrics::broker_gatekeeper);
  col("broker_representative", &UnitMetrics::broker_representative);
  col("broker_liaison", &UnitMetrics::broker_liaison);
  t.add("community", [&u](std::size_t i) { return u[i].community < 0 ? Cell{} : Cell::integer(u[i].community); });
  t.add("bridge_pairs",
        [&u](std::size_t i) { return u[i].bridge_pairs < 0 ? Cell{} : Cell::integer(u[i].bridge_pairs); });
  t.add("blank_reason", [&u](std::size_t i) { return u[i].no_shown_ratings ? Cell::of("no_shown_ratings") : Cell{}; });
}

void append_tie_certainty(Table& t, const Aggregate& a) {
  t.add("certainty", [&a](std::size_t i) {
    const Tie& tie = a.ties[i];
    return tie.suppressed ? Cell{} : Cell::of(certainty_name(tie_certainty(tie, a.options)));
  });
}

void append_tie_metrics(Table& t, const MetricsResult& m) {
  const std::vector<TieMetrics>& tm = m.ties;
  t.add("reverse_rc", [&tm](std::size_t i) { return Cell::num(tm[i].reverse_rc); });
  t.add("asymmetry", [&tm](std::size_t i) { return Cell::num(tm[i].asymmetry); });
  t.add("edge_betweenness", [&tm](std::size_t i) { return Cell::num(tm[i].edge_betweenness); });
  t.add("bridge", [&tm](std::size_t i) { return tm[i].bridge < 0 ? Cell{} : Cell::integer(tm[i].bridge); });
  t.add("overlap", [&tm](std::size_t i) { return Cell::num(tm[i].overlap); });
}

Table gaps_table(const Survey& s, const MetricsResult& m) {
  Table t;
  const std::vector<Gap>& g = m.gaps;
  t.rows = g.size();
  t.add("source", [&](std::size_t i) { return Cell::of(s.units[g[i].source].id); });
  t.add("target", [&](std::size_t i) { return Cell::of(s.units[g[i].target].id); });
  t.add("source_side", [&g](std::size_t i) { return Cell::of(g[i].source_side); });
  t.add("target_side", [&g](std::size_t i) { return Cell::of(g[i].target_side); });
  t.add("rc", [&g](std::size_t i) { return Cell::num(g[i].rc); });
  // Unmeasured pairs (not rated, or suppressed) show no n: a suppressed
  // tie's respondent count is not disclosed here.
  t.add("n", [&g](std::size_t i) { return g[i].kind == "unmeasured" ? Cell{} : Cell::integer(g[i].n); });
  t.add("reverse_rc", [&g](std::size_t i) { return Cell::num(g[i].reverse_rc); });
  t.add("asymmetry", [&g](std::size_t i) { return Cell::num(g[i].asymmetry); });
  t.add("kind", [&g](std::size_t i) { return Cell::of(g[i].kind); });
  t.add("severity", [&g](std::size_t i) { return Cell::num(g[i].severity); });
  t.add("rc_ci_low", [&g](std::size_t i) { return Cell::num(g[i].ci_low); });
  t.add("rc_ci_high", [&g](std::size_t i) { return Cell::num(g[i].ci_high); });
  t.add("certainty",
        [&g](std::size_t i) { return g[i].kind == "unmeasured" ? Cell{} : Cell::of(certainty_name(g[i].certainty)); });
  t.add("group", [&g](std::size_t i) { return Cell::of(g[i].group); });
  return t;
}

Table bridges_table(const Survey& s, const MetricsResult& m) {
  Table t;
  const std::vector<Bridge>& b = m.bridges;
  t.rows = b.size();
  t.add("source", [&](std::size_t i) { return Cell::of(s.units[b[i].source].id); });
  t.add("target", [&](std::size_t i) { return Cell::of(s.units[b[i].target].id); });
  t.add("bridge", [&](std::size_t i) { return Cell::of(s.units[b[i].bridge].id); });
  t.add("rank", [&b](std::size_t i) { return Cell::integer(b[i].rank); });
  static const char* const kNames[4] = {"source_to_bridge", "bridge_to_source", "target_to_bridge", "bridge_to_target"};
  for (std::size_t k = 0; k < 4; ++k) {
    t.add(std::string(kNames[k]) + "_rc", [&b, k](std::size_t i) { return Cell::num(b[i].rc[k]); });
    t.add(std::string(kNames[k]) + "_n", [&b, k](std::size_t i) { return Cell::integer(b[i].n[k]); });
  }
  return t;
}

void ei_json(JsonWriter& j, const EIIndex& e) {
  j.begin_object();
  if (!e.side.empty()) j.field("side", e.side);
  j.field("internal", e.internal).field("external", e.external).field("ei", e.ei);
  j.field("internal_rc", e.internal_rc).field("external_rc", e.external_rc).field("ei_weighted", e.ei_weighted);
  j.end_object();
}

void write_network_json(JsonWriter& j, const MetricsResult& m, const MetricsOptions& opt) {
  const NetworkMetrics& n = m.network;
  j.begin_object();
  j.field("distance", distance_name(n.distance));
  j.field("distance_note", "path metrics use distance = " +
                               std::string(n.distance == DistanceTransform::inverse      ? "1 / RC"
                                           : n.distance == DistanceTransform::complement ? "6 - RC"
                                                                                         : "-ln(RC / 6)") +
                               " on functional ties (RC >= weak threshold)");
  j.field("functional_from", n.functional_from);
  j.field("gap_sides", opt.gap_side_a + "," + opt.gap_side_b);
  j.field("asymmetry_threshold", opt.asymmetry);
  j.field("units", n.units).field("ties", n.ties).field("functional_ties", n.functional_ties);
  j.field("overall_rc", n.overall_rc).field("overall_n", n.overall_n);
  j.key("side_pairs").begin_array();
  for (const auto& p : n.side_pairs) {
    j.begin_object();
    j.field("source_side", p.source_side).field("target_side", p.target_side);
    j.field("n", p.n).field("ties", p.ties).field("rc", p.rc);
    j.end_object();
  }
  j.end_array();
  j.key("ei_index");
  ei_json(j, n.ei);
  j.key("ei_index_by_side").begin_array();
  for (const auto& e : n.ei_sides) ei_json(j, e);
  j.end_array();
  j.field("assortativity_side", n.assortativity_side);
  j.field("reciprocity", n.reciprocity);
  j.field("density", n.density);
  j.field("communities", static_cast<long long>(n.communities));
  j.field("modularity", n.modularity);
  j.field("nmi_communities_sides", n.nmi);
  j.field("adjusted_rand_communities_sides", n.adjusted_rand);
  j.key("warnings").begin_array();
  for (const auto& w : m.warnings) j.value(w);
  j.end_array();
  j.end_object();
}

}  // namespace rcmap
