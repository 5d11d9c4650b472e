#pragma once
// Certainty of a tie's class (docs/metrics.md "Certainty"): whether the 95 %
// interval of the tie's RC lies on one side of the threshold(s) that define
// its class. One rule, used by ties.csv, gaps.csv, bridges, the findings and
// the figures, so that they never disagree.
#include <string>

#include "rcmap/aggregate/aggregate.hpp"

namespace rcmap {

enum class Certainty { clear, borderline, unknown };
const char* certainty_name(Certainty c);  // "clear", "borderline", "unknown"

// Certainty of the strength class (weak / moderate / strong, classify()) of a
// tie with mean `rc` and 95 % interval [lo, hi] (AggregateOptions thresholds):
//   weak      clear when hi <  weak_below
//   moderate  clear when lo >= weak_below and hi < strong_from
//   strong    clear when lo >= strong_from
// (the same half-open bands as classify(), so an interval that touches the
// threshold from below, hi == weak_below, reaches the next class: borderline).
// unknown when rc, lo or hi is NaN (aggregated tie tables carry no SD).
// An interval of width 0 (every respondent gave the same answers) is clear.
// O(1).
Certainty strength_certainty(double rc, double lo, double hi, const AggregateOptions& opt);

// Certainty of being below `threshold` or not (gaps.csv, bridges: one
// threshold, weak_below): clear when hi < threshold or lo >= threshold,
// borderline when lo < threshold <= hi, unknown when lo or hi is NaN. O(1).
Certainty threshold_certainty(double lo, double hi, double threshold);

// ties.csv's `certainty` of a tie: strength_certainty of its RC and interval;
// a suppressed tie has none (the caller leaves the cell empty). O(1).
Certainty tie_certainty(const Tie& t, const AggregateOptions& opt);

// Decimals to print an RC with so that the printed value never contradicts
// its class (colour): `decimals` (what the layout allows), or more, up to 6,
// until the value rounded to that many decimals (as printf rounds) falls in
// the same class as `rc` (classify()). 3.458 with 1 decimal reads "3.5", a
// moderate value on a weak colour: 2 decimals, "3.46". NaN: `decimals`. O(1).
int rc_decimals(double rc, int decimals, const AggregateOptions& opt);

}  // namespace rcmap
