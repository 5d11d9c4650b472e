// libFuzzer target: survey validation and aggregation. The input is
// units.csv, a line "%%", then responses.csv (the seed corpus is made that
// way from samples/ by tests/hardening/make_seeds.sh). Invariants: only
// InputError escapes validation; the file reader gives the same survey and
// the same messages with and without its plain-record path
// (src/io/csv_plain.hpp); a valid survey aggregates without error; every
// suppressed tie (n < min-n) carries no score; ties are sorted and unique;
// the tables write without throwing.
#include <cmath>
#include <sstream>
#include <string_view>
#include <unistd.h>

#include "fuzz_common.hpp"
#include "fuzz_file_input.hpp"
#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap::fuzz {

inline int survey(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t sep = bytes.find("\n%%\n");
  std::string_view units = bytes.substr(0, sep);
  std::string_view responses = sep == std::string_view::npos ? std::string_view() : bytes.substr(sep + 4);
  {
    // The files as rcmap reads them, with and without plain records.
    const std::string up = input_file(reinterpret_cast<const std::uint8_t*>(units.data()), units.size(), ".units.csv");
    const std::string rp =
        input_file(reinterpret_cast<const std::uint8_t*>(responses.data()), responses.size(), ".responses.csv");
    Diagnostics dp, dg;
    Survey plain, general;
    bool plain_threw = false, general_threw = false;
    try {
      plain = read_survey(up, rp, {}, dp);
    } catch (const InputError&) {
      plain_threw = true;
    }
    ReadOptions no_plain;
    no_plain.plain_records = false;
    try {
      general = read_survey(up, rp, no_plain, dg);
    } catch (const InputError&) {
      general_threw = true;
    }
    RCMAP_FUZZ_ASSERT(plain_threw == general_threw);
    RCMAP_FUZZ_ASSERT(dp.items().size() == dg.items().size());
    for (std::size_t i = 0; i < dp.items().size(); ++i)
      RCMAP_FUZZ_ASSERT(format_diagnostic(dp.items()[i]) == format_diagnostic(dg.items()[i]));
    RCMAP_FUZZ_ASSERT(plain.respondents == general.respondents);
    RCMAP_FUZZ_ASSERT(plain.respondent_unit == general.respondent_unit);
    RCMAP_FUZZ_ASSERT(plain.rows.size() == general.rows.size());
    for (std::size_t i = 0; i < plain.rows.size(); ++i) {
      const Response &a = plain.rows[i], &b = general.rows[i];
      RCMAP_FUZZ_ASSERT(a.respondent == b.respondent && a.unit == b.unit && a.target == b.target && a.line == b.line &&
                        a.scores == b.scores);
    }
    ::unlink(up.c_str());
    ::unlink(rp.c_str());
  }
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
        for (int d = 0; d < kDimensionCount; ++d) RCMAP_FUZZ_ASSERT(std::isnan(t.dim_mean[d]) == (t.dim_n[d] < min_n));
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
