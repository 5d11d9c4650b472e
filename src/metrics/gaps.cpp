// Coordination gaps between two sides (issue 3, "Coordination gaps").
//
// Every ordered pair (A, B) of distinct units with A on one gap side and B on
// the other (both directions) is listed with the first kind that applies:
//   unmeasured  no tie A->B, or the tie is suppressed (n < min_n)
//   weak        rc(A->B) < weak_below
//   one-sided   |rc(A->B) - rc(B->A)| >= asymmetry threshold (both measured)
//   ok          otherwise
// Severity (higher = worse; bands never overlap, so kinds rank in the order
// above, and within a band the value is monotone in how bad the tie is):
//   unmeasured  3
//   weak        1 + (weak_below - rc) / (weak_below - 1)     in (1, 2]
//               (1 at the threshold, 2 at the scale minimum RC = 1)
//   one-sided   |asymmetry| / 4                             in (0, 1]
//               (4 = largest possible difference on the 1-5 scale)
//   ok          0
// Ranking: severity descending, then source, then target (unit order of
// units.csv), so equal severities keep a stable, reproducible order.
// A suppressed tie's n and RC are not disclosed: n = 0, rc = NaN.
// If a gap side has no unit, a warning is given and no pair is listed.
// Complexity: O(n + T + a b (log d + log(a b))) for n units, a and b of
// them on the two sides, T ties, d ties per unit at most: only pairs across the two sides are visited, so it is cheap
// at any number of units and needs no network metric.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "rcmap/metrics_algorithms.hpp"

namespace rcmap::metrics {
namespace {

int kind_rank(const std::string& k) {
  if (k == "unmeasured") return 0;
  if (k == "weak") return 1;
  if (k == "one-sided") return 2;
  return 3;
}

}  // namespace

double gap_severity(const std::string& kind, double rc, double asymmetry, double weak_below) {
  if (kind == "unmeasured") return 3.0;
  if (kind == "weak") {
    const double span = weak_below - 1.0;
    return span > 0 ? 1.0 + std::clamp((weak_below - rc) / span, 0.0, 1.0) : 2.0;
  }
  if (kind == "one-sided") return std::min(std::fabs(asymmetry) / 4.0, 1.0);
  return 0.0;
}

std::vector<Gap> coordination_gaps(const Survey& survey, const Aggregate& agg,
                                   const MetricsOptions& opt, std::vector<std::string>& warnings) {
  const auto& units = survey.units;
  // The units of each gap side, in unit order (the same side twice: one list).
  std::vector<std::uint32_t> side_a, side_b;
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    if (units[u].side == opt.gap_side_a) side_a.push_back(u);
    if (units[u].side == opt.gap_side_b) side_b.push_back(u);
  }
  std::vector<Gap> gaps;
  bool missing = false;
  for (const auto& [s, list] : {std::pair{&opt.gap_side_a, &side_a}, std::pair{&opt.gap_side_b, &side_b}})
    if (list->empty()) {
      warnings.push_back("gap side '" + *s + "' has no unit: no coordination gaps listed");
      missing = true;
    }
  if (missing) return gaps;

  // Ties are sorted by (source, target): the ties of source u are
  // ties[first[u] .. first[u + 1]), searched within that short range.
  std::vector<std::size_t> first(units.size() + 1, 0);
  for (const Tie& t : agg.ties)
    if (t.source < units.size()) ++first[t.source + 1];
  for (std::size_t u = 0; u < units.size(); ++u) first[u + 1] += first[u];
  const auto measured = [&](std::uint32_t a, std::uint32_t b, const Tie*& tie) {
    const auto begin = agg.ties.begin() + static_cast<long>(first[a]);
    const auto end = agg.ties.begin() + static_cast<long>(first[a + 1]);
    const auto it = std::lower_bound(begin, end, b, [](const Tie& t, std::uint32_t to) { return t.target < to; });
    tie = it != end && it->target == b ? &*it : nullptr;
    return tie && is_measured(*tie, agg.options);
  };
  const auto pair = [&](std::uint32_t a, std::uint32_t b) {
    Gap g;
    g.source = a;
    g.target = b;
    g.source_side = units[a].side;
    g.target_side = units[b].side;
    const Tie *fwd = nullptr, *rev = nullptr;
    const bool has_fwd = measured(a, b, fwd), has_rev = measured(b, a, rev);
    if (has_fwd) {
      g.rc = fwd->rc;
      g.n = fwd->n;
    }
    if (has_rev) g.reverse_rc = rev->rc;
    if (has_fwd && has_rev) g.asymmetry = g.rc - g.reverse_rc;
    if (!has_fwd) g.kind = "unmeasured";
    else if (g.rc < agg.options.weak_below) g.kind = "weak";
    else if (has_rev && std::fabs(g.asymmetry) >= opt.asymmetry) g.kind = "one-sided";
    else g.kind = "ok";
    g.severity = gap_severity(g.kind, g.rc, g.asymmetry, agg.options.weak_below);
    gaps.push_back(std::move(g));
  };
  // Both directions of every pair across the two sides; with one side named
  // twice, every ordered pair of distinct units of that side. The sort below
  // fixes the order, so the order of the loops does not matter.
  const bool same = opt.gap_side_a == opt.gap_side_b;
  gaps.reserve(same ? side_a.size() * (side_a.size() - 1) : 2 * side_a.size() * side_b.size());
  for (std::uint32_t a : side_a)
    for (std::uint32_t b : side_b) {
      if (a == b) continue;
      pair(a, b);
      if (!same) pair(b, a);
    }
  // Sorted through keys (the kind's rank computed once per pair), then
  // moved into that order; (source, target) is unique, so the order is total.
  struct Key {
    double severity;
    int rank;
    std::uint32_t source, target;
    std::size_t index;
  };
  std::vector<Key> keys(gaps.size());
  for (std::size_t i = 0; i < gaps.size(); ++i)
    keys[i] = {gaps[i].severity, kind_rank(gaps[i].kind), gaps[i].source, gaps[i].target, i};
  std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
    return std::make_tuple(-x.severity, x.rank, x.source, x.target) <
           std::make_tuple(-y.severity, y.rank, y.source, y.target);
  });
  std::vector<Gap> ranked;
  ranked.reserve(gaps.size());
  for (const Key& k : keys) ranked.push_back(std::move(gaps[k.index]));
  return ranked;
}

}  // namespace rcmap::metrics
