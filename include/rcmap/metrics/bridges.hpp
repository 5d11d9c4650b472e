#pragma once
// Bridges: who can carry the ball between the two units of a weak or
// borderline gap pair (docs/metrics.md "Bridges").
#include <string>
#include <vector>

#include "rcmap/metrics/metrics.hpp"

namespace rcmap::metrics {

// For every gap pair (A, B) of `gaps` whose group is clearly_weak, weak or
// borderline (coordination_gaps; the sides of --gap-sides), every third unit
// X (any side, X != A, B) whose four ties A->X, X->A, B->X and X->B are all
// shown (not suppressed) and functional (RC >= weak_below), ranked by the
// weakest of the four RCs, descending; then by their sum, descending; then
// unit order. Rank 1 = best bridge. Pairs in the order of `gaps`.
// Every value published (the four RCs and n) is that of a shown tie.
// Sets units[x].bridge_pairs = the number of pairs X bridges (0 if none),
// for every unit with a shown rating of another unit (the others keep -1).
// Cost: O(T + sum over listed pairs of (f(A) + f(B)) + B log B) with f(u)
// the units mutually functional with u and B the bridges found; when that
// would exceed `max_work` steps, no bridge is listed, bridge_pairs stays
// -1 and a warning says so (dense networks of thousands of units).
std::vector<Bridge> coordination_bridges(const Survey& survey, const Aggregate& agg, const std::vector<Gap>& gaps,
                                         std::vector<UnitMetrics>& units, std::vector<std::string>& warnings,
                                         double max_work = 2e8);

// Marks the units whose own ratings of other units are all suppressed (at
// least one between-unit tie from them, none shown) as
// UnitMetrics::no_shown_ratings and blanks every measure that depends on
// their outgoing ties (NaN, bridge_pairs -1). A unit that rated no other unit
// at all is an ordinary sink of the graph and keeps its values. `units` is
// parallel to survey.units. O(U + T).
void blank_units_without_ratings(const Survey& survey, const Aggregate& agg, std::vector<UnitMetrics>& units);

}  // namespace rcmap::metrics
