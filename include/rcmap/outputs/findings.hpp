#pragma once
// Key findings of an RC analysis as structured data (no text): the report
// (render/report/report.cpp) turns them into sentences in the chosen language.
// Every finding is computed from shown (non-suppressed) ties only.
#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/json_writer.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

struct TieFinding {
  std::uint32_t source = 0, target = 0;
  double rc = kNaN;
  int n = 0;
  double ci_low = kNaN, ci_high = kNaN;  // 95 % interval (NaN from a tie table)
  // Weak or not against weak_below (threshold_certainty): clear, borderline
  // (the interval contains weak_below) or unknown (no interval).
  Certainty certainty = Certainty::unknown;
};

// A unit that can carry the ball between weak or borderline gap pairs
// (MetricsResult::bridges): `pairs` it bridges, and the mean over them of
// the weakest of its four ties with the pair.
struct BridgeFinding {
  std::uint32_t unit = 0;
  long pairs = 0;
  double weakest = kNaN;
};

// One finding as data (summary.json "findings", docs/outputs.md): what the
// report's sentences say, for other front ends and tests. Only values of
// shown ties and of figures already published elsewhere appear.
struct FindingValue {
  std::string name;
  double value = kNaN;
};
struct Finding {
  std::string kind;                  // overall, weakest, unmeasured, dimension, central, one_sided, bridges
  std::vector<std::uint32_t> units;  // units named (unit indices)
  std::vector<TieFinding> ties;      // ties named (shown ties), with RC, n, interval, certainty
  std::vector<std::string> sides, dimensions;
  std::vector<FindingValue> values;
  std::optional<Certainty> certainty;  // of the finding as a whole, where it has one
};

// A pair of units whose two shown directions differ by at least the
// asymmetry threshold; `source` is the direction with the higher RC.
struct OneSidedFinding {
  std::uint32_t source = 0, target = 0;
  double rc = kNaN, reverse_rc = kNaN;  // source->target, target->source
};

struct CentralFinding {
  std::uint32_t unit = 0;
  double pagerank = kNaN;
};

// A ranking of units on a measure is a finding only when the measure's
// spread is beyond noise (docs/metrics.md "Rankings and noise"): the top
// value exceeds the median of the ranked units by at least this share.
inline constexpr double kMinRankingSpread = 0.10;
// Dimension gaps closer than this to the largest (on the 1-5 scale) are
// reported as indistinguishable from it (docs/metrics.md "Dimension gaps").
inline constexpr double kDimensionGapTolerance = 0.10;

struct Findings {
  std::string side_a, side_b;
  // Shown side_a<->side_b ties (both directions): weak ones first (clearly
  // weak, then of unknown certainty, then borderline), then the others, each
  // group weakest first; at most 5.
  std::vector<TieFinding> weakest_cross;
  int cross_shown = 0;         // shown side_a<->side_b ties
  int cross_weak = 0;          // of which weak
  int cross_clearly_weak = 0;  // of which weak, 95 % interval below weak_below
  int cross_borderline = 0;    // shown cross ties whose interval contains weak_below (weak or not)
  int cross_unmeasured = 0;    // ordered side_a<->side_b pairs without a shown tie
  // Units with the highest PageRank on the RC graph, at most 3; empty when
  // network metrics were not computed, and when the spread is within noise
  // (central_within_noise: the top PageRank is less than kMinRankingSpread
  // above the median). Units without shown ratings are never ranked.
  std::vector<CentralFinding> central;
  bool central_within_noise = false;
  double pagerank_min = kNaN, pagerank_max = kNaN;  // over the ranked units
  // Every dimension whose gap is within kDimensionGapTolerance of the
  // largest, largest gap first (gap_dimension is the first); means of each
  // dimension per direction (a->b: source on side_a) and within each side.
  std::vector<int> gap_dimensions;
  std::array<double, kDimensionCount> a_to_b_mean{}, b_to_a_mean{}, within_a_mean{}, within_b_mean{};
  // Best-placed bridges: units bridging the most weak or borderline gap
  // pairs (then the highest mean weakest tie, then unit order), at most 3.
  std::vector<BridgeFinding> bridges;
  int bridged_pairs = 0;     // weak or borderline gap pairs with at least one bridge
  int bridge_gap_pairs = 0;  // weak or borderline gap pairs
  // The findings as data, in the order the report writes them (summary.json).
  std::vector<Finding> list;
  // The dimension that drives the gaps: the largest shortfall
  // within_mean[d] - cross_mean[d]; -1 when undefined (no shown cross-side or
  // within-side between-unit tie), see gap_dimension_note.
  int gap_dimension = -1;
  std::array<double, kDimensionCount> cross_mean{}, within_mean{};
  int cross_n = 0, within_n = 0;  // ratings behind the means (sum of Tie::n)
  // One-sided pairs, largest difference first, at most 5; one_sided_total all of them.
  std::vector<OneSidedFinding> one_sided;
  int one_sided_total = 0;
};

// Computes the findings. Definitions:
//  - cross-side: a tie whose source is on side_a and target on side_b or the
//    reverse; within-side: a between-unit tie with both ends on side_a or both
//    on side_b. Within-unit ties (A->A) are in neither.
//  - cross_mean[d] / within_mean[d]: respondent-weighted mean of dimension d,
//    sum(dim_mean * dim_n) / sum(dim_n) over the group's shown ties (the same
//    weighting as the profile figure); NaN if the group has no answers.
//  - weakest_cross ties are ordered by RC, then (source, target): deterministic.
//  - one-sided: both directions shown and |rc - reverse_rc| >= asymmetry.
// Suppressed ties are never read. Complexity O(T log T) in the ties.
Findings compute_findings(const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& opt);

// The dimension with the lowest mean over a pair's two directions `a` and
// `b` (either may be null: not shown): the unweighted mean of the shown
// directions' dimension means (a suppressed dimension, NaN, is skipped);
// ties go to the first dimension. -1 when no dimension has a value. Picks the
// dialogue questions of a pair (report.pdf, report.html). O(7).
int lowest_pair_dimension(const Tie* a, const Tie* b);

// summary.json's "findings": an array with one object per Findings::list
// entry: kind, units [unit id], ties [[source id, target id]], tie_values
// [{rc, n, ci_low, ci_high, certainty}] parallel to ties, sides, dimensions,
// values {name: number}, certainty (string or null). O(size of the list).
void write_findings_json(JsonWriter& j, const Survey& s, const Findings& f);

}  // namespace rcmap
