#pragma once
// Internal pieces of the coordination map (map.cpp) reused by the change map
// (change_map.cpp), so both place and draw nodes identically.
#include <functional>
#include <string>
#include <vector>

#include "canvas/canvas.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/render/figures/figures.hpp"

namespace rcmap::render::detail {

// Node and label placement of a map (figures.hpp map_geometry), with each
// label's alignment and wrap width.
struct Placement {
  MapGeometry geo;
  std::vector<PangoAlignment> align;
  std::vector<double> wrap;
};
Placement place(const Survey& s, const Aggregate& a, const std::vector<Point>& layout, const FigureOptions& o,
                bool gap);

struct TieStyle {
  Rgb colour;
  double alpha, width;
  bool dotted = false;
  bool dashed = false;  // borderline weak tie (map.cpp)
};
// Dash pattern (on, off; pt) of a borderline weak tie on the maps.
inline constexpr double kBorderlineDash[2] = {4.0, 2.2};
// Weak ties graded by certainty (docs/figures.md "map — the coordination
// map"): ColorBrewer PuOr (Brewer & Harrower 2003) dark orange, solid, for
// clearly weak; its light orange, dashed, for borderline, so the two classes
// differ in greyscale print too. report.html's viewer gets the same inks.
inline constexpr Rgb kClearlyWeakInk{0xb3 / 255.0, 0x58 / 255.0, 0x06 / 255.0};     // #b35806
inline constexpr Rgb kBorderlineWeakInk{0xf1 / 255.0, 0xa3 / 255.0, 0x40 / 255.0};  // #f1a340
// The black ring round a best-placed bridge: gap outside the node's rim and
// line width (pt).
inline constexpr Rgb kBridgeRingInk{0, 0, 0};
inline constexpr double kBridgeRingGap = 5.0, kBridgeRingWidth = 1.5;

// Certainty class of a shown tie's weakness, as the maps grade it:
// threshold_certainty of its 95 % interval against weak_below (the rule of
// ties.csv, gaps.csv and the findings) when the tie is weak (rc <
// weak_below); unknown when it is not weak or has no interval (tie tables).
// A suppressed tie is never asked (no caller draws one). O(1).
Certainty weak_certainty(const Tie& t, const AggregateOptions& ao);

// The units the maps ring as best-placed bridges: `findings->bridges` (the
// decision page's, top units by bridge_pairs for the chosen --gap-sides) in
// their order, without a unit that bridges no pair or whose own ratings of
// other units are all suppressed (docs/metrics.md "Units without shown
// ratings"), whatever the findings say. Empty when `findings` is nullptr.
// Callers drawing part of the units (the gap map) skip the undrawn ones.
// O(B * T) for B listed bridges and T ties.
std::vector<BridgeFinding> ringed_bridges(const Aggregate& a, const Findings* findings);
// Line width of a tie behind n respondents (before crowding).
double tie_width(int n);
// 1 up to 16 drawn units, then shrinking as sqrt(16 / units), at least 0.6.
double crowding(std::size_t units);
// Curved directed tie from node (p, rp) to node (q, rq), bent to the right.
void draw_arrow(cairo_t* cr, Point p, double rp, Point q, double rq, const TieStyle& st);
// Node discs in side colours and labels on a light backing.
void draw_nodes_and_labels(cairo_t* cr, const Survey& s, const Placement& pl,
                           const std::vector<std::string>& side_order);
// Grey rule above the legend band; returns the band's top y.
double draw_legend_rule(cairo_t* cr, double legend_height, const FigureOptions& o);

}  // namespace rcmap::render::detail

namespace rcmap::render::detail {
// change_map.cpp: legend pieces shared by the change figures.
Box draw_delta_scale(cairo_t* cr, double x, double y, double width, const std::string& head, Lang lang);
void draw_notes(cairo_t* cr, double x, double y, double width, const std::vector<std::string>& notes);
// "<survey> · data from <date>" (either part may be empty).
std::string change_subtitle(const FigureOptions& o);
}  // namespace rcmap::render::detail

namespace rcmap::render::detail {
// matrix.cpp: row labels, rotated column labels, side names and bands, cell
// grid, side separators and outlined diagonal of an n x n matrix under `top`
// on the page of `o`;
// `cell(r, c, box, font_size)` paints each cell before the grid is drawn.
void draw_matrix(cairo_t* cr, double top, const std::vector<std::string>& labels,
                 const std::vector<std::size_t>& group_start, const std::vector<std::string>& order,
                 const FigureOptions& o, const std::function<void(std::size_t, std::size_t, Box, double)>& cell);
// Hatches `b` with grey diagonals on a pale fill (hidden or non-credible cells).
void hatch(cairo_t* cr, Box b, Rgb grey);
}  // namespace rcmap::render::detail

namespace rcmap::render::detail {
// trend.cpp: [lo, hi] of a value axis on 0.5 steps within 1..5 covering the
// finite `values`, at least one point wide; 1..5 when none is finite.
std::pair<double, double> value_range(const std::vector<double>& values);
// One level of a vertical value axis (profile, trend): a line from x0 to x1
// at y, 0.5 pt in the grid ink, or with `baseline` the axis itself (0.8 pt,
// muted); `label` (7.5 pt, muted) right-aligned 6 pt left of x0, centred on y.
void draw_value_line(cairo_t* cr, double x0, double x1, double y, const std::string& label, bool baseline = false);
}  // namespace rcmap::render::detail
