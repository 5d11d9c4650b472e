// libFuzzer target: survey validation and aggregation. The input is
// units.csv, a line "%%", then responses.csv (the seed corpus is made that
// way from samples/ by tests/hardening/make_seeds.sh). Invariants: only
// InputError escapes validation; a valid survey aggregates without error;
// every suppressed tie (n < min-n) carries no score; ties are sorted and
// unique; the tables write without throwing.
#include <cmath>
#include <sstream>
#include <string_view>

#include "fuzz_common.hpp"
#include "rcmap/aggregate.hpp"
#include "rcmap/csv.hpp"
#include "rcmap/survey.hpp"
#include "rcmap/tables.hpp"

namespace rcmap::fuzz {

inline int survey(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t sep = bytes.find("\n%%\n");
  std::string_view units = bytes.substr(0, sep);
  std::string_view responses = sep == std::string_view::npos ? std::string_view() : bytes.substr(sep + 4);
  Diagnostics diags;
  CsvTable ut = parse_csv(units, "units.csv", Encoding::auto_detect, diags);
  CsvTable rt = parse_csv(responses, "responses.csv", Encoding::auto_detect, diags);
  Survey s;
  try {
    s = build_survey(ut, rt, diags);
  } catch (const InputError& e) {
    RCMAP_FUZZ_ASSERT(e.diagnostics().has_errors());
    return 0;
  }
  survey_warnings(s, 4, diags);
  for (int min_n : {3, 5}) {
    AggregateOptions opt;
    opt.min_n = min_n;
    opt.min_answers = min_n == 3 ? 1 : 4;
    Aggregate a = aggregate(s, opt);
    RCMAP_FUZZ_ASSERT(a.units.size() == s.units.size());
    std::size_t suppressed = 0;
    for (std::size_t i = 0; i < a.ties.size(); ++i) {
      const Tie& t = a.ties[i];
      RCMAP_FUZZ_ASSERT(t.source < s.units.size() && t.target < s.units.size());
      if (i) RCMAP_FUZZ_ASSERT(std::pair(a.ties[i - 1].source, a.ties[i - 1].target) < std::pair(t.source, t.target));
      RCMAP_FUZZ_ASSERT(t.suppressed == (t.n < min_n));
      if (t.suppressed) {
        ++suppressed;
        RCMAP_FUZZ_ASSERT(std::isnan(t.rc) && std::isnan(t.sd) && std::isnan(t.communication) &&
                          std::isnan(t.relationship));
        for (double m : t.dim_mean) RCMAP_FUZZ_ASSERT(std::isnan(m));
      } else {
        RCMAP_FUZZ_ASSERT(t.rc >= 1 && t.rc <= 5);
        for (int d = 0; d < kDimensionCount; ++d)
          RCMAP_FUZZ_ASSERT(std::isnan(t.dim_mean[d]) == (t.dim_n[d] < min_n));
      }
    }
    RCMAP_FUZZ_ASSERT(suppressed == a.suppressed_ties);
    RCMAP_FUZZ_ASSERT(std::isnan(a.overall_rc) || (a.overall_rc >= 1 && a.overall_rc <= 5));
    std::ostringstream out;
    write_table(out, ties_table(s, a), {});
    write_table(out, units_table(s, a), {});
    write_table(out, sides_table(s, a), {';', true});
  }
  return 0;
}

}  // namespace rcmap::fuzz

RCMAP_FUZZ_ENTRY(rcmap::fuzz::survey)
