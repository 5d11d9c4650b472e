#pragma once
// What every figure shares: output format, language, the figure options of
// the command line, the page and boxes on it.
//
// Conventions shared by all figures:
// - Page: FigureOptions::page_width x page_height, A4 landscape content
//   (841 x 595 pt) by default or a 16:9 slide (960 x 540 pt, PowerPoint's
//   widescreen slide of 13.333 x 7.5 in); PNG at FigureOptions::dpi.
// - Text: DejaVu Sans (Debian fonts-dejavu-core); PDF text is real text.
// - Thresholds (weak_below, strong_from, min_n) come from Aggregate::options.
// - Suppressed ties (Tie::suppressed) are never drawn and their values never
//   written; the gap map marks a suppressed or missing side_a<->side_b pair
//   as "unmeasured" (dotted, no value), exactly as gaps.csv does.
// - Respondents per unit: Aggregate::units[i].respondents when Aggregate::units
//   parallels Survey::units, else distinct Response::respondent per
//   Response::unit in Survey::rows.
// - Unit labels are drawn cut to kMaxLabel bytes (label_text).
// - Output is byte-identical for identical input and options (fixed PDF
//   dates; no time, random or pointer-dependent content).
#include <cstddef>
#include <string>

#include "rcmap/graph/map_layout.hpp"

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
  double dpi = 200;                                // PNG only
  double page_width = 841.0, page_height = 595.0;  // points: kPageWidth/Height or kSlideWidth/Height
  bool no_title = false;                           // no title and subtitle (draw_header draws nothing)
  std::string title;                               // survey name; empty: none in the subtitle
  std::string subtitle_date;                       // date of data, printed as given
  TieFilter ties = TieFilter::emphasis;
  LayoutKind layout = LayoutKind::sides;
  std::string side_a = "authority", side_b = "provider";
  double asymmetry = 0.5;  // one-sided: |rc(A->B) - rc(B->A)| >= asymmetry
  unsigned long seed = 1;
};

// Page sizes in points (1/72 inch): A4 landscape (the default, and every
// page of report.pdf) and a 16:9 slide (--page 16:9).
inline constexpr double kPageWidth = 841.0, kPageHeight = 595.0;
inline constexpr double kSlideWidth = 960.0, kSlideHeight = 540.0;

// A unit label as every page shows it (figures, report.pdf, unit pages and
// their file names, report.html's analysis blocks): at most kMaxLabel bytes,
// a longer one cut at a UTF-8 boundary and ending in "…" (the tables keep it
// whole). The one place labels are cut: the render layer reads each unit
// label of a Survey or Comparison through it (the person map, whose labels
// wrap to two lines, and report.html's network block show them whole).
// Defined in render/canvas/canvas.cpp. O(label length).
inline constexpr std::size_t kMaxLabel = 160;
std::string label_text(const std::string& label);

// Axis-aligned box in page points (x to the right, y downwards).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool inside(const Box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

}  // namespace rcmap::render
