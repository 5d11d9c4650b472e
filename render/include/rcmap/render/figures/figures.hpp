#pragma once
// Figures of an RC analysis (docs/figures.md "Figures"): coordination map, gap map, RC matrix
// and dimension profile, drawn with Cairo + Pango as PNG, SVG or PDF.
// Conventions shared by all figures: rcmap/render/canvas/figure_options.hpp.
#include <cairo.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/render/canvas/figure_options.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap::render {

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
MapGeometry map_geometry(const Survey&, const Aggregate&, const std::vector<Point>& layout, const FigureOptions&,
                         bool gap_map);

// Loads the fonts the figures use (fontconfig's configuration and cache,
// Pango's font map, DejaVu Sans regular and bold) by measuring two short
// texts on this thread, so that a process forked afterwards shares them
// (draw_figures.cpp write_aside). Draws nothing; outputs do not depend on
// whether it ran. Cost: the first text measured pays it anyway.
void load_fonts();
// Reads fontconfig's configuration and font cache (FcInit), the part of
// load_fonts that is not tied to a thread: any thread may call it, e.g.
// while the input is still being read (figure_module.cpp). Outputs do not
// depend on whether it ran.
void prepare_fonts();

// Each writes one figure in one format to `path`; throws rcmap::OutputError
// on failure (unwritable path, Cairo error, layout of the wrong size).
// Length in pt of the arrowhead of a map tie drawn `width` pt wide: at least
// 6 pt (about 2 mm on the A4 page), so direction reads at print size; the
// head is 0.55 x its length wide on each side of the line. O(1).
double arrowhead_length(double width);
// The maps: ties coloured by RC, weak ties graded by certainty (clearly weak: dark orange, solid; borderline:
// light orange, dashed; threshold_certainty against weak_below, docs/figures.md "map — the coordination map"). With
// `findings`, the units of findings->bridges (the best-placed bridges between the --gap-sides, never a unit
// without shown ratings) that the map draws get a black outer ring and a legend entry naming them with the
// pairs each bridges; without, no unit is emphasised.
void render_map(const Survey&, const Aggregate&, const std::vector<Point>& layout, const FigureOptions&, Format,
                const std::string& path, const Findings* findings = nullptr);
void render_gap_map(const Survey&, const Aggregate&, const std::vector<Point>& layout, const FigureOptions&, Format,
                    const std::string& path, const Findings* findings = nullptr);
void render_matrix(const Survey&, const Aggregate&, const FigureOptions&, Format, const std::string& path);
void render_profile(const Survey&, const Aggregate&, const FigureOptions&, Format, const std::string& path);

// The same figures drawn onto a caller's Cairo context whose user space is one
// kPageWidth x kPageHeight page (points, origin top left); nothing is painted
// outside it and the background is not painted. Used by the report (report.pdf).
void draw_map_page(cairo_t* cr, const Survey&, const Aggregate&, const std::vector<Point>& layout, const FigureOptions&,
                   const Findings* findings = nullptr);
void draw_gap_map_page(cairo_t* cr, const Survey&, const Aggregate&, const std::vector<Point>& layout,
                       const FigureOptions&, const Findings* findings = nullptr);
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
