// Krackhardt & Stern (1988) E-I index. "Informal networks and organizational
// crises: an experimental simulation", Social Psychology Quarterly 51:123-140.
//
// E-I = (E - I) / (E + I), -1 (all ties inside the group) .. +1 (all ties
// to other groups). rcmap counts functional ties between units, each
// directed tie once (A->B and B->A are two ties); within-unit ties are not
// ties of the graph. Internal = both units on the same side.
//  - global: E, I over all ties.
//  - per side s: I = ties with both ends in s, E = ties with exactly one end
//    in s (outgoing and incoming).
//  - weighted variant: E and I are sums of RC instead of counts.
// Undefined (NaN, warning) when E + I = 0.
// Complexity: O(m + g) for m ties and g groups.
#include <cmath>
#include <stdexcept>

#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap::metrics {
namespace {

void finish(EIIndex& e) {
  const int total = e.internal + e.external;
  e.ei = total > 0 ? static_cast<double>(e.external - e.internal) / total : kNaN;
  const double wtotal = e.internal_rc + e.external_rc;
  e.ei_weighted = total > 0 && wtotal > 0 ? (e.external_rc - e.internal_rc) / wtotal : kNaN;
}

}  // namespace

EIResult ei_index(const std::vector<WeightedArc>& arcs, const std::vector<int>& group,
                  const std::vector<std::string>& group_names, std::vector<std::string>& warnings) {
  EIResult r;
  r.groups.resize(group_names.size());
  for (std::size_t k = 0; k < group_names.size(); ++k) r.groups[k].side = group_names[k];
  for (const WeightedArc& e : arcs) {
    if (e.from >= group.size() || e.to >= group.size()) throw std::invalid_argument("ei_index: arc outside the graph");
    if (e.from == e.to) continue;
    const int ga = group[e.from], gb = group[e.to];
    if (ga < 0 || gb < 0 || static_cast<std::size_t>(ga) >= r.groups.size() ||
        static_cast<std::size_t>(gb) >= r.groups.size())
      throw std::invalid_argument("ei_index: group index out of range");
    if (ga == gb) {
      r.global.internal += 1;
      r.global.internal_rc += e.weight;
      r.groups[ga].internal += 1;
      r.groups[ga].internal_rc += e.weight;
    } else {
      r.global.external += 1;
      r.global.external_rc += e.weight;
      for (int g : {ga, gb}) {
        r.groups[g].external += 1;
        r.groups[g].external_rc += e.weight;
      }
    }
  }
  finish(r.global);
  if (std::isnan(r.global.ei)) warnings.push_back("E-I index undefined: no functional tie");
  for (EIIndex& g : r.groups) {
    finish(g);
    if (std::isnan(g.ei)) warnings.push_back("E-I index of side '" + g.side + "' undefined: no functional tie");
  }
  return r;
}

}  // namespace rcmap::metrics
