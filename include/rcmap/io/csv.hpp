#pragma once
// CSV reading as real users produce it (RFC 4180 quoting, `,` `;` or TAB
// delimiter detected from the header line, UTF-8 with or without BOM,
// Windows-1252 fallback, CRLF or LF) and CSV writing with formula-injection
// neutralisation.
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rcmap/io/diagnostics.hpp"

namespace rcmap {

class FileBytes;  // src/io/file_bytes.hpp
class CsvSplit;   // src/io/csv_split.hpp: the survey reader's access to the text

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

// Streaming reader: decodes the whole file once (BOM, encoding), detects the
// delimiter from the header record, then yields one record at a time with
// reused buffers, so a million-row file costs little more than its bytes.
class CsvReader {
 public:
  // Takes the raw bytes. Encoding problems and an empty file are reported
  // to `diags`; ok() is false if no header could be read.
  CsvReader(std::string bytes, std::string path, Encoding enc, Diagnostics& diags);
  // With `defer_utf8`, a large file (from 1 MB) is checked for UTF-8 only
  // up to a line end after its first 64 KB before the header is read; each
  // later record is then checked as it is read (a plain record,
  // src/io/csv_plain.hpp, by its reader when it has bytes beyond ASCII). An
  // invalid one is not reported: it sets
  // utf8_failed(), and the caller reads the file again without deferring,
  // which decides the encoding for the whole file as always. The saving is
  // one pass over the bytes before the records can be read in parallel.
  static CsvReader open(const std::string& path, Encoding enc, Diagnostics& diags, bool defer_utf8 = false);
  // Whether records are checked as they are read (open(defer_utf8)), and
  // whether one held invalid UTF-8.
  bool utf8_deferred() const { return utf8_deferred_; }
  bool utf8_failed() const { return utf8_failed_; }

  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }
  char delimiter() const { return delim_; }
  bool had_bom() const { return had_bom_; }
  bool transcoded() const { return transcoded_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t header_line() const { return header_line_; }

  // Next data record (blank lines skipped). Records with syntax errors
  // (ragged, unterminated quote, text after a closing quote, NUL byte) are
  // reported to `diags` and skipped. Returns false at the end.
  bool next(CsvRow& row);
  // Same, without copying: `fields` become views into the reader's buffer
  // (quoted fields decoded in place), valid until the next call.
  bool next(std::vector<std::string_view>& fields, std::size_t& line);

  // Physical line (1-based) at which the next record starts.
  std::size_t line() const { return line_; }
  // Where parse errors go from now on.
  void report_to(Diagnostics& diags) { diags_ = &diags; }

 private:
  friend class CsvSplit;
  CsvReader(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(&diags) {}
  CsvReader(std::shared_ptr<FileBytes> bytes, std::string path, Encoding enc, Diagnostics& diags, bool defer_utf8);
  void start(Encoding enc, Diagnostics& diags, bool defer_utf8);
  void check_deferred_utf8(const std::vector<std::string_view>& fields);
  enum class Parse { ok, end, bad };
  Parse parse_record(std::vector<std::string_view>& fields, std::size_t& line);
  // This reader's bytes are d_[0, n_) of bytes_ (a part of it after CsvSplit::split).
  std::shared_ptr<FileBytes> bytes_;
  char* d_ = nullptr;
  std::size_t n_ = 0;
  std::string path_;
  Diagnostics* diags_;
  std::size_t pos_ = 0, line_ = 1, header_line_ = 0;
  char delim_ = ',';
  bool ok_ = false, had_bom_ = false, transcoded_ = false;
  bool utf8_deferred_ = false, utf8_failed_ = false;  // open(defer_utf8)
  std::vector<std::string> header_;
  std::vector<std::string_view> views_;  // fields of the current record
};

// Reads a whole CSV file. Syntax errors (unterminated quote, ragged rows,
// text after a closing quote, invalid UTF-8 with --encoding utf-8, empty
// file) are added to `diags` as errors naming file, line and column;
// a table is returned with the rows that could be read.
CsvTable read_csv(const std::string& path, Encoding enc, Diagnostics& diags);
// Same, from bytes already in memory (used by tests and fuzzers).
CsvTable parse_csv(std::string_view bytes, const std::string& path, Encoding enc, Diagnostics& diags);

// Detects the delimiter among ',', ';' and TAB from the first record:
// the candidate that occurs most often outside quotes; ',' on a tie.
char detect_delimiter(std::string_view first_record);

// Whether `bytes` is valid UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);
// Appends code point `cp` (below U+10000) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);
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
