// Aggregate of an aggregated tie table (analyze --ties): the ties as given,
// with rcmap's anonymity rule applied to their n, and every unit, side and
// overall figure that needs no respondent rows (docs/readers.md "Aggregated
// tie tables").
#include <algorithm>
#include <cmath>
#include <limits>

#include "rcmap/aggregate/tie_table_aggregate.hpp"
#include "util/text.hpp"

namespace rcmap {

Aggregate aggregate_given_ties(const Survey& units, const CsvTable& table, const std::vector<AggregatedTieRow>& rows,
                               const AggregateOptions& opt, Diagnostics& diags) {
  check_options(opt);
  Aggregate a;
  a.options = opt;
  a.from_ties = true;
  const std::size_t source_col = static_cast<std::size_t>(detail::find_column(table.header, "source") + 1);
  const std::size_t target_col = static_cast<std::size_t>(detail::find_column(table.header, "target") + 1);
  // Dimension columns the table has: a blank mean there is a suppressed
  // (or unanswered) dimension, and the index containing it is not
  // republished (docs/readers.md "Aggregated tie tables", Anonymity).
  DimensionMask has_column = 0;
  for (int d = 0; d < kDimensionCount; ++d)
    if (detail::find_column(table.header, kDimensions[d]) >= 0)
      has_column = static_cast<DimensionMask>(has_column | 1u << d);
  std::size_t below_min_n = 0, blank_rc = 0;
  long long total_n = 0;  // side and overall sums of n are int: keep them exact
  for (const auto& r : rows) {
    if ((total_n += r.n) > std::numeric_limits<int>::max()) {
      diags.error(table.path, r.line, static_cast<std::size_t>(detail::find_column(table.header, "n") + 1), "n",
                  "the n of all ties add up to more than " + std::to_string(std::numeric_limits<int>::max()) +
                      "; expected respondent counts");
      break;
    }
    auto s = units.unit_index(r.source), t = units.unit_index(r.target);
    if (!s)
      diags.error(table.path, r.line, source_col, "source",
                  "unknown unit '" + r.source + "'; expected a unit id from " + units.units_path);
    if (!t)
      diags.error(table.path, r.line, target_col, "target",
                  "unknown unit '" + r.target + "'; expected a unit id from " + units.units_path);
    if (!s || !t) continue;
    Tie tie;
    tie.source = *s;
    tie.target = *t;
    tie.n = r.n;
    tie.dim_mean.fill(kNaN);
    // Suppressed in the source (blank rc) or below this run's --min-n: no
    // score of the tie is kept, exactly as aggregate() does.
    tie.suppressed = r.n < opt.min_n || std::isnan(r.rc);
    if (tie.suppressed) {
      ++a.suppressed_ties;
      (r.n < opt.min_n ? below_min_n : blank_rc) += 1;
    } else {
      tie.rc = r.rc;
      for (int d = 0; d < kDimensionCount; ++d) {
        tie.dim_mean[d] = r.dims[d];
        tie.dim_n[d] = std::isnan(r.dims[d]) ? 0 : r.n;
      }
      DimensionMask blank = 0;
      for (int d = 0; d < kDimensionCount; ++d)
        if (std::isnan(r.dims[d])) blank = static_cast<DimensionMask>(blank | 1u << d);
      blank &= has_column;
      if (!(blank & kCommunicationMask)) tie.communication = r.communication;
      if (!(blank & kRelationshipMask)) tie.relationship = r.relationship;
    }
    tie.strength = classify(tie.rc, opt);
    a.ties.push_back(tie);
  }
  if (diags.has_errors()) throw InputError(diags);
  std::sort(a.ties.begin(), a.ties.end(), [](const Tie& x, const Tie& y) {
    return std::pair{x.source, x.target} < std::pair{y.source, y.target};
  });
  if (below_min_n)
    diags.warning(table.path, 0, 0, {},
                  std::to_string(below_min_n) + " ties have n below --min-n " + std::to_string(opt.min_n) +
                      " and are suppressed");
  if (blank_rc)
    diags.warning(table.path, 0, 0, {},
                  std::to_string(blank_rc) + " ties have a blank rc (suppressed in the source) and are suppressed");
  summarise_ties(units, a);
  return a;
}

}  // namespace rcmap
