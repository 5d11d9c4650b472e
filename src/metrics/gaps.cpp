// Coordination gaps between two sides (docs/metrics.md "Coordination gaps").
//
// Every ordered pair (A, B) of distinct units with A on one gap side and B on
// the other (both directions) is listed with the first kind that applies:
//   unmeasured  no tie A->B, or the tie is suppressed (n < min_n)
//   weak        rc(A->B) < weak_below
//   one-sided   |rc(A->B) - rc(B->A)| >= asymmetry threshold (both measured)
//   ok          otherwise
// Severity (higher = worse; bands never overlap, so kinds rank in the order
// above, and within a band the value is monotone in how bad the tie is):
//   unmeasured  NaN (not enough answers: no severity, ranked last)
//   weak        1 + (weak_below - rc) / (weak_below - 1)     in (1, 2]
//               (1 at the threshold, 2 at the scale minimum RC = 1)
//   one-sided   |asymmetry| / 4                             in (0, 1]
//               (4 = largest possible difference on the 1-5 scale)
//   ok          0
// Group (Gap::group), from the tie's 95 % interval against weak_below
// (threshold_certainty, include/rcmap/outputs/certainty.hpp):
//   clearly_weak  weak, interval below weak_below
//   weak          weak, no interval (aggregated tie table)
//   borderline    the interval contains weak_below (rc on either side)
//   functional    rc >= weak_below and the interval does not reach below (or no interval)
//   not_enough_answers  unmeasured
// Ranking: group in the order above, then severity descending, then source,
// then target (unit order of units.csv): a pair without enough answers is
// never ranked above a measured one, a borderline weak pair never above a
// clearly weak one.
// A suppressed tie's n and RC are not disclosed: n = 0, rc = NaN.
// If a gap side has no unit, a warning is given and no pair is listed.
// Above opt.max_gap_pairs pairs (their number grows with the square of the
// units) only the measured pairs are listed, in the same order, and a
// warning counts the unmeasured ones left out.
// Complexity: O(n + T + a b (log d + log(a b))) for n units, a and b of
// them on the two sides, T ties, d ties per unit at most: only pairs across the two sides are visited, so it is cheap
// at any number of units and needs no network metric.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "rcmap/metrics/metrics_algorithms.hpp"

namespace rcmap::metrics {
double gap_severity(const std::string& kind, double rc, double asymmetry, double weak_below) {
  if (kind == "unmeasured") return kNaN;
  if (kind == "weak") {
    const double span = weak_below - 1.0;
    return span > 0 ? 1.0 + std::clamp((weak_below - rc) / span, 0.0, 1.0) : 2.0;
  }
  if (kind == "one-sided") return std::min(std::fabs(asymmetry) / 4.0, 1.0);
  return 0.0;
}

std::vector<Gap> coordination_gaps(const Survey& survey, const Aggregate& agg, const MetricsOptions& opt,
                                   std::vector<std::string>& warnings, std::size_t* unlisted) {
  if (unlisted) *unlisted = 0;
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
  const auto measured = [&](std::uint32_t a, std::uint32_t b) -> const Tie* {
    const auto begin = agg.ties.begin() + static_cast<long>(first[a]);
    const auto end = agg.ties.begin() + static_cast<long>(first[a + 1]);
    const auto it = std::lower_bound(begin, end, b, [](const Tie& t, std::uint32_t to) { return t.target < to; });
    return it != end && it->target == b && is_measured(*it, agg.options) ? &*it : nullptr;
  };
  // Each pair is classified and ranked first, then built as a Gap in rank
  // order (building the Gaps, with their strings, only once).
  static const char* const kKinds[] = {"unmeasured", "weak", "one-sided", "ok"};
  static const char* const kGroups[] = {"clearly_weak", "weak", "borderline", "functional", "not_enough_answers"};
  struct Pair {
    double severity;
    int rank;   // of the kind: 0 unmeasured, 1 weak, 2 one-sided, 3 ok (kKinds)
    int group;  // kGroups
    std::uint32_t source, target;
    const Tie *fwd, *rev;  // measured ties A->B and B->A, or null
  };
  std::vector<Pair> pairs;
  const auto pair = [&](std::uint32_t a, std::uint32_t b) {
    Pair p{0, 0, 4, a, b, measured(a, b), measured(b, a)};
    const double asymmetry = p.fwd && p.rev ? p.fwd->rc - p.rev->rc : kNaN;
    if (!p.fwd)
      p.rank = 0;
    else if (p.fwd->rc < agg.options.weak_below)
      p.rank = 1;
    else if (p.rev && std::fabs(asymmetry) >= opt.asymmetry)
      p.rank = 2;
    else
      p.rank = 3;
    p.severity = gap_severity(kKinds[p.rank], p.fwd ? p.fwd->rc : kNaN, asymmetry, agg.options.weak_below);
    if (p.fwd) {
      const Certainty c = threshold_certainty(p.fwd->ci_low, p.fwd->ci_high, agg.options.weak_below);
      const bool weak = p.fwd->rc < agg.options.weak_below;
      p.group = c == Certainty::borderline ? 2 : weak ? (c == Certainty::clear ? 0 : 1) : 3;
    }
    pairs.push_back(p);
  };
  // Both directions of every pair across the two sides; with one side named
  // twice, every ordered pair of distinct units of that side. The sort below
  // fixes the order, so the order of the loops does not matter.
  const bool same = opt.gap_side_a == opt.gap_side_b;
  const std::size_t all = same ? side_a.size() * (side_a.size() - 1) : 2 * side_a.size() * side_b.size();
  if (all <= opt.max_gap_pairs) {
    pairs.reserve(all);
    for (std::uint32_t a : side_a)
      for (std::uint32_t b : side_b) {
        if (a == b) continue;
        pair(a, b);
        if (!same) pair(b, a);
      }
  } else {
    // Too many to list: the measured pairs only, from the ties (O(T)); a
    // pair is unmeasured exactly when its forward tie is not measured.
    const auto on = [&](std::uint32_t u, const std::string& side) { return units[u].side == side; };
    for (const Tie& t : agg.ties) {
      if (t.source == t.target || t.source >= units.size() || t.target >= units.size()) continue;
      const bool cross = (on(t.source, opt.gap_side_a) && on(t.target, opt.gap_side_b)) ||
                         (on(t.source, opt.gap_side_b) && on(t.target, opt.gap_side_a));
      if (cross && is_measured(t, agg.options)) pair(t.source, t.target);
    }
    const std::size_t left = all - pairs.size();
    if (unlisted) *unlisted = left;
    warnings.push_back(std::to_string(all) + " ordered pairs across the gap sides, more than " +
                       std::to_string(opt.max_gap_pairs) + ": gaps.csv lists the " + std::to_string(pairs.size()) +
                       " measured pairs; the " + std::to_string(left) + " unmeasured pairs are not listed");
  }
  // (source, target) is unique, so the order is total.
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    // Unmeasured pairs (severity NaN) are alone in the last group.
    const double sx = x.group == 4 ? 0 : -x.severity, sy = y.group == 4 ? 0 : -y.severity;
    return std::make_tuple(x.group, sx, x.rank, x.source, x.target) <
           std::make_tuple(y.group, sy, y.rank, y.source, y.target);
  });
  gaps.reserve(pairs.size());
  for (const Pair& p : pairs) {
    Gap g;
    g.source = p.source;
    g.target = p.target;
    g.source_side = units[p.source].side;
    g.target_side = units[p.target].side;
    if (p.fwd) {
      g.rc = p.fwd->rc;
      g.n = p.fwd->n;
      g.ci_low = p.fwd->ci_low;
      g.ci_high = p.fwd->ci_high;
      g.certainty = threshold_certainty(g.ci_low, g.ci_high, agg.options.weak_below);
    }
    if (p.rev) g.reverse_rc = p.rev->rc;
    if (p.fwd && p.rev) g.asymmetry = g.rc - g.reverse_rc;
    g.kind = kKinds[p.rank];
    g.severity = p.severity;
    g.group = kGroups[p.group];
    gaps.push_back(std::move(g));
  }
  return gaps;
}

}  // namespace rcmap::metrics
