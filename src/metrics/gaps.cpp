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
// Complexity: O(a b log T) for a and b units on the two sides, T ties.
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
  const auto on_side = [&](const std::string& s) {
    return std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.side == s; });
  };
  std::vector<Gap> gaps;
  bool missing = false;
  for (const std::string& s : {opt.gap_side_a, opt.gap_side_b})
    if (!on_side(s)) {
      warnings.push_back("gap side '" + s + "' has no unit: no coordination gaps listed");
      missing = true;
    }
  if (missing) return gaps;

  const auto measured = [&](std::uint32_t a, std::uint32_t b, const Tie*& tie) {
    const long k = agg.find(a, b);
    tie = k >= 0 ? &agg.ties[static_cast<std::size_t>(k)] : nullptr;
    return tie && is_measured(*tie, agg.options);
  };
  for (std::uint32_t a = 0; a < units.size(); ++a)
    for (std::uint32_t b = 0; b < units.size(); ++b) {
      if (a == b) continue;
      const std::string &sa = units[a].side, &sb = units[b].side;
      if (!((sa == opt.gap_side_a && sb == opt.gap_side_b) ||
            (sa == opt.gap_side_b && sb == opt.gap_side_a)))
        continue;
      Gap g;
      g.source = a;
      g.target = b;
      g.source_side = sa;
      g.target_side = sb;
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
    }
  std::stable_sort(gaps.begin(), gaps.end(), [](const Gap& x, const Gap& y) {
    return std::make_tuple(-x.severity, kind_rank(x.kind), x.source, x.target) <
           std::make_tuple(-y.severity, kind_rank(y.kind), y.source, y.target);
  });
  return gaps;
}

}  // namespace rcmap::metrics
