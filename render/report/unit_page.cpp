// Per-unit page for a unit's manager (--per-unit): ego map, ties weakest
// first, dimension profile against the average of all shown ties.
#include <algorithm>
#include <cmath>
#include <optional>

#include "canvas/canvas.hpp"
#include "canvas/ink.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "rcmap/render/report/report.hpp"
#include "report_words.hpp"
#include "wording.hpp"

namespace rcmap::render {
using namespace detail;

UnitProfile unit_profile(const Aggregate& a, std::uint32_t unit) {
  UnitProfile p;
  std::array<double, kDimensionCount> rs{}, gs{}, as{};
  std::array<long, kDimensionCount> rc{}, gc{}, ac{};
  for (const Tie& t : a.ties) {
    // Suppressed ties are never read; within-unit ties are not relations to others.
    if (t.suppressed || t.within()) continue;
    const bool in = t.target == unit, out = t.source == unit;
    p.average_n += t.n;
    p.received_n += in ? t.n : 0;
    p.given_n += out ? t.n : 0;
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (t.dim_n[d] <= 0 || !std::isfinite(t.dim_mean[d])) continue;
      const double w = t.dim_mean[d] * t.dim_n[d];
      as[d] += w, ac[d] += t.dim_n[d];
      if (in) rs[d] += w, rc[d] += t.dim_n[d];
      if (out) gs[d] += w, gc[d] += t.dim_n[d];
    }
  }
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    p.received[d] = rc[d] ? rs[d] / static_cast<double>(rc[d]) : kNaN;
    p.given[d] = gc[d] ? gs[d] / static_cast<double>(gc[d]) : kNaN;
    p.average[d] = ac[d] ? as[d] / static_cast<double>(ac[d]) : kNaN;
  }
  return p;
}

UnitTieIndex::UnitTieIndex(const Aggregate& a, std::size_t units) : start(units + 1, 0) {
  const auto shown = [&](const Tie& t) { return !t.suppressed && !t.within() && t.source < units && t.target < units; };
  for (const Tie& t : a.ties)
    if (shown(t)) ++start[t.source + 1], ++start[t.target + 1];
  for (std::size_t u = 0; u < units; ++u) start[u + 1] += start[u];
  tie.resize(start[units]);
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (std::size_t k = 0; k < a.ties.size(); ++k) {
    const Tie& t = a.ties[k];
    if (!shown(t)) continue;
    tie[next[t.source]++] = static_cast<std::uint32_t>(k);
    tie[next[t.target]++] = static_cast<std::uint32_t>(k);
    n += t.n;
    for (std::size_t d = 0; d < kDimensionCount; ++d)
      if (t.dim_n[d] > 0 && std::isfinite(t.dim_mean[d])) sum[d] += t.dim_mean[d] * t.dim_n[d], count[d] += t.dim_n[d];
  }
}

UnitProfile unit_profile(const Aggregate& a, std::uint32_t unit, const UnitTieIndex& index) {
  // The sums of unit_profile() above, restricted to the unit's ties (in the
  // same order), and the index's sums for the average.
  UnitProfile p;
  std::array<double, kDimensionCount> rs{}, gs{};
  std::array<long, kDimensionCount> rc{}, gc{};
  p.average_n = index.n;
  for (std::size_t k = index.start[unit]; k < index.start[unit + 1]; ++k) {
    const Tie& t = a.ties[index.tie[k]];
    const bool in = t.target == unit, out = t.source == unit;
    p.received_n += in ? t.n : 0;
    p.given_n += out ? t.n : 0;
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (t.dim_n[d] <= 0 || !std::isfinite(t.dim_mean[d])) continue;
      const double w = t.dim_mean[d] * t.dim_n[d];
      if (in) rs[d] += w, rc[d] += t.dim_n[d];
      if (out) gs[d] += w, gc[d] += t.dim_n[d];
    }
  }
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    p.received[d] = rc[d] ? rs[d] / static_cast<double>(rc[d]) : kNaN;
    p.given[d] = gc[d] ? gs[d] / static_cast<double>(gc[d]) : kNaN;
    p.average[d] = index.count[d] ? index.sum[d] / static_cast<double>(index.count[d]) : kNaN;
  }
  return p;
}

namespace {

void arrow(cairo_t* cr, double x0, double y0, double x1, double y1, Rgb c, double width) {
  const double dx = x1 - x0, dy = y1 - y0, l = std::hypot(dx, dy);
  if (l < 1) return;
  const double ux = dx / l, uy = dy / l, ah = 3 + 1.5 * width, hw = ah * 0.45;
  set_colour(cr, c);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1 - ux * ah * 0.8, y1 - uy * ah * 0.8);
  cairo_stroke(cr);
  cairo_move_to(cr, x1, y1);
  cairo_line_to(cr, x1 - ux * ah - uy * hw, y1 - uy * ah + ux * hw);
  cairo_line_to(cr, x1 - ux * ah + uy * hw, y1 - uy * ah - ux * hw);
  cairo_close_path(cr);
  cairo_fill(cr);
}

// Shown ties of `unit` with other units, weakest first (equal RC: tie order).
std::vector<const Tie*> shown_ties(const Aggregate& a, std::uint32_t unit, const UnitTieIndex& index) {
  std::vector<const Tie*> out;
  for (std::size_t k = index.start[unit]; k < index.start[unit + 1]; ++k) out.push_back(&a.ties[index.tie[k]]);
  std::stable_sort(out.begin(), out.end(), [](const Tie* x, const Tie* y) { return x->rc < y->rc; });
  return out;
}

// One row of a unit's tie list at (x, y), `width` wide: an RC swatch with the
// value, "source → target  (n = N)".
void draw_tie_row(cairo_t* cr, const Survey& s, const Tie& t, const AggregateOptions& ao, Lang lang, double x, double y,
                  double width) {
  const Rgb c = rc_colour(t.rc, ao);
  set_colour(cr, c);
  cairo_rectangle(cr, x, y + 0.5, 26, 9);
  cairo_fill(cr);
  Text v(format_number(t.rc, rc_decimals(t.rc, 2, ao), lang), 6.5);  // never reads as another class
  set_colour(cr, text_on(c));
  v.draw(cr, x + 13 - v.width() / 2, y + 1);
  Text name(fill(words(lang).arrow, label_text(s.units[t.source].label), label_text(s.units[t.target].label)) +
                "  (n = " + std::to_string(t.n) + ")",
            7, false, width - 32, PANGO_ALIGN_LEFT, 1);
  set_colour(cr, ink::text);
  name.draw(cr, x + 31, y);
}

// Unit pages are A4 whatever --page says; `o`'s dpi and the rest kept.
FigureOptions a4_page(FigureOptions o) {
  o.page_width = kPageWidth;
  o.page_height = kPageHeight;
  return o;
}

constexpr double kTieLine = 10.5;  // pt per tie row
// Tie rows of a continuation page: two columns under the header.
constexpr int kTieColumns = 2;
double ties_top(cairo_t* cr, const std::string& label, const std::string& sub) {
  return draw_header(cr, label, sub) + 14;
}

}  // namespace

std::size_t draw_unit_ties_page(cairo_t* cr, const ReportInput& in, std::uint32_t unit, const UnitTieIndex& index,
                                std::size_t first, int page) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const Lang lang = in.figure.lang;
  const ReportWords& rw = report_words(lang);
  const auto ties = shown_ties(a, unit, index);
  std::string sub = std::string(rw.unit_ties) + "  ·  " + std::to_string(page);
  if (!in.figure.title.empty()) sub = in.figure.title + "  ·  " + sub;
  const double top = ties_top(cr, label_text(s.units[unit].label), sub);
  const std::size_t rows = static_cast<std::size_t>((kPageHeight - 24 - top) / kTieLine);
  const double col_w = (kPageWidth - 48 - 24 * (kTieColumns - 1)) / kTieColumns;
  std::size_t i = first;
  for (int col = 0; col < kTieColumns; ++col)
    for (std::size_t row = 0; row < rows && i < ties.size(); ++row, ++i)
      draw_tie_row(cr, s, *ties[i], a.options, lang, 24 + col * (col_w + 24), top + row * kTieLine, col_w);
  return i;
}

std::size_t draw_unit_page(cairo_t* cr, const ReportInput& in, std::uint32_t unit, const UnitTieIndex* index) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  std::optional<UnitTieIndex> own;
  if (!index) index = &own.emplace(a, s.units.size());
  const FigureOptions& o = in.figure;
  const Lang lang = o.lang;
  const ReportWords& rw = report_words(lang);
  const Words& w = words(lang);
  const AggregateOptions& ao = a.options;
  const Unit& u = s.units[unit];
  const int resp = respondents_per_unit(s, a)[unit];
  std::string sub =
      side_name(lang, u.side) + "  ·  " + fmt(rw.of_respondents, {format_count(static_cast<std::size_t>(resp), lang)});
  if (!o.title.empty()) sub = o.title + "  ·  " + sub;
  double top = draw_header(cr, label_text(u.label), sub) + 6;
  {
    // How to read the page: relationships to improve together, not a ranking
    // (docs/glossary.tsv unit_page_intro).
    Text intro(std::string(glossary_text("unit_page_intro", lang)), 8.5, false, kPageWidth - 48);
    set_colour(cr, ink::intro);
    intro.draw(cr, 24, top);
    top += intro.height() + 4;
  }
  if (resp < ao.min_n) {
    Text note(fmt(rw.few_respondents, {std::to_string(ao.min_n)}), 8.5, false, kPageWidth - 48);
    set_colour(cr, ink::warning);
    note.draw(cr, 24, top);
    top += note.height() + 4;
  }
  const auto order = side_order(s, o);
  const auto ties = shown_ties(a, unit, *index);

  // Ego map, left: the unit in the centre, partners on a circle (by side,
  // then label); outgoing arrow on one side of the spoke, incoming on the other.
  const double mx0 = 24, mx1 = 420, my0 = top + 18, my1 = kPageHeight - 80;
  {
    Text head(rw.ego_map, 10, true);
    set_colour(cr, ink::label);
    head.draw(cr, mx0, top);
  }
  std::vector<std::uint32_t> partners;
  for (const Tie* t : ties) partners.push_back(t->source == unit ? t->target : t->source);
  std::sort(partners.begin(), partners.end(), [&](std::uint32_t x, std::uint32_t y) {
    return std::pair{side_rank(order, s.units[x].side), label_text(s.units[x].label)} <
           std::pair{side_rank(order, s.units[y].side), label_text(s.units[y].label)};
  });
  partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
  const double cx = (mx0 + mx1) / 2, cy = (my0 + my1) / 2;
  // An ellipse leaving room for labels (at most 90 pt wide) left and right.
  const double Rx = (mx1 - mx0) / 2 - 96, Ry = (my1 - my0) / 2 - 16, r0 = 13, r1 = 7;
  const double fs = partners.size() > 24 ? 5.5 : 7;
  for (std::size_t k = 0; k < partners.size(); ++k) {
    // Half a step off the vertical so that every label sits beside its node.
    const double ang = -M_PI / 2 + 2 * M_PI * (static_cast<double>(k) + 0.5) / static_cast<double>(partners.size());
    const double px = cx + Rx * std::cos(ang), py = cy + Ry * std::sin(ang);
    const double sl = std::hypot(px - cx, py - cy);
    const double ux = (px - cx) / sl, uy = (py - cy) / sl, nx = -uy * 3, ny = ux * 3;
    for (int dir = 0; dir < 2; ++dir) {
      const long ti = dir == 0 ? a.find(unit, partners[k]) : a.find(partners[k], unit);
      if (ti < 0 || a.ties[static_cast<std::size_t>(ti)].suppressed) continue;
      const Tie& t = a.ties[static_cast<std::size_t>(ti)];
      const double width = std::clamp(0.35 * std::sqrt(std::max(t.n, 1)), 0.8, 2.6);
      const double sgn = dir == 0 ? 1 : -1;
      if (dir == 0)
        arrow(cr, cx + ux * r0 + sgn * nx, cy + uy * r0 + sgn * ny, px - ux * r1 + sgn * nx, py - uy * r1 + sgn * ny,
              rc_colour(t.rc, ao), width);
      else
        arrow(cr, px - ux * r1 + sgn * nx, py - uy * r1 + sgn * ny, cx + ux * r0 + sgn * nx, cy + uy * r0 + sgn * ny,
              rc_colour(t.rc, ao), width);
    }
    cairo_arc(cr, px, py, r1, 0, 2 * M_PI);
    set_colour(cr, side_colour(side_rank(order, s.units[partners[k]].side)));
    cairo_fill(cr);
    Text t(label_text(s.units[partners[k]].label), fs, false, 90, ux < 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, 2);
    double tx = ux < 0 ? px - r1 - 3 - t.width() : px + r1 + 3;
    const double ty = py - t.height() / 2;
    tx = std::clamp(tx, mx0, mx1 - t.width());
    set_colour(cr, ink::text);
    t.draw(cr, tx, ty);
  }
  cairo_arc(cr, cx, cy, r0, 0, 2 * M_PI);
  set_colour(cr, side_colour(side_rank(order, u.side)));
  cairo_fill(cr);
  if (partners.empty()) {
    Text t(rw.no_ties, 9);
    set_colour(cr, ink::muted);
    t.draw(cr, cx - t.width() / 2, cy + r0 + 6);
  }
  draw_rc_scale(cr, mx0, kPageHeight - 62, 200, ao, lang);
  {
    Text note(fill(w.hidden_note, std::to_string(ao.min_n)), 7, false, 170);
    set_colour(cr, ink::muted);
    note.draw(cr, mx0 + 230, kPageHeight - 60);
  }

  // Profile, right top: received and given bars per dimension, average tick.
  const double px0 = 440, px1 = kPageWidth - 24, py0 = top;
  const UnitProfile prof = unit_profile(a, unit, *index);
  {
    Text head(rw.unit_profile, 10, true);
    set_colour(cr, ink::label);
    head.draw(cr, px0, py0);
  }
  const double name_w = 150, bx0 = px0 + name_w, bx1 = px1 - 26, row_h = 21, by0 = py0 + 18;
  auto xof = [&](double v) { return bx0 + (std::clamp(v, 1.0, 5.0) - 1.0) / 4.0 * (bx1 - bx0); };
  const Rgb c_recv{0.35, 0.35, 0.6}, c_given{0.75, 0.75, 0.85};
  for (int v = 1; v <= 5; ++v) {
    set_colour(cr, ink::grid);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, xof(v), by0);
    cairo_line_to(cr, xof(v), by0 + row_h * kDimensionCount);
    cairo_stroke(cr);
    Text t(format_number(v, 0, lang), 6.5);
    set_colour(cr, ink::faint);
    t.draw(cr, xof(v) - t.width() / 2, by0 + row_h * kDimensionCount + 1);
  }
  for (int d = 0; d < kDimensionCount; ++d) {
    const auto k = static_cast<std::size_t>(d);
    const double y = by0 + row_h * d;
    Text name(std::string(dimension_name(lang, d)), 7.5, false, name_w - 6, PANGO_ALIGN_RIGHT, 2);
    set_colour(cr, ink::label);
    name.draw(cr, bx0 - 6 - name.width(), y + (row_h - name.height()) / 2);
    const double vals[2] = {prof.received[k], prof.given[k]};
    for (int b = 0; b < 2; ++b) {
      if (!std::isfinite(vals[b])) continue;
      const double yb = y + 3 + b * 7.5;
      set_colour(cr, b == 0 ? c_recv : c_given);
      cairo_rectangle(cr, bx0, yb, xof(vals[b]) - bx0, 7);
      cairo_fill(cr);
      Text t(format_number(vals[b], 1, lang), 6);  // values in a column right of the axis
      set_colour(cr, ink::label);
      t.draw(cr, bx1 + 24 - t.width(), yb);
    }
    if (std::isfinite(prof.average[k])) {
      set_colour(cr, ink::black);
      cairo_set_line_width(cr, 1.4);
      cairo_move_to(cr, xof(prof.average[k]), y + 1);
      cairo_line_to(cr, xof(prof.average[k]), y + row_h - 2);
      cairo_stroke(cr);
    }
  }
  double ly = by0 + row_h * kDimensionCount + 12;
  const auto ratings = [&](int n) { return fmt(glossary_text("ratings_count", lang), {std::to_string(n)}); };
  const struct {
    Rgb c;
    std::string label;
    bool line;
  } legend[] = {// n counts ratings (one respondent about one unit), said in the legend.
                {c_recv, std::string(rw.received) + " (" + ratings(prof.received_n) + ")", false},
                {c_given, std::string(rw.given) + " (" + ratings(prof.given_n) + ")", false},
                {ink::black, std::string(rw.average) + " (" + ratings(prof.average_n) + ")", true}};
  for (const auto& l : legend) {
    set_colour(cr, l.c);
    if (l.line) {
      cairo_set_line_width(cr, 1.4);
      cairo_move_to(cr, px0 + 5, ly);
      cairo_line_to(cr, px0 + 5, ly + 9);
      cairo_stroke(cr);
    } else {
      cairo_rectangle(cr, px0, ly + 1, 11, 7);
      cairo_fill(cr);
    }
    Text t(l.label, 7);
    set_colour(cr, ink::label);
    t.draw(cr, px0 + 15, ly);
    ly += 11;
  }

  // Ties, right bottom, weakest first.
  double ty = ly + 10;
  {
    Text head(rw.unit_ties, 10, true);
    set_colour(cr, ink::label);
    head.draw(cr, px0, ty);
    ty += head.height() + 4;
  }
  // The rest continue on the next page(s) (draw_unit_ties_page).
  const double bottom = kPageHeight - 24;
  const std::size_t fit = static_cast<std::size_t>(std::max(0.0, (bottom - ty) / kTieLine));
  const std::size_t shown = ties.size() <= fit ? ties.size() : (fit > 0 ? fit - 1 : 0);
  for (std::size_t i = 0; i < shown; ++i) {
    draw_tie_row(cr, s, *ties[i], ao, lang, px0, ty, px1 - px0);
    ty += kTieLine;
  }
  if (ties.empty() || shown < ties.size()) {
    Text t(ties.empty() ? std::string(rw.no_ties) : fmt(rw.more_ties, {std::to_string(ties.size() - shown)}), 7);
    set_colour(cr, ink::muted);
    t.draw(cr, px0, ty);
  }
  return shown;
}

std::size_t render_unit_page(const ReportInput& in, std::uint32_t unit, Format f, const std::string& path,
                             const UnitTieIndex* index) {
  std::size_t shown = 0;
  render_page(f, path, a4_page(in.figure), label_text(in.survey->units[unit].label),
              [&](cairo_t* cr) { shown = draw_unit_page(cr, in, unit, index); });
  return shown;
}

std::size_t render_unit_ties_page(const ReportInput& in, std::uint32_t unit, const UnitTieIndex& index,
                                  std::size_t first, int page, Format f, const std::string& path) {
  std::size_t next = 0;
  render_page(f, path, a4_page(in.figure), label_text(in.survey->units[unit].label),
              [&](cairo_t* cr) { next = draw_unit_ties_page(cr, in, unit, index, first, page); });
  return next;
}

}  // namespace rcmap::render
