// Neighbourhood overlap, Onnela et al. (2007) "Structure and tie strengths in
// mobile communication networks", PNAS 104:7332-7336:
//   O_ij = n_ij / ((k_i - 1) + (k_j - 1) - n_ij)
// with n_ij the common neighbours and k the degrees of i and j. rcmap
// computes it in the undirected functional-tie graph for every measured tie,
// also weak ones (which are not edges of that graph: "low overlap + weak =
// a weak tie that bridges"). Written without assuming i-j is an edge:
//   O_ij = |N(i) & N(j)| / |(N(i) | N(j)) \ {i, j}|,
// which equals Onnela's formula when i-j is an edge. NaN when i and j have
// no neighbour other than each other (denominator 0).
// Complexity: O(n^2 + q n) for q pairs.
#include <stdexcept>

#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap::metrics {

std::vector<double> neighbourhood_overlap(std::size_t n, const std::vector<VertexPair>& edges,
                                          const std::vector<VertexPair>& queries) {
  std::vector<char> adj(n * n, 0);
  for (const auto& [a, b] : edges) {
    if (a >= n || b >= n) throw std::invalid_argument("overlap: edge outside the graph");
    if (a == b) continue;
    adj[a * n + b] = adj[b * n + a] = 1;
  }
  std::vector<double> out;
  out.reserve(queries.size());
  for (const auto& [i, j] : queries) {
    if (i >= n || j >= n) throw std::invalid_argument("overlap: pair outside the graph");
    std::size_t common = 0, either = 0;
    for (std::size_t v = 0; v < n; ++v) {
      if (v == i || v == j) continue;
      const bool a = adj[i * n + v], b = adj[j * n + v];
      common += a && b;
      either += a || b;
    }
    out.push_back(either > 0 ? static_cast<double>(common) / static_cast<double>(either) : kNaN);
  }
  return out;
}

}  // namespace rcmap::metrics
