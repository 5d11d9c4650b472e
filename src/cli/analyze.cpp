#include <cmath>
#include <cstdio>
#include <future>
#include <tuple>
#include <iostream>

#include "analysis.hpp"
#include "closing.hpp"
#include "common.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/outputs/graphml_writer.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/outputs/method_text.hpp"
#include "rcmap/metrics/bridges.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/metrics/metrics_algorithms.hpp"
#include "rcmap/outputs/metrics_tables.hpp"
#include "rcmap/outputs/tables.hpp"
#include "rcmap/outputs/workbook_writer.hpp"
#include "util/phase_times.hpp"
#include "util/text.hpp"

namespace rcmap::cli {

namespace {

// The units (by label) whose metric is blank, for a note a department head
// can read: at most five named, then how many more. `field` null: the units
// whose own ratings are all hidden (blank_reason no_shown_ratings), which the
// other notes leave out: their note says why.
std::string blank_units(const Survey& s, const MetricsResult& m, double UnitMetrics::*field) {
  std::vector<std::string> names;
  for (std::size_t u = 0; u < m.units.size() && u < s.units.size(); ++u)
    if (field ? std::isnan(m.units[u].*field) && !m.units[u].no_shown_ratings : m.units[u].no_shown_ratings)
      // A label is data: a long one is cut (detail::quoted) so one note stays one line.
      names.push_back(s.units[u].label.size() <= 80 ? s.units[u].label : detail::quoted(s.units[u].label));
  if (names.empty()) return {};
  std::string out;
  const std::size_t shown = std::min<std::size_t>(names.size(), 5);
  for (std::size_t i = 0; i < shown; ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

// The metric warnings about units a reader can act on, in plain words naming
// the units (docs/commands.md "Closing summary"); "" for the others, which
// are printed as they are.
std::string plain_metric_note(const std::string& w, const Survey& s, const Aggregate& a, const MetricsResult& m) {
  char weak[32];
  std::snprintf(weak, sizeof weak, "%g", a.options.weak_below);
  const std::string working = "working ties (RC " + std::string(weak) + " or more)";
  if (w.rfind("closeness_out undefined for ", 0) == 0) {
    const std::string units = blank_units(s, m, &UnitMetrics::closeness_out);
    return units.empty() ? "-"  // only units without shown ratings: said once (analysis_metrics)
                         : "closeness_out in units.csv is blank for " + units + ": they have no " + working +
                               " to another unit, so their distance to the others is not defined";
  }
  if (w.rfind("closeness_in undefined for ", 0) == 0)
    return "closeness_in in units.csv is blank for " + blank_units(s, m, &UnitMetrics::closeness_in) +
           ": no other unit has " + working + " to them, so the distance from the others is not defined";
  if (w.rfind("clustering undefined for ", 0) == 0)
    return "clustering in units.csv is blank for " + blank_units(s, m, &UnitMetrics::clustering) +
           ": they have fewer than two units they work with through " + working;
  return {};
}

}  // namespace

MetricsResult analysis_metrics(const Survey& survey, const Aggregate& agg, const MetricsOptions& mopt, bool quiet,
                               const std::string& prefix) {
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
    // Gaps need only the ties, not the network: listed at any size (above
    // MetricsOptions::max_gap_pairs the measured pairs, with a warning).
    std::vector<std::string> gap_warnings;
    metrics.gaps = metrics::coordination_gaps(survey, agg, mopt, gap_warnings, &metrics.unlisted_gaps);
    metrics::blank_units_without_ratings(survey, agg, metrics.units);
    metrics.bridges = metrics::coordination_bridges(survey, agg, metrics.gaps, metrics.units, gap_warnings);
    metrics.warnings.push_back(std::to_string(survey.units.size()) +
                               " units: network metrics are computed for at most " + std::to_string(kMaxMetricUnits) +
                               " units; metric columns left blank" +
                               (metrics.unlisted_gaps ? "" : " (gaps.csv is complete)"));
    metrics.warnings.insert(metrics.warnings.end(), gap_warnings.begin(), gap_warnings.end());
  }
  if (!quiet) {
    const std::string site = prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1) + ": ";
    const std::string hidden = blank_units(survey, metrics, nullptr);
    if (!hidden.empty())
      std::cerr << "rcmap analyze: note: " << site << "all ratings given by " << hidden << " are hidden (fewer than "
                << agg.options.min_n << " respondents): the measures of their outgoing ties are blank in units.csv "
                << "(blank_reason no_shown_ratings) and they are left out of every ranking\n";
    for (const auto& w : metrics.warnings) {
      const std::string plain = plain_metric_note(w, survey, agg, metrics);
      if (plain == "-") continue;
      if (!plain.empty())
        std::cerr << "rcmap analyze: note: " << site << plain << '\n';
      else
        std::cerr << "rcmap: metrics: warning: " << site << w << '\n';
    }
  }
  return metrics;
}

std::string write_analysis(const Survey& survey, const Aggregate& agg, const MetricsOptions& mopt,
                           const FigureArgs& fig, const CsvDialect& dialect, bool quiet, RunInfo run,
                           const std::string& prefix, OutputDir& dir) {
  const MetricsResult metrics = analysis_metrics(survey, agg, mopt, quiet, prefix);
  RCMAP_PHASE("metrics");
  Table ties = ties_table(survey, agg), units = units_table(survey, agg), sides = sides_table(survey, agg);
  append_tie_metrics(ties, metrics);
  append_tie_certainty(ties, agg);
  append_unit_metrics(units, metrics);
  Table gaps = gaps_table(survey, metrics), bridges = bridges_table(survey, metrics);
  run.sections.emplace_back("network", [&](JsonWriter& j) { write_network_json(j, metrics, mopt); });
  const Findings findings = compute_findings(survey, agg, metrics, mopt);
  run.sections.emplace_back("findings", [&](JsonWriter& j) { write_findings_json(j, survey, findings); });
  if (agg.from_ties)
    run.sections.emplace_back("aggregated_ties", [&](JsonWriter& j) {
      j.begin_object();
      j.field("note", "input is an aggregated tie table (--tie-table): figures needing respondent answers are skipped");
      j.key("skipped").begin_array();
      for (const auto& part : skipped_for_ties()) j.value(part);
      j.end_array();
      j.end_object();
    });
  auto table = [&](const char* name, const Table& t) {
    dir.write(prefix + name, [&](std::ostream& os) { write_table(os, t, dialect); });
  };
  WorkbookContent book;
  book.sheets = {{"Ties", &ties, [&](std::size_t r) { return agg.ties[r].suppressed; }, "ties.csv"},
                 {"Units", &units, {}, "units.csv"},
                 {"Gaps", &gaps, {}, "gaps.csv"},
                 {"Bridges", &bridges, {}, "bridges.csv"},
                 {"Sides", &sides, {}, "sides.csv"}};
  book.survey = &survey;
  book.aggregate = &agg;
  book.lang = fig.lang;
  book.method = method_rows(agg, fig.lang);
  if (agg.from_ties)
    book.method.emplace_back("Input",
                             "An aggregated tie table (--tie-table): tie RC and n as given, ties with n below "
                             "--min-n suppressed; no respondent answers, so no SD, CIs or reliability.");
  // What the workbook leaves out at Excel's limits: said on stderr and in summary.json.
  const std::vector<std::string> book_notes = workbook_notes(book);
  if (!quiet)
    for (const auto& n : book_notes)
      std::cerr << "rcmap analyze: note: " << (prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1) + ": ") << n
                << '\n';
  if (!book_notes.empty())
    run.sections.emplace_back("workbook", [&](JsonWriter& j) {
      j.begin_object();
      j.key("notes").begin_array();
      for (const auto& n : book_notes) j.value(n);
      j.end_array();
      j.end_object();
    });
  // The PNG figures are drawn by a second process (FigureArgs::write_aside),
  // started before any thread of this run: the checksum threads are joined
  // first (their results are ready long before) and the workbook thread
  // starts after the fork.
  for (const auto& in : run.inputs)
    if (in.pending.valid()) in.pending.wait();
  FigureAside aside;
  fig.write_aside(survey, agg, metrics, mopt, dir, prefix, aside);
  RCMAP_PHASE("figure process started");
  // The workbook (zip + XML, the slowest table) is written on a second thread
  // while the other tables, GraphML, figures and report are written here; it
  // calls no igraph function, so igraph stays on this thread. get() rethrows.
  std::future<void> workbook = std::async(std::launch::async, [&book, path = dir.temp_path(prefix + "workbook.xlsx")] {
    RCMAP_PHASE("workbook thread starts");
    write_workbook(path, book);
    RCMAP_PHASE("workbook thread ends");
  });
  table("ties.csv", ties);
  table("units.csv", units);
  table("sides.csv", sides);
  table("gaps.csv", gaps);
  table("bridges.csv", bridges);
  RCMAP_PHASE("tables written");
  write_graphml(dir.temp_path(prefix + "network.graphml"), survey, agg, units, ties);
  RCMAP_PHASE("graphml written");
  std::string html_block;  // report.pdf and report.html
  try {
    fig.write(survey, agg, metrics, mopt, dir, prefix, &aside);
    RCMAP_PHASE("figures drawn");
    if (!fig.no_render) html_block = fig.write_report(survey, agg, metrics, mopt, dir, prefix);
    RCMAP_PHASE("report written");
  } catch (...) {
    // The PNG figures come first in one process: the child's error, if any, is the one reported.
    FigureArgs::wait_aside(aside);
    throw;
  }
  FigureArgs::wait_aside(aside);
  RCMAP_PHASE("figure process joined");
  dir.write(prefix + "summary.json", [&](std::ostream& os) { write_summary(os, survey, agg, run); });
  dir.write(prefix + "project.ini", [&](std::ostream& os) { os << project_ini(run); });
  workbook.get();
  RCMAP_PHASE("workbook written");
  return html_block;
}

int run_analysis(const Args& args, bool report_only) {
  po::options_description desc("rcmap analyze options");
  SurveyArgs sa;
  std::string distance = "inverse";
  MetricsOptions mopt;
  FigureArgs fig;
  BySiteArgs site;  // by_site.cpp
  GapSidesArgs gaps;
  OutArgs oa;
  std::vector<std::string> old_ties;  // deprecated --ties: a --map-ties word or a --tie-table FILE
  sa.responses_required = false;      // or --tie-table
  sa.add_to(desc, true);
  site.add_to(desc);
  fig.add_to(desc, FigureArgs::Kind::analysis);
  oa.add_to(desc);
  oa.add_results_folder(desc);
  desc.add_options()("ties", po::value(&old_ties)->composing(),
                     "deprecated: a map filter word is --map-ties WORD, an aggregated tie table --tie-table FILE")(
      "distance", po::value(&distance)->default_value("inverse"),
      "RC to distance for path metrics: inverse (1/RC), complement (6-RC), neglog (-ln(RC/6))");
  gaps.add_to(desc, "the two sides whose pairs gaps.csv ranks");
  desc.add_options()("asymmetry", po::value(&mopt.asymmetry)->default_value(0.5),
                     "|RC(A->B) - RC(B->A)| from which a pair is one-sided")(
      "seed", po::value(&mopt.seed)->default_value(1), "seed for community detection (and layouts)")(
      "wave", po::value(&sa.wave),
      "analyse one wave of a responses file with a 'wave' column (to compare waves: rcmap compare)");
  po::variables_map vm;
  Project project;
  std::set<std::string> given;  // on the command line
  if (!parse(args, desc, vm, "rcmap analyze --units FILE (--responses FILE | --tie-table FILE) --out DIR [options]",
             "rcmap analyze --units samples/units.csv --responses samples/responses.csv --out results --min-n 5\n"
             "  rcmap analyze --units samples/units.csv --tie-table earlier/ties.csv --out results-from-ties\n"
             "  rcmap analyze --config results/project.ini --out results-again",
             &project, &given))
    return kOk;
  // The old --ties named both the map's tie filter and, with any other value,
  // the tie table; project files of earlier runs still read (no note then).
  // The command line's values come first in `old_ties`, and its --map-ties
  // and --tie-table win over --ties.
  bool filter_set = given.count("map-ties") > 0, table_set = given.count("tie-table") > 0;
  for (const std::string& v : old_ties) {
    const bool filter = is_tie_filter(v);
    if (filter && !filter_set) fig.map_ties = v, filter_set = true;
    if (!filter && !table_set) sa.tie_table = v, table_set = true;
    if (given.count("ties"))
      deprecated_note(report_only ? "report" : "analyze", "--ties " + v, (filter ? "--map-ties " : "--tie-table ") + v,
                      sa.quiet);
  }
  vm.erase("ties");
  set_option(vm, "map-ties", fig.map_ties);
  if (!sa.tie_table.empty()) set_option(vm, "tie-table", sa.tie_table);
  check_options(sa.agg);
  const std::string& out = oa.out;
  CsvDialect dialect = parse_csv_dialect(oa.csv_dialect);
  sa.read_options();  // checks --encoding before any work
  mopt.distance = parse_distance(distance);
  std::tie(mopt.gap_side_a, mopt.gap_side_b) = gaps.sides(report_only ? "report" : "analyze", sa.quiet, vm);
  check_options(mopt);
  fig.check(/*load_aside=*/true);  // analyze forks nothing before its first figure_module() call
  if (report_only) fig.check_report();
  const bool from_ties = !sa.tie_table.empty();
  if (from_ties == !sa.responses.empty())
    throw UsageError("give either --responses (respondent answers) or --tie-table (an aggregated tie table)");
  if (from_ties && (site.by_site || !sa.mapping.empty()))
    throw UsageError("--tie-table cannot be combined with --by-site or --mapping (they need respondent answers)");
  if (!site.highlight.empty() && !site.by_site) throw UsageError("--highlight needs --by-site");
  if (!sa.wave.empty() && (from_ties || site.by_site || !sa.mapping.empty()))
    throw UsageError(
        "--wave reads a responses file with a 'wave' column; it cannot be combined with --ties, "
        "--by-site or --mapping");

  RunInfo run;
  run.command = "analyze";
  run.options = options_of(vm);
  if (site.by_site && report_only)
    throw UsageError("rcmap report: " + out +
                     " holds results of analyze --by-site; run rcmap report on a site's folder");

  // The folder is locked, and checked against the inputs, before any input
  // is read (docs/outputs.md "Output safety").
  InputFiles inputs;
  inputs.add("units", sa.units);
  inputs.add("responses", sa.responses);
  inputs.add("tie table", sa.tie_table);
  inputs.add("mapping", sa.mapping);
  if (vm.count("config")) inputs.add("config", vm["config"].as<std::string>());
  std::vector<std::string> scope = analysis_names("");
  for (auto& n : by_site_names()) scope.push_back(std::move(n));
  OutputOptions oo;
  if (report_only) {
    // report writes report.pdf, report.html, units/*.png and the figures
    // (with the title, date and language it is given), and removes nothing.
    std::vector<std::string> plan = figure_names({"map", "gap-map", "matrix", "profile"});
    plan.insert(plan.end(), {"report.pdf", "report.html", "units/*.png"});
    oo = oa.options("report", sa.quiet, std::move(inputs), std::move(plan), {});
    oo.out_label = "DIR";
    oo.advice = "move that input out of " + out;
  } else {
    oo = oa.options("analyze", sa.quiet, std::move(inputs), site.by_site ? by_site_names() : analysis_names(""),
                    std::move(scope));
  }
  OutputDir dir(out, std::move(oo));
  if (site.by_site) return run_by_site(sa, site, mopt, fig, dialect, project, run, dir);

  Diagnostics diags;
  Survey survey;
  Aggregate agg;
  if (from_ties) {
    LoadedTies t = load_aggregated_ties(sa, diags);
    survey = std::move(t.survey);
    agg = std::move(t.aggregate);
    if (!sa.quiet)
      for (const auto& part : skipped_for_ties())
        std::cerr << "rcmap analyze: note: --tie-table: skipped " << part << '\n';
  } else {
    survey = load_survey(sa, diags);
    RCMAP_PHASE("survey loaded");
    agg = aggregate(survey, sa.agg);
    RCMAP_PHASE("aggregated");
    sa.start_checksums();
  }
  Diagnostics checks;
  sa.record(run, project, checks);
  record_relative_paths(run, out);
  RCMAP_PHASE("checksums");
  if (report_only) {
    // The report must describe the results in DIR: refuse changed inputs.
    Diagnostics changed;
    for (const auto& in : run.inputs) {
      // By role: rcmap report may have found the input at its path relative
      // to the results folder rather than at the recorded one.
      auto it = project.role_checksums.find(in.role);
      if (it == project.role_checksums.end())
        changed.error(out + "/summary.json", 0, 0, {}, "records no SHA-256 for input " + in.path);
      else if (it->second != in.checksum())
        changed.error(in.path, 0, 0, {},
                      "SHA-256 differs from the one recorded in " + out +
                          "/summary.json; expected the input the results were made from (rerun rcmap analyze)");
    }
    if (changed.error_count()) {
      print_diagnostics(changed, false);
      throw InputError(changed);
    }
    const MetricsResult metrics = analysis_metrics(survey, agg, mopt, sa.quiet, "");
    fig.write(survey, agg, metrics, mopt, dir);
    fig.write_report(survey, agg, metrics, mopt, dir);
    dir.commit();
    print_closing_summary({"report", out, dir.names().size(), first_written(dir.names(), {"report.pdf"}),
                           analysis_headline(survey, agg, fig.lang), fig.lang},
                          sa.quiet);
    return kOk;
  }
  print_diagnostics(checks, sa.quiet);

  write_analysis(survey, agg, mopt, fig, dialect, sa.quiet, run, "", dir);
  dir.commit();
  RCMAP_PHASE("committed");
  print_closing_summary(
      {"analyze", out, dir.names().size(), first_written(dir.names(), {"report.pdf", "workbook.xlsx"}),
       analysis_headline(survey, agg, fig.lang), fig.lang},
      sa.quiet);
  return kOk;
}

int cmd_analyze(const Args& args) { return run_analysis(args, false); }

}  // namespace rcmap::cli
