#pragma once
// Minimal reader for Excel .xlsx workbooks (Office Open XML, ECMA-376 Part 1,
// §18.3 worksheets, §18.4 shared strings): one worksheet as a CsvTable, so
// units, responses and wide exports saved from Excel go through the same
// validation as CSV files.
#include <string>
#include <vector>

#include "rcmap/csv.hpp"
#include "rcmap/diagnostics.hpp"

namespace rcmap {

// Reads worksheet `sheet` (exact name, else case-insensitive; empty = the
// first sheet in workbook order) of the .xlsx file at `path`.
//
// The first non-empty row is the header; each later non-empty row becomes a
// CsvRow whose `line` is the spreadsheet row number, and whose field i is the
// cell in column i+1 (A = 1), so diagnostics point at the Excel row and
// column. Trailing empty header cells are dropped; rows are padded with empty
// fields to the header width; a value right of the last header column is an
// error. Cells: shared strings (rich-text runs concatenated, phonetic runs
// skipped), inline strings, formula string results, numbers (integral values
// without ".0", others the shortest round-trip decimal), booleans as TRUE /
// FALSE, error values as their text (#N/A) with a warning. Dates are left as
// serial numbers. The returned table's `path` is "path[sheet]".
//
// Errors (added to `diags`, empty table returned): file cannot be opened, not
// a zip archive, no workbook part, no sheet with that name (the message lists
// the sheets), malformed XML (part name, line and column), bad cell
// reference, shared-string index out of range.
//
// Cost: O(cells); the worksheet XML is streamed, never held whole in memory.
CsvTable read_xlsx(const std::string& path, const std::string& sheet, Diagnostics& diags);

// Sheet names in workbook order; errors as above.
std::vector<std::string> xlsx_sheet_names(const std::string& path, Diagnostics& diags);

// Whether the file starts with the zip signature "PK\3\4" (used to pick a
// reader by content rather than by extension).
bool looks_like_zip(const std::string& path);

}  // namespace rcmap
