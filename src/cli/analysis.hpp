#pragma once
// Everything `rcmap analyze` writes for one survey (analyze.cpp), shared with
// `analyze --by-site`, which writes it once per site.
#include <string>

#include "figure_args.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap::cli {

// Computes the metrics of `s` and writes ties.csv, units.csv, sides.csv and
// gaps.csv (with metrics), workbook.xlsx, the figures, summary.json (with a
// "network" section added to `run`) and project.ini into `dir`, each name
// prefixed by `prefix` ("" or "SITE/"). Metric warnings go to stderr unless
// `quiet`. Network metrics only up to 2,000 units (quadratic memory).
// Returns report.html's data block ("" if not written: FigureArgs::write_report).
std::string write_analysis(const Survey& s, const Aggregate& a, const MetricsOptions& mopt, const FigureArgs& fig,
                           const CsvDialect& dialect, bool quiet, RunInfo run, const std::string& prefix,
                           OutputDir& dir);

// analyze --by-site (by_site.cpp): write_analysis for each site into
// DIR/<site>/ (folder names from SafeNames), sites.csv, the `sites` figure and
// summary.json with the ANOVA/ICC section into `dir` (locked, not yet
// written). `run` holds analyze's options.
int run_by_site(const SurveyArgs& sa, const BySiteArgs& site, const MetricsOptions& mopt, const FigureArgs& fig,
                const CsvDialect& dialect, const Project& project, RunInfo run, OutputDir& dir);

}  // namespace rcmap::cli
