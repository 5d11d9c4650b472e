#pragma once
// Key findings of an RC analysis as structured data (no text): the report
// (render/report/report.cpp) turns them into sentences in the chosen language.
// Every finding is computed from shown (non-suppressed) ties only.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

struct TieFinding {
  std::uint32_t source = 0, target = 0;
  double rc = kNaN;
  int n = 0;
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

struct Findings {
  std::string side_a, side_b;
  // Shown side_a<->side_b ties (both directions), weakest first, at most 5.
  std::vector<TieFinding> weakest_cross;
  int cross_shown = 0;       // shown side_a<->side_b ties
  int cross_weak = 0;        // of which weak
  int cross_unmeasured = 0;  // ordered side_a<->side_b pairs without a shown tie
  // Units with the highest PageRank on the RC graph, at most 3; empty when
  // network metrics were not computed.
  std::vector<CentralFinding> central;
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
Findings compute_findings(const Survey& s, const Aggregate& a, const MetricsResult& m,
                          const MetricsOptions& opt);

}  // namespace rcmap
