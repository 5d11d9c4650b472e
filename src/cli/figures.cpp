#include "figures.hpp"

#include <iostream>
#include <sstream>

#ifdef RCMAP_WITH_RENDER
#include "rcmap/change_findings.hpp"
#include "rcmap/findings.hpp"
#include "rcmap/layout.hpp"
#include "rcmap/paths.hpp"
#include "rcmap/render/change_figures.hpp"
#include "rcmap/render/figures.hpp"
#include "rcmap/render/report.hpp"
#include "rcmap/version.hpp"
#endif

namespace rcmap::cli {

void FigureArgs::add_to(po::options_description& desc, bool tie_filter) {
  desc.add_options()
    ("formats", po::value(&formats)->default_value("png,svg"), "figure formats: any of png,svg,pdf")
    ("no-render", po::bool_switch(&no_render), "write no figures and no report.pdf")
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
std::vector<std::pair<render::Format, std::string>> parse_formats(const std::string& list) {
  std::vector<std::pair<render::Format, std::string>> out;
  std::istringstream in(list);
  std::string f;
  while (std::getline(in, f, ',')) {
    if (f == "png") out.emplace_back(render::Format::png, f);
    else if (f == "svg") out.emplace_back(render::Format::svg, f);
    else if (f == "pdf") out.emplace_back(render::Format::pdf, f);
    else throw UsageError("--formats takes png, svg and pdf separated by commas, got '" + f + "'");
  }
  if (out.empty()) throw UsageError("--formats is empty; use --no-render to write no figures");
  return out;
}
render::Lang parse_lang(const std::string& l) {
  if (l == "en") return render::Lang::en;
  if (l == "da") return render::Lang::da;
  if (l == "nb") return render::Lang::nb;
  throw UsageError("--lang must be en, da or nb, got '" + l + "'");
}

namespace {
render::TieFilter parse_ties(const std::string& t) {
  if (t == "emphasis") return render::TieFilter::emphasis;
  if (t == "all") return render::TieFilter::all;
  if (t == "cross-side") return render::TieFilter::cross_side;
  if (t == "weak") return render::TieFilter::weak;
  throw UsageError("--ties must be emphasis, all, cross-side or weak, got '" + t + "'");
}
LayoutKind parse_layout(const std::string& l) {
  if (l == "sides") return LayoutKind::sides;
  if (l == "force") return LayoutKind::force;
  throw UsageError("--layout must be sides or force, got '" + l + "'");
}
}  // namespace

void FigureArgs::check() const {
  if (no_render) return;
  parse_formats(formats);
  parse_lang(lang);
  parse_ties(ties);
  parse_layout(layout);
  if (!(dpi >= 36 && dpi <= 1200)) throw UsageError("--dpi must be from 36 to 1200");
}

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
bool cut_label(std::string& label) {
  if (label.size() <= kMaxLabel) return false;
  std::size_t n = kMaxLabel;
  while (n > 0 && (static_cast<unsigned char>(label[n]) & 0xC0) == 0x80) --n;
  label = label.substr(0, n) + "\u2026";
  return true;
}
// `s`, or a copy in `cut` with its labels cut.
const Survey& drawable(const Survey& s, Survey& cut) {
  bool long_label = false;
  for (const auto& u : s.units) long_label |= u.label.size() > kMaxLabel;
  if (!long_label) return s;
  cut = s;
  for (auto& u : cut.units) cut_label(u.label);
  return cut;
}
// The same for a comparison's units.
const Comparison& drawable(const Comparison& c, Comparison& cut) {
  bool long_label = false;
  for (const auto& u : c.units) long_label |= u.label.size() > kMaxLabel;
  if (!long_label) return c;
  cut = c;
  for (auto& u : cut.units) cut_label(u.label);
  return cut;
}
}  // namespace

render::FigureOptions FigureArgs::options(const std::string& side_a, const std::string& side_b,
                                          unsigned long seed) const {
  render::FigureOptions o;
  o.lang = parse_lang(lang);
  o.dpi = dpi;
  o.title = title;
  o.subtitle_date = date;
  o.ties = parse_ties(ties);
  o.layout = parse_layout(layout);
  o.side_a = side_a;
  o.side_b = side_b;
  o.seed = seed;
  return o;
}

void FigureArgs::write(const Survey& s, const Aggregate& a, const std::string& side_a,
                       const std::string& side_b, double asymmetry, unsigned long seed,
                       OutputDir& dir, const std::string& prefix) const {
  if (no_render || too_many_units(s.units.size(), "analyze")) return;
  Survey cut;
  const Survey& d = drawable(s, cut);
  render::FigureOptions o = options(side_a, side_b, seed);
  o.asymmetry = asymmetry;
  std::vector<Point> pos = compute_layout(d, a, o.layout, side_a, side_b, seed);
  for (const auto& [fmt, ext] : parse_formats(formats)) {
    render::render_map(d, a, pos, o, fmt, dir.temp_path(prefix + "map." + ext));
    render::render_gap_map(d, a, pos, o, fmt, dir.temp_path(prefix + "gap-map." + ext));
    render::render_matrix(d, a, o, fmt, dir.temp_path(prefix + "matrix." + ext));
    render::render_profile(d, a, o, fmt, dir.temp_path(prefix + "profile." + ext));
  }
}

void FigureArgs::write_report(const Survey& survey, const Aggregate& a, const MetricsResult& m,
                              const MetricsOptions& mopt, OutputDir& dir, const std::string& prefix) const {
  Survey cut;
  const Survey& s = drawable(survey, cut);  // labels cut as on the figures: the report shows them too
  render::ReportInput in;
  in.survey = &s;
  in.aggregate = &a;
  in.metrics = &m;
  const Findings findings = compute_findings(s, a, m, mopt);
  in.findings = &findings;
  in.figure = options(mopt.gap_side_a, mopt.gap_side_b, mopt.seed);
  in.figure.asymmetry = mopt.asymmetry;
  in.max_figure_units = kMaxUnits;
  in.per_unit = per_unit;
  in.version = kVersion;
  if (s.units.size() <= kMaxUnits)
    in.layout = compute_layout(s, a, in.figure.layout, in.figure.side_a, in.figure.side_b, mopt.seed);
  render::render_report(in, dir.temp_path(prefix + "report.pdf"));
  if (!per_unit) return;
  SafeNames names;
  for (std::uint32_t u = 0; u < s.units.size(); ++u)
    render::render_unit_page(in, u, render::Format::png,
                             dir.temp_path(prefix + "units/" + names.unique(s.units[u].label, ".png")));
}

void FigureArgs::write_sites(const SitesBenchmark& b, long highlight, int min_n, const std::string& side_a,
                             const std::string& side_b, OutputDir& dir) const {
  if (no_render) return;
  const render::FigureOptions o = options(side_a, side_b, 1);
  for (const auto& [fmt, ext] : parse_formats(formats))
    render::render_sites(b, highlight, min_n, o, fmt, dir.temp_path("sites." + ext));
}

void FigureArgs::write_change(const Survey& before, const Comparison& comparison, const WaveSeries& w,
                              const std::vector<int>& wave_respondents, const std::string& side_a,
                              const std::string& side_b, unsigned long seed, OutputDir& dir) const {
  if (no_render) return;
  Survey cut;
  const Survey& d = drawable(before, cut);
  Comparison cut_comparison;
  const Comparison& c = drawable(comparison, cut_comparison);
  render::ChangeReportInput in;
  in.figure = options(side_a, side_b, seed);
  // The baseline's own aggregate and layout, as `rcmap analyze` on the before wave.
  const Aggregate a = aggregate(d, c.options.agg);
  if (!too_many_units(std::max(before.units.size(), c.units.size()), "compare")) {
    in.before_layout = compute_layout(d, a, in.figure.layout, side_a, side_b, seed);
    for (const auto& [fmt, ext] : parse_formats(formats)) {
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
#else
void FigureArgs::check() const {
  if (!no_render) throw UsageError("this rcmap was built without figures; use --no-render");
}
void FigureArgs::write(const Survey&, const Aggregate&, const std::string&, const std::string&, double,
                       unsigned long, OutputDir&, const std::string&) const {}
void FigureArgs::write_report(const Survey&, const Aggregate&, const MetricsResult&, const MetricsOptions&,
                              OutputDir&, const std::string&) const {}
void FigureArgs::write_sites(const SitesBenchmark&, long, int, const std::string&, const std::string&,
                             OutputDir&) const {}
void FigureArgs::write_change(const Survey&, const Comparison&, const WaveSeries&, const std::vector<int>&,
                              const std::string&, const std::string&, unsigned long, OutputDir&) const {}
#endif

}  // namespace rcmap::cli
