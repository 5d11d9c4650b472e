// Gould & Fernandez (1989) brokerage roles. "Structures of mediation: a
// formal approach to brokerage in transaction networks", Sociological
// Methodology 19:89-126.
//
// Unit b brokers the ordered pair (a, c) when a->b and b->c are ties,
// a, b, c are distinct and a->c is not a tie (the open two-path a->b->c).
// Each brokered pair counts once in one role, by the groups (sides) of a, b, c:
//   coordinator     g(a) = g(b) = g(c)
//   itinerant       g(a) = g(c) != g(b)          (consultant)
//   representative  g(a) = g(b) != g(c)          (b carries its group's tie out)
//   gatekeeper      g(a) != g(b) = g(c)          (b lets an outsider in)
//   liaison         g(a), g(b), g(c) all different
// Same counts as R sna::brokerage (its C code: b_IO = representative,
// b_OI = gatekeeper; its manual page swaps the two). rcmap runs it on the functional-tie graph,
// unweighted, with side as the group. Raw counts (no z-scores).
// Complexity: O(sum_b indeg(b) outdeg(b)) time, O(n^2) memory.
#include <stdexcept>

#include "rcmap/metrics_algorithms.hpp"

namespace rcmap::metrics {

std::vector<BrokerageRoles> brokerage(std::size_t n, const std::vector<VertexPair>& arcs,
                                      const std::vector<int>& group) {
  if (group.size() != n) throw std::invalid_argument("brokerage: one group per vertex needed");
  std::vector<char> adj(n * n, 0);
  std::vector<std::vector<std::uint32_t>> in(n), out(n);
  for (const auto& [a, b] : arcs) {
    if (a >= n || b >= n) throw std::invalid_argument("brokerage: arc outside the graph");
    if (a == b || adj[a * n + b]) continue;
    adj[a * n + b] = 1;
    out[a].push_back(b);
    in[b].push_back(a);
  }
  std::vector<BrokerageRoles> roles(n);
  for (std::size_t b = 0; b < n; ++b) {
    for (std::uint32_t a : in[b])
      for (std::uint32_t c : out[b]) {
        if (a == c || adj[a * n + c]) continue;
        const int ga = group[a], gb = group[b], gc = group[c];
        BrokerageRoles& r = roles[b];
        if (ga == gb && gb == gc) r.coordinator += 1;
        else if (ga == gc) r.itinerant += 1;
        else if (ga == gb) r.representative += 1;
        else if (gb == gc) r.gatekeeper += 1;
        else r.liaison += 1;
      }
  }
  return roles;
}

}  // namespace rcmap::metrics
