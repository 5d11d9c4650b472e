#pragma once
#include <igraph.h>
#include <cstdint>
#include <string>
#include <vector>
namespace rcmap::people {
struct PathMetrics {
  std::vector<double> betweenness, harmonic;
  bool sampled = false;
  std::int64_t sources = 0;  // exact: n; estimate: harmonic pivots
  std::int64_t pairs = 0;    // estimate: sampled (s, t) pairs for betweenness
  std::int64_t refined = 0;  // estimate: highest harmonic estimates recomputed exactly
  std::string note;
};
struct PathOptions {
  std::int64_t exact_max_edges = 50000;
  std::int64_t samples = 0 /*0 = auto*/;
  std::int64_t pairs = 0 /*0 = auto*/;
  std::int64_t candidates = -1 /*-1 = auto*/;
  std::uint64_t seed = 1;
  int processes = 2;
};
// g: directed igraph graph; lengths: edge lengths (distance), parallel to edge ids.
PathMetrics path_metrics(const igraph_t& g, const std::vector<double>& lengths, const PathOptions& opt);
}  // namespace rcmap::people
