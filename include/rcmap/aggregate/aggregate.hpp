#pragma once
// Aggregation of respondent rows into RC ties, unit, side and network
// figures, with anonymity suppression. See docs/method.md.
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "rcmap/survey/survey.hpp"

namespace rcmap {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct AggregateOptions {
  int min_answers = 4;       // dimensions a row needs to be included
  int min_n = 5;             // respondents a figure needs to be shown
  double weak_below = 3.5;   // RC below this: weak
  double strong_from = 4.0;  // RC from this: strong
};

// Throws UsageError if the options are inconsistent (min_n < 3, ...).
void check_options(const AggregateOptions& opt);

// Dimensions as bits: bit d set = dimension d (kDimensions order).
using DimensionMask = std::uint8_t;
inline constexpr DimensionMask kCommunicationMask = 0x0F, kRelationshipMask = 0x70;

// The dimensions left out of a tie with n included rows, dim_n[d] of them
// answering dimension d (docs/method.md "Anonymity"): those answered by at
// least one but fewer than min_n rows, when the tie itself has n >= min_n
// (a tie below min_n is suppressed whole). Their answers enter no published
// figure: the mean is blank, the index containing it (communication,
// relationship) is blank, and the tie's row scores leave them out. O(7).
DimensionMask left_out_dimensions(int n, const std::array<int, kDimensionCount>& dim_n, int min_n);

// A row's score without the dimensions in `left_out`: the mean of its other
// answered dimensions (Response::mean when left_out is 0); NaN if it answered
// none of them. Used wherever rows are scored (ties, waves, sites). O(7).
double row_score(const Response& r, DimensionMask left_out);

enum class Strength { weak, moderate, strong, suppressed };
const char* strength_name(Strength s);
Strength classify(double rc, const AggregateOptions& opt);

// Tie A->B: how unit A's respondents rate unit B (A == B: within-unit).
// When suppressed, every score is NaN and must not be used anywhere.
// left_out: dimensions answered by fewer than min_n of the tie's rows
// (left_out_dimensions): their means and the index containing them are NaN,
// and rc, sd and the CI are over the row scores without them (row_score). A
// shown tie where a row answered only left-out dimensions is suppressed.
struct Tie {
  std::uint32_t source = 0, target = 0;
  int n = 0;  // included rows (= respondents: one row per respondent and target)
  bool suppressed = false;
  DimensionMask left_out = 0;
  double rc = kNaN, sd = kNaN, ci_low = kNaN, ci_high = kNaN;
  std::array<double, kDimensionCount> dim_mean{};
  std::array<int, kDimensionCount> dim_n{};
  double communication = kNaN, relationship = kNaN;
  Strength strength = Strength::suppressed;
  bool within() const { return source == target; }
};

struct UnitResult {
  int respondents = 0;          // distinct respondents with at least one included row
  double response_rate = kNaN;  // respondents / headcount
  double rc_given = kNaN;       // mean RC of its non-suppressed ties to other units
  double rc_received = kNaN;    // mean RC of non-suppressed ties from other units
  double rc_within = kNaN;      // its within-unit tie, if not suppressed
};

struct SideResult {
  std::string source_side, target_side;
  int n = 0;         // rows behind the figure (sum of n of the ties used)
  int ties = 0;      // non-suppressed between-unit ties used
  double rc = kNaN;  // respondent-weighted mean RC
};

// Over the complete rows of shown ties without left-out dimensions; NaN
// (not shown) when there are fewer than min_n such rows.
struct Alpha {
  double value = kNaN;  // Cronbach's alpha of the 7 items
  int n = 0;            // complete rows used
};

struct Aggregate {
  AggregateOptions options;
  std::vector<Tie> ties;          // every ordered pair with >= 1 included row, sorted by (source, target)
  std::vector<UnitResult> units;  // parallel to Survey::units
  std::vector<SideResult> sides;  // every side pair with >= 1 non-suppressed tie
  std::size_t rows_read = 0, rows_included = 0, rows_excluded = 0;
  int respondents = 0;  // respondents with at least one included row
  std::size_t suppressed_ties = 0;
  double overall_rc = kNaN;  // respondent-weighted over non-suppressed ties
  int overall_n = 0;
  Alpha alpha;
  // Built from an aggregated tie table (analyze --ties): no respondent-level
  // figures (respondents, rows, alpha, sd, CIs); tables leave them blank.
  bool from_ties = false;

  // Index into `ties` of A->B, or -1. O(log T).
  long find(std::uint32_t source, std::uint32_t target) const {
    auto it = std::lower_bound(ties.begin(), ties.end(), std::pair{source, target},
                               [](const Tie& t, const std::pair<std::uint32_t, std::uint32_t>& k) {
                                 return std::pair{t.source, t.target} < k;
                               });
    if (it == ties.end() || it->source != source || it->target != target) return -1;
    return static_cast<long>(it - ties.begin());
  }

  // The tie A->B if it is shown (rated and not suppressed), else null. O(log T).
  const Tie* shown(std::uint32_t source, std::uint32_t target) const {
    const long i = find(source, target);
    return i < 0 || ties[static_cast<std::size_t>(i)].suppressed ? nullptr : &ties[static_cast<std::size_t>(i)];
  }
};

// Aggregates the survey. Complexity O(R log R) in the number of rows, plus
// one more pass over the rows when some tie has left-out dimensions.
Aggregate aggregate(const Survey& survey, const AggregateOptions& opt);

// The part of aggregate() that needs only the ties (sorted, suppression
// applied): each unit's rc_given / rc_received (unweighted means of its
// non-suppressed between-unit ties) and rc_within, the side pairs and the
// overall RC (n-weighted over non-suppressed between-unit ties). Suppressed
// ties are used nowhere. Also used for aggregated tie tables. O(T + S^2).
void summarise_ties(const Survey& survey, Aggregate& a);

}  // namespace rcmap
