// Coordination map and gap map: nodes by side, curved directed ties coloured
// by RC, labels placed without overlaps.
#include <algorithm>
#include <cmath>
#include <memory>
#include <tuple>

#include "canvas/ink.hpp"
#include "map_parts.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "report/wording.hpp"

namespace rcmap::render {
namespace {
using namespace detail;

// The maps' legend band (sides; RC scale with the weak-tie key under it;
// notes and the bridges): 78 pt. place() keeps the map area above it, for the
// change map too, so its nodes sit where the map draws them.
constexpr double kMargin = 16, kLegendHeight = 78, kHeaderHeight = 52;

// Area proportional to respondents; `k` shrinks all nodes on crowded maps.
double node_radius(int respondents, double k) {
  return k * std::clamp(1.9 * std::sqrt(std::max(respondents, 1)), 3.5, 13.0);
}

// Candidate label positions around a node: 8 directions, two distances,
// in order of preference (closest to `outward` first).
struct Candidate {
  Box box;
  PangoAlignment align;
};

std::vector<Candidate> candidates(Point c, double r, double w, double h, Point outward) {
  // Directions in order of angle from `outward` (y down).
  static const double kDirs[8][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
  const double oa = std::atan2(outward.y, outward.x);
  std::vector<std::pair<double, int>> order;
  for (int i = 0; i < 8; ++i) {
    // Cardinal directions before diagonals (a label beside or above its node
    // is unambiguous); horizontal before vertical at equal angles.
    double d = std::fabs(std::remainder(std::atan2(kDirs[i][1], kDirs[i][0]) - oa, 2 * M_PI));
    order.push_back({d + (i >= 4 ? 10.0 : 0.0) + (kDirs[i][0] == 0 ? 1e-3 : 0.0) + 1e-6 * i, i});
  }
  std::sort(order.begin(), order.end());
  std::vector<Candidate> out;
  for (double gap : {2.0, 2.0 + h}) {
    for (auto [_, i] : order) {
      const double dx = kDirs[i][0], dy = kDirs[i][1];
      // Diagonals clear the node's bounding box (the overlap test uses boxes).
      const double ax = c.x + dx * (r + gap), ay = c.y + dy * (r + gap);
      double x0 = dx > 0 ? ax : dx < 0 ? ax - w : ax - w / 2;
      double y0 = dy > 0 ? ay : dy < 0 ? ay - h : ay - h / 2;
      PangoAlignment al = dx > 0 ? PANGO_ALIGN_LEFT : dx < 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
      out.push_back({{x0, y0, x0 + w, y0 + h}, al});
    }
  }
  return out;
}

Box pad(Box b, double p) { return {b.x0 - p, b.y0 - p, b.x1 + p, b.y1 + p}; }

// Largest scale s (and offset t) with lo + t + s * p_i + lo_i >= a0 and
// t + s * p_i + hi_i <= a1 for all i; binary search (feasibility is monotone).
std::pair<double, double> fit_axis(const std::vector<double>& p, const std::vector<double>& lo,
                                   const std::vector<double>& hi, double a0, double a1) {
  auto bounds = [&](double s) {
    double L = -1e300, U = 1e300;
    for (std::size_t i = 0; i < p.size(); ++i) {
      L = std::max(L, a0 - s * p[i] - lo[i]);
      U = std::min(U, a1 - s * p[i] - hi[i]);
    }
    return std::pair{L, U};
  };
  double s0 = 0, s1 = 4 * (a1 - a0);
  for (int it = 0; it < 50; ++it) {
    const double m = (s0 + s1) / 2;
    auto [L, U] = bounds(m);
    (L <= U ? s0 : s1) = m;
  }
  auto [L, U] = bounds(s0);
  return {s0, (L + U) / 2};
}

}  // namespace

namespace detail {

double crowding(std::size_t units) {
  return std::clamp(std::sqrt(16.0 / static_cast<double>(std::max<std::size_t>(units, 1))), 0.6, 1.0);
}

Placement place(const Survey& s, const Aggregate& a, const std::vector<Point>& layout, const FigureOptions& o,
                bool gap) {
  if (layout.size() != s.units.size())
    throw OutputError("layout has " + std::to_string(layout.size()) + " points for " + std::to_string(s.units.size()) +
                      " units");
  Placement best;
  MapGeometry& g = best.geo;
  for (std::uint32_t i = 0; i < s.units.size(); ++i)
    if (!gap || s.units[i].side == o.side_a || s.units[i].side == o.side_b) g.units.push_back(i);
  const std::size_t n = g.units.size();
  const auto resp = respondents_per_unit(s, a);
  g.map_area = {kMargin, (o.no_title ? kNoTitleTop : kHeaderHeight) + 4, o.page_width - kMargin,
                o.page_height - kLegendHeight - 6};
  const Box& A = g.map_area;
  // Abstract positions normalised to [0, 1] over the drawn units.
  std::vector<Point> p(n);
  double minx = 1e300, maxx = -1e300, miny = 1e300, maxy = -1e300;
  for (std::size_t k = 0; k < n; ++k) {
    p[k] = layout[g.units[k]];
    minx = std::min(minx, p[k].x), maxx = std::max(maxx, p[k].x);
    miny = std::min(miny, p[k].y), maxy = std::max(maxy, p[k].y);
  }
  for (Point& q : p) {
    q.x = maxx > minx ? (q.x - minx) / (maxx - minx) : 0.5;
    q.y = maxy > miny ? (q.y - miny) / (maxy - miny) : 0.5;
  }
  g.radius.resize(n);
  for (std::size_t k = 0; k < n; ++k) g.radius[k] = node_radius(resp[g.units[k]], crowding(n));

  bool first = true;
  for (double font : {8.0, 7.5, 7.0, 6.5, 6.0, 5.5}) {
    for (double wrap : {130.0, 95.0, 70.0}) {
      MapGeometry t = g;
      std::vector<PangoAlignment> al(n, PANGO_ALIGN_LEFT);
      std::vector<double> w(n), h(n);
      for (std::size_t k = 0; k < n; ++k) {
        Text tx(label_text(s.units[g.units[k]].label), font, false, wrap);
        w[k] = tx.width(), h[k] = tx.height();
      }
      // Fit with each label at its preferred (outward) position.
      std::vector<double> lox(n), hix(n), loy(n), hiy(n);
      std::vector<Point> outward(n);
      for (std::size_t k = 0; k < n; ++k) {
        outward[k] = {p[k].x - 0.5, p[k].y - 0.5};
        if (std::hypot(outward[k].x, outward[k].y) < 1e-9) outward[k] = {0, -1};
        const Box b = candidates({0, 0}, t.radius[k], w[k], h[k], outward[k])[0].box;
        lox[k] = std::min(-t.radius[k], b.x0) - 1, hix[k] = std::max(t.radius[k], b.x1) + 1;
        loy[k] = std::min(-t.radius[k], b.y0) - 1, hiy[k] = std::max(t.radius[k], b.y1) + 1;
      }
      std::vector<double> px(n), py(n);
      for (std::size_t k = 0; k < n; ++k) px[k] = p[k].x, py[k] = p[k].y;
      auto [sx, tx0] = fit_axis(px, lox, hix, A.x0, A.x1);
      auto [sy, ty0] = fit_axis(py, loy, hiy, A.y0, A.y1);
      t.centre.resize(n);
      t.node_boxes.resize(n);
      for (std::size_t k = 0; k < n; ++k) {
        t.centre[k] = {tx0 + sx * p[k].x, ty0 + sy * p[k].y};
        const double r = t.radius[k];
        t.node_boxes[k] = {t.centre[k].x - r, t.centre[k].y - r, t.centre[k].x + r, t.centre[k].y + r};
      }
      // Greedy placement.
      t.label_boxes.assign(n, Box{});
      t.overlaps_resolved = true;
      for (std::size_t k = 0; k < n; ++k) {
        const auto cands = candidates(t.centre[k], t.radius[k], w[k], h[k], outward[k]);
        int chosen = -1;
        for (std::size_t c = 0; c < cands.size() && chosen < 0; ++c) {
          const Box b = cands[c].box;
          if (!b.inside(A)) continue;
          bool ok = true;
          for (std::size_t m = 0; m < n && ok; ++m) ok = !pad(b, 1).overlaps(t.node_boxes[m]);
          for (std::size_t m = 0; m < k && ok; ++m) ok = !pad(b, 1).overlaps(t.label_boxes[m]);
          if (ok) chosen = static_cast<int>(c);
        }
        if (chosen < 0) {
          t.overlaps_resolved = false;
          chosen = 0;
        }
        t.label_boxes[k] = cands[static_cast<std::size_t>(chosen)].box;
        al[k] = cands[static_cast<std::size_t>(chosen)].align;
      }
      t.label_font_size = font;
      if (first || t.overlaps_resolved) {
        best.geo = std::move(t);
        best.align = al;
        best.wrap.assign(n, wrap);
        first = false;
      }
      if (best.geo.overlaps_resolved) return best;
    }
  }
  return best;
}

double tie_width(int n) { return std::clamp(0.35 * std::sqrt(std::max(n, 1)), 0.6, 2.6); }

void draw_arrow(cairo_t* cr, Point p, double rp, Point q, double rq, const TieStyle& st) {
  const double dx = q.x - p.x, dy = q.y - p.y, L = std::hypot(dx, dy);
  if (L < rp + rq + 2) return;
  // Bend to the right of the direction of travel, so A->B and B->A separate.
  const double bend = std::min(0.1 * L, 22.0);
  const Point m{(p.x + q.x) / 2 - dy / L * bend, (p.y + q.y) / 2 + dx / L * bend};
  auto toward = [](Point from, Point to, double d) {
    const double ux = to.x - from.x, uy = to.y - from.y, l = std::hypot(ux, uy);
    return Point{from.x + ux / l * d, from.y + uy / l * d};
  };
  const Point s = toward(p, m, rp + 0.5);
  const Point e = toward(q, m, rq + 1.0);
  const double ah = arrowhead_length(st.width);
  const Point e2 = toward(e, m, ah * 0.8);  // curve ends inside the head
  set_colour(cr, st.colour, st.alpha);
  cairo_set_line_width(cr, st.width);
  if (st.dotted) {
    const double dash[] = {1.2, 2.2};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  } else if (st.dashed) {
    const double dash[] = {kBorderlineDash[0], kBorderlineDash[1]};
    cairo_set_dash(cr, dash, 2, 0);
  }
  cairo_move_to(cr, s.x, s.y);
  cairo_curve_to(cr, s.x + 2.0 / 3 * (m.x - s.x), s.y + 2.0 / 3 * (m.y - s.y), e2.x + 2.0 / 3 * (m.x - e2.x),
                 e2.y + 2.0 / 3 * (m.y - e2.y), e2.x, e2.y);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  // Arrowhead along the curve's end tangent (m -> e).
  const double tx = e.x - m.x, ty = e.y - m.y, tl = std::hypot(tx, ty);
  const double ux = tx / tl, uy = ty / tl, hw = ah * 0.55;
  cairo_move_to(cr, e.x, e.y);
  cairo_line_to(cr, e.x - ux * ah - uy * hw, e.y - uy * ah + ux * hw);
  cairo_line_to(cr, e.x - ux * ah + uy * hw, e.y - uy * ah - ux * hw);
  cairo_close_path(cr);
  cairo_fill(cr);
}

void draw_nodes_and_labels(cairo_t* cr, const Survey& s, const Placement& pl, const std::vector<std::string>& order) {
  // Nodes.
  for (std::size_t k = 0; k < pl.geo.units.size(); ++k) {
    const Unit& u = s.units[pl.geo.units[k]];
    cairo_arc(cr, pl.geo.centre[k].x, pl.geo.centre[k].y, pl.geo.radius[k], 0, 2 * M_PI);
    set_colour(cr, side_colour(side_rank(order, u.side)));
    cairo_fill_preserve(cr);
    set_colour(cr, ink::paper);
    cairo_set_line_width(cr, 1.0);
    cairo_stroke(cr);
  }
  // Labels on a light backing so ties under them do not hide the text.
  for (std::size_t k = 0; k < pl.geo.units.size(); ++k) {
    const Box& b = pl.geo.label_boxes[k];
    Text t(label_text(s.units[pl.geo.units[k]].label), pl.geo.label_font_size, false, pl.wrap[k], pl.align[k]);
    set_colour(cr, ink::paper, 0.8);
    cairo_rectangle(cr, b.x0 - 0.5, b.y0, b.x1 - b.x0 + 1, b.y1 - b.y0);
    cairo_fill(cr);
    set_colour(cr, ink::text);
    t.draw(cr, b.x0, b.y0);
  }
}

Certainty weak_certainty(const Tie& t, const AggregateOptions& ao) {
  if (!is_weak(t.rc, ao)) return Certainty::unknown;
  return threshold_certainty(t.ci_low, t.ci_high, ao.weak_below);
}

std::vector<BridgeFinding> ringed_bridges(const Aggregate& a, const Findings* findings) {
  std::vector<BridgeFinding> out;
  if (!findings) return out;
  auto own_ratings_hidden = [&](std::uint32_t u) {
    bool rated = false, shown = false;
    for (const Tie& t : a.ties)
      if (t.source == u && !t.within()) rated = true, shown = shown || !t.suppressed;
    return rated && !shown;
  };
  for (const BridgeFinding& b : findings->bridges)
    if (b.pairs > 0 && !own_ratings_hidden(b.unit)) out.push_back(b);
  return out;
}

double draw_legend_rule(cairo_t* cr, double legend_height, const FigureOptions& o) {
  const double ly = o.page_height - legend_height + 4;
  set_colour(cr, ink::rule);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, kMargin, ly - 4);
  cairo_line_to(cr, o.page_width - kMargin, ly - 4);
  cairo_stroke(cr);
  return ly;
}

}  // namespace detail

namespace {

std::string map_title(const FigureOptions& o, bool gap) {
  const Words& w = words(o.lang);
  return gap ? fill(w.gap_title, side_name(o.lang, o.side_a), side_name(o.lang, o.side_b)) : std::string(w.map_title);
}

// A short line sample of a tie style at (x, y) (its vertical centre), `len` long.
void line_sample(cairo_t* cr, double x, double y, double len, Rgb colour, bool dashed) {
  set_colour(cr, colour);
  cairo_set_line_width(cr, 2.0);
  if (dashed) {
    const double dash[] = {kBorderlineDash[0], kBorderlineDash[1]};
    cairo_set_dash(cr, dash, 2, 0);
  }
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + len, y);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

void draw_map(cairo_t* cr, const Survey& s, const Aggregate& a, const std::vector<Point>& layout,
              const FigureOptions& o, bool gap, const Findings* findings) {
  const Placement pl = place(s, a, layout, o, gap);
  const MapGeometry& g = pl.geo;
  const Words& w = words(o.lang);
  const AggregateOptions& ao = a.options;
  const auto order = side_order(s, o);
  const std::string title = map_title(o, gap);
  draw_header(cr, o, title, subtitle(s, a, o));

  std::vector<int> slot(s.units.size(), -1);
  for (std::size_t k = 0; k < g.units.size(); ++k) slot[g.units[k]] = static_cast<int>(k);
  auto is_gap_pair = [&](std::uint32_t u, std::uint32_t v) {
    const std::string &su = s.units[u].side, &sv = s.units[v].side;
    return (su == o.side_a && sv == o.side_b) || (su == o.side_b && sv == o.side_a);
  };
  auto rc_of = [&](std::uint32_t u, std::uint32_t v) {
    const long i = a.find(u, v);
    return (i < 0 || a.ties[static_cast<std::size_t>(i)].suppressed) ? kNaN : a.ties[static_cast<std::size_t>(i)].rc;
  };

  struct Draw {
    int layer;  // 0 routine/faded, 1 unmeasured, 2 emphasised
    double key;
    std::uint32_t u, v;
    TieStyle st;
  };
  std::vector<Draw> draws;
  int drawn_clear = 0, drawn_borderline = 0;  // emphasised weak ties by certainty class
  for (const Tie& t : a.ties) {
    // Suppressed ties are never drawn (their values must not be used).
    if (t.suppressed || t.within() || !std::isfinite(t.rc)) continue;
    if (t.source >= slot.size() || t.target >= slot.size()) continue;
    if (slot[t.source] < 0 || slot[t.target] < 0) continue;
    const double rev = rc_of(t.target, t.source);
    const bool weak = is_weak(t.rc, ao);
    const bool one_sided = std::isfinite(rev) && std::fabs(t.rc - rev) >= o.asymmetry;
    const bool cross = s.units[t.source].side != s.units[t.target].side;
    const bool gp = is_gap_pair(t.source, t.target);
    bool emph = true, medium = false;
    if (gap) {
      emph = gp && (weak || one_sided);
    } else {
      switch (o.ties) {
        case TieFilter::all:
          break;
        case TieFilter::cross_side:
          if (!cross) continue;
          break;
        case TieFilter::weak:
          if (!weak) continue;
          break;
        case TieFilter::emphasis:
          emph = weak || one_sided || (gp && !is_strong(t.rc, ao));
          medium = emph && !weak && !one_sided;  // moderate side_a<->side_b tie
          break;
      }
    }
    const double k = crowding(g.units.size());
    const Certainty wc = weak_certainty(t, ao);
    const Rgb colour = wc == Certainty::clear        ? kClearlyWeakInk
                       : wc == Certainty::borderline ? kBorderlineWeakInk
                                                     : rc_colour(t.rc, ao);
    TieStyle st{colour, emph ? (medium ? 0.6 : 0.9) : 0.28, emph ? k * tie_width(t.n) * (medium ? 0.6 : 1.0) : 0.45};
    st.dashed = wc == Certainty::borderline;
    if (emph && wc != Certainty::unknown) ++(wc == Certainty::clear ? drawn_clear : drawn_borderline);
    draws.push_back({emph ? (medium ? 1 : 2) : 0, -t.rc, t.source, t.target, st});
  }
  if (gap) {  // unmeasured side_a<->side_b pairs (not enough answers): light, thin, dotted, behind
    // every measured tie, so that they never read as the worst gaps (docs/figures.md "Figures").
    for (std::uint32_t u : g.units)
      for (std::uint32_t v : g.units)
        if (u != v && is_gap_pair(u, v) && !std::isfinite(rc_of(u, v)))
          draws.push_back({0, 0, u, v, TieStyle{ink::unmeasured, 0.7, 0.6, true}});
  }
  std::stable_sort(draws.begin(), draws.end(), [](const Draw& x, const Draw& y) {
    return std::tie(x.layer, x.key, x.u, x.v) < std::tie(y.layer, y.key, y.u, y.v);
  });
  for (const Draw& d : draws) {
    const auto ku = static_cast<std::size_t>(slot[d.u]), kv = static_cast<std::size_t>(slot[d.v]);
    draw_arrow(cr, g.centre[ku], g.radius[ku], g.centre[kv], g.radius[kv], d.st);
  }
  // Best-placed bridges (ringed_bridges: the decision page's, never a unit
  // without shown ratings): a black ring outside the within-unit ring, drawn
  // before the labels so none is hidden.
  std::vector<std::string> bridge_items;
  for (const BridgeFinding& b : ringed_bridges(a, findings)) {
    if (b.unit >= slot.size() || slot[b.unit] < 0) continue;
    const auto k = static_cast<std::size_t>(slot[b.unit]);
    cairo_new_sub_path(cr);
    cairo_arc(cr, g.centre[k].x, g.centre[k].y, g.radius[k] + kBridgeRingGap, 0, 2 * M_PI);
    set_colour(cr, kBridgeRingInk);
    cairo_set_line_width(cr, kBridgeRingWidth);
    cairo_stroke(cr);
    bridge_items.push_back(label_text(s.units[b.unit].label) + " (" + std::to_string(b.pairs) + ")");
  }
  draw_nodes_and_labels(cr, s, pl, order);
  // Within-unit RC: a ring round the node in the colour of its within tie;
  // none when the tie is suppressed or absent (docs/figures.md "Figures").
  for (std::size_t k = 0; k < g.units.size(); ++k) {
    const double within = rc_of(g.units[k], g.units[k]);
    if (!std::isfinite(within)) continue;
    cairo_new_sub_path(cr);
    cairo_arc(cr, g.centre[k].x, g.centre[k].y, g.radius[k] + 2.2, 0, 2 * M_PI);
    set_colour(cr, rc_colour(within, ao));
    cairo_set_line_width(cr, 2.6);
    cairo_stroke(cr);
  }
  const double ly = draw_legend_rule(cr, kLegendHeight, o);
  std::vector<std::string> shown_sides = order;
  if (gap) shown_sides.resize(std::min<std::size_t>(shown_sides.size(), 2));
  const Box sb = draw_side_legend(cr, 24, ly, shown_sides, o.lang);
  const Box rb = draw_rc_scale(cr, std::max(sb.x1 + 24, 230.0), ly, 220, ao, o.lang);
  // Weak-tie key under the scale: one line per certainty class drawn.
  {
    const std::string th = format_number(ao.weak_below, 1, o.lang);
    double ky = rb.y1 + 3;
    for (const auto& [count, key, ink, dashed] :
         {std::tuple{drawn_clear, "map_clearly_weak", kClearlyWeakInk, false},
          std::tuple{drawn_borderline, "map_borderline_weak", kBorderlineWeakInk, true}}) {
      if (count == 0) continue;
      Text t(fill(glossary_text(key, o.lang), th), 6.5);
      line_sample(cr, rb.x0, ky + t.height() / 2, 18, ink, dashed);
      set_colour(cr, {0.15, 0.15, 0.15});
      t.draw(cr, rb.x0 + 22, ky);
      ky += t.height() + 1;
    }
  }
  std::vector<std::string> notes;
  if (!a.from_ties) notes.push_back(w.node_area);  // tie tables: no respondent counts, equal nodes
  notes.push_back(w.line_width);
  notes.push_back(o.lang == Lang::da   ? "Ring om en enhed: RK internt i enheden"
                  : o.lang == Lang::nb ? "Ring rundt en enhet: RK internt i enheten"
                                       : "Ring round a unit: RC within the unit");
  if (gap) {
    notes.push_back(std::string("······ ") + w.unmeasured);
    notes.push_back(w.faded);
  } else if (o.ties == TieFilter::emphasis) {
    notes.push_back(w.routine);
  } else {
    notes.push_back(fill(w.ties_filtered, o.ties == TieFilter::all          ? w.filter_all
                                          : o.ties == TieFilter::cross_side ? w.filter_cross
                                                                            : w.filter_weak));
  }
  notes.push_back(fill(w.hidden_note, std::to_string(ao.min_n)));
  double ny = ly;
  const double nx = rb.x1 + 28;
  for (const std::string& line : notes) {
    Text t(line, 7, false, o.page_width - kMargin - nx);
    set_colour(cr, ink::note);
    t.draw(cr, nx, ny);
    ny += t.height() + 1;
  }
  // The bridges: a ring sample, then who they are and the pairs each bridges;
  // below the notes, or below the sides where the notes leave too little room.
  if (!bridge_items.empty()) {
    const std::string text = fill(glossary_text("map_bridges", o.lang), std::to_string(findings->bridge_gap_pairs),
                                  join_list(bridge_items, o.lang));
    const double bottom = o.page_height - 2;
    double x = nx, y = ny;
    auto t = std::make_unique<Text>(text, 7, false, o.page_width - kMargin - (x + 12));
    if (y + t->height() > bottom) {  // there, as many lines as fit, the last ending in "…"
      x = sb.x0, y = sb.y1 + 4;
      const double line = Text("Ag", 7).height();
      t = std::make_unique<Text>(text, 7, false, rb.x0 - 12 - (x + 12), PANGO_ALIGN_LEFT,
                                 std::max(1, static_cast<int>((bottom - y) / line)));
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + 4, y + 4.5, 3.5, 0, 2 * M_PI);
    set_colour(cr, kBridgeRingInk);
    cairo_set_line_width(cr, kBridgeRingWidth);
    cairo_stroke(cr);
    set_colour(cr, {0.2, 0.2, 0.2});
    t->draw(cr, x + 12, y);
  }
}

}  // namespace

MapGeometry map_geometry(const Survey& s, const Aggregate& a, const std::vector<Point>& layout, const FigureOptions& o,
                         bool gap_map) {
  return place(s, a, layout, o, gap_map).geo;
}

void draw_map_page(cairo_t* cr, const Survey& s, const Aggregate& a, const std::vector<Point>& layout,
                   const FigureOptions& o, const Findings* findings) {
  draw_map(cr, s, a, layout, o, false, findings);
}

void draw_gap_map_page(cairo_t* cr, const Survey& s, const Aggregate& a, const std::vector<Point>& layout,
                       const FigureOptions& o, const Findings* findings) {
  draw_map(cr, s, a, layout, o, true, findings);
}

void render_map(const Survey& s, const Aggregate& a, const std::vector<Point>& layout, const FigureOptions& o, Format f,
                const std::string& path, const Findings* findings) {
  render_page(f, path, o, map_title(o, false), [&](cairo_t* cr) { draw_map(cr, s, a, layout, o, false, findings); });
}

void render_gap_map(const Survey& s, const Aggregate& a, const std::vector<Point>& layout, const FigureOptions& o,
                    Format f, const std::string& path, const Findings* findings) {
  render_page(f, path, o, map_title(o, true), [&](cairo_t* cr) { draw_map(cr, s, a, layout, o, true, findings); });
}

// See figures.hpp.
double arrowhead_length(double width) { return 6.0 + 1.6 * width; }

}  // namespace rcmap::render
