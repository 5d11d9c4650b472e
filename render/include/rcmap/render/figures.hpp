#pragma once
// Figures of an RC analysis (docs/figures.md "Figures"): coordination map, gap map, RC matrix
// and dimension profile, drawn with Cairo + Pango as PNG, SVG or PDF.
//
// Conventions shared by all figures:
// - Page: A4 landscape content, 841 x 595 pt; PNG at FigureOptions::dpi.
// - Text: DejaVu Sans (Debian fonts-dejavu-core); PDF text is real text.
// - Thresholds (weak_below, strong_from, min_n) come from Aggregate::options.
// - Suppressed ties (Tie::suppressed) are never drawn and their values never
//   written; the gap map marks a suppressed or missing side_a<->side_b pair
//   as "unmeasured" (dotted, no value), exactly as gaps.csv does.
// - Respondents per unit: Aggregate::units[i].respondents when Aggregate::units
//   parallels Survey::units, else distinct Response::respondent per
//   Response::unit in Survey::rows.
// - Output is byte-identical for identical input and options (fixed PDF
//   dates; no time, random or pointer-dependent content).
#include <cairo.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "rcmap/aggregate.hpp"
#include "rcmap/layout.hpp"
#include "rcmap/survey.hpp"

namespace rcmap::render {

enum class Format { png, svg, pdf };
enum class Lang { en, da, nb };
// emphasis: every tie drawn; weak, one-sided and side_a<->side_b ties that are
//   not strong drawn in colour and wide, the other (routine) ties thin and light.
// all: every tie in colour. cross_side: only ties between units of different
//   sides. weak: only ties with RC below the weak threshold.
enum class TieFilter { emphasis, all, cross_side, weak };

struct FigureOptions {
  Lang lang = Lang::en;
  double dpi = 200;            // PNG only
  std::string title;           // survey name; empty: none in the subtitle
  std::string subtitle_date;   // date of data, printed as given
  TieFilter ties = TieFilter::emphasis;
  LayoutKind layout = LayoutKind::sides;
  std::string side_a = "authority", side_b = "provider";
  double asymmetry = 0.5;      // one-sided: |rc(A->B) - rc(B->A)| >= asymmetry
  unsigned long seed = 1;
};

// Page size of every figure in points (1/72 inch).
inline constexpr double kPageWidth = 841.0, kPageHeight = 595.0;

// Axis-aligned box in page points (x to the right, y downwards).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool inside(const Box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

// Geometry of a map as it will be drawn: one entry per drawn unit.
struct MapGeometry {
  std::vector<std::uint32_t> units;  // drawn units (indices into Survey::units)
  std::vector<Point> centre;         // node centres, page points
  std::vector<double> radius;        // node radii, page points
  std::vector<Box> node_boxes;       // bounding boxes of the node discs
  std::vector<Box> label_boxes;      // ink boxes of the (wrapped) labels
  Box map_area;                      // region reserved for nodes and labels
  double label_font_size = 0;        // pt, after shrinking to avoid overlaps
  bool overlaps_resolved = true;     // false if no overlap-free placement was found
};

// Computes node and label placement for render_map (gap_map = false) or
// render_gap_map (gap_map = true: only side_a and side_b units). Labels are
// measured with Pango and placed greedily (preferred: outward from the map's
// centre; then 8 directions) so that no label overlaps another label or a
// node and all lie inside the map area; the font shrinks from 8 pt down to
// 5.5 pt if needed. Throws OutputError if `layout` has the wrong size.
MapGeometry map_geometry(const Survey&, const Aggregate&, const std::vector<Point>& layout,
                         const FigureOptions&, bool gap_map);

// Each writes one figure in one format to `path`; throws rcmap::OutputError
// on failure (unwritable path, Cairo error, layout of the wrong size).
void render_map(const Survey&, const Aggregate&, const std::vector<Point>& layout,
                const FigureOptions&, Format, const std::string& path);
void render_gap_map(const Survey&, const Aggregate&, const std::vector<Point>& layout,
                    const FigureOptions&, Format, const std::string& path);
void render_matrix(const Survey&, const Aggregate&, const FigureOptions&, Format,
                   const std::string& path);
void render_profile(const Survey&, const Aggregate&, const FigureOptions&, Format,
                    const std::string& path);

// The same figures drawn onto a caller's Cairo context whose user space is one
// kPageWidth x kPageHeight page (points, origin top left); nothing is painted
// outside it and the background is not painted. Used by the report (report.pdf).
void draw_map_page(cairo_t* cr, const Survey&, const Aggregate&, const std::vector<Point>& layout,
                   const FigureOptions&);
void draw_gap_map_page(cairo_t* cr, const Survey&, const Aggregate&, const std::vector<Point>& layout,
                       const FigureOptions&);
void draw_matrix_page(cairo_t* cr, const Survey&, const Aggregate&, const FigureOptions&);
void draw_profile_page(cairo_t* cr, const Survey&, const Aggregate&, const FigureOptions&);

// Group means of the profile: for each dimension, the respondent-weighted mean
// sum(dim_mean * dim_n) / sum(dim_n) over the non-suppressed between-unit ties
// of the group (side_a->side_b, side_b->side_a, within side_a, within side_b);
// NaN where the group has no such tie or no answers. Never uses raw rows.
struct ProfileGroup {
  std::string source_side, target_side;
  int ties = 0;  // non-suppressed between-unit ties in the group
  int n = 0;     // sum of Tie::n over them
  std::array<double, kDimensionCount> mean{};
};
std::vector<ProfileGroup> profile_groups(const Survey&, const Aggregate&, const FigureOptions&);

}  // namespace rcmap::render
