// Bridges between the units of weak or borderline gap pairs, and the units
// whose outgoing measures are blank (include/rcmap/metrics/bridges.hpp,
// docs/metrics.md "Bridges" and "Units without shown ratings").
// A bridge is the RC counterpart of a broker between two groups (Gould &
// Fernandez 1989, "liaison"/"representative" roles; Gittell 2006 on boundary
// spanners): here it needs functional ties in both directions with both
// units, so that it can carry information and work either way.
#include "rcmap/metrics/bridges.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "rcmap/metrics/unit_graph.hpp"

namespace rcmap::metrics {

void blank_units_without_ratings(const Survey& survey, const Aggregate& agg, std::vector<UnitMetrics>& units) {
  // 1: a shown rating of another unit; 2: only suppressed ones.
  std::vector<char> rates(survey.units.size(), 0);
  for (const Tie& t : agg.ties)
    if (!t.within() && t.source < rates.size()) {
      if (is_measured(t, agg.options))
        rates[t.source] = 1;
      else if (rates[t.source] == 0)
        rates[t.source] = 2;
    }
  for (std::size_t u = 0; u < units.size() && u < rates.size(); ++u) {
    if (rates[u] != 2) continue;
    UnitMetrics& m = units[u];
    m.no_shown_ratings = true;
    for (double UnitMetrics::*f :
         {&UnitMetrics::out_strength, &UnitMetrics::betweenness, &UnitMetrics::closeness_out, &UnitMetrics::harmonic,
          &UnitMetrics::pagerank, &UnitMetrics::hub, &UnitMetrics::authority_score, &UnitMetrics::constraint,
          &UnitMetrics::effective_size, &UnitMetrics::broker_coordinator, &UnitMetrics::broker_itinerant,
          &UnitMetrics::broker_gatekeeper, &UnitMetrics::broker_representative, &UnitMetrics::broker_liaison})
      m.*f = kNaN;
    m.bridge_pairs = -1;
  }
}

std::vector<Bridge> coordination_bridges(const Survey& survey, const Aggregate& agg, const std::vector<Gap>& gaps,
                                         std::vector<UnitMetrics>& units, std::vector<std::string>& warnings,
                                         double max_work) {
  const std::size_t n = survey.units.size();
  const double weak_below = agg.options.weak_below;
  // mutual[u]: (x, tie u->x, tie x->u) for every x with both ties shown and
  // functional, sorted by x (ties are sorted by source, so u->x come in x order).
  struct Mutual {
    std::uint32_t unit;
    const Tie *out, *in;
  };
  std::vector<std::vector<Mutual>> mutual(n);
  for (const Tie& t : agg.ties) {
    if (t.within() || t.source >= n || t.target >= n || !is_measured(t, agg.options) || !(t.rc >= weak_below)) continue;
    const long r = agg.find(t.target, t.source);
    if (r < 0) continue;
    const Tie& rev = agg.ties[static_cast<std::size_t>(r)];
    if (is_measured(rev, agg.options) && rev.rc >= weak_below) mutual[t.source].push_back({t.target, &t, &rev});
  }
  const auto listed = [](const Gap& g) {
    return g.group == "clearly_weak" || g.group == "weak" || g.group == "borderline";
  };
  double work = 0;
  for (const Gap& g : gaps)
    if (listed(g) && g.source < n && g.target < n)
      work += static_cast<double>(mutual[g.source].size() + mutual[g.target].size());
  std::vector<Bridge> out;
  if (work > max_work) {
    warnings.push_back("bridges not listed: finding them would take about " +
                       std::to_string(static_cast<long long>(work)) + " steps, more than " +
                       std::to_string(static_cast<long long>(max_work)));
    return out;
  }
  for (std::size_t u = 0; u < units.size(); ++u)
    if (!units[u].no_shown_ratings) units[u].bridge_pairs = 0;
  for (const Gap& g : gaps) {
    if (!listed(g) || g.source >= n || g.target >= n) continue;
    const auto& a = mutual[g.source];
    const auto& b = mutual[g.target];
    const std::size_t first = out.size();
    // Merge of two lists sorted by unit: the units mutually functional with both.
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i].unit < b[j].unit)
        ++i;
      else if (b[j].unit < a[i].unit)
        ++j;
      else {
        Bridge br;
        br.source = g.source;
        br.target = g.target;
        br.bridge = a[i].unit;
        const Tie* four[] = {a[i].out, a[i].in, b[j].out, b[j].in};
        for (int k = 0; k < 4; ++k) br.rc[k] = four[k]->rc, br.n[k] = four[k]->n;
        if (br.bridge != g.source && br.bridge != g.target) out.push_back(br);
        ++i, ++j;
      }
    }
    std::sort(out.begin() + static_cast<long>(first), out.end(), [](const Bridge& x, const Bridge& y) {
      const double sx = x.rc[0] + x.rc[1] + x.rc[2] + x.rc[3], sy = y.rc[0] + y.rc[1] + y.rc[2] + y.rc[3];
      return std::make_tuple(-x.weakest(), -sx, x.bridge) < std::make_tuple(-y.weakest(), -sy, y.bridge);
    });
    for (std::size_t k = first; k < out.size(); ++k) {
      out[k].rank = static_cast<int>(k - first) + 1;
      if (out[k].bridge < units.size()) ++units[out[k].bridge].bridge_pairs;
    }
  }
  return out;
}

}  // namespace rcmap::metrics
