// Figure option values (--formats, --lang, --map-ties, --layout, --page) and the
// render::FigureOptions they give; compiled into the executable (to check
// options before any work) and into the figure module (draw_figures.cpp).
#include <sstream>

#include "cli/figure_args.hpp"

namespace rcmap::cli {

std::vector<std::pair<render::Format, std::string>> parse_formats(const std::string& list) {
  std::vector<std::pair<render::Format, std::string>> out;
  std::istringstream in(list);
  std::string f;
  while (std::getline(in, f, ',')) {
    if (f == "png")
      out.emplace_back(render::Format::png, f);
    else if (f == "svg")
      out.emplace_back(render::Format::svg, f);
    else if (f == "pdf")
      out.emplace_back(render::Format::pdf, f);
    else
      throw UsageError("--formats takes png, svg and pdf separated by commas, got '" + f + "'");
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

render::TieFilter parse_ties(const std::string& t) {
  if (t == "emphasis") return render::TieFilter::emphasis;
  if (t == "all") return render::TieFilter::all;
  if (t == "cross-side") return render::TieFilter::cross_side;
  if (t == "weak") return render::TieFilter::weak;
  throw UsageError("--map-ties must be emphasis, all, cross-side or weak, got '" + t + "'");
}
LayoutKind parse_layout(const std::string& l) {
  if (l == "sides") return LayoutKind::sides;
  if (l == "force") return LayoutKind::force;
  throw UsageError("--layout must be sides or force, got '" + l + "'");
}

void apply_page(const std::string& page, render::FigureOptions& o) {
  if (page == "a4") {
    o.page_width = render::kPageWidth;
    o.page_height = render::kPageHeight;
  } else if (page == "16:9") {
    o.page_width = render::kSlideWidth;
    o.page_height = render::kSlideHeight;
  } else {
    throw UsageError("--page must be a4 or 16:9, got '" + page + "'");
  }
}

render::FigureOptions FigureArgs::options(const std::string& side_a, const std::string& side_b,
                                          unsigned long seed) const {
  render::FigureOptions o;
  o.lang = parse_lang(lang);
  o.dpi = dpi;
  o.title = title;
  o.subtitle_date = date;
  o.ties = parse_ties(map_ties);
  apply_page(page, o);
  o.no_title = no_title;
  o.layout = parse_layout(layout);
  o.side_a = side_a;
  o.side_b = side_b;
  o.seed = seed;
  return o;
}

}  // namespace rcmap::cli
