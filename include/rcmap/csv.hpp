#pragma once
// CSV reading as real users produce it (RFC 4180 quoting, `,` `;` or TAB
// delimiter detected from the header line, UTF-8 with or without BOM,
// Windows-1252 fallback, CRLF or LF) and CSV writing with formula-injection
// neutralisation.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "rcmap/diagnostics.hpp"

namespace rcmap {

enum class Encoding { auto_detect, utf8, windows1252 };

struct CsvRow {
  std::size_t line = 0;             // editor line where the record starts (1-based)
  std::vector<std::string> fields;  // decoded to UTF-8
};

struct CsvTable {
  std::string path;
  char delimiter = ',';
  bool had_bom = false;
  bool transcoded_from_1252 = false;
  std::vector<std::string> header;  // header fields, decoded
  std::vector<CsvRow> rows;         // data records (blank lines skipped)
};

// Reads a whole CSV file. Syntax errors (unterminated quote, ragged rows,
// text after a closing quote, invalid UTF-8 with --encoding utf-8, empty
// file) are added to `diags` as errors naming file, line and column;
// a table is returned with the rows that could be read.
CsvTable read_csv(const std::string& path, Encoding enc, Diagnostics& diags);
// Same, from bytes already in memory (used by tests and fuzzers).
CsvTable parse_csv(std::string_view bytes, const std::string& path, Encoding enc,
                   Diagnostics& diags);

// Detects the delimiter among ',', ';' and TAB from the first record:
// the candidate that occurs most often outside quotes; ',' on a tie.
char detect_delimiter(std::string_view first_record);

// Whether `bytes` is valid UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);
// Windows-1252 to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

// ---- writing -------------------------------------------------------------

// A text cell that a spreadsheet would run as a formula (starts with = + - @
// TAB or CR) gets a leading apostrophe (OWASP CSV-injection advice).
std::string neutralise_formula(std::string_view text);

class CsvWriter {
 public:
  CsvWriter(std::ostream& out, char delimiter = ',', bool decimal_comma = false)
      : out_(out), delim_(delimiter), decimal_comma_(decimal_comma) {}
  // Text field: neutralised, then quoted if needed.
  CsvWriter& text(std::string_view s);
  // Number with `decimals` digits after the point; NaN writes an empty field.
  CsvWriter& number(double v, int decimals = 6);
  CsvWriter& integer(long long v);
  CsvWriter& empty();
  void end_row();
  void header(const std::vector<std::string>& names);

 private:
  void sep();
  std::ostream& out_;
  char delim_;
  bool decimal_comma_;
  bool first_ = true;
};

// Fixed-point formatting used by every table: "3.500000", locale-independent.
std::string format_fixed(double v, int decimals = 6, char decimal_point = '.');

}  // namespace rcmap
