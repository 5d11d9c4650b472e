#pragma once
// Node positions for the coordination map (docs/figures.md "map"). Core code: no Cairo.
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

enum class LayoutKind { sides, force };

struct Point {
  double x = 0, y = 0;
};

// Positions for every unit in Survey::units, in abstract units (the renderer
// scales them to the page, x to the right, y downwards).
//
// sides: units of `side_a` in a column on the left (x = 0), units of `side_b`
//   in a column on the right (x = 1), every other side in a row along the top
//   (y = 0) or bottom (y = 1), alternating top/bottom in Survey::sides order;
//   a row with more than 6 units zig-zags. Columns span y in [0.12, 0.88],
//   rows span x in [0.22, 0.78]. The order inside each column/row reduces
//   crossings by the barycentric heuristic of Sugiyama, Tagawa & Toda (1981):
//   four sweeps, each unit moved to the RC-weighted mean position (along the
//   band's axis) of the units it is tied to outside its band; ties broken by
//   unit index. A side named neither side_a nor side_b nor present: skipped.
// force: weighted Fruchterman & Reingold (1991) layout from igraph
//   (igraph_layout_fruchterman_reingold, 500 iterations), weights = RC of the
//   non-suppressed between-unit ties (larger RC = stronger attraction);
//   direction is ignored (A->B and B->A both attract). igraph's default RNG
//   is seeded with `seed` first, so the result is deterministic. Isolated
//   units are placed by the algorithm too (repelled to the periphery).
// Suppressed ties never contribute (their RC is NaN and must not be used).
// Edge cases: no units -> empty vector; one unit -> (0.5, 0.5).
// Complexity: sides O(S * (V log V + T)); force O(500 * V^2) (igraph).
// Not thread-safe (force calls igraph).
std::vector<Point> compute_layout(const Survey& survey, const Aggregate& agg, LayoutKind kind,
                                  const std::string& side_a, const std::string& side_b, unsigned long seed);

}  // namespace rcmap
