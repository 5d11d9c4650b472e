#include "rcmap/outputs/summary.hpp"

#include <ostream>

#include "rcmap/version.hpp"

namespace rcmap {

void write_run_fields(JsonWriter& j, const RunInfo& run) {
  j.field("rcmap_version", kVersion);
  j.field("command", run.command);
  j.key("inputs").begin_object();
  for (const auto& in : run.inputs) {
    j.key(in.role).begin_object();
    j.field("path", in.path);
    if (!in.from_results.empty()) j.field("path_from_results", in.from_results);
    // No checksum for an input that was not a regular file (a pipe).
    if (const std::string sha = in.checksum(); sha.empty())
      j.key("sha256").null();
    else
      j.field("sha256", sha);
    j.end_object();
  }
  j.end_object();
  j.key("options").begin_object();
  for (const auto& [k, v] : run.options) j.field(k, v);
  j.end_object();
}

void write_summary(std::ostream& out, const Survey& s, const Aggregate& a, const RunInfo& run) {
  JsonWriter j(out);
  j.begin_object();
  write_run_fields(j, run);
  const auto& o = a.options;
  j.key("thresholds").begin_object();
  j.field("min_n", o.min_n).field("min_answers", o.min_answers);
  j.field("weak_below", o.weak_below).field("strong_from", o.strong_from);
  j.field("note", "weak/strong cut-offs are a common convention, not a published standard");
  j.end_object();
  j.key("counts").begin_object();
  j.field("units", s.units.size());
  j.field("sides", s.sides.size());
  if (a.from_ties) {  // aggregated tie table: no respondent rows
    for (const char* k : {"respondents", "rows_read", "rows_included", "rows_excluded"}) j.key(k).null();
  } else {
    j.field("respondents", a.respondents);
    j.field("rows_read", a.rows_read);
    j.field("rows_included", a.rows_included);
    j.field("rows_excluded", a.rows_excluded);
  }
  j.field("ties", a.ties.size());
  j.field("ties_suppressed", a.suppressed_ties);
  j.end_object();
  j.key("overall").begin_object();
  j.field("rc", a.overall_rc).field("n", a.overall_n);
  j.field("note", "respondent-weighted mean RC of non-suppressed ties between different units");
  j.end_object();
  j.key("reliability").begin_object();
  j.field("cronbach_alpha", a.alpha.value).field("n", a.alpha.n);
  j.field("note", "rows answering all 7 dimensions in non-suppressed ties");
  j.end_object();
  for (const auto& [name, fill] : run.sections) {
    j.key(name);
    fill(j);
  }
  j.end_object();
  j.finish();
}

}  // namespace rcmap
