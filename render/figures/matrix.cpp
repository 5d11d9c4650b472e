// RC matrix: heatmap of ties, rows = rating unit, columns = rated unit,
// grouped by side; suppressed cells hatched without their value.
#include <algorithm>
#include <cmath>
#include <functional>

#include "canvas/ink.hpp"
#include "map_parts.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/render/i18n/i18n.hpp"

namespace rcmap::render {
using namespace detail;

namespace detail {

void hatch(cairo_t* cr, Box b, Rgb grey) {
  const double x = b.x0, y = b.y0, cell_w = b.x1 - b.x0, cell_h = b.y1 - b.y0;
  cairo_save(cr);
  cairo_rectangle(cr, x, y, cell_w, cell_h);
  cairo_clip(cr);
  set_colour(cr, ink::hatch_ground);
  cairo_paint(cr);
  set_colour(cr, grey);
  cairo_set_line_width(cr, 0.5);
  for (double d = -cell_h; d < cell_w; d += 3.5) {
    cairo_move_to(cr, x + d, y + cell_h);
    cairo_line_to(cr, x + d + cell_h, y);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

void draw_matrix(cairo_t* cr, double top, const std::vector<std::string>& labels,
                 const std::vector<std::size_t>& group_start, const std::vector<std::string>& order,
                 const FigureOptions& o, const std::function<void(std::size_t, std::size_t, Box, double)>& cell) {
  const Lang lang = o.lang;
  const Words& w = words(lang);
  const std::size_t n = labels.size();
  const double legend_h = 50, side_w = 14, col_band = 100;
  const double avail_h = o.page_height - legend_h - (top + 14 + col_band + 4);
  const double cell_h = n ? std::min(28.0, avail_h / static_cast<double>(n)) : 20;
  const double fs = std::clamp(cell_h * 0.5, 5.0, 8.0);
  const int row_lines = std::max(1, static_cast<int>(cell_h / (fs * 1.2)));
  double rw = 0;
  for (const auto& label : labels) {
    Text t(label, fs, false, 170, PANGO_ALIGN_RIGHT, row_lines);
    rw = std::max(rw, t.width());
  }
  const double gx0 = 24 + side_w + rw + 6, gy0 = top + 14 + col_band + 4;
  const double cell_w = n ? std::min(48.0, (o.page_width - 24 - gx0) / static_cast<double>(n)) : 20;
  const double gx1 = gx0 + cell_w * n, gy1 = gy0 + cell_h * n;
  const int col_lines = std::max(1, static_cast<int>(cell_w / (fs * 1.2)));

  // Corner: what rows and columns are.
  {
    Text t(std::string(w.rating_unit) + " ↓\n" + w.rated_unit + " →", 7, true, gx0 - 30, PANGO_ALIGN_RIGHT);
    set_colour(cr, ink::intro);
    t.draw(cr, gx0 - 6 - t.width(), gy0 - 8 - t.height());
  }
  for (std::size_t r = 0; r < n; ++r) {
    Text t(labels[r], fs, false, 170, PANGO_ALIGN_RIGHT, row_lines);
    set_colour(cr, ink::text);
    t.draw(cr, gx0 - 4 - t.width(), gy0 + cell_h * r + (cell_h - t.height()) / 2);
  }
  for (std::size_t c = 0; c < n; ++c) {
    Text t(labels[c], fs, false, col_band, PANGO_ALIGN_LEFT, col_lines);
    cairo_save(cr);
    cairo_translate(cr, gx0 + cell_w * c + (cell_w - t.height()) / 2, gy0 - 4);
    cairo_rotate(cr, -M_PI / 2);
    set_colour(cr, ink::text);
    t.draw(cr, 0, 0);
    cairo_restore(cr);
  }
  const double cfs = std::clamp(std::min(cell_h * 0.45, cell_w * 0.3), 4.5, 8.0);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < n; ++c) {
      const double x = gx0 + cell_w * c, y = gy0 + cell_h * r;
      cell(r, c, Box{x, y, x + cell_w, y + cell_h}, cfs);
    }
  // Cell grid, side separators, diagonal outlines.
  set_colour(cr, ink::paper);
  cairo_set_line_width(cr, 0.6);
  for (std::size_t i = 0; i <= n; ++i) {
    cairo_move_to(cr, gx0 + cell_w * i, gy0);
    cairo_line_to(cr, gx0 + cell_w * i, gy1);
    cairo_move_to(cr, gx0, gy0 + cell_h * i);
    cairo_line_to(cr, gx1, gy0 + cell_h * i);
  }
  cairo_stroke(cr);
  set_colour(cr, ink::text);
  cairo_set_line_width(cr, 1.3);
  for (std::size_t gi = 0; gi < group_start.size(); ++gi) {
    const std::size_t b = group_start[gi];
    const std::size_t e = gi + 1 < group_start.size() ? group_start[gi + 1] : n;
    if (b == e) continue;
    cairo_rectangle(cr, gx0, gy0 + cell_h * b, gx1 - gx0, cell_h * (e - b));
    cairo_rectangle(cr, gx0 + cell_w * b, gy0, cell_w * (e - b), gy1 - gy0);
    cairo_stroke(cr);
    // Side names: above the column labels and rotated left of the row labels.
    Text name(side_name(lang, order[gi]), 7.5, true, cell_w * (e - b), PANGO_ALIGN_CENTER, 1);
    set_colour(cr, side_colour(gi));
    name.draw(cr, gx0 + cell_w * (b + e) / 2.0 - name.width() / 2, top);
    cairo_rectangle(cr, gx0 + cell_w * b + 1, top + 11, cell_w * (e - b) - 2, 2);
    cairo_fill(cr);
    Text rname(side_name(lang, order[gi]), 7.5, true, cell_h * (e - b), PANGO_ALIGN_CENTER, 1);
    cairo_save(cr);
    cairo_translate(cr, 22, gy0 + cell_h * (b + e) / 2.0 + rname.width() / 2);
    cairo_rotate(cr, -M_PI / 2);
    rname.draw(cr, 0, 0);
    cairo_restore(cr);
    set_colour(cr, ink::text);
  }
  cairo_set_line_width(cr, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    cairo_rectangle(cr, gx0 + cell_w * i + 1, gy0 + cell_h * i + 1, cell_w - 2, cell_h - 2);
  }
  cairo_stroke(cr);
}

}  // namespace detail

void draw_matrix_page(cairo_t* cr, const Survey& s, const Aggregate& a, const FigureOptions& o) {
  const Words& w = words(o.lang);
  const AggregateOptions& ao = a.options;
  const auto order = side_order(s, o);
  std::vector<std::uint32_t> units;  // display order: by side, then index
  std::vector<std::size_t> group_start;
  for (const std::string& side : order) {
    group_start.push_back(units.size());
    for (std::uint32_t i = 0; i < s.units.size(); ++i)
      if (s.units[i].side == side) units.push_back(i);
  }
  const double top = draw_header(cr, o, w.matrix_title, subtitle(s, a, o)) + 6;

  std::vector<std::string> labels;
  for (auto u : units) labels.push_back(label_text(s.units[u].label));
  draw_matrix(cr, top, labels, group_start, order, o, [&](std::size_t r, std::size_t c, Box b, double cfs) {
    const double x = b.x0, y = b.y0, cell_w = b.x1 - b.x0, cell_h = b.y1 - b.y0;
    const long ti = a.find(units[r], units[c]);
    if (ti < 0) {
      set_colour(cr, ink::blank_cell);
      cairo_rectangle(cr, x, y, cell_w, cell_h);
      cairo_fill(cr);
    } else if (a.ties[static_cast<std::size_t>(ti)].suppressed) {
      // Hatched, marked n<N; the tie's values are never read.
      hatch(cr, b, ink::hatch_hidden);
      Text t(fill(w.suppressed_cell, std::to_string(ao.min_n)), cfs * 0.85);
      if (t.width() < cell_w - 1) {
        set_colour(cr, ink::paper, 0.85);
        cairo_rectangle(cr, x + (cell_w - t.width()) / 2, y + (cell_h - t.height()) / 2, t.width(), t.height());
        cairo_fill(cr);
        set_colour(cr, ink::muted);
        t.draw(cr, x + (cell_w - t.width()) / 2, y + (cell_h - t.height()) / 2);
      }
    } else {
      const Tie& tie = a.ties[static_cast<std::size_t>(ti)];
      const Rgb fillc = rc_colour(tie.rc, ao);
      set_colour(cr, fillc);
      cairo_rectangle(cr, x, y, cell_w, cell_h);
      cairo_fill(cr);
      // One decimal, more where rounding would cross a threshold (3.458 -> "3.46", not a weak "3.5").
      Text t(format_number(tie.rc, rc_decimals(tie.rc, 1, ao), o.lang), cfs);
      set_colour(cr, text_on(fillc));
      t.draw(cr, x + (cell_w - t.width()) / 2, y + (cell_h - t.height()) / 2);
    }
  });
  const double legend_h = 50;
  // Legend.
  const double ly = o.page_height - legend_h + 6;
  const Box rb = draw_rc_scale(cr, 40, ly, 220, ao, o.lang);
  double ny = ly;
  for (const std::string& line : {fill(w.hatched_note, std::to_string(ao.min_n)), std::string(w.diagonal_note)}) {
    Text t(line, 7);
    set_colour(cr, ink::note);
    t.draw(cr, rb.x1 + 30, ny);
    ny += t.height() + 2;
  }
}

void render_matrix(const Survey& s, const Aggregate& a, const FigureOptions& o, Format f, const std::string& path) {
  render_page(f, path, o, words(o.lang).matrix_title, [&](cairo_t* cr) { draw_matrix_page(cr, s, a, o); });
}

}  // namespace rcmap::render
