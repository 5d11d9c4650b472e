#pragma once
// report.html: the offline interactive report (docs/html-report.md). One
// self-contained file: the viewer (render/html/, embedded at build time),
// its styles and the data object, nothing fetched from anywhere.
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/render/canvas/figure_options.hpp"
#include "rcmap/people/people.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/waves/change_findings.hpp"
#include "rcmap/waves/sites.hpp"
#include "rcmap/waves/waves.hpp"

namespace rcmap::render {

// One analysis (a survey, or one site or wave of it) as the report shows it.
struct HtmlAnalysis {
  const Survey* survey = nullptr;
  const Aggregate* aggregate = nullptr;
  const MetricsResult* metrics = nullptr;  // nullptr: no network metrics (pagerank, gaps left empty)
  const Findings* findings = nullptr;      // nullptr: no key findings
  std::vector<Point> layout;               // compute_layout of the map (one point per unit)
  // Units placed as on this analysis's map instead (compare: every wave on
  // the baseline's positions); the same units in the same order.
  const HtmlAnalysis* placed_as = nullptr;
};

// The analyze block of docs/html-report.md "Analyze block" as a JSON object
// (compact, UTF-8): units with the map's positions (map_geometry), every
// shown between-unit tie with the figures of ties.csv, suppressed pairs as
// bare [s, t] markers (no score, no n), a suppressed within-unit tie as
// {"hidden": true}, gaps.csv, the key findings as sentences, the profile
// groups. Statistics are written as the CSV files write them (6 decimals),
// coordinates with 2. Suppressed ties are read only for their ids.
// Complexity O(T log T + U^2) plus the label placement of the map.
std::string html_analysis_block(const HtmlAnalysis& a, const FigureOptions& o);

// The complete report.html of `rcmap analyze` (kind "analyze"), from the
// block html_analysis_block made for the same survey and aggregate.
std::string html_report_analyze(const std::string& block, const Survey& s, const Aggregate& a, const FigureOptions& o,
                                const std::string& version);

// report.html of `analyze --by-site` (kind "sites"): `blocks` are the sites'
// html_analysis_block in b.sites order, `first` a site's survey (sides,
// dimensions); `highlight` indexes b.sites or is -1 (the first site).
std::string html_report_sites(const std::vector<std::string>& blocks, const Survey& first, const AggregateOptions& agg,
                              const SitesBenchmark& b, long highlight, const FigureOptions& o,
                              const std::string& version);

// report.html of `rcmap compare` (kind "compare"): `waves` every wave's
// analysis (each with the same units in the same order as c.units, placed
// as the first wave), `labels` their names; c's compared between-unit ties
// as the change view, f's counts and top changes as the findings.
std::string html_report_compare(const std::vector<HtmlAnalysis>& waves, const std::vector<std::string>& labels,
                                const Comparison& c, const ChangeFindings& f, const FigureOptions& o,
                                const std::string& version);

// report.html of `rcmap network` (kind "network"): the listed people
// (`listed`, people-metrics.csv order: units with at least --min-n people)
// with their shown ids, positions of people::person_layout, degrees and
// betweenness; their ties without weights; the brokers of brokers.csv
// (`brokers`, indices into r.people, best first).
std::string html_report_network(const people::NetworkReport& r, const std::vector<std::uint32_t>& listed,
                                const std::vector<std::uint32_t>& brokers, const FigureOptions& o,
                                const std::string& version);

// Step 3 of docs/html-report.md "Assembly": shell.html with its placeholders
// replaced once each in one left-to-right pass (inserted text is never
// scanned again); every '<' of the data written as \u003c.
std::string assemble_html(const std::string& data_json, Lang lang, const std::string& title,
                          const std::string& generator);

// words.json[lang] as compact JSON (the "words" field).
std::string html_words_json(Lang lang);

}  // namespace rcmap::render
