#pragma once
// Aggregated RC tables from other tools or earlier reports: one row per tie
// (source,target,n,rc plus optional per-dimension means and the
// communication/relationship indices), for analyses without respondent data.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

struct AggregatedTieRow {
  std::string source, target;                  // unit ids as written
  int n = 0;                                   // respondents behind the tie
  double rc = 0;                               // mean RC; NaN if blank (suppressed in the source)
  std::array<double, kDimensionCount> dims{};  // NaN where absent or blank
  double communication = 0, relationship = 0;  // NaN where absent or blank
  std::size_t line = 0;                        // line in the table
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

}  // namespace rcmap
