#pragma once
// Page and flow engine of report.pdf: an A4 portrait PDF (Cairo, Pango text)
// filled top to bottom with headings, paragraphs, bullet lists, tables that
// break across pages with their header repeated, and figures; whole A4
// landscape pages for the big figures. A section (e.g. change over time from
// `rcmap compare`) is added by calling these functions in order:
//
//   ReportDocument doc(path, {"Title", "2026-11-01"});
//   doc.heading("Change since 2025");
//   doc.paragraph("RC rose between ...");
//   doc.table(t);                                   // ReportTable below
//   doc.figure(480, 300, [&](cairo_t* cr) { ... });  // box of 480 x 300 pt
//   doc.landscape_page([&](cairo_t* cr) { draw_matrix_page(cr, ...); });
//   doc.finish();                                   // throws OutputError on failure
//
// Conventions: units are points (1/72 inch); text is DejaVu Sans; every page
// but the first gets a footer "<footer text> · <page number>". Output is
// byte-identical for identical calls: the PDF creation and modification
// dates are fixed (ReportMeta::date if it is an ISO date YYYY-MM-DD, else
// 2000-01-01).
#include <cairo.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rcmap::render {

namespace detail {
class OutputStream;  // canvas.hpp
}

struct ReportMeta {
  std::string title;  // PDF title and footer text
  std::string date;   // as given by --date; used for the PDF dates if ISO
};

struct ReportColour {
  double r = 1, g = 1, b = 1;
};

// A table: header cells, column widths as fractions of the text width (they
// need not sum to 1; they are normalised; empty: computed from the content so
// that no word is broken where the page allows), and rows of text cells.
// Cells wrap within their column; a row never splits across pages.
struct ReportTable {
  std::vector<std::string> header;
  std::vector<double> widths;
  std::vector<bool> right_aligned;  // per column; missing: left
  std::vector<std::vector<std::string>> rows;
  // Optional background of a cell (e.g. an RC colour); nullopt: none.
  std::function<std::optional<ReportColour>(std::size_t row, std::size_t col)> fill;
  double font_size = 8;
};

class ReportDocument {
 public:
  // A4 portrait: 595.28 x 841.89 pt; margins 56 pt left/right, 56 pt top, 64 pt bottom.
  static constexpr double kWidth = 595.28, kHeight = 841.89, kMargin = 56, kBottom = 64;
  static constexpr double kTextWidth = kWidth - 2 * kMargin;

  // Opens `path` for writing. Throws OutputError if it cannot.
  ReportDocument(const std::string& path, ReportMeta meta);
  ~ReportDocument();
  ReportDocument(const ReportDocument&) = delete;
  ReportDocument& operator=(const ReportDocument&) = delete;

  // Level 1: 16 pt bold, starts a new page unless the page is empty;
  // level 2: 12 pt bold, kept on the page of the next 60 pt of content.
  void heading(const std::string& text, int level = 1);
  // Wrapped text at `size` pt; moves to a new page if it does not fit.
  void paragraph(const std::string& text, double size = 10, bool bold = false);  // in the text ink
  void paragraph(const std::string& text, double size, bool bold, ReportColour colour);
  void bullets(const std::vector<std::string>& items, double size = 10);
  void table(const ReportTable& t);
  // A drawing of width x height pt in the flow (scaled down to the text width
  // if wider); `draw` sees a user space with (0,0) at the box's top left.
  void figure(double width, double height, const std::function<void(cairo_t*)>& draw);
  // A whole A4 landscape page (841.89 x 595.28 pt); `draw` sees that page.
  // The flow continues on a new portrait page.
  void landscape_page(const std::function<void(cairo_t*)>& draw);
  void space(double pt);
  // The title page of every report.pdf, on the current (first) page: 120 pt
  // down, `title` (26 pt bold, wrapped: its box at least 60 pt high),
  // `subtitle` (14 pt, muted), 30 pt, each of `facts` (12 pt), `gap` pt, then
  // `generated` (8 pt, small print). O(text).
  void title_page(const std::string& title, const std::string& subtitle, const std::vector<std::string>& facts,
                  double gap, const std::string& generated);
  void new_page();
  // Remaining height of the current page's text area.
  double remaining() const { return kHeight - kBottom - y_; }
  int page() const { return page_; }
  // Writes the file. Throws OutputError on any Cairo error.
  void finish();

 private:
  void ensure(double height);  // new page if `height` does not fit
  void begin_page();
  void footer();
  std::string path_;
  ReportMeta meta_;
  std::unique_ptr<detail::OutputStream> out_;  // the PDF file (canvas.hpp)
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  double y_ = kMargin;
  int page_ = 1;
  bool empty_page_ = true, finished_ = false;
};

}  // namespace rcmap::render
