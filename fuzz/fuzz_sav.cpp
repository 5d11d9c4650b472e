// libFuzzer target: the SPSS .sav reader (ReadStat), every variable's value
// labels requested. Seeds: tests/data/readers/wide.sav and
// samples/wide/nordby-wide.sav (cut). Invariants: no exception escapes; a
// table read without errors has rows as wide as the header, lines 2, 3, ...
#include "fuzz_common.hpp"
#include "fuzz_file_input.hpp"
#include "rcmap/io/sav_reader.hpp"

namespace rcmap::fuzz {

inline int sav(const std::uint8_t* data, std::size_t size) {
  std::string path = input_file(data, size, ".sav");
  Diagnostics diags;
  CsvTable t = read_sav(path, {"*"}, diags);
  std::remove(path.c_str());
  if (diags.has_errors()) return 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    RCMAP_FUZZ_ASSERT(t.rows[i].fields.size() == t.header.size());
    RCMAP_FUZZ_ASSERT(t.rows[i].line == i + 2);
  }
  return 0;
}

}  // namespace rcmap::fuzz

RCMAP_FUZZ_ENTRY(rcmap::fuzz::sav)
