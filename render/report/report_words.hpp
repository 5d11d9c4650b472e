#pragma once
// Fixed words and sentence templates of report.pdf and the per-unit pages in
// English, Danish and Norwegian Bokmål (internal to render/).
#include <initializer_list>
#include <string>
#include <string_view>

#include "rcmap/outputs/findings.hpp"
#include "rcmap/render/figures/figures.hpp"

namespace rcmap::render::detail {

struct ReportWords {
  const char *default_title, *subtitle, *units_count, *response_rate, *data_from, *generated;
  const char *key_findings, *overall, *weakest_intro, *tie_item, *unmeasured, *no_cross;
  const char *central, *gap_dimension, *gap_undefined, *one_sided_intro, *one_sided_intro_one, *one_sided_item,
      *no_one_sided;
  const char *figures, *figures_skipped, *gaps_heading, *gaps_note;
  const char *col_from, *col_to, *col_rc, *col_n, *col_reverse, *col_kind;
  const char *kind_unmeasured, *kind_weak, *kind_one_sided, *kind_ok;
  const char *units_heading, *col_unit, *col_side, *col_respondents, *col_rate, *col_given, *col_received, *col_within,
      *col_pagerank, *col_betweenness, *units_note;
  const char *method, *dimensions_heading, *communication, *relationship, *scale_note;
  const char *unit_pages, *unit_pages_note, *ego_map, *unit_profile, *received, *given, *average, *unit_ties,
      *more_ties, *no_ties, *few_respondents, *of_respondents;
  // Long tables and unit pages (render/report/report.cpp, change_report.cpp): {0}
  // shown, {1} in all, {2} the limit; the file that holds every row is named.
  const char *gaps_shown, *units_shown, *unit_pages_elsewhere, *changes_shown, *gaps_unlisted;
};
const ReportWords &report_words(Lang lang);

// One line of the weakest cross-side ties in the key findings of report.pdf
// and report.html: ReportWords::tie_item with `source`, `target`, the RC (2
// decimals, more where rounding would cross a threshold: rc_decimals) and n;
// a weak tie of known certainty (docs/metrics.md "Certainty") ends in
// " – clearly weak" or " – borderline" (glossary). Only shown ties are listed
// in Findings::weakest_cross. O(label length). Defined in report.cpp.
std::string weakest_tie_item(const TieFinding &t, const std::string &source, const std::string &target,
                             const AggregateOptions &o, Lang lang);

// Replaces {0}..{9} in `tmpl` by the arguments.
std::string fmt(std::string_view tmpl, std::initializer_list<std::string_view> args);

}  // namespace rcmap::render::detail
