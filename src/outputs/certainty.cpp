// Certainty of a tie's class (include/rcmap/outputs/certainty.hpp,
// docs/metrics.md "Certainty").
#include "rcmap/outputs/certainty.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace rcmap {

const char* certainty_name(Certainty c) {
  switch (c) {
    case Certainty::clear:
      return "clear";
    case Certainty::borderline:
      return "borderline";
    case Certainty::unknown:
      break;
  }
  return "unknown";
}

Certainty threshold_certainty(double lo, double hi, double threshold) {
  if (std::isnan(lo) || std::isnan(hi)) return Certainty::unknown;
  return hi < threshold || lo >= threshold ? Certainty::clear : Certainty::borderline;
}

Certainty strength_certainty(double rc, double lo, double hi, const AggregateOptions& opt) {
  if (std::isnan(rc) || std::isnan(lo) || std::isnan(hi)) return Certainty::unknown;
  // The band [low, high) of the class rc falls in (classify()).
  double low = -INFINITY, high = INFINITY;
  if (rc < opt.weak_below)
    high = opt.weak_below;
  else if (rc < opt.strong_from)
    low = opt.weak_below, high = opt.strong_from;
  else
    low = opt.strong_from;
  return lo >= low && hi < high ? Certainty::clear : Certainty::borderline;
}

Certainty tie_certainty(const Tie& t, const AggregateOptions& opt) {
  if (t.suppressed) return Certainty::unknown;
  return strength_certainty(t.rc, t.ci_low, t.ci_high, opt);
}

int rc_decimals(double rc, int decimals, const AggregateOptions& opt) {
  if (!std::isfinite(rc)) return decimals;
  const Strength want = classify(rc, opt);
  int d = std::max(0, decimals);
  for (; d < 6; ++d) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", d, rc);
    if (classify(std::strtod(buf, nullptr), opt) == want) break;
  }
  return d;
}

}  // namespace rcmap
