#pragma once
// Network metrics of the unit collaboration graph. See
// docs/metrics.md for what each figure means and the conventions used.
//
// Graphs (built by build_unit_graph, include/rcmap/metrics/unit_graph.hpp):
//  - RC graph: directed, an edge A->B for every non-suppressed between-unit
//    tie, weight = RC (a strength). Suppressed, unmeasured and within-unit
//    ties are never edges.
//  - functional-tie graph: the RC-graph edges with RC >= weak_below. Path
//    metrics use it with distances (DistanceTransform); binary metrics use it
//    unweighted.
//  - undirected functional-tie graph: {A,B} is an edge when A->B or B->A is a
//    functional tie; weight = mean RC of the directions measured.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

// How an RC strength becomes a distance for path metrics:
// inverse 1/RC (default), complement 6 - RC, neglog -ln(RC/6).
enum class DistanceTransform { inverse, complement, neglog };
const char* distance_name(DistanceTransform d);           // "inverse", ...
DistanceTransform parse_distance(std::string_view name);  // throws UsageError
// The distance of strength `rc` (> 0 and < 6); throws std::invalid_argument otherwise.
double rc_to_distance(double rc, DistanceTransform d);

struct MetricsOptions {
  DistanceTransform distance = DistanceTransform::inverse;
  double asymmetry = 0.5;  // |rc(A->B) - rc(B->A)| at or above this: one-sided
  std::string gap_side_a = "authority", gap_side_b = "provider";
  unsigned long seed = 1;  // Louvain seed (igraph default RNG)
  // Coordination gaps list every ordered pair across the two sides up to
  // this many pairs (always at up to 2,000 units: 2 x 1,000 x 1,000); above,
  // only the measured pairs, and MetricsResult::unlisted_gaps counts the
  // unmeasured ones left out (their number grows with the square of the units).
  std::size_t max_gap_pairs = 2000000;
};

// Throws UsageError if the options are unusable (asymmetry < 0 or NaN, ...).
void check_options(const MetricsOptions& opt);

// One row per unit, parallel to Survey::units. NaN where undefined.
struct UnitMetrics {
  double in_strength = kNaN, out_strength = kNaN;  // sum of RC in / out (RC graph)
  double betweenness = kNaN;                       // directed, raw, functional distances
  double closeness_in = kNaN, closeness_out = kNaN;
  double harmonic = kNaN;
  double pagerank = kNaN;
  double hub = kNaN, authority_score = kNaN;
  double constraint = kNaN, effective_size = kNaN;
  double clustering = kNaN;  // Barrat, undirected functional-tie graph
  double coreness = kNaN;    // k-core index, undirected functional-tie graph
  double broker_coordinator = kNaN, broker_itinerant = kNaN, broker_gatekeeper = kNaN, broker_representative = kNaN,
         broker_liaison = kNaN;
  long community = -1;  // Louvain community, numbered from 0; -1 if none
  // Gap pairs (gaps.csv rows, ordered) this unit can bridge: the rows of
  // bridges.csv naming it (docs/metrics.md "Bridges"); -1 when not computed
  // or when the unit has no shown rating of another unit (units.csv: blank).
  long bridge_pairs = -1;
  // The unit shows no rating of another unit because its own ratings are all
  // suppressed (it has between-unit ties, none shown): every measure that depends on its
  // outgoing ties (out_strength, betweenness, closeness_out, harmonic,
  // pagerank, hub, authority_score, constraint, effective_size, broker_*,
  // bridge_pairs) is NaN / -1, never 0, and it is ranked nowhere
  // (docs/metrics.md "Units without shown ratings"). units.csv blank_reason.
  bool no_shown_ratings = false;
};

// Parallel to Aggregate::ties. Suppressed and within-unit ties: all NaN, bridge -1.
struct TieMetrics {
  double reverse_rc = kNaN;        // rc of the reverse tie if measured
  double asymmetry = kNaN;         // rc - reverse_rc
  double edge_betweenness = kNaN;  // functional ties only (NaN for weak ties)
  int bridge = -1;                 // 1: {A,B} is a bridge of the undirected functional graph
  double overlap = kNaN;           // Onnela neighbourhood overlap in the functional graph
};

// A cross-side pair of units (see coordination_gaps in metrics_algorithms.hpp).
struct Gap {
  std::uint32_t source = 0, target = 0;
  std::string source_side, target_side;
  double rc = kNaN, reverse_rc = kNaN, asymmetry = kNaN;
  int n = 0;            // respondents behind rc; 0 when unmeasured (a suppressed tie's n is not disclosed)
  std::string kind;     // "unmeasured", "weak", "one-sided", "ok"
  double severity = 0;  // NaN for unmeasured pairs (not enough answers: no severity)
  // 95 % interval of rc (NaN when unmeasured or from an aggregated tie table).
  double ci_low = kNaN, ci_high = kNaN;
  // Whether the interval lies on one side of weak_below (threshold_certainty);
  // unknown for unmeasured pairs and tie tables.
  Certainty certainty = Certainty::unknown;
  // The group gaps.csv ranks by (docs/metrics.md "Coordination gaps"):
  // "clearly_weak", "weak" (weak, certainty unknown), "borderline",
  // "functional", "not_enough_answers" (unmeasured or suppressed).
  std::string group;
};

// A third unit that can carry the ball between the two units of a weak or
// borderline gap pair (docs/metrics.md "Bridges"): its ties with both units
// are shown and functional (RC >= weak_below) in both directions.
struct Bridge {
  std::uint32_t source = 0, target = 0;  // the gap pair, as in gaps.csv
  std::uint32_t bridge = 0;
  int rank = 0;  // 1 = best bridge of the pair
  // RC and n of source->bridge, bridge->source, target->bridge, bridge->target.
  std::array<double, 4> rc{};
  std::array<int, 4> n{};
  double weakest() const { return std::min(std::min(rc[0], rc[1]), std::min(rc[2], rc[3])); }
};

struct SidePairRC {
  std::string source_side, target_side;
  int n = 0, ties = 0;
  double rc = kNaN;
};

// Krackhardt & Stern E-I index of one side (or of the whole network).
struct EIIndex {
  std::string side;                // empty for the global index
  int internal = 0, external = 0;  // functional ties
  double ei = kNaN;                // (E - I) / (E + I) on counts
  double internal_rc = 0, external_rc = 0;
  double ei_weighted = kNaN;  // same on summed RC
};

struct NetworkMetrics {
  DistanceTransform distance = DistanceTransform::inverse;
  double functional_from = kNaN;    // = AggregateOptions::weak_below
  std::size_t units = 0, ties = 0;  // vertices; edges of the RC graph
  std::size_t functional_ties = 0;  // edges of the functional-tie graph
  double overall_rc = kNaN;         // copied from Aggregate (respondent-weighted)
  int overall_n = 0;
  std::vector<SidePairRC> side_pairs;       // copied from Aggregate::sides
  EIIndex ei;                               // global
  std::vector<EIIndex> ei_sides;            // per side, in order of first appearance
  double assortativity_side = kNaN;         // nominal, directed functional-tie graph
  double reciprocity = kNaN;                // functional-tie graph
  double density = kNaN;                    // functional-tie graph, m / (n (n-1))
  long communities = 0;                     // Louvain communities
  double modularity = kNaN;                 // of the Louvain partition
  double nmi = kNaN, adjusted_rand = kNaN;  // Louvain vs sides
};

struct MetricsResult {
  std::vector<UnitMetrics> units;
  std::vector<TieMetrics> ties;
  std::vector<Gap> gaps;          // ranked, most severe first
  std::vector<Bridge> bridges;    // in the order of `gaps`, best bridge first per pair
  std::size_t unlisted_gaps = 0;  // unmeasured pairs not in `gaps` (above MetricsOptions::max_gap_pairs)
  NetworkMetrics network;
  std::vector<std::string> warnings;
};

// Computes every metric of docs/metrics.md. Throws std::invalid_argument if the
// aggregate does not match the survey, ig::Error if igraph fails.
// Deterministic: the same input and seed give the same result.
MetricsResult compute_metrics(const Survey& survey, const Aggregate& agg, const MetricsOptions& opt);

}  // namespace rcmap
