// Trend: RC of the side pairs of side_a and side_b in every wave
// (sides-waves.csv) as lines with 95 % interval bars. A wave where a pair has fewer than min_n respondents
// has no point and the line breaks there.
#include <algorithm>
#include <cmath>

#include "canvas/ink.hpp"
#include "map_parts.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"

namespace rcmap::render {
using namespace detail;

namespace detail {

// See map_parts.hpp: multiples of 0.5 with a margin of at least 0.1.
std::pair<double, double> value_range(const std::vector<double>& values) {
  double lo = 5, hi = 1;
  for (double v : values)
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (lo > hi) return {1, 5};
  lo = std::max(1.0, std::floor(lo * 2 - 0.2) / 2), hi = std::min(5.0, std::ceil(hi * 2 + 0.2) / 2);
  if (hi - lo < 1) lo = std::max(1.0, hi - 1), hi = lo + 1;
  return {lo, hi};
}

void draw_value_line(cairo_t* cr, double x0, double x1, double y, const std::string& label, bool baseline) {
  set_colour(cr, baseline ? ink::muted : ink::grid);
  cairo_set_line_width(cr, baseline ? 0.8 : 0.5);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
  Text t(label, 7.5);
  set_colour(cr, ink::muted);
  t.draw(cr, x0 - 6 - t.width(), y - t.height() / 2);
}

}  // namespace detail

void draw_trend_page(cairo_t* cr, const WaveSeries& w, int min_n, const FigureOptions& o) {
  const ChangeWords& cw = change_words(o.lang);
  const Words& ww = words(o.lang);
  const double top = draw_header(cr, o, cw.trend_title, change_subtitle(o));
  // The four pairs of side_a and side_b, as in the profile figure; every
  // pair is listed in sides-waves.csv.
  struct Line {
    const WaveSeriesRow* row;
    Rgb colour;
    bool dashed;
  };
  std::vector<Line> lines;
  const std::pair<std::string, std::string> pairs[] = {
      {o.side_a, o.side_b}, {o.side_b, o.side_a}, {o.side_a, o.side_a}, {o.side_b, o.side_b}};
  const std::size_t colour_rank[] = {0, 1, 4, 2};
  for (std::size_t p = 0; p < 4; ++p)
    for (const auto& row : w.sides)
      if (row.source == pairs[p].first && row.target == pairs[p].second)
        lines.push_back({&row, side_colour(colour_rank[p]), p >= 2});
  std::vector<double> all;
  for (const Line& line : lines)
    for (const auto& l : line.row->waves) all.insert(all.end(), {l.rc, l.ci_low, l.ci_high});
  const auto [lo, hi] = value_range(all);
  const double x0 = 64, x1 = o.page_width - 230, y0 = top + 20, y1 = o.page_height - 70;
  const std::size_t nw = w.labels.size();
  auto xof = [&](std::size_t k) { return nw < 2 ? (x0 + x1) / 2 : x0 + 30 + (x1 - x0 - 60) * k / (nw - 1.0); };
  auto yof = [&](double v) { return y1 - (v - lo) / (hi - lo) * (y1 - y0); };
  for (double v = lo; v <= hi + 1e-9; v += 0.5) draw_value_line(cr, x0, x1, yof(v), format_number(v, 1, o.lang));
  draw_vertical_title(cr, ww.axis_rc, 18, (y0 + y1) / 2);
  for (std::size_t k = 0; k < nw; ++k) {
    Text t(w.labels[k], 8);
    set_colour(cr, ink::note);
    t.draw(cr, xof(k) - t.width() / 2, y1 + 6);
  }
  Text axis(cw.wave_axis, 8, true);
  axis.draw(cr, (x0 + x1) / 2 - axis.width() / 2, y1 + 22);
  // One line per side pair, dodged sideways so intervals do not overlap.
  const std::size_t np = lines.size();
  double ly = y0;
  const double dash[] = {5, 3};
  for (std::size_t p = 0; p < np; ++p) {
    const WaveSeriesRow& row = *lines[p].row;
    const double dx = (static_cast<double>(p) - (np - 1) / 2.0) * 5.0;
    set_colour(cr, lines[p].colour);
    cairo_set_line_width(cr, 1.8);
    cairo_set_dash(cr, dash, lines[p].dashed ? 2 : 0, 0);
    for (std::size_t k = 0; k + 1 < nw; ++k)
      if (std::isfinite(row.waves[k].rc) && std::isfinite(row.waves[k + 1].rc)) {
        cairo_move_to(cr, xof(k) + dx, yof(row.waves[k].rc));
        cairo_line_to(cr, xof(k + 1) + dx, yof(row.waves[k + 1].rc));
        cairo_stroke(cr);
      }
    cairo_set_dash(cr, nullptr, 0, 0);
    for (std::size_t k = 0; k < nw; ++k) {
      const WaveLevel& l = row.waves[k];
      if (!std::isfinite(l.rc)) continue;  // below min_n in this wave: nothing drawn
      if (std::isfinite(l.ci_low) && std::isfinite(l.ci_high)) {
        cairo_set_line_width(cr, 0.9);
        cairo_move_to(cr, xof(k) + dx, yof(l.ci_low));
        cairo_line_to(cr, xof(k) + dx, yof(l.ci_high));
        for (double e : {l.ci_low, l.ci_high}) {
          cairo_move_to(cr, xof(k) + dx - 2.5, yof(e));
          cairo_line_to(cr, xof(k) + dx + 2.5, yof(e));
        }
        cairo_stroke(cr);
      }
      cairo_arc(cr, xof(k) + dx, yof(l.rc), 3.2, 0, 2 * M_PI);
      cairo_fill(cr);
    }
    // Legend entry at the right.
    cairo_set_dash(cr, dash, lines[p].dashed ? 2 : 0, 0);
    cairo_set_line_width(cr, 2.2);
    cairo_move_to(cr, x1 + 24, ly + 5);
    cairo_line_to(cr, x1 + 40, ly + 5);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    Text t(fill(ww.arrow, side_name(o.lang, row.source), side_name(o.lang, row.target)), 8, false, 160);
    set_colour(cr, ink::label);
    t.draw(cr, x1 + 44, ly);
    ly += t.height() + 4;
  }
  draw_notes(cr, x1 + 24, std::max(ly + 10, y1 - 40), o.page_width - 16 - (x1 + 24),
             {fill(cw.interval_note, std::to_string(min_n))});
}

void render_trend(const WaveSeries& w, int min_n, const FigureOptions& o, Format f, const std::string& path) {
  render_page(f, path, o, change_words(o.lang).trend_title, [&](cairo_t* cr) { draw_trend_page(cr, w, min_n, o); });
}

}  // namespace rcmap::render
