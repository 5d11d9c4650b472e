// Page and flow engine of report.pdf (rcmap/render/report/report_layout.hpp).
#include "rcmap/render/report/report_layout.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <regex>

#include "canvas/canvas.hpp"
#include "report_ink.hpp"
#include "rcmap/io/diagnostics.hpp"

namespace rcmap::render {
using namespace detail;

namespace {
// An ISO date from --date as a PDF date, or the fixed default.
std::string pdf_date(const std::string& date) {
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(date, iso) ? date + "T00:00:00Z" : "2000-01-01T00:00:00Z";
}
}  // namespace

ReportDocument::ReportDocument(const std::string& path, ReportMeta meta) : path_(path), meta_(std::move(meta)) {
  out_ = std::make_unique<OutputStream>(path);  // never written through a link at `path`
  surface_ = cairo_pdf_surface_create_for_stream(OutputStream::write, out_.get(), kWidth, kHeight);
  if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
    const std::string msg = cairo_status_to_string(cairo_surface_status(surface_));
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    throw OutputError("cannot write " + path + ": " + msg);
  }
  const std::string d = pdf_date(meta_.date);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, d.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, d.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "rcmap");
  if (!meta_.title.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, meta_.title.c_str());
  cr_ = cairo_create(surface_);
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr_, fo);
  cairo_font_options_destroy(fo);
}

ReportDocument::~ReportDocument() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void ReportDocument::footer() {
  if (page_ <= 1) return;
  std::string text = meta_.title.empty() ? "" : meta_.title + "  ·  ";
  Text t(text + std::to_string(page_), 7.5, false, kTextWidth, PANGO_ALIGN_RIGHT, 1);
  set_colour(cr_, ink::footer);
  t.draw(cr_, kWidth - kMargin - t.width(), kHeight - kBottom + 30);
}

void ReportDocument::begin_page() {
  y_ = kMargin;
  empty_page_ = true;
}

void ReportDocument::new_page() {
  footer();
  cairo_show_page(cr_);
  cairo_pdf_surface_set_size(surface_, kWidth, kHeight);
  ++page_;
  begin_page();
}

void ReportDocument::ensure(double height) {
  if (!empty_page_ && y_ + height > kHeight - kBottom) new_page();
}

void ReportDocument::space(double pt) {
  if (!empty_page_) y_ += pt;
}

void ReportDocument::heading(const std::string& text, int level) {
  if (level <= 1) {
    if (!empty_page_) new_page();
    Text t(text, 16, true, kTextWidth);
    set_colour(cr_, ink::text);
    t.draw(cr_, kMargin, y_);
    y_ += t.height() + 10;
  } else {
    Text t(text, 12, true, kTextWidth);
    ensure(t.height() + 60);
    if (!empty_page_) y_ += 8;
    set_colour(cr_, ink::text);
    t.draw(cr_, kMargin, y_);
    y_ += t.height() + 5;
  }
  empty_page_ = false;
}

void ReportDocument::paragraph(const std::string& text, double size, bool bold) {
  paragraph(text, size, bold, report_colour(ink::text));
}

void ReportDocument::paragraph(const std::string& text, double size, bool bold, ReportColour c) {
  Text t(text, size, bold, kTextWidth);
  ensure(t.height());
  set_colour(cr_, {c.r, c.g, c.b});
  t.draw(cr_, kMargin, y_);
  y_ += t.height() + size * 0.6;
  empty_page_ = false;
}

void ReportDocument::title_page(const std::string& title, const std::string& subtitle,
                                const std::vector<std::string>& facts, double gap, const std::string& generated) {
  space(120);
  const Text heading(title, 26, true, kTextWidth);  // a long title wraps: the box takes its height
  figure(kTextWidth, std::max(60.0, heading.height() + 8), [&](cairo_t* cr) {
    set_colour(cr, ink::text);
    heading.draw(cr, 0, 0);
  });
  paragraph(subtitle, 14, false, report_colour(ink::muted));
  space(30);
  for (const std::string& f : facts) paragraph(f, 12);
  space(gap);
  paragraph(generated, 8, false, report_colour(ink::small_print));
}

void ReportDocument::bullets(const std::vector<std::string>& items, double size) {
  const double indent = size * 1.4;
  for (const std::string& item : items) {
    Text t(item, size, false, kTextWidth - indent);
    Text dot("•", size);
    ensure(t.height());
    set_colour(cr_, ink::text);
    dot.draw(cr_, kMargin + 2, y_);
    t.draw(cr_, kMargin + indent, y_);
    y_ += t.height() + size * 0.35;
    empty_page_ = false;
  }
  y_ += size * 0.3;
}

namespace {

// Width of the widest space-separated word of `text`.
double longest_word(const std::string& text, double size, bool bold) {
  double w = 0;
  std::size_t b = 0;
  while (b <= text.size()) {
    std::size_t e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    if (e > b) w = std::max(w, Text(text.substr(b, e - b), size, bold).width());
    b = e + 1;
  }
  return w;
}

// Column widths from the content: every column at least as wide as its
// widest word (header included) so words are not broken; right-aligned
// (number) columns as wide as their widest cell; the space left goes to the
// text columns in proportion to how much wider their cells would like to be.
std::vector<double> auto_widths(const ReportTable& tb, double total, double pad) {
  const std::size_t nc = tb.header.size();
  std::vector<double> need(nc), want(nc);
  for (std::size_t c = 0; c < nc; ++c) {
    const bool number = c < tb.right_aligned.size() && tb.right_aligned[c];
    need[c] = longest_word(tb.header[c], tb.font_size, true);
    want[c] = need[c];
    for (const auto& row : tb.rows) {
      if (c >= row.size() || row[c].empty()) continue;
      const double full = Text(row[c], tb.font_size).width();
      need[c] = std::max(need[c], number ? full : longest_word(row[c], tb.font_size, false));
      want[c] = std::max(want[c], full);
    }
    need[c] += 2 * pad + 2, want[c] += 2 * pad + 2;  // +2: no wrap from rounding
  }
  double sum_need = 0, extra = 0;
  for (std::size_t c = 0; c < nc; ++c) sum_need += need[c], extra += want[c] - need[c];
  std::vector<double> w = need;
  if (sum_need > total) {  // too narrow even so: scale down (words may break)
    for (double& x : w) x *= total / sum_need;
    return w;
  }
  const double left = total - sum_need;
  for (std::size_t c = 0; c < nc; ++c)
    w[c] += extra > 0 ? left * (want[c] - need[c]) / extra : left / static_cast<double>(nc);
  return w;
}

}  // namespace

void ReportDocument::table(const ReportTable& tb) {
  const std::size_t nc = tb.header.size();
  const double pad = 3;
  std::vector<double> w(nc), x(nc + 1, kMargin);
  if (tb.widths.empty()) {
    w = auto_widths(tb, kTextWidth, pad);
  } else {
    double sum = 0;
    for (std::size_t c = 0; c < nc; ++c) sum += c < tb.widths.size() ? tb.widths[c] : 1.0;
    for (std::size_t c = 0; c < nc; ++c) w[c] = (c < tb.widths.size() ? tb.widths[c] : 1.0) / sum * kTextWidth;
  }
  for (std::size_t c = 0; c < nc; ++c) x[c + 1] = x[c] + w[c];
  auto align = [&](std::size_t c) {
    return c < tb.right_aligned.size() && tb.right_aligned[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  };
  // Draws one row of cells; returns its height. Measures only if !draw.
  auto row = [&](const std::vector<std::string>& cells, bool bold, bool draw, std::size_t r, bool header) {
    double h = 0;
    std::vector<Text> texts;
    texts.reserve(nc);
    for (std::size_t c = 0; c < nc; ++c) {
      texts.emplace_back(c < cells.size() ? cells[c] : "", tb.font_size, bold, w[c] - 2 * pad, align(c));
      h = std::max(h, texts.back().height());
    }
    h += 2 * pad;
    if (!draw) return h;
    if (header) {
      set_colour(cr_, ink::table_head);
      cairo_rectangle(cr_, kMargin, y_, kTextWidth, h);
      cairo_fill(cr_);
    } else if (r % 2 == 1) {
      set_colour(cr_, ink::table_stripe);
      cairo_rectangle(cr_, kMargin, y_, kTextWidth, h);
      cairo_fill(cr_);
    }
    for (std::size_t c = 0; c < nc; ++c) {
      if (!header && tb.fill)
        if (auto f = tb.fill(r, c)) {
          cairo_set_source_rgb(cr_, f->r, f->g, f->b);
          cairo_rectangle(cr_, x[c], y_, w[c], h);
          cairo_fill(cr_);
        }
      set_colour(cr_, ink::text);
      const double tx = align(c) == PANGO_ALIGN_RIGHT ? x[c + 1] - pad - texts[c].width() : x[c] + pad;
      texts[c].draw(cr_, tx, y_ + pad);
    }
    set_colour(cr_, ink::table_rule);
    cairo_set_line_width(cr_, header ? 0.8 : 0.3);
    cairo_move_to(cr_, kMargin, y_ + h);
    cairo_line_to(cr_, kMargin + kTextWidth, y_ + h);
    cairo_stroke(cr_);
    y_ += h;
    return h;
  };
  const double hh = row(tb.header, true, false, 0, true);
  const double first = tb.rows.empty() ? 0 : row(tb.rows[0], false, false, 0, false);
  ensure(hh + first);
  row(tb.header, true, true, 0, true);
  empty_page_ = false;
  for (std::size_t r = 0; r < tb.rows.size(); ++r) {
    const double h = row(tb.rows[r], false, false, r, false);
    if (y_ + h > kHeight - kBottom) {
      new_page();
      row(tb.header, true, true, 0, true);
      empty_page_ = false;
    }
    row(tb.rows[r], false, true, r, false);
  }
  y_ += 10;
}

void ReportDocument::figure(double width, double height, const std::function<void(cairo_t*)>& draw) {
  const double k = width > kTextWidth ? kTextWidth / width : 1.0;
  ensure(height * k);
  cairo_save(cr_);
  cairo_translate(cr_, kMargin, y_);
  cairo_scale(cr_, k, k);
  cairo_rectangle(cr_, 0, 0, width, height);
  cairo_clip(cr_);
  draw(cr_);
  cairo_restore(cr_);
  y_ += height * k + 8;
  empty_page_ = false;
}

void ReportDocument::landscape_page(const std::function<void(cairo_t*)>& draw) {
  if (!empty_page_) {
    footer();
    cairo_show_page(cr_);
    ++page_;
  }
  cairo_pdf_surface_set_size(surface_, kHeight, kWidth);
  cairo_save(cr_);
  draw(cr_);
  cairo_restore(cr_);
  {
    Text t((meta_.title.empty() ? "" : meta_.title + "  ·  ") + std::to_string(page_), 7.5, false, kTextWidth,
           PANGO_ALIGN_RIGHT, 1);
    set_colour(cr_, ink::footer);
    t.draw(cr_, kHeight - 24 - t.width(), kWidth - 16);
  }
  cairo_show_page(cr_);
  cairo_pdf_surface_set_size(surface_, kWidth, kHeight);
  ++page_;
  begin_page();
}

void ReportDocument::finish() {
  if (finished_) return;
  finished_ = true;
  if (!empty_page_) {
    footer();
    cairo_show_page(cr_);
  }
  cairo_status_t st = cairo_status(cr_);
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(surface_);
  if (st == CAIRO_STATUS_SUCCESS) st = out_->close();
  if (st != CAIRO_STATUS_SUCCESS) throw OutputError("cannot write " + path_ + ": " + cairo_status_to_string(st));
}

}  // namespace rcmap::render
