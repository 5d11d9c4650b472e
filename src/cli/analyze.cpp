#include <iostream>

#include "common.hpp"
#include "analysis.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/method.hpp"
#include "rcmap/metrics.hpp"
#include "rcmap/metrics_tables.hpp"
#include "rcmap/tables.hpp"
#include "rcmap/workbook.hpp"

namespace rcmap::cli {

void write_analysis(const Survey& survey, const Aggregate& agg, const MetricsOptions& mopt, const FigureArgs& fig,
                    const CsvDialect& dialect, bool quiet, RunInfo run, const std::string& prefix,
                    OutputDir& dir) {
  // Unit-level RC surveys have tens of units; some network metrics need
  // memory quadratic in the units, so very large unit sets get tables only.
  constexpr std::size_t kMaxMetricUnits = 2000;
  MetricsResult metrics;
  if (survey.units.size() <= kMaxMetricUnits) {
    metrics = compute_metrics(survey, agg, mopt);
  } else {
    metrics.units.resize(survey.units.size());
    metrics.ties.resize(agg.ties.size());
    metrics.network.distance = mopt.distance;
    metrics.warnings.push_back(std::to_string(survey.units.size()) + " units: network metrics are computed for at most " +
                               std::to_string(kMaxMetricUnits) + " units; metric columns left blank");
  }
  if (!quiet)
    for (const auto& w : metrics.warnings)
      std::cerr << "rcmap: metrics: warning: " << (prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1) + ": ")
                << w << '\n';

  Table ties = ties_table(survey, agg), units = units_table(survey, agg), sides = sides_table(survey, agg);
  append_tie_metrics(ties, metrics);
  append_unit_metrics(units, metrics);
  Table gaps = gaps_table(survey, metrics);
  run.sections.emplace_back("network", [&](JsonWriter& j) { write_network_json(j, metrics, mopt); });
  auto table = [&](const char* name, const Table& t) {
    dir.write(prefix + name, [&](std::ostream& os) { write_table(os, t, dialect); });
  };
  table("ties.csv", ties);
  table("units.csv", units);
  table("sides.csv", sides);
  table("gaps.csv", gaps);
  WorkbookContent book;
  book.sheets = {{"Ties", &ties, [&](std::size_t r) { return agg.ties[r].suppressed; }},
                 {"Units", &units, {}},
                 {"Gaps", &gaps, {}},
                 {"Sides", &sides, {}}};
  book.survey = &survey;
  book.aggregate = &agg;
  book.method = method_rows(agg);
  write_workbook(dir.temp_path(prefix + "workbook.xlsx"), book);
  fig.write(survey, agg, mopt.gap_side_a, mopt.gap_side_b, mopt.asymmetry, mopt.seed, dir, prefix);
  dir.write(prefix + "summary.json", [&](std::ostream& os) { write_summary(os, survey, agg, run); });
  dir.write(prefix + "project.ini", [&](std::ostream& os) { os << project_ini(run); });
}

int cmd_analyze(const Args& args) {
  po::options_description desc("rcmap analyze options");
  SurveyArgs sa;
  std::string out, dialect_name = "standard", distance = "inverse", gap_sides = "authority,provider";
  MetricsOptions mopt;
  FigureArgs fig;
  BySiteArgs site;  // by_site.cpp
  sa.add_to(desc, true);
  site.add_to(desc);
  fig.add_to(desc);
  desc.add_options()
    ("out", po::value(&out)->required(), "results folder (created if missing; other files in it are kept)")
    ("csv-dialect", po::value(&dialect_name)->default_value("standard"),
     "standard (',' and '.') or excel-da (';' and decimal comma, for Danish Excel)")
    ("distance", po::value(&distance)->default_value("inverse"),
     "RC to distance for path metrics: inverse (1/RC), complement (6-RC), neglog (-ln(RC/6))")
    ("gap-sides", po::value(&gap_sides)->default_value("authority,provider"),
     "the two sides whose pairs gaps.csv ranks")
    ("asymmetry", po::value(&mopt.asymmetry)->default_value(0.5),
     "|RC(A->B) - RC(B->A)| from which a pair is one-sided")
    ("seed", po::value(&mopt.seed)->default_value(1), "seed for community detection (and layouts)");
  po::variables_map vm;
  Project project;
  if (!parse(args, desc, vm, "rcmap analyze --units FILE --responses FILE --out DIR [options]",
             "rcmap analyze --units samples/units.csv --responses samples/responses.csv --out results --min-n 5\n"
             "  rcmap analyze --config results/project.ini --out results-again",
             &project))
    return kOk;
  check_options(sa.agg);
  CsvDialect dialect = parse_csv_dialect(dialect_name);
  sa.read_options();  // checks --encoding before any work
  mopt.distance = parse_distance(distance);
  site.apply_deprecated(gap_sides, sa.quiet);
  auto comma = gap_sides.find(',');
  if (comma == std::string::npos || gap_sides.find(',', comma + 1) != std::string::npos)
    throw UsageError("--gap-sides needs two side names separated by a comma, got '" + gap_sides + "'");
  mopt.gap_side_a = gap_sides.substr(0, comma);
  mopt.gap_side_b = gap_sides.substr(comma + 1);
  check_options(mopt);
  fig.check();
  if (!site.highlight.empty() && !site.by_site) throw UsageError("--highlight needs --by-site");

  RunInfo run;
  run.command = "analyze";
  for (auto& [k, v] : options_of(vm)) {  // the deprecated aliases are recorded as --gap-sides
    if (k == "authority-side" || k == "provider-side") continue;
    run.options.emplace_back(k, k == "gap-sides" ? gap_sides : v);
  }
  if (site.by_site) return run_by_site(sa, site, mopt, fig, dialect, project, run, out);

  Diagnostics diags;
  Survey survey = load_survey(sa, diags);
  Aggregate agg = aggregate(survey, sa.agg);
  Diagnostics checks;
  sa.record(run, project, checks);
  print_diagnostics(checks, sa.quiet);

  OutputDir dir(out);
  write_analysis(survey, agg, mopt, fig, dialect, sa.quiet, run, "", dir);
  dir.commit();
  return kOk;
}

}  // namespace rcmap::cli
