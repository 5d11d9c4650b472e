#pragma once
// Minimal reader for Excel .xlsx workbooks (Office Open XML, ECMA-376 Part 1,
// §18.3 worksheets, §18.4 shared strings): one worksheet as a CsvTable, so
// units, responses and wide exports saved from Excel go through the same
// validation as CSV files.
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"

namespace rcmap {

// Size limits of read_xlsx. Excel holds at most 32,767 characters in a cell,
// so only a generated file comes near them; they turn a zip of a few MB that
// unpacks to GBs of text into a located error instead of std::bad_alloc.
struct XlsxLimits {
  std::size_t cell_bytes = std::size_t{1} << 20;   // one cell or shared string: 1 MiB
  std::size_t total_bytes = std::size_t{1} << 30;  // all shared strings + cells held: 1 GiB
};

// Reads worksheet `sheet` (exact name, else case-insensitive; empty = the
// first visible sheet in workbook order, with a note naming it when the
// workbook has several sheets) of the .xlsx file at `path`.
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
// reference, shared-string index out of range, a cell or shared string over
// limits.cell_bytes, more than limits.total_bytes of text held, an XML tag
// over 4 MiB. A formula cell without a saved result (as openpyxl writes
// them) is an error at its cell, the table is still returned.
//
// Cost: O(cells); the worksheet XML is streamed, never held whole in memory;
// memory at most about limits.total_bytes.
CsvTable read_xlsx(const std::string& path, const std::string& sheet, Diagnostics& diags,
                   const XlsxLimits& limits = {});

// Sheet names in workbook order; errors as above.
std::vector<std::string> xlsx_sheet_names(const std::string& path, Diagnostics& diags);

// Whether the file starts with the zip signature "PK\3\4" (used to pick a
// reader by content rather than by extension).
bool looks_like_zip(const std::string& path);

}  // namespace rcmap
