// The tables and summary fields of `rcmap network` (docs/people.md
// "Outputs"). Privacy rule: the report describes the listed network
// (listed_network: people of units with at least min_n people and the ties
// between them), so people of smaller units are never written individually
// and their ties enter no figure, not even a sum (docs/people.md "Privacy": a sum
// of degree_in over a unit's people minus its unit-ties rows gave the tie
// count of a withheld unit pair). Of the smaller units only head counts are
// written (summary.json counts).
#include <algorithm>
#include <cmath>

#include "rcmap/outputs/metrics_tables.hpp"
#include "rcmap/people/people.hpp"

namespace rcmap::people {
namespace {

double cross_total(const metrics::BrokerageRoles& b) { return b.gatekeeper + b.representative + b.liaison; }

// Columns shared by people-metrics.csv and brokers.csv.
void person_columns(Table& t, const NetworkReport& r, const std::vector<std::uint32_t>& rows) {
  const auto& units = *r.units;
  const People& p = *r.people;
  t.add("person", [&r, &rows](std::size_t i) { return Cell::of(r.shown_id[rows[i]]); });
  t.add("unit", [&units, &p, &rows](std::size_t i) { return Cell::of(units[p.unit[rows[i]]].id); });
  t.add("side", [&units, &p, &rows](std::size_t i) { return Cell::of(units[p.unit[rows[i]]].side); });
}

}  // namespace

std::vector<std::uint32_t> listed_people(const NetworkReport& r) {
  const std::vector<std::size_t> size = unit_sizes(r.units->size(), *r.people);
  std::vector<std::uint32_t> rows;
  for (std::size_t v = 0; v < r.people->ids.size(); ++v)
    if (size[r.people->unit[v]] >= std::size_t(r.options.min_n)) rows.push_back(static_cast<std::uint32_t>(v));
  return rows;
}

Table people_metrics_table(const NetworkReport& r, const std::vector<std::uint32_t>& rows) {
  Table t;
  t.rows = rows.size();
  person_columns(t, r, rows);
  const auto& pm = r.result->people;
  auto m = [&pm, &rows](std::size_t i) -> const PersonMetrics& { return pm[rows[i]]; };
  t.add("degree_in", [=](std::size_t i) { return Cell::integer(m(i).degree_in); });
  t.add("degree_out", [=](std::size_t i) { return Cell::integer(m(i).degree_out); });
  t.add("strength_in", [=](std::size_t i) { return Cell::num(m(i).strength_in); });
  t.add("strength_out", [=](std::size_t i) { return Cell::num(m(i).strength_out); });
  t.add("betweenness", [=](std::size_t i) { return Cell::num(m(i).betweenness); });
  t.add("harmonic", [=](std::size_t i) { return Cell::num(m(i).harmonic); });
  // PageRank sums to 1 over all people: ~1e-5 each among 100,000, so 6
  // decimals would keep one digit; 10 keep about five.
  t.add("pagerank", [=](std::size_t i) { return Cell::num(m(i).pagerank, 10); });
  t.add("constraint", [=](std::size_t i) { return Cell::num(m(i).constraint); });
  t.add("effective_size", [=](std::size_t i) { return Cell::num(m(i).effective_size); });
  t.add("coordinator", [=](std::size_t i) { return Cell::integer(std::llround(m(i).roles.coordinator)); });
  t.add("itinerant", [=](std::size_t i) { return Cell::integer(std::llround(m(i).roles.itinerant)); });
  t.add("gatekeeper", [=](std::size_t i) { return Cell::integer(std::llround(m(i).roles.gatekeeper)); });
  t.add("representative", [=](std::size_t i) { return Cell::integer(std::llround(m(i).roles.representative)); });
  t.add("liaison", [=](std::size_t i) { return Cell::integer(std::llround(m(i).roles.liaison)); });
  t.add("community", [=](std::size_t i) { return m(i).community >= 0 ? Cell::integer(m(i).community) : Cell{}; });
  return t;
}

std::vector<std::size_t> shown_pairs(const NetworkReport& r) {
  std::vector<std::size_t> rows;
  for (std::size_t k = 0; k < r.pairs->size(); ++k)
    if (!(*r.pairs)[k].suppressed) rows.push_back(k);
  return rows;
}

Table unit_ties_table(const NetworkReport& r, const std::vector<std::size_t>& rows) {
  Table t;
  t.rows = rows.size();
  const auto& units = *r.units;
  const auto& pairs = *r.pairs;
  auto p = [&pairs, &rows](std::size_t i) -> const UnitPair& { return pairs[rows[i]]; };
  t.add("source_unit", [&units, p](std::size_t i) { return Cell::of(units[p(i).source].id); });
  t.add("target_unit", [&units, p](std::size_t i) { return Cell::of(units[p(i).target].id); });
  t.add("ties", [p](std::size_t i) { return Cell::integer(static_cast<long long>(p(i).ties)); });
  t.add("density", [p](std::size_t i) { return Cell::num(p(i).density); });
  t.add("mean_weight", [p](std::size_t i) { return Cell::num(p(i).mean_weight); });
  return t;
}

std::vector<std::uint32_t> top_brokers(const NetworkReport& r, const std::vector<std::uint32_t>& listed) {
  const auto& pm = r.result->people;
  std::vector<std::uint32_t> rows;
  for (std::uint32_t v : listed)
    if (cross_total(pm[v].cross_side) > 0) rows.push_back(v);
  std::stable_sort(rows.begin(), rows.end(), [&pm](std::uint32_t a, std::uint32_t b) {
    return cross_total(pm[a].cross_side) > cross_total(pm[b].cross_side);
  });
  if (rows.size() > r.top_brokers) rows.resize(r.top_brokers);
  return rows;
}

Table brokers_table(const NetworkReport& r, const std::vector<std::uint32_t>& rows) {
  Table t;
  t.rows = rows.size();
  t.add("rank", [](std::size_t i) { return Cell::integer(static_cast<long long>(i + 1)); });
  person_columns(t, r, rows);
  const auto& pm = r.result->people;
  auto b = [&pm, &rows](std::size_t i) -> const metrics::BrokerageRoles& { return pm[rows[i]].cross_side; };
  t.add("cross_side_pairs", [=](std::size_t i) { return Cell::integer(std::llround(cross_total(b(i)))); });
  t.add("gatekeeper", [=](std::size_t i) { return Cell::integer(std::llround(b(i).gatekeeper)); });
  t.add("representative", [=](std::size_t i) { return Cell::integer(std::llround(b(i).representative)); });
  t.add("liaison", [=](std::size_t i) { return Cell::integer(std::llround(b(i).liaison)); });
  t.add("betweenness", [&pm, &rows](std::size_t i) { return Cell::num(pm[rows[i]].betweenness); });
  return t;
}

void write_network_summary(JsonWriter& j, const NetworkReport& r) {
  const NetworkResult& n = *r.result;
  const People& all = r.all_people ? *r.all_people : *r.people;
  const std::vector<std::size_t> size = unit_sizes(r.units->size(), all);
  std::size_t small_units = 0, hidden_people = 0, empty_units = 0, listed_units = 0;
  for (std::size_t s : size) {
    if (s == 0)
      ++empty_units;
    else if (s < std::size_t(r.options.min_n))
      ++small_units, hidden_people += s;
    else
      ++listed_units;
  }
  // Unit pairs never published: ordered pairs of units with people, at least
  // one below min_n, whether or not they have ties (a count of those with
  // ties would tell whether such a unit's people have any).
  const std::size_t with_people = listed_units + small_units;
  const std::size_t hidden_pairs = with_people * with_people - listed_units * listed_units;
  std::size_t shown_pairs = 0;
  for (const UnitPair& p : *r.pairs) shown_pairs += !p.suppressed;
  j.key("thresholds").begin_object();
  j.field("min_n", r.options.min_n);
  j.field("note",
          "people of units with fewer than min_n people are not listed individually, and their ties "
          "are left out of every figure; unit pairs with such a unit are left out of unit-ties.csv");
  j.end_object();
  j.key("counts").begin_object();
  j.field("people", all.ids.size()).field("ties", r.ties->size());
  j.field("units", r.units->size()).field("units_without_people", empty_units);
  j.field("units_below_min_n", small_units).field("people_not_listed", hidden_people);
  j.field("unit_pairs", shown_pairs).field("unit_pairs_suppressed", hidden_pairs);
  j.end_object();
  j.field("pseudonymised", r.pseudonymised);
  j.key("paths").begin_object();
  j.field("distance", distance_name(r.options.distance));
  j.field("sampled", n.paths_sampled).field("sources", static_cast<long long>(n.path_sources));
  if (n.paths_sampled)  // only estimates have them: exact summaries keep their bytes
    j.field("pairs", static_cast<long long>(n.path_pairs)).field("refined", static_cast<long long>(n.path_refined));
  j.field("note", n.path_note);
  j.end_object();
  j.key("network").begin_object();
  j.field("density", n.density).field("reciprocity", n.reciprocity);
  j.key("ei_index");
  ei_json(j, n.ei);
  // A side with fewer than min_n listed people: its E-I figures would describe them.
  std::vector<std::size_t> side_people(n.ei_sides.size(), 0);
  const SideIndex sides = side_index(*r.units);
  const std::vector<std::size_t> listed_size = unit_sizes(r.units->size(), *r.people);
  for (std::size_t u = 0; u < listed_size.size(); ++u)
    if (std::size_t(sides.of_unit[u]) < side_people.size()) side_people[sides.of_unit[u]] += listed_size[u];
  j.key("ei_index_by_side").begin_array();
  for (std::size_t k = 0; k < n.ei_sides.size(); ++k) {
    if (side_people[k] >= std::size_t(r.options.min_n)) {
      ei_json(j, n.ei_sides[k]);
      continue;
    }
    j.begin_object().field("side", n.ei_sides[k].side).field("suppressed", true);
    j.field("note", "fewer than min_n people on this side").end_object();
  }
  j.end_array();
  j.field("ei_note", "ties counted once each; *_rc fields are sums of tie weights");
  j.field("assortativity_side", n.assortativity_side).field("assortativity_unit", n.assortativity_unit);
  j.field("communities", static_cast<long long>(n.communities)).field("modularity", n.modularity);
  j.key("community_agreement").begin_object();
  j.field("nmi_side", n.nmi_side).field("adjusted_rand_side", n.ari_side);
  j.field("nmi_unit", n.nmi_unit).field("adjusted_rand_unit", n.ari_unit);
  j.end_object();
  j.field("broker_sides", r.options.side_a + "," + r.options.side_b);
  j.end_object();
  j.key("warnings").begin_array();
  for (const auto& w : n.warnings) j.value(w);
  j.end_array();
}

}  // namespace rcmap::people
