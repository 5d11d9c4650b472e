// Change map: the baseline wave's coordination map (same nodes, labels and
// positions as `rcmap analyze` draws it) with ties coloured by the change of
// RC on a diverging scale centred at 0; non-credible changes faded.
#include <algorithm>
#include <cmath>

#include "canvas/ink.hpp"
#include "map_parts.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"

namespace rcmap::render {
using namespace detail;

namespace {
Colour mix_grey(Colour c, double t) { return {c.r + (0.55 - c.r) * t, c.g + (0.55 - c.g) * t, c.b + (0.55 - c.b) * t}; }
}  // namespace

std::vector<ChangeTie> change_map_ties(const Survey& before, const Comparison& c) {
  std::vector<ChangeTie> out;
  const double k = crowding(before.units.size());
  for (const TieChange& t : c.ties) {
    // Not compared (below min_n in a wave): never drawn, its values never used.
    if (!t.compared() || t.source == t.target) continue;
    // A compared tie has baseline respondents, so both ends have a baseline unit.
    const long s = c.units[t.source].before, g = c.units[t.target].before;
    if (s < 0 || g < 0 || s == g) continue;  // s == g: both ends merged into one baseline unit
    ChangeTie d;
    d.source = static_cast<std::uint32_t>(s);
    d.target = static_cast<std::uint32_t>(g);
    d.delta = t.delta;
    d.credible = t.credible();
    d.colour = delta_scale_colour(t.delta, kDeltaLimit);
    if (d.credible) {
      d.alpha = 0.95;
      d.width = k * tie_width(std::min(t.n_before, t.n_after));
    } else {
      d.colour = mix_grey(d.colour, 0.5);
      d.alpha = 0.45;
      d.width = 0.7;
    }
    out.push_back(d);
  }
  std::stable_sort(out.begin(), out.end(), [](const ChangeTie& a, const ChangeTie& b) {
    return std::make_tuple(a.credible, std::fabs(a.delta), a.source, a.target) <
           std::make_tuple(b.credible, std::fabs(b.delta), b.source, b.target);
  });
  return out;
}

namespace detail {

// Horizontal bar of delta_scale_colour from -kDeltaLimit to +kDeltaLimit with
// ticks and "worse" / "better" at its ends; returns the box used.
Box draw_delta_scale(cairo_t* cr, double x, double y, double width, const std::string& head_text, Lang lang) {
  const ChangeWords& cw = change_words(lang);
  Text head(head_text, 8, true);
  set_colour(cr, ink::label);
  head.draw(cr, x, y);
  const double bar_y = y + head.height() + 2, bar_h = 9;
  draw_colour_bar(cr, x, bar_y, width, bar_h, [](double t) {
    const Colour c = delta_scale_colour(kDeltaLimit * (2 * t - 1), kDeltaLimit);
    return Rgb{c.r, c.g, c.b};
  });
  for (int i = -2; i <= 2; ++i) {
    const double v = kDeltaLimit * i / 2.0;
    std::string label = (i > 0 ? "+" : "") + format_number(v, 2, lang);
    if (i == -2) label = "≤ " + label;
    if (i == 2) label = "≥ " + label;
    Text t(label, 6.5);
    set_colour(cr, ink::muted);
    t.draw(cr, x + width * (i + 2) / 4.0 - t.width() / 2, bar_y + bar_h + 1);
  }
  Text lo(cw.worse, 6.5, true), hi(cw.better, 6.5, true);
  const double ty = bar_y + bar_h + 10;
  set_colour(cr, ink::worse);
  lo.draw(cr, x, ty);
  set_colour(cr, ink::better);
  hi.draw(cr, x + width - hi.width(), ty);
  return {x, y, x + std::max(width, head.width()), ty + lo.height()};
}

// Notes stacked at (x, y), wrapped to `width`.
void draw_notes(cairo_t* cr, double x, double y, double width, const std::vector<std::string>& notes) {
  for (const std::string& line : notes) {
    Text t(line, 7, false, width);
    set_colour(cr, ink::note);
    t.draw(cr, x, y);
    y += t.height() + 1;
  }
}

std::string change_subtitle(const FigureOptions& o) {
  std::string s = o.title;
  if (!o.subtitle_date.empty()) s += (s.empty() ? "" : "  ·  ") + fill(words(o.lang).data_from, o.subtitle_date);
  return s;
}

}  // namespace detail

void draw_change_map_page(cairo_t* cr, const Survey& before, const Aggregate& before_agg,
                          const std::vector<Point>& before_layout, const Comparison& c, const FigureOptions& o) {
  constexpr double kLegendHeight = 64;
  const Placement pl = place(before, before_agg, before_layout, o, false);
  const MapGeometry& g = pl.geo;
  const ChangeWords& cw = change_words(o.lang);
  const std::string title = fill(cw.change_map_title, c.before_label, c.after_label);
  draw_header(cr, o, title, change_subtitle(o));
  std::vector<int> slot(before.units.size(), -1);
  for (std::size_t k = 0; k < g.units.size(); ++k) slot[g.units[k]] = static_cast<int>(k);
  for (const ChangeTie& t : change_map_ties(before, c)) {
    const auto ku = static_cast<std::size_t>(slot[t.source]), kv = static_cast<std::size_t>(slot[t.target]);
    if (t.credible)  // dark casing so pale colours near 0 stay visible on white
      draw_arrow(cr, g.centre[ku], g.radius[ku], g.centre[kv], g.radius[kv], TieStyle{ink::dim, 0.9, t.width + 0.8});
    draw_arrow(cr, g.centre[ku], g.radius[ku], g.centre[kv], g.radius[kv],
               TieStyle{{t.colour.r, t.colour.g, t.colour.b}, t.alpha, t.width});
  }
  const auto order = side_order(before, o);
  draw_nodes_and_labels(cr, before, pl, order);
  const double ly = draw_legend_rule(cr, kLegendHeight, o);
  const Box sb = draw_side_legend(cr, 24, ly, order, o.lang);
  const Box db = draw_delta_scale(cr, std::max(sb.x1 + 24, 230.0), ly, 200,
                                  fill(cw.delta_scale, c.before_label, c.after_label), o.lang);
  std::vector<std::string> notes = {cw.faded_note, fill(cw.not_compared_note, std::to_string(c.options.agg.min_n)),
                                    fill(cw.positions_note, c.before_label)};
  draw_notes(cr, db.x1 + 28, ly, o.page_width - 16 - (db.x1 + 28), notes);
}

void render_change_map(const Survey& before, const Aggregate& before_agg, const std::vector<Point>& before_layout,
                       const Comparison& c, const FigureOptions& o, Format f, const std::string& path) {
  render_page(f, path, o, fill(change_words(o.lang).change_map_title, c.before_label, c.after_label),
              [&](cairo_t* cr) { draw_change_map_page(cr, before, before_agg, before_layout, c, o); });
}

}  // namespace rcmap::render
