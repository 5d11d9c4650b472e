// Person map (see rcmap/render/figures/person_map.hpp): page conventions of the
// other figures (A4 landscape, DejaVu Sans, header, side legend, fixed PDF
// metadata through Canvas).
#include "rcmap/render/figures/person_map.hpp"

#include <algorithm>
#include <cmath>

#include "canvas/canvas.hpp"
#include "canvas/ink.hpp"
#include "rcmap/render/i18n/i18n.hpp"

namespace rcmap::render {
namespace {
using namespace detail;

struct PersonWords {
  const char *title, *counts, *unit_level, *hidden, *lines, *brokers;
};
const PersonWords& person_words(Lang lang) {
  static const PersonWords en{"Person network",
                              "{0} people · {1} ties",
                              "{0} people, more than --max-nodes {1}: drawn at unit level "
                              "(disc area: people; line width: person ties)",
                              "Units with fewer than {0} people and their ties are not drawn",
                              "Lines: person ties (darker between {0} and {1})",
                              "Ringed: the top cross-side brokers (brokers.csv)"};
  static const PersonWords da{"Personnetværk",
                              "{0} personer · {1} relationer",
                              "{0} personer er flere end --max-nodes {1}: tegnet pr. enhed "
                              "(arealet: personer; stregbredde: relationer)",
                              "Enheder med færre end {0} personer og deres relationer er ikke tegnet",
                              "Streger: relationer (mørkere mellem {0} og {1})",
                              "Med ring: de vigtigste formidlere på tværs af siderne (brokers.csv)"};
  static const PersonWords nb{"Personnettverk",
                              "{0} personer · {1} relasjoner",
                              "{0} personer er flere enn --max-nodes {1}: tegnet per enhet "
                              "(arealet: personer; strekbredde: relasjoner)",
                              "Enheter med færre enn {0} personer og deres relasjoner er ikke tegnet",
                              "Streker: relasjoner (mørkere mellom {0} og {1})",
                              "Med ring: de viktigste formidlerne på tvers av sidene (brokers.csv)"};
  return lang == Lang::da ? da : lang == Lang::nb ? nb : en;
}

constexpr double kMargin = 24, kTop = 62, kBottom = 70;

}  // namespace

PersonMapInfo draw_person_map_page(cairo_t* cr, const PersonMapInput& in, const FigureOptions& o) {
  // An image surface (PNG) strokes each tie on its own and fainter (below).
  const bool raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  const auto& units = *in.units;
  const people::People& p = *in.people;
  const people::PersonTies& t = *in.ties;
  const PersonWords& pw = person_words(o.lang);
  const std::vector<std::size_t> size = people::unit_sizes(units.size(), p);
  std::size_t drawable = 0;
  bool hidden_units = false;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (size[u] >= std::size_t(in.min_n))
      drawable += size[u];
    else
      hidden_units |= size[u] > 0;
  }
  PersonMapInfo info;
  info.unit_level = drawable > in.max_nodes;
  const people::PersonLayout l = people::person_layout(units.size(), p, t, in.min_n, o.seed, !info.unit_level);
  info.units = l.units.size();

  // Side order and colours as in the other figures: side_a, side_b, others.
  std::vector<std::string> order = {o.side_a, o.side_b};
  for (const Unit& u : units)
    if (std::find(order.begin(), order.end(), u.side) == order.end()) order.push_back(u.side);
  auto colour_of = [&](std::uint32_t unit) { return side_colour(side_rank(order, units[unit].side)); };
  auto is_gap = [&](std::uint32_t a, std::uint32_t b) {
    const std::string &x = units[a].side, &y = units[b].side;
    return (x == o.side_a && y == o.side_b) || (x == o.side_b && y == o.side_a);
  };

  const std::string title = pw.title;
  std::size_t drawn_ties = 0;
  for (std::size_t e = 0; e < t.size(); ++e)
    drawn_ties += l.slot[p.unit[t.source[e]]] >= 0 && l.slot[p.unit[t.target[e]]] >= 0;
  std::string sub = fill(pw.counts, format_count(drawable, o.lang), format_count(drawn_ties, o.lang));
  if (!o.title.empty()) sub = o.title + " · " + sub;
  draw_header(cr, o, title, sub);

  // [0,1]^2 -> page, square.
  const double top = o.no_title ? kNoTitleTop + 8 : kTop;
  const double w = o.page_width - 2 * kMargin, h = o.page_height - top - kBottom, side = std::min(w, h);
  const double ox = kMargin + (w - side) / 2, oy = top + (h - side) / 2;
  auto at = [&](Point q) { return Point{ox + q.x * side, oy + q.y * side}; };

  // Unit discs.
  for (std::size_t k = 0; k < l.units.size(); ++k) {
    const Point c = at(l.centre[k]);
    set_colour(cr, tint(colour_of(l.units[k]), 0.88));
    cairo_arc(cr, c.x, c.y, l.radius[k] * side, 0, 2 * M_PI);
    cairo_fill(cr);
  }
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  if (!info.unit_level) {
    // Person ties: routine ones first and faint, side_a <-> side_b on top.
    // Fainter with more ties; PNG strokes accumulate (see below), so fainter still.
    const double alpha =
        std::clamp((raster ? 15.0 : 60.0) / std::sqrt(double(std::max<std::size_t>(drawn_ties, 1))), 0.03, 0.35);
    for (int layer = 0; layer < 2; ++layer) {
      set_colour(cr, layer ? ink::text : ink::footer, layer ? std::min(1.0, 2 * alpha) : alpha);
      cairo_set_line_width(cr, layer ? 0.5 : 0.35);
      for (std::size_t e = 0; e < t.size(); ++e) {
        const std::uint32_t a = t.source[e], b = t.target[e];
        if (!l.drawn[a] || !l.drawn[b] || int(is_gap(p.unit[a], p.unit[b])) != layer) continue;
        const Point x = at(l.person[a]), y = at(l.person[b]);
        cairo_move_to(cr, x.x, x.y);
        cairo_line_to(cr, y.x, y.y);
        // PNG: one stroke per tie, since a single translucent stroke of
        // thousands of crossing segments makes Cairo's image backend
        // tessellate their union (5 s for 20,000 ties). SVG and PDF keep one
        // path per layer (a quarter of the file size); there overlapping
        // ties do not darken each other.
        if (raster) cairo_stroke(cr);
      }
      cairo_stroke(cr);
    }
    // People.
    const double dot = std::clamp(side / std::sqrt(double(std::max<std::size_t>(drawable, 1))) * 0.22, 0.8, 4.0);
    for (std::size_t v = 0; v < p.ids.size(); ++v) {
      if (!l.drawn[v]) continue;
      const Point c = at(l.person[v]);
      set_colour(cr, colour_of(p.unit[v]));
      cairo_arc(cr, c.x, c.y, dot, 0, 2 * M_PI);
      cairo_fill(cr);
      ++info.people;
    }
    // The top brokers: a black ring around their dot, drawn over the others.
    if (in.brokers)
      for (std::uint32_t v : *in.brokers) {
        if (v >= p.ids.size() || !l.drawn[v]) continue;
        const Point c = at(l.person[v]);
        set_colour(cr, ink::black);
        cairo_set_line_width(cr, std::max(0.8, dot * 0.45));
        cairo_arc(cr, c.x, c.y, dot + std::max(1.6, dot * 0.9), 0, 2 * M_PI);
        cairo_stroke(cr);
        ++info.brokers;
      }
    info.ties = drawn_ties;
  } else {
    // Unit level: lines between discs, width ~ sqrt(person ties both ways).
    std::vector<double> between(l.units.size() * l.units.size(), 0);
    for (std::size_t e = 0; e < t.size(); ++e) {
      const int a = l.slot[p.unit[t.source[e]]], b = l.slot[p.unit[t.target[e]]];
      if (a >= 0 && b >= 0 && a != b) between[std::min(a, b) * l.units.size() + std::max(a, b)] += 1;
    }
    double most = 1;
    for (double x : between) most = std::max(most, x);
    for (std::size_t i = 0; i < l.units.size(); ++i)
      for (std::size_t j = i + 1; j < l.units.size(); ++j) {
        const double c = between[i * l.units.size() + j];
        if (c <= 0) continue;
        const Point a = at(l.centre[i]), b = at(l.centre[j]);
        cairo_move_to(cr, a.x, a.y);
        cairo_line_to(cr, b.x, b.y);
        set_colour(cr, is_gap(l.units[i], l.units[j]) ? ink::text : ink::footer, 0.55);
        cairo_set_line_width(cr, 0.4 + 5.0 * std::sqrt(c / most));
        cairo_stroke(cr);
        ++info.ties;
      }
    for (std::size_t k = 0; k < l.units.size(); ++k) {
      const Point c = at(l.centre[k]);
      set_colour(cr, colour_of(l.units[k]));
      cairo_arc(cr, c.x, c.y, l.radius[k] * side * 0.55, 0, 2 * M_PI);
      cairo_fill(cr);
    }
  }
  // Unit labels above their discs (units, not people), at most two lines.
  if (l.units.size() <= 120)
    for (std::size_t k = 0; k < l.units.size(); ++k) {
      const Point c = at(l.centre[k]);
      Text label(units[l.units[k]].label, 7, true, 120, PANGO_ALIGN_CENTER, 2);
      const double x = c.x - label.width() / 2, y = c.y - l.radius[k] * side - label.height() - 1;
      set_colour(cr, ink::paper, 0.8);  // halo: readable over ties and dots
      cairo_rectangle(cr, x - 1.5, y, label.width() + 3, label.height());
      cairo_fill(cr);
      set_colour(cr, ink::text);
      label.draw(cr, x, y);
    }

  // Legend and notes along the bottom.
  const double ly = o.page_height - kBottom + 8;
  const Box legend = draw_side_legend(cr, kMargin, ly, order, o.lang);
  std::vector<std::string> notes;
  if (info.unit_level)
    notes.push_back(fill(pw.unit_level, std::to_string(drawable), std::to_string(in.max_nodes)));
  else
    notes.push_back(fill(pw.lines, side_name(o.lang, o.side_a), side_name(o.lang, o.side_b)));
  if (info.brokers) notes.push_back(pw.brokers);
  if (hidden_units) notes.push_back(fill(pw.hidden, std::to_string(in.min_n)));
  double ny = ly;
  for (const auto& n : notes) {
    Text note(n, 7.5, false, o.page_width - legend.x1 - 2 * kMargin);
    set_colour(cr, ink::muted);
    note.draw(cr, legend.x1 + 20, ny);
    ny += note.height() + 3;
  }
  return info;
}

PersonMapInfo render_person_map(const PersonMapInput& in, const FigureOptions& o, Format f, const std::string& path) {
  PersonMapInfo info;
  render_page(f, path, o, person_words(o.lang).title, [&](cairo_t* cr) { info = draw_person_map_page(cr, in, o); });
  return info;
}

}  // namespace rcmap::render
