#include "rcmap/outputs/workbook_writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "rcmap/io/diagnostics.hpp"
#include "rcmap/outputs/glossary.hpp"
#include "rcmap/outputs/method_text.hpp"
#include "rcmap/outputs/palette.hpp"

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
  Book(const std::string& path, bool constant_memory) : path_(path), constant_memory_(constant_memory) {
    lxw_workbook_options opt = {};
    opt.constant_memory = constant_memory;
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
  // Cells must be written in row order (and a row's cells left to right).
  bool constant_memory() const { return constant_memory_; }
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
  bool constant_memory_ = false;
  lxw_workbook* wb_ = nullptr;
  lxw_format *header_ = nullptr, *number_ = nullptr;
  std::vector<std::pair<std::uint32_t, lxw_format*>> fills_;
};

// Suppressed rows among the first `rows` of a sheet.
std::size_t suppressed_rows(const WorkbookSheet& s, std::size_t rows) {
  std::size_t n = 0;
  if (s.suppressed_row)
    for (std::size_t r = 0; r < rows; ++r) n += s.suppressed_row(r);
  return n;
}

// The glossary's `prefix` + `name` term in `lang` (docs/glossary.tsv: sheet_,
// col_, val_strength_, ...), or `name` as it is: English keeps the CSV
// names, and a name the glossary lacks (a user's side, a unit) is data.
std::string localised(std::string_view prefix, std::string_view name, const std::string& lang) {
  if (lang != "da" && lang != "nb") return std::string(name);
  std::string key(prefix);
  for (char c : name)
    key += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view t = glossary_term(key, lang);
  return t.empty() ? std::string(name) : std::string(t);
}

// Text values a reader reads, by column (docs/glossary.md "Workbook").
std::string_view value_prefix(const std::string& column) {
  if (column == "strength") return "val_strength_";
  if (column == "kind") return "val_kind_";
  if (column == "direction") return "val_direction_";
  if (column == "certainty") return "val_certainty_";
  if (column == "group") return "val_group_";
  if (column == "blank_reason") return "val_blank_reason_";
  return {};
}

void table_sheet(Book& book, const WorkbookSheet& s, int min_n, const WorkbookLimits& limits, const std::string& lang) {
  lxw_worksheet* ws = workbook_add_worksheet(book.wb(), localised("sheet_", s.name, lang).c_str());
  const Table& t = *s.table;
  const std::size_t rows = std::min(t.rows, limits.rows);  // Excel's limit (workbook_notes)
  std::vector<std::size_t> widths;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    // bridges.csv's `bridge` is a unit, ties.csv's a tie: the sheet's own term first.
    std::string head = s.name == "Bridges" ? localised("col_bridges_", t.columns[c].name, lang) : "";
    if (head.empty() || head == t.columns[c].name) head = localised("col_", t.columns[c].name, lang);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head.c_str(), book.header());
    widths.push_back(width(head));
  }
  const std::string note = fill_term(glossary_term("note_suppressed", lang), std::to_string(min_n));
  const bool cell_notes = suppressed_rows(s, rows) <= limits.notes;
  if (!cell_notes)
    worksheet_write_comment(ws, 0, 0,
                            ("Blank cells in rows whose strength is 'suppressed': " + note +
                             " (no note on each: more than " + std::to_string(limits.notes) + ")")
                                .c_str());
  for (std::size_t r = 0; r < rows; ++r) {
    bool noted = !cell_notes;
    bool suppressed = s.suppressed_row && s.suppressed_row(r);
    auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      Cell v = t.columns[c].cell(r);
      switch (v.kind) {
        case Cell::Kind::text: {
          const std::string_view prefix = value_prefix(t.columns[c].name);
          const std::string text = prefix.empty() ? v.text : localised(prefix, v.text, lang);
          worksheet_write_string(ws, row, col, text.c_str(), nullptr);
          widths[c] = std::max(widths[c], width(text));
          break;
        }
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
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(t.columns.size() - 1));
}

std::size_t suppressed_ties(const Aggregate& a, std::size_t units) {
  std::size_t n = 0;
  for (const Tie& t : a.ties) n += t.suppressed && t.source < units && t.target < units;
  return n;
}

void matrix_sheet(Book& book, const Survey& s, const Aggregate& a, const std::string& lang,
                  const WorkbookLimits& limits) {
  lxw_worksheet* ws = workbook_add_worksheet(book.wb(), localised("sheet_", "Matrix", lang).c_str());
  const auto& o = a.options;
  // Units past Excel's columns (or rows) are left out (workbook_notes).
  const std::size_t units = std::min({s.units.size(), limits.columns, limits.rows});
  const std::string note = fill_term(glossary_term("note_matrix_suppressed", lang), std::to_string(o.min_n));
  const bool cell_notes = suppressed_ties(a, units) <= limits.notes;
  worksheet_write_string(ws, 0, 0, workbook_words(lang).matrix_corner, book.header());
  if (!cell_notes)
    worksheet_write_comment(ws, 0, 0,
                            ("Blank cells: not rated, or " + note + " (no note on each: more than " +
                             std::to_string(limits.notes) + "; the Ties sheet says which)")
                                .c_str());
  std::size_t w0 = 24;
  if (!book.constant_memory()) {
    // Labels and ids in turn (the order of the shared strings, kept as it was).
    for (std::size_t u = 0; u < units; ++u) {
      auto k = static_cast<lxw_row_t>(u + 1);
      worksheet_write_string(ws, k, 0, s.units[u].label.c_str(), book.header());
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(k), s.units[u].id.c_str(), book.header());
    }
  } else {  // row by row: the ids first, each row's label before its cells
    for (std::size_t u = 0; u < units; ++u)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(u + 1), s.units[u].id.c_str(), book.header());
  }
  for (std::size_t u = 0; u < units; ++u) w0 = std::max(w0, width(s.units[u].label));
  long labelled = -1;            // the last row whose label is written (constant memory)
  for (const Tie& t : a.ties) {  // sorted by (source, target): row by row, left to right
    if (t.source >= units || t.target >= units) continue;
    auto row = static_cast<lxw_row_t>(t.source + 1);
    auto col = static_cast<lxw_col_t>(t.target + 1);
    if (book.constant_memory())
      while (labelled < static_cast<long>(t.source)) {
        ++labelled;
        worksheet_write_string(ws, static_cast<lxw_row_t>(labelled + 1), 0,
                               s.units[static_cast<std::size_t>(labelled)].label.c_str(), book.header());
      }
    if (t.suppressed) {
      if (cell_notes) worksheet_write_comment(ws, row, col, note.c_str());
      continue;
    }
    worksheet_write_number(ws, row, col, t.rc, book.fill(rc_scale_colour(t.rc, o), t.within()));
  }
  if (book.constant_memory())
    while (++labelled < static_cast<long>(units))
      worksheet_write_string(ws, static_cast<lxw_row_t>(labelled + 1), 0,
                             s.units[static_cast<std::size_t>(labelled)].label.c_str(), book.header());
  worksheet_set_column(ws, 0, 0, static_cast<double>(std::min<std::size_t>(w0, 50) + 2), nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(units), 8, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
}

void method_sheet(Book& book, const std::vector<std::pair<std::string, std::string>>& rows, const std::string& lang) {
  lxw_worksheet* ws = workbook_add_worksheet(book.wb(), localised("sheet_", "Method", lang).c_str());
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
  const WorkbookLimits& limits = content.limits;
  std::size_t cells = 0;
  for (const auto& s : content.sheets) cells += std::min(s.table->rows, limits.rows) * s.table->columns.size();
  Book book(path, cells >= limits.constant_memory_cells);
  int min_n = content.aggregate ? content.aggregate->options.min_n : 0;
  for (const auto& s : content.sheets) table_sheet(book, s, min_n, limits, content.lang);
  if (content.survey && content.aggregate)
    matrix_sheet(book, *content.survey, *content.aggregate, content.lang, limits);
  method_sheet(book, content.method, content.lang);
  book.close();
}

std::vector<std::string> workbook_notes(const WorkbookContent& content) {
  const WorkbookLimits& limits = content.limits;
  std::vector<std::string> notes;
  const auto count = [](std::size_t n) {  // 1048575 -> "1,048,575"
    std::string d = std::to_string(n), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
      if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
      out += d[i];
    }
    return out;
  };
  for (const auto& s : content.sheets) {
    const std::string all = s.file.empty() ? "" : "; all are in " + s.file;
    const std::size_t rows = std::min(s.table->rows, limits.rows);
    if (rows < s.table->rows)
      notes.push_back("workbook.xlsx: sheet " + s.name + " holds the first " + count(rows) + " of " +
                      count(s.table->rows) + " rows (Excel's limit is " + count(limits.rows + 1) +
                      " rows with the header)" + all);
    const std::size_t suppressed = suppressed_rows(s, rows);
    if (suppressed > limits.notes)
      notes.push_back("workbook.xlsx: sheet " + s.name + ": " + count(suppressed) +
                      " suppressed rows get no note on each cell (more than " + count(limits.notes) +
                      "); a note on cell A1 says what their blank cells mean");
  }
  if (content.survey && content.aggregate) {
    const std::size_t all = content.survey->units.size();
    const std::size_t units = std::min({all, limits.columns, limits.rows});
    if (units < all)
      notes.push_back("workbook.xlsx: sheet Matrix shows the first " + count(units) + " of " + count(all) +
                      " units (Excel's limit is " + count(limits.columns + 1) +
                      " columns with the labels); all ties are in ties.csv");
    const std::size_t suppressed = suppressed_ties(*content.aggregate, units);
    if (suppressed > limits.notes)
      notes.push_back("workbook.xlsx: sheet Matrix: " + count(suppressed) +
                      " suppressed cells get no note each (more than " + count(limits.notes) +
                      "); a note on cell A1 says what blank cells mean");
  }
  return notes;
}

}  // namespace rcmap
