// libFuzzer target: the mapping file parser. Seeds: samples/mapping.ini,
// samples/wide/*.ini, tests/data/readers/mapping_*.ini. Invariants: no
// exception escapes; a mapping without errors names the respondent and unit
// columns, has exactly one of pattern / [columns], known dimensions only, and
// recodes to scores 1..5.
#include <string>

#include "fuzz_common.hpp"
#include "rcmap/survey/wide_export.hpp"

namespace rcmap::fuzz {

inline int mapping(const std::uint8_t* data, std::size_t size) {
  Diagnostics diags;
  WideMapping m = parse_mapping(std::string(reinterpret_cast<const char*>(data), size), "mapping.ini", diags);
  if (diags.has_errors()) return 0;
  RCMAP_FUZZ_ASSERT(!m.respondent_column.empty() && !m.unit_column.empty());
  RCMAP_FUZZ_ASSERT(m.pattern.empty() != m.columns.empty());
  for (const auto& c : m.columns) RCMAP_FUZZ_ASSERT(resolve_dimension(c.dimension, m) >= 0);
  for (const auto& [dim, codes] : m.recode)
    for (const auto& [raw, score] : codes) RCMAP_FUZZ_ASSERT(score >= 1 && score <= 5);
  return 0;
}

}  // namespace rcmap::fuzz

RCMAP_FUZZ_ENTRY(rcmap::fuzz::mapping)
