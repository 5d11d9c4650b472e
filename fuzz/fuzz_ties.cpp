// libFuzzer target: aggregated tie tables (analyze --ties). Input: units.csv,
// a line "%%", the tie table. Invariants: only InputError escapes; for
// --min-n 3 and 5, a tie is suppressed exactly when n < min-n or its rc was
// blank, and then carries no score; shown ties keep the rc given (1..5);
// ties are sorted and unique by (source, target); unit, side and overall
// figures lie in 1..5 and use no suppressed tie's score.
#include <cmath>
#include <string_view>

#include "fuzz_common.hpp"
#include "rcmap/aggregate/tie_table_aggregate.hpp"

namespace rcmap::fuzz {

inline int ties(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t sep = bytes.find("\n%%\n");
  if (sep == std::string_view::npos) return 0;
  Diagnostics diags;
  CsvTable ut = parse_csv(bytes.substr(0, sep), "units.csv", Encoding::auto_detect, diags);
  CsvTable tt = parse_csv(bytes.substr(sep + 4), "ties.csv", Encoding::auto_detect, diags);
  if (diags.has_errors()) return 0;
  auto rows = read_aggregated_ties(tt, diags);
  if (diags.has_errors()) return 0;
  Survey s;
  try {
    s = build_units_only(ut, diags);
  } catch (const InputError&) {
    return 0;
  }
  for (int min_n : {3, 5}) {
    AggregateOptions opt;
    opt.min_n = min_n;
    Diagnostics d;
    Aggregate a;
    try {
      a = aggregate_given_ties(s, tt, rows, opt, d);
    } catch (const InputError& e) {
      RCMAP_FUZZ_ASSERT(e.diagnostics().has_errors());
      return 0;
    }
    RCMAP_FUZZ_ASSERT(a.ties.size() == rows.size() && a.from_ties);
    for (std::size_t i = 0; i < a.ties.size(); ++i) {
      const Tie& t = a.ties[i];
      if (i) RCMAP_FUZZ_ASSERT(std::pair(a.ties[i - 1].source, a.ties[i - 1].target) < std::pair(t.source, t.target));
      if (t.suppressed) {
        RCMAP_FUZZ_ASSERT(std::isnan(t.rc) && std::isnan(t.communication) && std::isnan(t.relationship));
        for (double m : t.dim_mean) RCMAP_FUZZ_ASSERT(std::isnan(m));
      } else {
        RCMAP_FUZZ_ASSERT(t.n >= min_n && t.rc >= 1 && t.rc <= 5);
      }
    }
    for (const auto& u : a.units)
      for (double v : {u.rc_given, u.rc_received, u.rc_within}) RCMAP_FUZZ_ASSERT(std::isnan(v) || (v >= 1 && v <= 5));
    for (const auto& sd : a.sides) RCMAP_FUZZ_ASSERT(sd.rc >= 1 - 1e-9 && sd.rc <= 5 + 1e-9 && sd.n >= min_n);
    RCMAP_FUZZ_ASSERT(std::isnan(a.overall_rc) || (a.overall_rc >= 1 - 1e-9 && a.overall_rc <= 5 + 1e-9));
  }
  return 0;
}

}  // namespace rcmap::fuzz

RCMAP_FUZZ_ENTRY(rcmap::fuzz::ties)
