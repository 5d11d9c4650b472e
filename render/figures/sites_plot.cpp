// Sites dot plot (analyze --by-site): per site the figures of sites.csv —
// overall RC, side_a -> side_b, side_b -> side_a, within sides — as dots on
// one RC axis, one row per site; one site highlighted.
#include <algorithm>
#include <cmath>

#include "canvas/ink.hpp"
#include "map_parts.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"

namespace rcmap::render {
using namespace detail;

void draw_sites_page(cairo_t* cr, const SitesBenchmark& b, long highlight, int min_n, const FigureOptions& o) {
  const ChangeWords& cw = change_words(o.lang);
  const Words& ww = words(o.lang);
  std::string sub = change_subtitle(o);
  if (highlight >= 0)
    sub += (sub.empty() ? "" : "  ·  ") + fill(cw.highlight_note, b.sites[static_cast<std::size_t>(highlight)].site);
  const double top = draw_header(cr, o, cw.sites_title, sub);
  struct Series {
    std::string name;
    double SiteResult::*value;
    Rgb colour;
  };
  const std::vector<Series> series = {{cw.overall, &SiteResult::overall_rc, ink::text},
                                      {fill(ww.arrow, side_name(o.lang, o.side_a), side_name(o.lang, o.side_b)),
                                       &SiteResult::authority_provider, side_colour(0)},
                                      {fill(ww.arrow, side_name(o.lang, o.side_b), side_name(o.lang, o.side_a)),
                                       &SiteResult::provider_authority, side_colour(1)},
                                      {cw.within_sides, &SiteResult::within_side, side_colour(4)}};
  std::vector<double> all;
  for (const SiteResult& s : b.sites)
    for (const Series& se : series) all.push_back(s.*se.value);
  const auto [lo, hi] = value_range(all);
  const std::size_t n = b.sites.size();
  double label_w = 0;
  for (const SiteResult& s : b.sites)
    label_w = std::max(label_w, Text(s.site, 8, true, 200, PANGO_ALIGN_RIGHT, 1).width());
  const double x0 = 30 + label_w, x1 = o.page_width - 40, y0 = top + 24, y1 = o.page_height - 70;
  const double row_h = n ? std::min(40.0, (y1 - y0) / static_cast<double>(n)) : 20;
  // Hundreds of sites (a national benchmark): small dots, names only where
  // they fit (the highlighted site's always).
  const double font = std::min(8.0, row_h * 0.75), dot = std::min(3.4, row_h * 0.42);
  auto xof = [&](double v) { return x0 + (v - lo) / (hi - lo) * (x1 - x0); };
  for (double v = lo; v <= hi + 1e-9; v += 0.5) {
    set_colour(cr, ink::grid);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, xof(v), y0 - 4);
    cairo_line_to(cr, xof(v), y0 + row_h * n);
    cairo_stroke(cr);
    Text t(format_number(v, 1, o.lang), 7.5);
    set_colour(cr, ink::muted);
    t.draw(cr, xof(v) - t.width() / 2, y0 + row_h * n + 3);
  }
  Text axis(ww.axis_rc, 8, true);
  axis.draw(cr, (x0 + x1) / 2 - axis.width() / 2, y0 + row_h * n + 16);
  for (std::size_t i = 0; i < n; ++i) {
    const SiteResult& s = b.sites[i];
    const bool hl = static_cast<long>(i) == highlight;
    const double cy = y0 + row_h * (i + 0.5);
    if (hl) {
      set_colour(cr, ink::highlight);
      cairo_rectangle(cr, 16, cy - row_h / 2, x1 - 16 + 8, row_h);
      cairo_fill(cr);
    }
    if (hl || font >= 4) {
      Text name(s.site, hl ? 8 : font, hl, 200, PANGO_ALIGN_RIGHT, 1);
      set_colour(cr, hl || highlight < 0 ? ink::text : ink::footer);
      name.draw(cr, x0 - 8 - name.width(), cy - name.height() / 2);
    }
    const double alpha = hl || highlight < 0 ? 1.0 : 0.55;
    for (std::size_t k = 0; k < series.size(); ++k) {
      const double v = s.*series[k].value;
      if (!std::isfinite(v)) continue;  // below min_n or undefined: no dot
      set_colour(cr, series[k].colour, alpha);
      cairo_arc(cr, xof(v), cy, hl ? 4.6 : dot, 0, 2 * M_PI);
      cairo_fill(cr);
    }
  }
  // Legend.
  double lx = 40;
  const double ly = std::min(o.page_height - 34, y0 + row_h * n + 40);
  for (const Series& se : series) {
    set_colour(cr, se.colour);
    cairo_arc(cr, lx + 4, ly + 5, 3.4, 0, 2 * M_PI);
    cairo_fill(cr);
    Text t(se.name, 8);
    set_colour(cr, ink::label);
    t.draw(cr, lx + 12, ly);
    lx += 12 + t.width() + 18;
  }
  draw_notes(cr, lx + 10, ly, o.page_width - 16 - (lx + 10), {fill(cw.site_hidden_note, std::to_string(min_n))});
}

void render_sites(const SitesBenchmark& b, long highlight, int min_n, const FigureOptions& o, Format f,
                  const std::string& path) {
  render_page(f, path, o, change_words(o.lang).sites_title,
              [&](cairo_t* cr) { draw_sites_page(cr, b, highlight, min_n, o); });
}

}  // namespace rcmap::render
