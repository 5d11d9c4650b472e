// Leiden communities for person networks (metrics::communities with
// CommunityMethod::leiden, src/metrics/community.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "rcmap/metrics/metrics_algorithms.hpp"

using Catch::Matchers::WithinAbs;

// Two triangles {0,1,2} and {3,4,5} joined by the edge 2-3, unit weights:
// m = 7 edges, each triangle has 3 internal edges and degree sum 7, so the
// two-triangle partition has modularity 2 (3/7 - (7/14)^2) = 5/14 = 0.357143
// (Newman 2004), the maximum for this graph.
TEST_CASE("Leiden finds the two triangles of a barbell with modularity 5/14", "[people][communities]") {
  const std::vector<rcmap::VertexPair> e = {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}};
  std::vector<std::string> warnings;
  const auto r = rcmap::metrics::communities(6, e, std::vector<double>(7, 1.0), {0, 0, 0, 1, 1, 1}, 1, warnings,
                                             rcmap::metrics::CommunityMethod::leiden);
  CHECK(r.count == 2);
  CHECK(r.membership == std::vector<long>{0, 0, 0, 1, 1, 1});
  CHECK_THAT(r.modularity, WithinAbs(5.0 / 14, 1e-12));
  CHECK_THAT(r.nmi, WithinAbs(1, 1e-12));  // communities = sides
  const auto none =
      rcmap::metrics::communities(3, {}, {}, {0, 0, 1}, 1, warnings, rcmap::metrics::CommunityMethod::leiden);
  CHECK(none.count == 3);  // no tie: every person alone
}
