// libFuzzer target: wide export -> long responses (wide_to_long) and the
// validation after it. Input: mapping INI, a line "%%", units.csv, a line
// "%%", the wide CSV (seeds from samples/ and tests/data/readers/ by
// tests/hardening/make_seeds.sh). Invariants: no exception escapes but
// InputError from validation; without errors the long table has the ten
// canonical columns, every answer is blank or 1..5, every row answers at
// least one dimension and keeps a line of the wide file.
#include <string_view>

#include "fuzz_common.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/survey/wide_export.hpp"

namespace rcmap::fuzz {

inline int wide(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t s1 = bytes.find("\n%%\n");
  if (s1 == std::string_view::npos) return 0;
  std::size_t s2 = bytes.find("\n%%\n", s1 + 4);
  if (s2 == std::string_view::npos) return 0;
  Diagnostics diags;
  WideMapping m = parse_mapping(std::string(bytes.substr(0, s1)), "mapping.ini", diags);
  CsvTable units = parse_csv(bytes.substr(s1 + 4, s2 - s1 - 4), "units.csv", Encoding::auto_detect, diags);
  CsvTable w = parse_csv(bytes.substr(s2 + 4), "wide.csv", Encoding::auto_detect, diags);
  if (diags.has_errors()) return 0;
  CsvTable longt = wide_to_long(w, m, units, diags);
  if (diags.has_errors()) return 0;
  RCMAP_FUZZ_ASSERT(longt.header.size() == 10);
  std::size_t last_line = 0;
  for (const auto& r : longt.rows) {
    RCMAP_FUZZ_ASSERT(r.fields.size() == 10);
    int answered = 0;
    for (std::size_t c = 3; c < 10; ++c) {
      const std::string& a = r.fields[c];
      RCMAP_FUZZ_ASSERT(a.empty() || (a.size() == 1 && a[0] >= '1' && a[0] <= '5'));
      answered += !a.empty();
    }
    RCMAP_FUZZ_ASSERT(answered > 0);
    RCMAP_FUZZ_ASSERT(r.line >= last_line && r.line >= 2);
    last_line = r.line;
  }
  try {
    build_survey(units, longt, diags);
  } catch (const InputError& e) {
    RCMAP_FUZZ_ASSERT(e.diagnostics().has_errors());
  }
  return 0;
}

}  // namespace rcmap::fuzz

RCMAP_FUZZ_ENTRY(rcmap::fuzz::wide)
