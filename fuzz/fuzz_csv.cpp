// libFuzzer target: the CSV reader on arbitrary bytes, with each Encoding.
// Invariants: no crash, no exception; every field handed on is valid UTF-8
// (the reader either decodes, transcodes from Windows-1252, or reports an
// error); rows are never ragged; line numbers never decrease; the writer
// output of any field re-reads to the neutralised field.
#include <sstream>
#include <string_view>

#include "fuzz_common.hpp"
#include "rcmap/io/csv.hpp"

namespace rcmap::fuzz {

inline int csv(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (Encoding enc : {Encoding::auto_detect, Encoding::utf8, Encoding::windows1252}) {
    Diagnostics diags;
    CsvTable t = parse_csv(bytes, "fuzz.csv", enc, diags);
    for (const auto& h : t.header) RCMAP_FUZZ_ASSERT(is_valid_utf8(h));
    std::size_t last_line = 0;
    for (const auto& row : t.rows) {
      RCMAP_FUZZ_ASSERT(row.fields.size() == t.header.size());
      RCMAP_FUZZ_ASSERT(row.line > last_line);
      last_line = row.line;
      for (const auto& f : row.fields) {
        RCMAP_FUZZ_ASSERT(is_valid_utf8(f));
        RCMAP_FUZZ_ASSERT(f.find('\0') == std::string::npos);
      }
    }
    if (enc == Encoding::windows1252) RCMAP_FUZZ_ASSERT(diags.error_count() > 0 || !t.header.empty());
  }
  // Writer round trip: one field written as a 2-column record (",x" keeps
  // the delimiter detection on ',') re-reads as the neutralised field.
  std::string field(bytes.substr(0, 256));
  if (is_valid_utf8(field) && field.find('\0') == std::string::npos) {
    std::ostringstream out;
    CsvWriter w(out);
    w.text("h").text("x");
    w.end_row();
    w.text(field).text("x");
    w.end_row();
    Diagnostics diags;
    CsvTable t = parse_csv(out.str(), "roundtrip.csv", Encoding::utf8, diags);
    RCMAP_FUZZ_ASSERT(!diags.has_errors());
    std::string expect = neutralise_formula(field);
    if (!expect.empty()) {  // an empty first field + "x" is still a record
      RCMAP_FUZZ_ASSERT(t.rows.size() == 1);
      RCMAP_FUZZ_ASSERT(t.rows[0].fields[0] == expect);
    }
    char c = t.rows.empty() || t.rows[0].fields[0].empty() ? 0 : t.rows[0].fields[0][0];
    RCMAP_FUZZ_ASSERT(c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r');
  }
  return 0;
}

}  // namespace rcmap::fuzz

RCMAP_FUZZ_ENTRY(rcmap::fuzz::csv)
