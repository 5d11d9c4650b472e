#include "rcmap/workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

#include "rcmap/diagnostics.hpp"
#include "rcmap/method.hpp"
#include "rcmap/palette.hpp"

namespace rcmap {

namespace {

// Display width of UTF-8 text in characters.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

class Book {
 public:
  explicit Book(const std::string& path) : path_(path) {
    lxw_workbook_options opt = {};
    wb_ = workbook_new_opt(path.c_str(), &opt);
    if (!wb_) throw OutputError("cannot create workbook " + path);
    // Fixed creation time: same input, byte-identical workbook.
    lxw_doc_properties props = {};
    props.title = const_cast<char*>("rcmap results");
    props.created = 946684800;  // 2000-01-01T00:00:00Z
    workbook_set_properties(wb_, &props);
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    number_ = workbook_add_format(wb_);
    format_set_num_format(number_, "0.00");
  }
  ~Book() {
    if (wb_) workbook_close(wb_);  // on an error path; the temp file is removed by OutputDir
  }
  void close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) throw OutputError("cannot write workbook " + path_ + ": " + lxw_strerror(e));
  }
  lxw_workbook* wb() { return wb_; }
  lxw_format* header() { return header_; }
  lxw_format* number() { return number_; }
  lxw_format* fill(Colour c, bool diagonal) {
    std::uint32_t key = c.hex() | (diagonal ? 0x1000000u : 0);
    for (auto& [k, f] : fills_)
      if (k == key) return f;
    lxw_format* f = workbook_add_format(wb_);
    format_set_num_format(f, "0.0");
    format_set_bg_color(f, c.hex());
    format_set_align(f, LXW_ALIGN_CENTER);
    if (diagonal) format_set_border(f, LXW_BORDER_MEDIUM);
    fills_.emplace_back(key, f);
    return f;
  }

 private:
  std::string path_;
  lxw_workbook* wb_ = nullptr;
  lxw_format *header_ = nullptr, *number_ = nullptr;
  std::vector<std::pair<std::uint32_t, lxw_format*>> fills_;
};

void table_sheet(Book& book, const WorkbookSheet& s, int min_n) {
  lxw_worksheet* ws = workbook_add_worksheet(book.wb(), s.name.c_str());
  const Table& t = *s.table;
  std::vector<std::size_t> widths;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].name.c_str(), book.header());
    widths.push_back(width(t.columns[c].name));
  }
  const std::string note = "suppressed: fewer than " + std::to_string(min_n) + " respondents";
  for (std::size_t r = 0; r < t.rows; ++r) {
    bool noted = false;
    bool suppressed = s.suppressed_row && s.suppressed_row(r);
    auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      Cell v = t.columns[c].cell(r);
      switch (v.kind) {
        case Cell::Kind::text:
          worksheet_write_string(ws, row, col, v.text.c_str(), nullptr);
          widths[c] = std::max(widths[c], width(v.text));
          break;
        case Cell::Kind::number:
          worksheet_write_number(ws, row, col, v.number, book.number());
          widths[c] = std::max<std::size_t>(widths[c], 6);
          break;
        case Cell::Kind::integer:
          worksheet_write_number(ws, row, col, v.number, nullptr);
          break;
        case Cell::Kind::empty:
          if (suppressed && !noted) {
            worksheet_write_comment(ws, row, col, note.c_str());
            noted = true;
          }
          break;
      }
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<std::size_t>(widths[c], 50) + 2), nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows), static_cast<lxw_col_t>(t.columns.size() - 1));
}

void matrix_sheet(Book& book, const Survey& s, const Aggregate& a, const std::string& lang) {
  lxw_worksheet* ws = workbook_add_worksheet(book.wb(), "Matrix");
  const auto& o = a.options;
  worksheet_write_string(ws, 0, 0, workbook_words(lang).matrix_corner, book.header());
  std::size_t w0 = 24;
  for (std::size_t u = 0; u < s.units.size(); ++u) {
    auto k = static_cast<lxw_row_t>(u + 1);
    worksheet_write_string(ws, k, 0, s.units[u].label.c_str(), book.header());
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(k), s.units[u].id.c_str(), book.header());
    w0 = std::max(w0, width(s.units[u].label));
  }
  const std::string note = "n<" + std::to_string(o.min_n) + ": suppressed";
  for (const Tie& t : a.ties) {
    auto row = static_cast<lxw_row_t>(t.source + 1);
    auto col = static_cast<lxw_col_t>(t.target + 1);
    if (t.suppressed) {
      worksheet_write_comment(ws, row, col, note.c_str());
      continue;
    }
    worksheet_write_number(ws, row, col, t.rc, book.fill(rc_scale_colour(t.rc, o), t.within()));
  }
  worksheet_set_column(ws, 0, 0, static_cast<double>(std::min<std::size_t>(w0, 50) + 2), nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(s.units.size()), 8, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
}

void method_sheet(Book& book, const std::vector<std::pair<std::string, std::string>>& rows,
                  const std::string& lang) {
  lxw_worksheet* ws = workbook_add_worksheet(book.wb(), "Method");
  worksheet_write_string(ws, 0, 0, workbook_words(lang).topic, book.header());
  worksheet_write_string(ws, 0, 1, workbook_words(lang).text, book.header());
  lxw_format* wrap = workbook_add_format(book.wb());
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), 0, rows[r].first.c_str(), wrap);
    worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), 1, rows[r].second.c_str(), wrap);
  }
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 1, 100, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

void write_workbook(const std::string& path, const WorkbookContent& content) {
  Book book(path);
  int min_n = content.aggregate ? content.aggregate->options.min_n : 0;
  for (const auto& s : content.sheets) table_sheet(book, s, min_n);
  if (content.survey && content.aggregate) matrix_sheet(book, *content.survey, *content.aggregate, content.lang);
  method_sheet(book, content.method, content.lang);
  book.close();
}

}  // namespace rcmap
