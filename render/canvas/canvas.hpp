#pragma once
// Internal helpers shared by the figures (not installed): surfaces, Pango
// text, palettes, legend pieces. Page units are points (1/72 inch).
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/render/canvas/figure_options.hpp"
#include "rcmap/render/canvas/png_pipeline.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap::render::detail {

struct Rgb {
  double r, g, b;
};
void set_colour(cairo_t* cr, Rgb c, double alpha = 1.0);

// Okabe & Ito (2008) colour-blind-safe palette, in the order the sides are
// shown: side_a, side_b, then the other sides.
Rgb side_colour(std::size_t rank);
// Lighter tint of a colour (t = 0: unchanged, 1: white).
Rgb tint(Rgb c, double t);

// RC colour: a diverging scale after ColorBrewer PuOr (Brewer 2003,
// colour-blind safe) with steps at the thresholds: orange shades below
// weak_below (darker = weaker), neutral greys in the moderate band, purple
// shades from strong_from (darker = stronger).
Rgb rc_colour(double rc, const AggregateOptions& opt);
// Black or white text on a fill (WCAG relative luminance).
Rgb text_on(Rgb fill);

// Sides in display order: side_a, side_b, then the others in Survey::sides
// order (and sides only present in Survey::units).
std::vector<std::string> side_order(const Survey& s, const FigureOptions& o);
std::size_t side_rank(const std::vector<std::string>& order, const std::string& side);
// Respondents per unit (see rcmap/render/canvas/figure_options.hpp).
std::vector<int> respondents_per_unit(const Survey& s, const Aggregate& a);
int total_respondents(const Survey& s, const Aggregate& a);

// A Pango layout in DejaVu Sans at an absolute size (pt), measured without
// hinting so sizes are the same for PNG, SVG and PDF. The same text and
// style on one thread shares one layout (a cache in canvas.cpp).
class Text {
 public:
  Text(const std::string& text, double size_pt, bool bold = false, double wrap_width = -1,
       PangoAlignment align = PANGO_ALIGN_LEFT, int max_lines = 0);
  ~Text();
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;
  Text(Text&& o) noexcept : layout_(o.layout_), w_(o.w_), h_(o.h_) { o.layout_ = nullptr; }
  double width() const { return w_; }
  double height() const { return h_; }
  // Draws with its top-left corner at (x, y).
  void draw(cairo_t* cr, double x, double y) const;

 private:
  void lay_out(const std::string& text, double size_pt, bool bold, double wrap_width, PangoAlignment align,
               int max_lines);
  PangoLayout* layout_;
  double w_ = 0, h_ = 0;
};

// An output file for a Cairo stream surface (PDF), opened with
// rcmap::open_output_file: never written through a link at `path`.
class OutputStream {
 public:
  explicit OutputStream(const std::string& path);  // throws OutputError
  ~OutputStream();
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;
  // A cairo_write_func_t; `closure` is the OutputStream.
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length);
  // Closes the file: CAIRO_STATUS_WRITE_ERROR if a write or the close failed.
  cairo_status_t close();

 private:
  std::FILE* f_;
  bool failed_ = false;
};

// Pixel memory of PNG canvases, one per thread, reused from canvas to canvas
// (Canvas; in_use while a canvas draws into it).
// The memory is mapped in 2 MB-aligned transparent huge pages where the
// kernel allows (madvise(2) MADV_HUGEPAGE; Linux "madvise" THP mode): a
// figure's 15 MB at 200 dpi then costs 8 page faults on first write instead
// of ~3,700, which on a virtual machine cost as much as drawing the figure
// (bench/README.md "Figures and report"). Elsewhere ordinary pages.
struct PixelBuffer {
  unsigned char* data = nullptr;  // aligned start inside the mapping
  void* map = nullptr;            // the mapping (munmap)
  std::size_t size = 0, map_size = 0;
  bool in_use = false;
  PixelBuffer() = default;
  PixelBuffer(const PixelBuffer&) = delete;
  PixelBuffer& operator=(const PixelBuffer&) = delete;
  ~PixelBuffer() { release(); }
  // At least `bytes` of memory (contents undefined); false if none could be mapped.
  bool reserve(std::size_t bytes);
  void release();
};
PixelBuffer& pixel_buffer();

// The thread's PngPipeline (png_pipeline.hpp), or null: a PNG canvas then
// draws into one of its buffers (pipeline_buffer: waits for one to be free,
// throws an earlier file's error; null if no memory), hands it over at
// finish() (pipeline_submit: the encoder frees it) or gives it back unused
// (pipeline_release).
PngPipeline::State* png_pipeline();
PixelBuffer* pipeline_buffer(PngPipeline::State&, std::size_t bytes);
void pipeline_submit(PngPipeline::State&, PixelBuffer* buf, int w, int h, std::size_t stride, const std::string& path,
                     double dpi);
void pipeline_release(PngPipeline::State&, PixelBuffer* buf);

// A target surface. finish() writes the file; errors throw OutputError.
// A PNG of a 16:9 page (width * 9 == height * 16) is an exact 16:9 pixel
// size: its width is rounded to a multiple of 16 pixels.
class Canvas {
 public:
  Canvas(Format f, const std::string& path, double width, double height, double dpi, const std::string& title);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;
  cairo_t* cr() const { return cr_; }
  void finish();

 private:
  Format format_;
  std::string path_;
  double dpi_;
  double scale_x_ = 1, scale_y_ = 1;   // PNG: pixels per point
  std::string svg_;                    // SVG bytes, written by finish()
  std::unique_ptr<OutputStream> pdf_;  // the PDF file
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PixelBuffer* pixels_ = nullptr;       // the thread's reused buffer, when the surface draws into it
  PngPipeline::State* pipe_ = nullptr;  // pixels_ belongs to this pipeline
  bool finished_ = false;
};

// One figure file, the same steps for every figure: a Canvas of o's page
// (o.page_width x o.page_height pt; PNG at o.dpi) in format `f` at `path`,
// PDF title `title`; `draw` paints the page (a draw_*_page function) on the
// white page; then Canvas::finish writes the file. Throws OutputError as
// Canvas and finish do (bad --dpi, unwritable path, Cairo error). O(drawing).
void render_page(Format f, const std::string& path, const FigureOptions& o, const std::string& title,
                 const std::function<void(cairo_t*)>& draw);

// Title (bold) and subtitle at the top left; returns the y below them.
double draw_header(cairo_t* cr, const std::string& title, const std::string& subtitle);
// The same on a figure page of `o` (wrapped to its width); with o.no_title
// nothing is drawn and the y below a blank top margin is returned.
double draw_header(cairo_t* cr, const FigureOptions& o, const std::string& title, const std::string& subtitle);
// Top margin of a figure drawn with FigureOptions::no_title.
inline constexpr double kNoTitleTop = 14;
// "<survey> · N respondents · data from <date>".
std::string subtitle(const Survey& s, const Aggregate& a, const FigureOptions& o);
// Horizontal bar of `colour_at(t)`, t from 0 (left) to 1 (right), outlined.
void draw_colour_bar(cairo_t* cr, double x, double y, double width, double height,
                     const std::function<Rgb(double)>& colour_at);
// Bold axis title rotated to run upwards, centred on y_centre, its top at x.
void draw_vertical_title(cairo_t* cr, const std::string& text, double x, double y_centre);
// Horizontal RC colour bar over the whole scale, 1 to 5 (integer ticks), with ticks at the thresholds and the
// class names under it; returns the box used.
Box draw_rc_scale(cairo_t* cr, double x, double y, double width, const AggregateOptions& opt, Lang lang);
// Swatches of the sides; returns the box used.
Box draw_side_legend(cairo_t* cr, double x, double y, const std::vector<std::string>& order, Lang lang);

// Quick RC classification from the options (inline: the core's classify()
// is not needed here).
inline bool is_weak(double rc, const AggregateOptions& o) { return rc < o.weak_below; }
inline bool is_strong(double rc, const AggregateOptions& o) { return rc >= o.strong_from; }

}  // namespace rcmap::render::detail
