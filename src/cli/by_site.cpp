// rcmap analyze --by-site (docs/waves.md "Sites"): the full analysis of
// each site in DIR/<site>/, the benchmark sites.csv, the ANOVA/ICC section
// of summary.json and the `sites` figure.
#include <iostream>

#include "analysis.hpp"
#include "closing.hpp"
#include "common.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/io/safe_names.hpp"
#include "rcmap/waves/sites.hpp"

namespace rcmap::cli {

void BySiteArgs::add_to(po::options_description& desc) {
  desc.add_options()("by-site", po::bool_switch(&by_site),
                     "full analysis per site (a 'site' column) into DIR/<site>/, plus sites.csv")(
      "highlight", po::value(&highlight), "with --by-site: the site the sites figure highlights");
}

int run_by_site(const SurveyArgs& sa, const BySiteArgs& opt, const MetricsOptions& mopt, const FigureArgs& fig,
                const CsvDialect& dialect, const Project& project, RunInfo run, OutputDir& dir) {
  Diagnostics diags;
  Sites sites;
  try {
    SurveyTables tables = read_survey_tables(sa.input(), diags);
    sites = sites_from_tables(tables.units, tables.responses, diags);
    for (const auto& s : sites.surveys) survey_warnings(s, sa.agg.min_answers, diags);
    print_diagnostics(diags, sa.quiet);
  } catch (const InputError&) {
    print_diagnostics(diags, sa.quiet);
    throw;
  }
  long highlight = -1;
  if (!opt.highlight.empty()) {
    for (std::size_t k = 0; k < sites.labels.size() && highlight < 0; ++k)
      if (sites.labels[k] == opt.highlight) highlight = static_cast<long>(k);
    if (highlight < 0) {
      std::string known;
      for (const auto& l : sites.labels) known += (known.empty() ? "'" : ", '") + l + "'";
      throw UsageError("--highlight: no site '" + opt.highlight + "' in " + sa.responses + " (sites: " + known + ")");
    }
  }
  std::vector<Aggregate> aggs;
  for (const auto& s : sites.surveys) aggs.push_back(aggregate(s, sa.agg));
  SitesBenchmark bench = benchmark_sites(sites, aggs, mopt.gap_side_a, mopt.gap_side_b);
  if (!sa.quiet)
    for (const auto& w : bench.warnings) std::cerr << "rcmap analyze: warning: " << w << '\n';

  run.command = "analyze --by-site";
  Diagnostics checks;
  sa.record(run, project, checks);
  print_diagnostics(checks, sa.quiet);
  SafeNames names;
  std::vector<std::string> html_blocks;  // each site's report.html data, for the sites report.html
  for (std::size_t k = 0; k < sites.surveys.size(); ++k) {
    const std::string folder = names.unique(sites.labels[k]);
    if (folder != sites.labels[k] && !sa.quiet)
      std::cerr << "rcmap analyze: note: site '" << sites.labels[k] << "' is written to folder '" << folder << "'\n";
    RunInfo site_run = run;
    const std::string label = sites.labels[k];
    site_run.sections.emplace_back("site", [label](JsonWriter& j) { j.value(label); });
    // Each site's figures and report name the site: "--title · SITE", or SITE.
    FigureArgs site_fig = fig;
    site_fig.title = fig.title.empty() ? label : fig.title + " \u00b7 " + label;
    html_blocks.push_back(
        write_analysis(sites.surveys[k], aggs[k], mopt, site_fig, dialect, sa.quiet, site_run, folder + "/", dir));
  }
  dir.write("sites.csv", [&](std::ostream& os) { write_table(os, sites_table(bench), dialect); });
  if (!sites.surveys.empty())
    fig.write_sites(bench, highlight, sa.agg, mopt.gap_side_a, mopt.gap_side_b, sites.surveys.front(), html_blocks,
                    dir);
  dir.write("summary.json", [&](std::ostream& os) {
    JsonWriter j(os);
    j.begin_object();
    write_run_fields(j, run);
    j.key("sites");
    write_sites_json(j, bench);
    j.end_object();
    j.finish();
  });
  dir.commit();
  std::size_t units = 0, respondents = 0;
  for (std::size_t k = 0; k < sites.surveys.size(); ++k) {
    units += sites.surveys[k].units.size();
    respondents += static_cast<std::size_t>(aggs[k].respondents);
  }
  print_closing_summary({"analyze",
                         dir.dir(),
                         dir.names().size(),
                         first_written(dir.names(), {"sites.png", "sites.csv"}),
                         {plural(sites.surveys.size(), "site", "sites") + " (a folder each, with its report.pdf), " +
                          count_text(units, "en") + " units, " + count_text(respondents, "en") + " respondents"},
                         fig.lang},
                        sa.quiet);
  return kOk;
}

}  // namespace rcmap::cli
