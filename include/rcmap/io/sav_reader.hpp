#pragma once
// SPSS .sav files (survey-tool exports) via ReadStat, as a CsvTable so they go
// through the same mapping and validation as CSV and Excel input.
#include <string>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"

namespace rcmap {

// Reads the .sav (or compressed .zsav) file at `path`: variable names become
// the header, cases become rows (CsvRow::line = case number + 1, so the
// header is line 1 as in a spreadsheet view). Numeric values are written as
// integers when integral, else as the shortest round-trip decimal; string
// values are trimmed of SPSS's trailing padding. System-missing values and
// values the file declares user-missing (SPSS "missing values" ranges) are
// empty fields.
//
// For each variable named in `label_variables` (case-insensitive; "*" = every
// variable with value labels) codes are replaced by their value labels, e.g.
// the own-unit variable coded 1 = "Myndighed Nord". A code without a label is
// kept as is, with a warning naming case and variable.
//
// Errors (file, line, column = variable position, column_name = variable):
// file cannot be opened or is not an SPSS file (ReadStat's message), a label
// variable that is not in the file (the message lists the variables).
CsvTable read_sav(const std::string& path, const std::vector<std::string>& label_variables, Diagnostics& diags);

}  // namespace rcmap
