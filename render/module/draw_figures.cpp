// The figure module (rcmap-figures.so): everything that draws with Cairo
// and Pango, loaded only by runs that draw (figure_module.hpp).
#include <iostream>

#include "cli/figure_module.hpp"
#include "rcmap/waves/change_findings.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/io/safe_names.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/figures/person_map.hpp"
#include "rcmap/render/report/report.hpp"
#include "rcmap/version.hpp"

namespace rcmap::cli {

namespace {
// A map or matrix of hundreds of units is unreadable and costly to lay out.
constexpr std::size_t kMaxUnits = 120;
bool too_many_units(std::size_t units, const char* command) {
  if (units <= kMaxUnits) return false;
  std::cerr << "rcmap " << command << ": warning: " << units << " units: figures are drawn for at most "
            << kMaxUnits << " units; none written (tables are complete)\n";
  return true;
}
// Labels are drawn at most kMaxLabel bytes long: a longer one is cut at a
// UTF-8 boundary and ends in "…" (the tables keep it whole).
constexpr std::size_t kMaxLabel = 160;
void cut_label(std::string& label) {
  if (label.size() <= kMaxLabel) return;
  std::size_t n = kMaxLabel;
  while (n > 0 && (static_cast<unsigned char>(label[n]) & 0xC0) == 0x80) --n;
  label = label.substr(0, n) + "\u2026";
}
// `x` (a Survey or a Comparison), or a copy in `cut` with its units'
// labels cut.
template <class T>
const T& drawable(const T& x, T& cut) {
  bool long_label = false;
  for (const auto& u : x.units) long_label |= u.label.size() > kMaxLabel;
  if (!long_label) return x;
  cut = x;
  for (auto& u : cut.units) cut_label(u.label);
  return cut;
}
}  // namespace

void write(const FigureArgs& f, const Survey& s, const Aggregate& a, const std::string& side_a,
           const std::string& side_b, double asymmetry, unsigned long seed, OutputDir& dir,
           const std::string& prefix) {
  if (too_many_units(s.units.size(), "analyze")) return;
  Survey cut;
  const Survey& d = drawable(s, cut);
  render::FigureOptions o = f.options(side_a, side_b, seed);
  o.asymmetry = asymmetry;
  std::vector<Point> pos = compute_layout(d, a, o.layout, side_a, side_b, seed);
  for (const auto& [fmt, ext] : parse_formats(f.formats)) {
    render::render_map(d, a, pos, o, fmt, dir.temp_path(prefix + "map." + ext));
    render::render_gap_map(d, a, pos, o, fmt, dir.temp_path(prefix + "gap-map." + ext));
    render::render_matrix(d, a, o, fmt, dir.temp_path(prefix + "matrix." + ext));
    render::render_profile(d, a, o, fmt, dir.temp_path(prefix + "profile." + ext));
  }
}

void write_report(const FigureArgs& f, const Survey& survey, const Aggregate& a, const MetricsResult& m,
                  const MetricsOptions& mopt, OutputDir& dir, const std::string& prefix) {
  Survey cut;
  const Survey& s = drawable(survey, cut);  // labels cut as on the figures: the report shows them too
  render::ReportInput in;
  in.survey = &s;
  in.aggregate = &a;
  in.metrics = &m;
  const Findings findings = compute_findings(s, a, m, mopt);
  in.findings = &findings;
  in.figure = f.options(mopt.gap_side_a, mopt.gap_side_b, mopt.seed);
  in.figure.asymmetry = mopt.asymmetry;
  in.max_figure_units = kMaxUnits;
  in.per_unit = f.per_unit;
  in.max_gap_pairs = mopt.max_gap_pairs;
  in.version = kVersion;
  if (s.units.size() <= kMaxUnits)
    in.layout = compute_layout(s, a, in.figure.layout, in.figure.side_a, in.figure.side_b, mopt.seed);
  render::render_report(in, dir.temp_path(prefix + "report.pdf"));
  if (!f.per_unit) return;
  SafeNames names;
  const render::UnitTieIndex index(a, s.units.size());
  for (std::uint32_t u = 0; u < s.units.size(); ++u)
    render::render_unit_page(in, u, render::Format::png,
                             dir.temp_path(prefix + "units/" + names.unique(s.units[u].label, ".png")), &index);
}

void write_sites(const FigureArgs& f, const SitesBenchmark& b, long highlight, int min_n, const std::string& side_a,
                 const std::string& side_b, OutputDir& dir) {
  const render::FigureOptions o = f.options(side_a, side_b, 1);
  for (const auto& [fmt, ext] : parse_formats(f.formats))
    render::render_sites(b, highlight, min_n, o, fmt, dir.temp_path("sites." + ext));
}

void write_change(const FigureArgs& f, const Survey& before, const Comparison& comparison, const WaveSeries& w,
                  const std::vector<int>& wave_respondents, const std::string& side_a, const std::string& side_b,
                  unsigned long seed, OutputDir& dir) {
  Survey cut;
  const Survey& d = drawable(before, cut);
  Comparison cut_comparison;
  const Comparison& c = drawable(comparison, cut_comparison);
  render::ChangeReportInput in;
  in.figure = f.options(side_a, side_b, seed);
  // The baseline's own aggregate and layout, as `rcmap analyze` on the before wave.
  const Aggregate a = aggregate(d, c.options.agg);
  if (!too_many_units(std::max(before.units.size(), c.units.size()), "compare")) {
    in.before_layout = compute_layout(d, a, in.figure.layout, side_a, side_b, seed);
    for (const auto& [fmt, ext] : parse_formats(f.formats)) {
      render::render_change_map(d, a, in.before_layout, c, in.figure, fmt, dir.temp_path("change-map." + ext));
      render::render_change_matrix(c, in.figure, fmt, dir.temp_path("change-matrix." + ext));
      render::render_trend(w, c.options.agg.min_n, in.figure, fmt, dir.temp_path("trend." + ext));
    }
  }
  const ChangeFindings findings = compute_change_findings(c, side_a, side_b, w.labels, wave_respondents);
  in.before = &d;
  in.before_agg = &a;
  in.max_figure_units = kMaxUnits;
  in.comparison = &c;
  in.series = &w;
  in.findings = &findings;
  in.version = kVersion;
  render::render_change_report(in, dir.temp_path("report.pdf"));
}
void person_map(const render::PersonMapInput& in, const render::FigureOptions& o, const std::string& formats,
                OutputDir& dir) {
  for (const auto& [fmt, ext] : parse_formats(formats))
    render::render_person_map(in, o, fmt, dir.temp_path("person-map." + ext));
}

}  // namespace rcmap::cli

extern "C" __attribute__((visibility("default"))) const rcmap::cli::FigureModule* rcmap_figure_module() {
  using namespace rcmap::cli;
  static const FigureModule m = {rcmap::kVersion, kFigureModuleLayout, write, write_report, write_sites, write_change,
                                 person_map};
  return &m;
}
