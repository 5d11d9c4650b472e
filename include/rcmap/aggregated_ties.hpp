#pragma once
// Aggregated RC tables from other tools or earlier reports: one row per tie
// (source,target,n,rc plus optional per-dimension means and the
// communication/relationship indices), for analyses without respondent data.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/aggregate.hpp"
#include "rcmap/csv.hpp"
#include "rcmap/diagnostics.hpp"
#include "rcmap/survey.hpp"

namespace rcmap {

struct AggregatedTieRow {
  std::string source, target;  // unit ids as written
  int n = 0;                   // respondents behind the tie
  double rc = 0;               // mean RC; NaN if blank (suppressed in the source)
  std::array<double, kDimensionCount> dims{};  // NaN where absent or blank
  double communication = 0, relationship = 0;  // NaN where absent or blank
  std::size_t line = 0;        // line in the table
};

// Parses and validates an aggregated tie table. Header names are
// case-insensitive, column order free; required: source, target, n, rc;
// optional: the seven dimension names, communication, relationship; other
// columns are ignored (one note). Blank or NA scores read as NaN; a decimal
// comma is accepted.
// Errors (file, line, column): missing required column; empty source or
// target; n not an integer >= 0; a score not a number in [1, 5]; the same
// source -> target twice. Rows with errors are left out.
std::vector<AggregatedTieRow> read_aggregated_ties(const CsvTable& t, Diagnostics& diags);

// The Aggregate of tie rows read from `table` (analyze --ties), on `units`
// (build_units_only). A tie is suppressed when its n is below opt.min_n or
// its rc is blank: then every score is NaN, as in aggregate(). Shown ties
// keep rc, the dimension means given (dim_n = n for those) and the
// communication / relationship indices given, except an index one of whose
// dimensions has a column but a blank mean (suppressed in the source: the
// index and the other means could give it back); sd and CIs are NaN (no
// respondent rows). Units, sides and overall: summarise_ties (side and
// overall RC n-weighted, as aggregate()); respondents and response rates are
// unknown (from_ties). Errors (file, line, column): source or target not a
// unit id; the n of all ties summing past INT_MAX. Warnings: counts of ties
// suppressed by --min-n or blank in the source. Throws InputError. O(T log T).
Aggregate aggregate_given_ties(const Survey& units, const CsvTable& table,
                               const std::vector<AggregatedTieRow>& rows, const AggregateOptions& opt,
                               Diagnostics& diags);

}  // namespace rcmap
