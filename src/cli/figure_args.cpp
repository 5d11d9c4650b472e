#include "figure_args.hpp"

#ifdef RCMAP_WITH_RENDER
#include "figure_module.hpp"
#endif

namespace rcmap::cli {

void FigureArgs::add_to(po::options_description& desc, bool tie_filter) {
  desc.add_options()
    ("formats", po::value(&formats)->default_value("png,svg"), "figure formats: any of png,svg,pdf")
    ("no-render", po::bool_switch(&no_render), "write no figures, no report.pdf and no report.html")
    ("lang", po::value(&lang)->default_value("en"),
     tie_filter ? "language of figures, report.pdf and the workbook's Method sheet: en, da (dansk), nb (norsk bokmål)"
                : "language of figures and report.pdf: en, da (dansk), nb (norsk bokmål)");
  if (tie_filter)
    desc.add_options()
      ("per-unit", po::bool_switch(&per_unit),
       "one extra report.pdf page and units/<name>.png per unit, for its manager")
      ("ties", po::value(&ties)->default_value("emphasis"),
       "ties drawn on the map: emphasis (all, routine ones faint), all, cross-side, weak; "
       "analyze: any other value is an aggregated tie table FILE (source,target,n,rc) to analyse "
       "instead of --responses");
  desc.add_options()
    ("layout", po::value(&layout)->default_value("sides"), "map layout: sides or force (seeded)")
    ("dpi", po::value(&dpi)->default_value(200), "PNG resolution")
    ("title", po::value(&title)->default_value(""), "survey name shown on the figures")
    ("date", po::value(&date)->default_value(""), "date of the data shown on the figures, as written");
}

#ifdef RCMAP_WITH_RENDER
void FigureArgs::check() const {
  if (no_render) return;
  parse_formats(formats);
  parse_lang(lang);
  parse_ties(ties);
  parse_layout(layout);
  if (!(dpi >= 36 && dpi <= 1200)) throw UsageError("--dpi must be from 36 to 1200");
  figure_module();  // a missing module is reported before any work
}

void FigureArgs::check_report() const {}

// The drawing is done by the figure module (draw_figures.cpp), loaded here
// on first use.
void FigureArgs::write(const Survey& s, const Aggregate& a, const std::string& side_a,
                       const std::string& side_b, double asymmetry, unsigned long seed,
                       OutputDir& dir, const std::string& prefix) const {
  if (no_render) return;
  figure_module().write(*this, s, a, side_a, side_b, asymmetry, seed, dir, prefix);
}

std::string FigureArgs::write_report(const Survey& survey, const Aggregate& a, const MetricsResult& m,
                                     const MetricsOptions& mopt, OutputDir& dir, const std::string& prefix) const {
  return figure_module().write_report(*this, survey, a, m, mopt, dir, prefix);
}

void FigureArgs::write_sites(const SitesBenchmark& b, long highlight, const AggregateOptions& agg,
                             const std::string& side_a, const std::string& side_b, const Survey& first_site,
                             const std::vector<std::string>& site_blocks, OutputDir& dir) const {
  if (no_render) return;
  figure_module().write_sites(*this, b, highlight, agg, side_a, side_b, first_site, site_blocks, dir);
}

void FigureArgs::write_change(const std::vector<Survey>& waves, const Comparison& comparison, const WaveSeries& w,
                              const std::vector<int>& wave_respondents, const std::string& side_a,
                              const std::string& side_b, unsigned long seed, OutputDir& dir) const {
  if (no_render) return;
  figure_module().write_change(*this, waves, comparison, w, wave_respondents, side_a, side_b, seed, dir);
}
#else
void FigureArgs::check() const {
  if (!no_render) throw UsageError("this rcmap was built without figures; use --no-render");
}
void FigureArgs::check_report() const {
  throw UsageError("this rcmap was built without figures, so it cannot draw report.pdf");
}
void FigureArgs::write(const Survey&, const Aggregate&, const std::string&, const std::string&, double,
                       unsigned long, OutputDir&, const std::string&) const {}
std::string FigureArgs::write_report(const Survey&, const Aggregate&, const MetricsResult&, const MetricsOptions&,
                                     OutputDir&, const std::string&) const {
  return {};
}
void FigureArgs::write_sites(const SitesBenchmark&, long, const AggregateOptions&, const std::string&,
                             const std::string&, const Survey&, const std::vector<std::string>&, OutputDir&) const {}
void FigureArgs::write_change(const std::vector<Survey>&, const Comparison&, const WaveSeries&, const std::vector<int>&,
                              const std::string&, const std::string&, unsigned long, OutputDir&) const {}
#endif

}  // namespace rcmap::cli
