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
// brokerage_between counts only the pairs (a, c) with one end in group ga and
// the other in gb (both directions), the brokers between two sides.
// Complexity: O(sum_b indeg(b) outdeg(b) log d) time (d: largest out-degree;
// "a->c is a tie" by binary search in sorted out-lists), O(n + m) memory.
#include <algorithm>
#include <stdexcept>

#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap::metrics {
namespace {

// Calls visit(a, b, c) for every open two-path a->b->c (a, b, c distinct,
// a->c not a tie). Loops and repeated arcs are ignored.
template <class Visit>
void open_two_paths(std::size_t n, const std::vector<VertexPair>& arcs, const std::vector<int>& group, Visit visit) {
  if (group.size() != n) throw std::invalid_argument("brokerage: one group per vertex needed");
  std::vector<VertexPair> sorted;
  sorted.reserve(arcs.size());
  for (const auto& [a, b] : arcs) {
    if (a >= n || b >= n) throw std::invalid_argument("brokerage: arc outside the graph");
    if (a != b) sorted.emplace_back(a, b);
  }
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  // CSR out-lists (targets sorted) and in-lists.
  std::vector<std::size_t> out_start(n + 1, 0), in_start(n + 1, 0);
  for (const auto& [a, b] : sorted) ++out_start[a + 1], ++in_start[b + 1];
  for (std::size_t v = 0; v < n; ++v) out_start[v + 1] += out_start[v], in_start[v + 1] += in_start[v];
  std::vector<std::uint32_t> out(sorted.size()), in(sorted.size());
  std::vector<std::size_t> fill(in_start.begin(), in_start.end() - 1);
  for (std::size_t e = 0; e < sorted.size(); ++e) {
    out[e] = sorted[e].second;
    in[fill[sorted[e].second]++] = sorted[e].first;
  }
  auto has_arc = [&](std::uint32_t a, std::uint32_t c) {
    return std::binary_search(out.begin() + long(out_start[a]), out.begin() + long(out_start[a + 1]), c);
  };
  for (std::size_t b = 0; b < n; ++b)
    for (std::size_t i = in_start[b]; i < in_start[b + 1]; ++i)
      for (std::size_t j = out_start[b]; j < out_start[b + 1]; ++j) {
        const std::uint32_t a = in[i], c = out[j];
        if (a != c && !has_arc(a, c)) visit(a, static_cast<std::uint32_t>(b), c);
      }
}

void count_role(BrokerageRoles& r, int ga, int gb, int gc) {
  if (ga == gb && gb == gc)
    r.coordinator += 1;
  else if (ga == gc)
    r.itinerant += 1;
  else if (ga == gb)
    r.representative += 1;
  else if (gb == gc)
    r.gatekeeper += 1;
  else
    r.liaison += 1;
}

}  // namespace

std::vector<BrokerageRoles> brokerage(std::size_t n, const std::vector<VertexPair>& arcs,
                                      const std::vector<int>& group) {
  std::vector<BrokerageRoles> roles(n);
  open_two_paths(n, arcs, group, [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
    count_role(roles[b], group[a], group[b], group[c]);
  });
  return roles;
}

std::vector<BrokerageRoles> brokerage_between(std::size_t n, const std::vector<VertexPair>& arcs,
                                              const std::vector<int>& group, int ga, int gb) {
  std::vector<BrokerageRoles> roles(n);
  open_two_paths(n, arcs, group, [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
    const int x = group[a], y = group[c];
    if ((x == ga && y == gb) || (x == gb && y == ga)) count_role(roles[b], x, group[b], y);
  });
  return roles;
}

}  // namespace rcmap::metrics
