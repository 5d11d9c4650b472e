// Surfaces, text, palettes and legend pieces shared by the figures.
#include "canvas.hpp"
#include "ink.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>
#include <sys/mman.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <set>
#include <unordered_map>

#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/output_dir.hpp"
#include "png_file.hpp"
#include "rcmap/outputs/palette.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "rcmap/survey/lookalikes.hpp"

namespace rcmap::render::detail {

void set_colour(cairo_t* cr, Rgb c, double alpha) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

namespace {
Rgb mix(Rgb a, Rgb b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
// Cairo names SVG groups after a process-wide surface counter
// (id="surface17"), so the same figure drawn after other surfaces differs.
// Renumbers them 1, 2, ... in order of first appearance, then writes.
cairo_status_t write_svg(const std::string& svg, const std::string& path) {
  static const std::string kKey = "surface";
  std::string out;
  out.reserve(svg.size());
  std::vector<std::string> seen;
  std::size_t i = 0;
  while (i < svg.size()) {
    const std::size_t at = svg.find(kKey, i);
    if (at == std::string::npos) break;
    std::size_t e = at + kKey.size();
    while (e < svg.size() && svg[e] >= '0' && svg[e] <= '9') ++e;
    const bool quoted_id = at > 0 && (svg[at - 1] == '"' || svg[at - 1] == '#') && e > at + kKey.size() &&
                           e < svg.size() && (svg[e] == '"' || svg[e] == ')');
    out.append(svg, i, at - i);
    if (quoted_id) {
      const std::string num = svg.substr(at + kKey.size(), e - at - kKey.size());
      auto it = std::find(seen.begin(), seen.end(), num);
      if (it == seen.end()) it = seen.insert(seen.end(), num);
      out += kKey + std::to_string(it - seen.begin() + 1);
    } else {
      out.append(svg, at, e - at);
    }
    i = e;
  }
  out.append(svg, i, std::string::npos);
  std::FILE* f = rcmap::open_output_file(path);
  if (!f) return CAIRO_STATUS_WRITE_ERROR;
  const bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  return (std::fclose(f) == 0 && ok) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}
}  // namespace

Rgb side_colour(std::size_t rank) {
  Colour c = rcmap::side_palette_colour(rank);  // shared with the workbook (rcmap/outputs/palette.hpp)
  return {c.r, c.g, c.b};
}

Rgb tint(Rgb c, double t) { return mix(c, ink::paper, t); }

Rgb rc_colour(double rc, const AggregateOptions& o) {
  Colour c = rcmap::rc_scale_colour(rc, o);  // shared with the workbook (rcmap/outputs/palette.hpp)
  return {c.r, c.g, c.b};
}

Rgb text_on(Rgb f) {
  auto lin = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
  const double l = 0.2126 * lin(f.r) + 0.7152 * lin(f.g) + 0.0722 * lin(f.b);
  return l > 0.25 ? ink::black : ink::paper;
}

std::vector<std::string> side_order(const Survey& s, const FigureOptions& o) {
  std::vector<std::string> all = s.sides;
  for (const Unit& u : s.units)
    if (std::find(all.begin(), all.end(), u.side) == all.end()) all.push_back(u.side);
  std::vector<std::string> out;
  for (const std::string* want : {&o.side_a, &o.side_b})
    if (std::find(all.begin(), all.end(), *want) != all.end()) out.push_back(*want);
  for (const std::string& side : all)
    if (side != o.side_a && side != o.side_b) out.push_back(side);
  return out;
}

std::size_t side_rank(const std::vector<std::string>& order, const std::string& side) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), side) - order.begin());
}

std::vector<int> respondents_per_unit(const Survey& s, const Aggregate& a) {
  std::vector<int> out(s.units.size(), 0);
  if (a.units.size() == s.units.size()) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = a.units[i].respondents;
    return out;
  }
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const Response& r : s.rows)
    if (r.unit < out.size() && seen.insert({r.unit, r.respondent}).second) ++out[r.unit];
  return out;
}

int total_respondents(const Survey& s, const Aggregate& a) {
  if (a.respondents > 0) return a.respondents;
  int n = 0;
  for (int r : respondents_per_unit(s, a)) n += r;
  return n;
}

// ---- text -------------------------------------------------------------

namespace {
PangoContext* text_context() {
  // One context per thread (Pango's default font map is per thread),
  // released when the thread ends; fixed resolution
  // (1 pt = 1 unit) and no hinting so that extents are identical on every
  // surface type.
  struct Holder {
    PangoContext* c = nullptr;
    ~Holder() {
      if (c) g_object_unref(c);
    }
  };
  thread_local Holder holder;
  if (!holder.c) {
    PangoFontMap* fm = pango_cairo_font_map_get_default();
    PangoContext* c = pango_font_map_create_context(fm);
    pango_cairo_context_set_resolution(c, 72.0);
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(c, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(c, FALSE);
    holder.c = c;
  }
  return holder.c;
}

// Laid-out texts of this thread, by text and style: the same label is
// measured for placement and drawn, in every format and again in report.pdf
// (Pango's shaping and line breaking were a seventh of a default run's CPU
// time, bench/README.md "Figures and report"). A layout is never changed
// after Text::Text and all come from the one context of the thread, so a
// cached layout draws exactly as a new one would. Cleared when it holds
// kMaxCachedTexts entries; released when the thread ends.
struct TextKey {
  std::string text;
  double size, wrap;
  bool bold;
  int align, max_lines;
  bool operator==(const TextKey&) const = default;
};
struct TextKeyHash {
  std::size_t operator()(const TextKey& k) const {
    std::size_t h = std::hash<std::string>()(k.text);
    for (std::size_t v : {std::hash<double>()(k.size), std::hash<double>()(k.wrap),
                          static_cast<std::size_t>(k.bold) | static_cast<std::size_t>(k.align) << 1 |
                              static_cast<std::size_t>(k.max_lines) << 8})
      h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);  // boost::hash_combine's mixing
    return h;
  }
};
struct CachedText {
  PangoLayout* layout;
  double w, h;
};
constexpr std::size_t kMaxCachedTexts = 20000;
struct TextCache {
  std::unordered_map<TextKey, CachedText, TextKeyHash> map;
  void clear() {
    for (auto& e : map) g_object_unref(e.second.layout);
    map.clear();
  }
  ~TextCache() { clear(); }
};
TextCache& text_cache() {
  thread_local TextCache cache;
  return cache;
}
}  // namespace

Text::Text(const std::string& text, double size_pt, bool bold, double wrap_width, PangoAlignment align, int max_lines) {
  TextCache& cache = text_cache();
  TextKey key{
      text, size_pt, wrap_width > 0 ? wrap_width : -1, bold, static_cast<int>(align), wrap_width > 0 ? max_lines : 0};
  if (const auto it = cache.map.find(key); it != cache.map.end()) {
    layout_ = static_cast<PangoLayout*>(g_object_ref(it->second.layout));
    w_ = it->second.w, h_ = it->second.h;
    return;
  }
  lay_out(text, size_pt, bold, wrap_width, align, max_lines);
  if (cache.map.size() >= kMaxCachedTexts) cache.clear();
  cache.map.emplace(std::move(key), CachedText{static_cast<PangoLayout*>(g_object_ref(layout_)), w_, h_});
}

void Text::lay_out(const std::string& text, double size_pt, bool bold, double wrap_width, PangoAlignment align,
                   int max_lines) {
  layout_ = pango_layout_new(text_context());
  PangoFontDescription* fd = pango_font_description_new();
  pango_font_description_set_family(fd, "DejaVu Sans");
  pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(fd, size_pt * PANGO_SCALE);
  pango_layout_set_font_description(layout_, fd);
  pango_font_description_free(fd);
  if (wrap_width > 0) {
    pango_layout_set_width(layout_, static_cast<int>(wrap_width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    if (max_lines > 0) {
      pango_layout_set_height(layout_, -max_lines);
      pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
    }
  }
  pango_layout_set_alignment(layout_, align);
  // Bidirectional controls in a label would reorder the text around it
  // (docs/input.md "Look-alike ids and labels"): drawn as ⟨U+202E⟩.
  pango_layout_set_text(layout_, show_bidi_controls(text).c_str(), -1);
  PangoRectangle ink, logical;
  pango_layout_get_extents(layout_, &ink, &logical);
  // Width: the widest line (the layout width may be larger when wrapping).
  w_ = logical.width / static_cast<double>(PANGO_SCALE);
  h_ = logical.height / static_cast<double>(PANGO_SCALE);
  if (wrap_width > 0) {
    PangoRectangle lr;
    pango_layout_get_pixel_extents(layout_, nullptr, nullptr);
    double widest = 0;
    PangoLayoutIter* it = pango_layout_get_iter(layout_);
    do {
      pango_layout_iter_get_line_extents(it, nullptr, &lr);
      widest = std::max(widest, lr.width / static_cast<double>(PANGO_SCALE));
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    // Shrink the layout box to the widest line so alignment stays inside it.
    pango_layout_set_width(layout_, static_cast<int>(std::ceil(widest * PANGO_SCALE)) + 1);
    w_ = widest;
    pango_layout_get_extents(layout_, &ink, &logical);
    h_ = logical.height / static_cast<double>(PANGO_SCALE);
  }
}

}  // namespace rcmap::render::detail

namespace rcmap::render {
void load_fonts() { const detail::Text regular("Ag 0123", 10), bold("Ag 0123", 10, true); }
void prepare_fonts() { FcInit(); }
}  // namespace rcmap::render

namespace rcmap::render::detail {

Text::~Text() {
  if (layout_) g_object_unref(layout_);
}

void Text::draw(cairo_t* cr, double x, double y) const {
  cairo_save(cr);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout_);
  cairo_restore(cr);
}

// ---- surfaces -----------------------------------------------------------

namespace {
// Largest buffer kept for reuse (a figure at 600 dpi); larger rasters get a
// surface of their own.
constexpr std::size_t kMaxReusedPixels = std::size_t{256} << 20;
}  // namespace

bool PixelBuffer::reserve(std::size_t bytes) {
  if (size >= bytes) return true;
  release();
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  const std::size_t want = (bytes + kHuge - 1) / kHuge * kHuge, total = want + kHuge;  // room to align
  void* m = ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return false;
  const auto at = reinterpret_cast<std::uintptr_t>(m);
  data = reinterpret_cast<unsigned char*>((at + kHuge - 1) / kHuge * kHuge);
#ifdef MADV_HUGEPAGE
  ::madvise(data, want, MADV_HUGEPAGE);  // a hint: refused (EINVAL) where THP is off, then ordinary pages
#endif
  map = m, map_size = total, size = want;
  return true;
}

void PixelBuffer::release() {
  if (map) ::munmap(map, map_size);
  map = nullptr, data = nullptr, size = map_size = 0;
}

PixelBuffer& pixel_buffer() {
  thread_local PixelBuffer buf;
  return buf;
}

Canvas::Canvas(Format f, const std::string& path, double width, double height, double dpi, const std::string& title)
    : format_(f), path_(path), dpi_(dpi) {
  switch (f) {
    case Format::png: {
      if (!(dpi >= 36 && dpi <= 1200)) throw OutputError("--dpi must be between 36 and 1200");
      int w = static_cast<int>(std::lround(width * dpi / 72.0));
      int h = static_cast<int>(std::lround(height * dpi / 72.0));
      scale_x_ = scale_y_ = dpi / 72.0;
      if (width * 9 == height * 16) {  // a slide: exactly 16:9 pixels
        w = 16 * static_cast<int>(std::lround(width * dpi / 72.0 / 16.0));
        h = w / 16 * 9;
        scale_x_ = scale_y_ = w / width;
      }
      // The pixels go into this thread's reused buffer (figures of one run
      // have the same size): fresh memory costs a page fault per 4 KB on
      // first write, as much as drawing a figure (bench/README.md "Figures
      // and report"). Every pixel is painted below, and write_png consumes
      // the buffer before the next canvas of the thread takes it.
      // With a PngPipeline on this thread, one of its two buffers (the
      // other may be being encoded).
      const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
      const std::size_t bytes = static_cast<std::size_t>(stride) * static_cast<std::size_t>(std::max(h, 0));
      if (stride > 0 && bytes <= kMaxReusedPixels) {
        if (PngPipeline::State* p = png_pipeline()) {
          if ((pixels_ = pipeline_buffer(*p, bytes))) pipe_ = p;
        } else if (PixelBuffer& buf = pixel_buffer(); !buf.in_use && buf.reserve(bytes)) {
          buf.in_use = true;
          pixels_ = &buf;
        }
        if (pixels_) surface_ = cairo_image_surface_create_for_data(pixels_->data, CAIRO_FORMAT_RGB24, w, h, stride);
      }
      if (!surface_) surface_ = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
      break;
    }
    case Format::svg: {
      // Into memory: finish() renumbers surface ids before writing (below).
      std::FILE* probe = rcmap::open_output_file(path);
      if (!probe) throw OutputError("cannot write " + path + ": " + std::strerror(errno));
      std::fclose(probe);
      surface_ = cairo_svg_surface_create_for_stream(
          [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
          },
          &svg_, width, height);
      if (cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit(surface_, CAIRO_SVG_UNIT_PT);
      break;
    }
    case Format::pdf:
      pdf_ = std::make_unique<OutputStream>(path);
      surface_ = cairo_pdf_surface_create_for_stream(OutputStream::write, pdf_.get(), width, height);
      if (cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS) {
        // Fixed dates: identical input gives identical bytes.
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "rcmap");
        if (!title.empty())
          cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, show_bidi_controls(title).c_str());
      }
      break;
  }
  if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
    const std::string msg = cairo_status_to_string(cairo_surface_status(surface_));
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    throw OutputError("cannot write " + path + ": " + msg);
  }
  cr_ = cairo_create(surface_);
  if (f == Format::png) {
    cairo_scale(cr_, scale_x_, scale_y_);
    cairo_set_tolerance(cr_, 0.25);  // device px; invisible at print dpi, fewer curve segments
  }
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr_, fo);
  cairo_font_options_destroy(fo);
  set_colour(cr_, ink::paper);
  cairo_paint(cr_);
}

void Canvas::finish() {
  if (finished_) return;
  finished_ = true;
  cairo_status_t st = cairo_status(cr_);
  if (st == CAIRO_STATUS_SUCCESS) {
    if (format_ == Format::png) {
      cairo_surface_flush(surface_);
      const int w = cairo_image_surface_get_width(surface_), h = cairo_image_surface_get_height(surface_);
      const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface_));
      unsigned char* data = cairo_image_surface_get_data(surface_);
      if (pipe_) {  // the encoder thread writes the file; the buffer is its until then
        cairo_destroy(cr_), cr_ = nullptr;
        cairo_surface_destroy(surface_), surface_ = nullptr;
        pipeline_submit(*pipe_, pixels_, w, h, stride, path_, dpi_);
        pixels_ = nullptr;
        return;
      }
      st = write_png(data, w, h, stride, path_, dpi_);
    } else {
      cairo_surface_finish(surface_);
      st = cairo_surface_status(surface_);
      if (st == CAIRO_STATUS_SUCCESS && format_ == Format::svg) st = write_svg(svg_, path_);
      if (st == CAIRO_STATUS_SUCCESS && pdf_) st = pdf_->close();
    }
  }
  if (st != CAIRO_STATUS_SUCCESS) throw OutputError("cannot write " + path_ + ": " + cairo_status_to_string(st));
}

Canvas::~Canvas() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);  // before pdf_, which it may still write to
  if (pixels_ && pipe_)
    pipeline_release(*pipe_, pixels_);
  else if (pixels_)
    pixels_->in_use = false;
}

OutputStream::OutputStream(const std::string& path) : f_(rcmap::open_output_file(path)) {
  if (!f_) throw OutputError("cannot write " + path + ": " + std::strerror(errno));
}

OutputStream::~OutputStream() {
  if (f_) std::fclose(f_);
}

cairo_status_t OutputStream::write(void* closure, const unsigned char* data, unsigned int length) {
  auto* s = static_cast<OutputStream*>(closure);
  if (!s->f_ || std::fwrite(data, 1, length, s->f_) != length) {
    s->failed_ = true;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t OutputStream::close() {
  if (f_) {
    failed_ |= std::fclose(f_) != 0;
    f_ = nullptr;
  }
  return failed_ ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

void render_page(Format f, const std::string& path, const FigureOptions& o, const std::string& title,
                 const std::function<void(cairo_t*)>& draw) {
  Canvas cv(f, path, o.page_width, o.page_height, o.dpi, title);
  draw(cv.cr());
  cv.finish();
}

// ---- header and legends -------------------------------------------------

double draw_header(cairo_t* cr, const std::string& title, const std::string& sub) {
  FigureOptions a4;  // the A4 page
  return draw_header(cr, a4, title, sub);
}

double draw_header(cairo_t* cr, const FigureOptions& o, const std::string& title, const std::string& sub) {
  if (o.no_title) return kNoTitleTop;
  const double x = 24, y = 18;
  Text t(title, 15, true, o.page_width - 48);
  set_colour(cr, ink::text);
  t.draw(cr, x, y);
  double bottom = y + t.height();
  if (!sub.empty()) {
    Text s(sub, 9, false, o.page_width - 48);
    set_colour(cr, ink::muted);
    s.draw(cr, x, bottom + 2);
    bottom += 2 + s.height();
  }
  return bottom;
}

std::string subtitle(const Survey& s, const Aggregate& a, const FigureOptions& o) {
  const Words& w = words(o.lang);
  std::vector<std::string> parts;
  if (!o.title.empty()) parts.push_back(o.title);
  // Aggregated tie tables (analyze --ties) carry no respondent count.
  if (!a.from_ties)
    parts.push_back(fill(w.respondents, format_count(static_cast<std::size_t>(total_respondents(s, a)), o.lang)));
  if (!o.subtitle_date.empty()) parts.push_back(fill(w.data_from, o.subtitle_date));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "  ·  ") + p;
  return out;
}

void draw_colour_bar(cairo_t* cr, double x, double y, double width, double height,
                     const std::function<Rgb(double)>& colour_at) {
  const int steps = 160;
  for (int i = 0; i < steps; ++i) {
    set_colour(cr, colour_at((i + 0.5) / steps));
    cairo_rectangle(cr, x + width * i / steps, y, width / steps + 0.3, height);
    cairo_fill(cr);
  }
  set_colour(cr, ink::muted);
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, x, y, width, height);
  cairo_stroke(cr);
}

void draw_vertical_title(cairo_t* cr, const std::string& text, double x, double y_centre) {
  Text t(text, 8, true);
  cairo_save(cr);
  cairo_translate(cr, x, y_centre + t.width() / 2);
  cairo_rotate(cr, -M_PI / 2);
  set_colour(cr, ink::note);
  t.draw(cr, 0, 0);
  cairo_restore(cr);
}

Box draw_rc_scale(cairo_t* cr, double x, double y, double width, const AggregateOptions& opt, Lang lang) {
  const Words& w = words(lang);
  Text head(w.rc_scale, 8, true);
  set_colour(cr, ink::label);
  head.draw(cr, x, y);
  const double bar_y = y + head.height() + 2, bar_h = 9;
  const double lo = 1.0, hi = 5.0;  // the whole scale the title names (docs/figures.md "Figures")
  auto xof = [&](double rc) { return x + (rc - lo) / (hi - lo) * width; };
  draw_colour_bar(cr, x, bar_y, width, bar_h, [&](double t) { return rc_colour(lo + (hi - lo) * t, opt); });
  double bottom = bar_y + bar_h;
  // Integer ticks, threshold ticks (bold) and class names.
  for (int v = 1; v <= 5; ++v) {
    Text t(format_number(v, 0, lang), 6.5);
    set_colour(cr, ink::muted);
    t.draw(cr, xof(v) - t.width() / 2, bar_y + bar_h + 1);
  }
  for (double th : {opt.weak_below, opt.strong_from}) {
    set_colour(cr, ink::black);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, xof(th), bar_y - 2);
    cairo_line_to(cr, xof(th), bar_y + bar_h + 2);
    cairo_stroke(cr);
  }
  const double ty = bar_y + bar_h + 9;
  struct Cls {
    const char* name;
    double a, b;
  };
  const Cls cls[] = {
      {w.weak, lo, opt.weak_below}, {w.moderate, opt.weak_below, opt.strong_from}, {w.strong, opt.strong_from, hi}};
  for (const Cls& c : cls) {
    std::string label = c.name;
    if (&c == &cls[0]) label += " < " + format_number(opt.weak_below, 1, lang);
    if (&c == &cls[2]) label += " ≥ " + format_number(opt.strong_from, 1, lang);
    Text t(label, 6.5);
    const double cx = (xof(c.a) + xof(c.b)) / 2;
    set_colour(cr, ink::label);
    t.draw(cr, std::clamp(cx - t.width() / 2, x - 10, x + width + 10 - t.width()), ty);
    bottom = std::max(bottom, ty + t.height());
  }
  return {x, y, x + width, bottom};
}

Box draw_side_legend(cairo_t* cr, double x, double y, const std::vector<std::string>& order, Lang lang) {
  Text head(words(lang).sides, 8, true);
  set_colour(cr, ink::label);
  head.draw(cr, x, y);
  double cy = y + head.height() + 2, right = x + head.width();
  double cx = x;
  // Two columns of swatches.
  const std::size_t per_col = (order.size() + 1) / 2;
  double col_w = 0, bottom = cy;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i == per_col) {
      cx += col_w + 12;
      cy = y + head.height() + 2;
      col_w = 0;
    }
    set_colour(cr, side_colour(i));
    cairo_arc(cr, cx + 4, cy + 5, 4, 0, 2 * M_PI);
    cairo_fill(cr);
    Text t(side_name(lang, order[i]), 7.5);
    set_colour(cr, ink::label);
    t.draw(cr, cx + 11, cy);
    col_w = std::max(col_w, 11 + t.width());
    right = std::max(right, cx + col_w);
    cy += std::max(11.0, t.height() + 1);
    bottom = std::max(bottom, cy);
  }
  return {x, y, right, bottom};
}

}  // namespace rcmap::render::detail

namespace rcmap::render {

// See rcmap/render/canvas/figure_options.hpp.
std::string label_text(const std::string& label) {
  if (label.size() <= kMaxLabel) return label;
  std::size_t n = kMaxLabel;
  while (n > 0 && (static_cast<unsigned char>(label[n]) & 0xC0) == 0x80) --n;
  return label.substr(0, n) + "\u2026";
}

}  // namespace rcmap::render
