#pragma once
// `rcmap convert --to long`: writes what rcmap understood from any input
// (CSV, .xlsx, .sav, wide export + mapping) as the canonical units.csv and
// responses.csv, so a consultant can inspect it.
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"

namespace rcmap {

inline const std::vector<std::string>& canonical_units_header() {
  static const std::vector<std::string> h = {"unit", "label", "side", "headcount"};
  return h;
}
inline const std::vector<std::string>& canonical_responses_header() {
  static const std::vector<std::string> h = {"respondent",       "unit",          "target",          "frequent",
                                             "timely",           "accurate",      "problem_solving", "shared_goals",
                                             "shared_knowledge", "mutual_respect"};
  return h;
}

// One CSV field: a text starting with = + - @ TAB or CR gets a leading
// apostrophe (OWASP "CSV injection"), except a plain decimal number such as
// "-1" or "+2.5", which a spreadsheet reads as a number, not a formula; then
// RFC 4180 quoting if it contains the delimiter, a quote, CR or LF.
std::string csv_field(std::string_view text, char delimiter = ',');

// Header and rows, LF line ends, no BOM.
void write_csv(std::ostream& out, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows, char delimiter = ',');

// Picks `columns` (matched case-insensitively) out of `t`, in that order;
// `optional_columns` may be absent (empty fields). A missing required column
// is an error naming t.path. Rows keep their lines; the path is kept.
CsvTable select_columns(const CsvTable& t, const std::vector<std::string>& columns,
                        const std::vector<std::string>& optional_columns, Diagnostics& diags);

// The canonical units table (unit,label,side required; headcount optional)
// and responses table (all ten columns required) from tables in any column
// order, as read from CSV, .xlsx or .sav.
CsvTable canonical_units(const CsvTable& units, Diagnostics& diags);
CsvTable canonical_responses(const CsvTable& responses, Diagnostics& diags);

// Writes dir/units.csv and dir/responses.csv: each to a temporary name,
// renamed into place only when both were written. Throws OutputError.
void write_canonical_files(const std::string& dir, const CsvTable& units, const CsvTable& responses);
// The same into an open OutputDir (rcmap convert), without committing.
class OutputDir;
void write_canonical_files(OutputDir& out, const CsvTable& units, const CsvTable& responses);

}  // namespace rcmap
