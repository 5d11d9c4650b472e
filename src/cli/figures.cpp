#include "figures.hpp"

#include <iostream>
#include <sstream>

#ifdef RCMAP_WITH_RENDER
#include "rcmap/layout.hpp"
#include "rcmap/render/figures.hpp"
#endif

namespace rcmap::cli {

void FigureArgs::add_to(po::options_description& desc) {
  desc.add_options()
    ("formats", po::value(&formats)->default_value("png,svg"), "figure formats: any of png,svg,pdf")
    ("no-render", po::bool_switch(&no_render), "write no figures")
    ("lang", po::value(&lang)->default_value("en"), "language of figures: en, da (dansk), nb (norsk bokmål)")
    ("ties", po::value(&ties)->default_value("emphasis"),
     "ties drawn on the map: emphasis (all, routine ones faint), all, cross-side, weak")
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

void FigureArgs::write(const Survey& s, const Aggregate& a, const std::string& side_a,
                       const std::string& side_b, double asymmetry, unsigned long seed,
                       OutputDir& dir) const {
  if (no_render) return;
  // A map or matrix of hundreds of units is unreadable and costly to lay out.
  constexpr std::size_t kMaxUnits = 120;
  if (s.units.size() > kMaxUnits) {
    std::cerr << "rcmap analyze: warning: " << s.units.size() << " units: figures are drawn for at most "
              << kMaxUnits << " units; none written (tables are complete)\n";
    return;
  }
  // Labels are drawn at most kMaxLabel bytes long (cut at a UTF-8 boundary, "…").
  constexpr std::size_t kMaxLabel = 160;
  const Survey* drawn = &s;
  Survey cut;
  bool long_label = false;
  for (const auto& u : s.units) long_label |= u.label.size() > kMaxLabel;
  if (long_label) {
    cut.units = s.units;
    cut.sides = s.sides;
    cut.unit_by_id = s.unit_by_id;
    cut.respondents = s.respondents;
    cut.respondent_unit = s.respondent_unit;
    for (auto& u : cut.units)
      if (u.label.size() > kMaxLabel) {
        std::size_t n = kMaxLabel;
        while (n > 0 && (static_cast<unsigned char>(u.label[n]) & 0xC0) == 0x80) --n;
        u.label = u.label.substr(0, n) + "\u2026";
      }
    drawn = &cut;
  }
  render::FigureOptions o;
  o.lang = parse_lang(lang);
  o.dpi = dpi;
  o.title = title;
  o.subtitle_date = date;
  o.ties = parse_ties(ties);
  o.layout = parse_layout(layout);
  o.side_a = side_a;
  o.side_b = side_b;
  o.asymmetry = asymmetry;
  o.seed = seed;
  const Survey& d = *drawn;
  std::vector<Point> pos = compute_layout(d, a, o.layout, side_a, side_b, seed);
  for (const auto& [fmt, ext] : parse_formats(formats)) {
    render::render_map(d, a, pos, o, fmt, dir.temp_path("map." + ext));
    render::render_gap_map(d, a, pos, o, fmt, dir.temp_path("gap-map." + ext));
    render::render_matrix(d, a, o, fmt, dir.temp_path("matrix." + ext));
    render::render_profile(d, a, o, fmt, dir.temp_path("profile." + ext));
  }
}
#else
void FigureArgs::check() const {
  if (!no_render) throw UsageError("this rcmap was built without figures; use --no-render");
}
void FigureArgs::write(const Survey&, const Aggregate&, const std::string&, const std::string&, double,
                       unsigned long, OutputDir&) const {}
#endif

}  // namespace rcmap::cli
