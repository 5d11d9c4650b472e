// Change matrix: rating unit x rated unit of `rcmap compare`, cells coloured
// by the change of RC; non-credible changes pale and hatched; blank where
// the tie was not compared (below min_n in a wave, or absent in one).
#include <algorithm>
#include <cmath>

#include "canvas/ink.hpp"
#include "map_parts.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"

namespace rcmap::render {
using namespace detail;

void draw_change_matrix_page(cairo_t* cr, const Comparison& c, const FigureOptions& o) {
  const ChangeWords& cw = change_words(o.lang);
  std::vector<std::string> order = {o.side_a, o.side_b};
  for (const ComparedUnit& u : c.units)
    if (std::find(order.begin(), order.end(), u.side) == order.end()) order.push_back(u.side);
  std::vector<std::uint32_t> units;  // display order: by side, then universe index
  std::vector<std::size_t> group_start;
  std::vector<std::string> labels;
  for (const std::string& side : order) {
    group_start.push_back(units.size());
    for (std::uint32_t i = 0; i < c.units.size(); ++i)
      if (c.units[i].side == side) units.push_back(i), labels.push_back(label_text(c.units[i].label));
  }
  std::vector<long> at(c.units.size() * c.units.size(), -1);
  for (std::size_t i = 0; i < c.ties.size(); ++i)
    at[c.ties[i].source * c.units.size() + c.ties[i].target] = static_cast<long>(i);
  const std::string title = fill(cw.change_matrix_title, c.before_label, c.after_label);
  const double top = draw_header(cr, o, title, change_subtitle(o)) + 6;
  draw_matrix(cr, top, labels, group_start, order, o, [&](std::size_t r, std::size_t col, Box b, double fs) {
    const long i = at[units[r] * c.units.size() + units[col]];
    // Not compared: blank; its one-wave score is never shown here.
    if (i < 0 || !c.ties[static_cast<std::size_t>(i)].compared()) {
      set_colour(cr, ink::blank_cell);
      cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      cairo_fill(cr);
      return;
    }
    const TieChange& t = c.ties[static_cast<std::size_t>(i)];
    const Colour k = delta_scale_colour(t.delta, kDeltaLimit);
    Rgb fillc{k.r, k.g, k.b};
    if (t.credible()) {
      set_colour(cr, fillc);
      cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      cairo_fill(cr);
    } else {
      hatch(cr, b, ink::hatch_pale);
      fillc = tint(fillc, 0.5);
      set_colour(cr, fillc, 0.8);
      cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      cairo_fill(cr);
    }
    Text tx((t.delta > 0 ? "+" : "") + format_number(t.delta, 2, o.lang), fs, t.credible());
    set_colour(cr, t.credible() ? text_on(fillc) : ink::dim);
    tx.draw(cr, (b.x0 + b.x1 - tx.width()) / 2, (b.y0 + b.y1 - tx.height()) / 2);
  });
  const double ly = o.page_height - 50 + 6;
  const Box db = draw_delta_scale(cr, 40, ly, 200, fill(cw.delta_scale, c.before_label, c.after_label), o.lang);
  draw_notes(
      cr, db.x1 + 30, ly, o.page_width - 16 - (db.x1 + 30),
      {cw.pale_cell_note, fill(cw.blank_cell_note, std::to_string(c.options.agg.min_n)), words(o.lang).diagonal_note});
}

void render_change_matrix(const Comparison& c, const FigureOptions& o, Format f, const std::string& path) {
  render_page(f, path, o, fill(change_words(o.lang).change_matrix_title, c.before_label, c.after_label),
              [&](cairo_t* cr) { draw_change_matrix_page(cr, c, o); });
}

}  // namespace rcmap::render
