#pragma once
// Several sites (municipalities) in one survey (docs/waves.md "Sites"):
// per-site analysis, a benchmark table and whether sites really differ
// (one-way ANOVA of respondent-level RC with ICC(1) and ICC(2)).
//
// SiteResult / SitesBenchmark are what the `sites` dot plot draws: one row
// per site with its figures and percentiles; NaN = suppressed or undefined.
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/json_writer.hpp"
#include "rcmap/aggregate/stats.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap {

// Surveys per site. The `site` column may be in responses.csv, units.csv or
// both: with it in both, a site's responses use that site's units (unit ids
// may repeat across sites); only in units.csv, a response belongs to the site
// of its own unit (ids must then be unique); only in responses.csv, every
// site uses all units. Sites are in order of first appearance in
// responses.csv (or units.csv). Each site is validated on its own.
// Throws InputError (also when neither file has a `site` column).
struct Sites {
  bool units_have_site = false;  // response rates need per-site headcounts
  std::vector<std::string> labels;
  std::vector<Survey> surveys;  // parallel to labels
};
Sites read_sites(const std::string& units_path, const std::string& responses_path, const ReadOptions& opt,
                 Diagnostics& diags);
// Same from tables already read (CSV, .xlsx, .sav: survey_input.hpp).
Sites sites_from_tables(const CsvTable& units, const CsvTable& responses, Diagnostics& diags);

struct SiteResult {
  std::string site;
  int respondents = 0;          // with at least one included row (always shown, like counts elsewhere)
  bool shown = false;           // respondents >= min_n
  double response_rate = kNaN;  // respondents / headcount over units with a headcount (units.csv with site)
  double overall_rc = kNaN;     // Aggregate::overall_rc of the site
  double authority_provider = kNaN, provider_authority = kNaN;  // side RC both ways
  double within_side = kNaN;  // respondent-weighted RC of shown ties between units of the same side
  // Percentile of each figure among the sites where it is defined:
  // 100 (below + equal/2) / count (mid-rank percentile rank, Hazen).
  double overall_pct = kNaN, authority_provider_pct = kNaN, provider_authority_pct = kNaN, within_side_pct = kNaN;
};

struct SitesBenchmark {
  std::vector<SiteResult> sites;
  // One-way ANOVA across shown sites of respondent-level RC: a respondent's
  // RC is the mean of their included rows in their site's shown ties between
  // different units (the rows behind the site's overall RC).
  stats::AnovaResult anova;
  std::vector<std::string> warnings;
};

// `aggs` parallel to `sites.surveys`. Sides named `authority_side` and
// `provider_side` give the two cross-side figures. O(R) plus the aggregates.
SitesBenchmark benchmark_sites(const Sites& sites, const std::vector<Aggregate>& aggs,
                               const std::string& authority_side = "authority",
                               const std::string& provider_side = "provider");

// Percentile (mid-rank) of v among `values` (NaNs ignored); NaN if v is NaN.
double percentile_rank(const std::vector<double>& values, double v);

// sites.csv: site,respondents,response_rate,overall_rc,overall_pct,
// authority_provider_rc,authority_provider_pct,provider_authority_rc,
// provider_authority_pct,within_side_rc,within_side_pct
Table sites_table(const SitesBenchmark& b);
// The "sites" section of summary.json (ANOVA, ICCs).
void write_sites_json(JsonWriter& j, const SitesBenchmark& b);

}  // namespace rcmap
