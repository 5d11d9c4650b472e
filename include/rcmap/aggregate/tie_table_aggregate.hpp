#pragma once
// The Aggregate of an aggregated tie table (analyze --ties): the ties as
// given (rcmap/survey/tie_table_reader.hpp reads them), with rcmap's
// anonymity rule applied.
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/survey/tie_table_reader.hpp"

namespace rcmap {

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
Aggregate aggregate_given_ties(const Survey& units, const CsvTable& table, const std::vector<AggregatedTieRow>& rows,
                               const AggregateOptions& opt, Diagnostics& diags);

}  // namespace rcmap
