// Dimension profile: grouped bars of the seven RC dimensions for
// side_a->side_b, side_b->side_a and within each of the two sides.
#include <algorithm>
#include <cmath>

#include "canvas/ink.hpp"
#include "map_parts.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "report/wording.hpp"

namespace rcmap::render {
using namespace detail;

std::vector<ProfileGroup> profile_groups(const Survey& s, const Aggregate& a, const FigureOptions& o) {
  std::vector<ProfileGroup> g = {{o.side_a, o.side_b, 0, 0, {}},
                                 {o.side_b, o.side_a, 0, 0, {}},
                                 {o.side_a, o.side_a, 0, 0, {}},
                                 {o.side_b, o.side_b, 0, 0, {}}};
  for (ProfileGroup& grp : g) {
    std::array<double, kDimensionCount> sum{};
    std::array<long, kDimensionCount> cnt{};
    for (const Tie& t : a.ties) {
      // Only non-suppressed between-unit ties (anonymity: no raw rows).
      if (t.suppressed || t.within()) continue;
      if (t.source >= s.units.size() || t.target >= s.units.size()) continue;
      if (s.units[t.source].side != grp.source_side || s.units[t.target].side != grp.target_side) continue;
      ++grp.ties;
      grp.n += t.n;
      for (int d = 0; d < kDimensionCount; ++d) {
        if (t.dim_n[d] <= 0 || !std::isfinite(t.dim_mean[d])) continue;
        sum[d] += t.dim_mean[d] * t.dim_n[d];
        cnt[d] += t.dim_n[d];
      }
    }
    for (int d = 0; d < kDimensionCount; ++d) grp.mean[d] = cnt[d] > 0 ? sum[d] / static_cast<double>(cnt[d]) : kNaN;
  }
  return g;
}

void draw_profile_page(cairo_t* cr, const Survey& s, const Aggregate& a, const FigureOptions& o) {
  const Words& w = words(o.lang);
  const AggregateOptions& ao = a.options;
  const auto groups = profile_groups(s, a, o);
  const double top = draw_header(cr, o, w.profile_title, subtitle(s, a, o));
  const double x0 = 64, x1 = o.page_width - 90, y0 = top + 26, y1 = o.page_height - 92;
  auto ymap = [&](double v) { return y1 - (v - 1.0) / 4.0 * (y1 - y0); };

  // Axis and grid.
  for (int v = 1; v <= 5; ++v) draw_value_line(cr, x0, x1, ymap(v), format_number(v, 0, o.lang), v == 1);
  draw_vertical_title(cr, w.axis_rc, 24, (y0 + y1) / 2);
  const Rgb colours[4] = {side_colour(0), side_colour(1), tint(side_colour(0), 0.55), tint(side_colour(1), 0.55)};
  const double band = (x1 - x0) / kDimensionCount, bw = band * 0.78 / 4;
  auto bar_x = [&](int d, std::size_t gi) { return x0 + band * d + band * 0.11 + bw * gi; };
  double names_bottom = y1;
  for (int d = 0; d < kDimensionCount; ++d) {
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      const double v = groups[gi].mean[static_cast<std::size_t>(d)];
      if (!std::isfinite(v)) continue;
      const double x = bar_x(d, gi), yv = ymap(std::clamp(v, 1.0, 5.0));
      set_colour(cr, colours[gi]);
      cairo_rectangle(cr, x + 0.6, yv, bw - 1.2, y1 - yv);
      cairo_fill_preserve(cr);
      set_colour(cr, gi < 2 ? colours[gi] : side_colour(gi - 2));
      cairo_set_line_width(cr, 0.7);
      cairo_stroke(cr);
    }
    Text name(std::string(dimension_name(o.lang, d)), 7.5, false, band - 8, PANGO_ALIGN_CENTER);
    set_colour(cr, ink::text);
    name.draw(cr, x0 + band * d + (band - name.width()) / 2, y1 + 5);
    names_bottom = std::max(names_bottom, y1 + 5 + name.height());
  }
  // Threshold lines, labelled at the right.
  const double dash[] = {4, 2.5};
  for (int k = 0; k < 2; ++k) {
    const double th = k == 0 ? ao.weak_below : ao.strong_from;
    const Rgb c = rc_colour(k == 0 ? ao.weak_below - 0.6 : 4.9, ao);
    set_colour(cr, c);
    cairo_set_line_width(cr, 1.1);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, x0, ymap(th));
    cairo_line_to(cr, x1, ymap(th));
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    Text t((k == 0 ? std::string(w.weak) + " < " : std::string(w.strong) + " ≥ ") + format_number(th, 1, o.lang), 7,
           true, 80);
    t.draw(cr, x1 + 4, ymap(th) - t.height() / 2);
  }
  // Values above the bars, on a white backing so threshold lines stay readable.
  for (int d = 0; d < kDimensionCount; ++d) {
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      const double v = groups[gi].mean[static_cast<std::size_t>(d)];
      if (!std::isfinite(v)) continue;
      const double x = bar_x(d, gi), yv = ymap(std::clamp(v, 1.0, 5.0));
      Text t(format_number(v, 1, o.lang), std::min(6.5, bw * 0.42));
      const double tx = x + (bw - t.width()) / 2, ty = yv - t.height() - 0.5;
      set_colour(cr, ink::paper, 0.85);
      cairo_rectangle(cr, tx - 0.5, ty, t.width() + 1, t.height());
      cairo_fill(cr);
      set_colour(cr, ink::label);
      t.draw(cr, tx, ty);
    }
  }
  // Legend: groups with their tie and respondent counts.
  double lx = x0, ly = names_bottom + 18;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const ProfileGroup& g = groups[gi];
    std::string label = gi < 2 ? fill(w.arrow, side_name(o.lang, g.source_side), side_name(o.lang, g.target_side))
                               : fill(w.within, side_name(o.lang, g.source_side));
    // n counts ratings (one respondent about one unit), and the legend says so.
    label += g.ties > 0 ? "  (" + fill(glossary_text("ratings_count", o.lang), std::to_string(g.n)) + ")"
                        : "  (" + std::string(w.no_data) + ")";
    Text t(label, 7.5);
    if (lx + 16 + t.width() > o.page_width - 24) {
      lx = x0;
      ly += 14;
    }
    set_colour(cr, colours[gi]);
    cairo_rectangle(cr, lx, ly + 1, 11, 8);
    cairo_fill_preserve(cr);
    set_colour(cr, gi < 2 ? colours[gi] : side_colour(gi - 2));
    cairo_set_line_width(cr, 0.7);
    cairo_stroke(cr);
    set_colour(cr, ink::label);
    t.draw(cr, lx + 15, ly);
    lx += 15 + t.width() + 22;
  }
  Text note(fill(w.hidden_note, std::to_string(ao.min_n)), 7);
  set_colour(cr, ink::muted);
  note.draw(cr, x0, ly + 18);
}

void render_profile(const Survey& s, const Aggregate& a, const FigureOptions& o, Format f, const std::string& path) {
  render_page(f, path, o, words(o.lang).profile_title, [&](cairo_t* cr) { draw_profile_page(cr, s, a, o); });
}

}  // namespace rcmap::render
