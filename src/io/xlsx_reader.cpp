// .xlsx reading: minizip opens the zip container, expat streams the XML
// parts. Part names and relationships follow ECMA-376 Part 1 (§12.3.23
// workbook, §18.2.20 sheets, §18.3.1.73 row, §18.3.1.4 c, §18.4 sst) and
// Part 2 (Open Packaging Conventions, .rels parts).
#include "rcmap/io/xlsx_reader.hpp"

#include <expat.h>
#include <unzip.h>

#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>

#include "util/text.hpp"

namespace rcmap {

namespace {

using detail::fold_key;
using detail::format_number;
using detail::parse_double;

constexpr std::size_t kMaxColumns = 16384;  // XFD, Excel's limit
constexpr std::size_t kMaxRows = 1048576;   // Excel's limit
// A tag (name and attributes) is buffered whole by expat, and rescanned
// from its start with each new piece of input (expat before 2.6: quadratic
// time); none in a workbook comes near this. Text is reported in pieces and
// does not count.
constexpr std::size_t kMaxTagBytes = std::size_t{4} << 20;

struct ZipCloser {
  void operator()(void* z) const {
    if (z) unzClose(z);
  }
};
using ZipPtr = std::unique_ptr<void, ZipCloser>;

// Thrown inside this file only; turned into one diagnostic by read_xlsx.
struct XlsxFailure : std::runtime_error {
  std::size_t line = 0, column = 0;
  XlsxFailure(const std::string& m, std::size_t l = 0, std::size_t c = 0) : std::runtime_error(m), line(l), column(c) {}
};

std::string_view local_name(const char* qname) {
  const char* colon = std::strrchr(qname, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(qname);
}

const char* attribute(const char** atts, std::string_view local) {
  for (int i = 0; atts[i]; i += 2)
    if (local_name(atts[i]) == local) return atts[i + 1];
  return nullptr;
}

// ST_Xstring escapes (ECMA-376 Part 1 §22.9.2.19): "_xHHHH_" is the UTF-16
// code unit HHHH, used for control characters; "_x005F_" escapes '_'.
std::string decode_xstring(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int h[4] = {hex(s[i + 2]), hex(s[i + 3]), hex(s[i + 4]), hex(s[i + 5])};
      if (h[0] >= 0 && h[1] >= 0 && h[2] >= 0 && h[3] >= 0) {
        unsigned cp = unsigned(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
        if (cp < 0x80) {
          out += char(cp);
        } else if (cp < 0x800) {
          out += char(0xC0 | cp >> 6), out += char(0x80 | (cp & 0x3F));
        } else {
          out += char(0xE0 | cp >> 12), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// Streams one zip entry through an expat parser whose handlers are already
// set. Throws XlsxFailure on a missing part, malformed XML, or more than
// kMaxTagBytes read since `*last_event` (the byte offset of the last event a
// handler saw: expat buffers a tag whole until it ends).
void parse_part(unzFile zip, const std::string& part, XML_Parser parser, const XML_Index* last_event) {
  if (unzLocateFile(zip, part.c_str(), 0) != UNZ_OK)
    throw XlsxFailure("the workbook has no part '" + part + "'; expected an Excel .xlsx file");
  if (unzOpenCurrentFile(zip) != UNZ_OK) throw XlsxFailure("cannot open part '" + part + "' of the zip archive");
  char buf[1 << 16];
  XML_Index fed = 0;
  for (;;) {
    if (last_event && std::size_t(fed - *last_event) > kMaxTagBytes) {
      std::size_t l = XML_GetCurrentLineNumber(parser);
      unzCloseCurrentFile(zip);
      throw XlsxFailure("part '" + part + "' holds an XML tag longer than 4 MiB after line " + std::to_string(l) +
                        "; expected an Excel .xlsx file");
    }
    int n = unzReadCurrentFile(zip, buf, sizeof buf);
    fed += n > 0 ? n : 0;
    if (n < 0) {
      unzCloseCurrentFile(zip);
      throw XlsxFailure("part '" + part + "' is corrupt (zip error " + std::to_string(n) + ")");
    }
    if (XML_Parse(parser, buf, n, n == 0) == XML_STATUS_ERROR) {
      std::size_t l = XML_GetCurrentLineNumber(parser), c = XML_GetCurrentColumnNumber(parser) + 1;
      std::string msg = "malformed XML in part '" + part + "' at line " + std::to_string(l) + ", column " +
                        std::to_string(c) + ": " + XML_ErrorString(XML_GetErrorCode(parser));
      unzCloseCurrentFile(zip);
      throw XlsxFailure(msg);
    }
    if (n == 0) break;
  }
  if (unzCloseCurrentFile(zip) == UNZ_CRCERROR) throw XlsxFailure("part '" + part + "' is corrupt (CRC mismatch)");
}

// Expat with C++ callbacks: start(name, atts), end(name), text(chars).
struct Sax {
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(const char*, int)> text;
  // An exception thrown from a callback is held here and rethrown after
  // XML_Parse returns (exceptions must not cross expat's C frames).
  std::exception_ptr failure;
  XML_Parser parser = nullptr;
  XML_Index last_event = 0;  // byte offset of the last event (parse_part)

  std::size_t line() const { return XML_GetCurrentLineNumber(parser); }

  void run(unzFile zip, const std::string& part) {
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> p(XML_ParserCreate(nullptr), XML_ParserFree);
    if (!p) throw std::bad_alloc();
    parser = p.get();
    XML_SetUserData(parser, this);
    XML_SetElementHandler(
        parser,
        [](void* ud, const char* n, const char** a) {
          auto* s = static_cast<Sax*>(ud);
          s->last_event = XML_GetCurrentByteIndex(s->parser);
          try {
            if (s->start) s->start(local_name(n), a);
          } catch (...) {
            s->abort();
          }
        },
        [](void* ud, const char* n) {
          auto* s = static_cast<Sax*>(ud);
          s->last_event = XML_GetCurrentByteIndex(s->parser);
          try {
            if (s->end) s->end(local_name(n));
          } catch (...) {
            s->abort();
          }
        });
    XML_SetCharacterDataHandler(parser, [](void* ud, const char* t, int len) {
      auto* s = static_cast<Sax*>(ud);
      s->last_event = XML_GetCurrentByteIndex(s->parser);
      try {
        if (s->text) s->text(t, len);
      } catch (...) {
        s->abort();
      }
    });
    try {
      parse_part(zip, part, parser, &last_event);
    } catch (...) {
      if (failure) std::rethrow_exception(failure);
      throw;
    }
    if (failure) std::rethrow_exception(failure);
  }
  void abort() {
    failure = std::current_exception();
    XML_StopParser(parser, XML_FALSE);
  }
};

struct SheetRef {
  std::string name, rel_id, part;
  bool visible = true;  // state="hidden" or "veryHidden": false (ECMA-376 §18.18.68)
};

// Resolves a relationship target against the base folder "xl/" (OPC Part 2
// §9.3: targets are relative to the source part's folder, "/..." absolute).
std::string resolve_target(const std::string& target) {
  std::string path = target.empty() || target[0] != '/' ? "xl/" + target : target.substr(1);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

std::vector<SheetRef> list_sheets(unzFile zip) {
  std::vector<SheetRef> sheets;
  Sax wb;
  wb.start = [&](std::string_view n, const char** a) {
    if (n != "sheet") return;
    const char* name = attribute(a, "name");
    const char* rid = nullptr;
    for (int i = 0; a[i]; i += 2)  // r:id (namespace prefix varies)
      if (std::strchr(a[i], ':') && local_name(a[i]) == "id") rid = a[i + 1];
    const char* state = attribute(a, "state");
    if (name && rid) sheets.push_back({name, rid, {}, !state || std::strcmp(state, "visible") == 0});
  };
  wb.run(zip, "xl/workbook.xml");
  std::map<std::string, std::string> targets;
  Sax rels;
  rels.start = [&](std::string_view n, const char** a) {
    if (n != "Relationship") return;
    const char* id = attribute(a, "Id");
    const char* target = attribute(a, "Target");
    if (id && target) targets[id] = target;
  };
  rels.run(zip, "xl/_rels/workbook.xml.rels");
  for (auto& s : sheets) {
    auto it = targets.find(s.rel_id);
    if (it == targets.end())
      throw XlsxFailure("sheet '" + s.name + "' refers to relationship '" + s.rel_id +
                        "', which xl/_rels/workbook.xml.rels does not define");
    s.part = resolve_target(it->second);
  }
  return sheets;
}

// "1 MiB (1048576 bytes)", "1000 bytes".
std::string size_text(std::size_t n) {
  const std::string bytes = std::to_string(n) + " bytes";
  if (n >= (std::size_t{1} << 30) && n % (std::size_t{1} << 30) == 0)
    return std::to_string(n >> 30) + " GiB (" + bytes + ")";
  if (n >= (std::size_t{1} << 20) && n % (std::size_t{1} << 20) == 0)
    return std::to_string(n >> 20) + " MiB (" + bytes + ")";
  return bytes;
}

// Memory of the strings read so far (text beyond the small-string buffer
// plus one std::string per cell slot), against XlsxLimits::total_bytes.
struct Budget {
  std::size_t limit, used = 0;
  static std::size_t cost(std::size_t text_bytes) {
    return sizeof(std::string) + (text_bytes > 15 ? text_bytes + 1 : 0);
  }
  // `what` says where the limit was reached ("shared string 3", "cell C7").
  void add(std::size_t bytes, const std::string& what) {
    used += bytes;
    if (used > limit)
      throw XlsxFailure("the workbook's text takes more than " + size_text(limit) + " once unpacked (reached at " +
                        what + "); rcmap reads workbooks up to that size: export CSV instead");
  }
};

std::string cell_limit_text(const XlsxLimits& lim) {
  return "rcmap's limit of " + size_text(lim.cell_bytes) + " for one cell";
}

std::vector<std::string> read_shared_strings(unzFile zip, const XlsxLimits& lim, Budget& budget) {
  std::vector<std::string> out;
  if (unzLocateFile(zip, "xl/sharedStrings.xml", 0) != UNZ_OK) return out;  // optional part
  std::string cur;
  bool in_si = false, in_t = false;
  int rph = 0;  // inside phonetic runs (<rPh>), whose text is not cell text
  Sax sst;
  sst.start = [&](std::string_view n, const char**) {
    if (n == "si")
      in_si = true, cur.clear();
    else if (n == "rPh")
      ++rph;
    else if (n == "t" && in_si && rph == 0)
      in_t = true;
  };
  sst.end = [&](std::string_view n) {
    if (n == "si") {
      in_si = false;
      out.push_back(decode_xstring(cur));
      budget.add(Budget::cost(out.back().size()), "shared string " + std::to_string(out.size() - 1));
    } else if (n == "rPh") {
      --rph;
    } else if (n == "t") {
      in_t = false;
    }
  };
  sst.text = [&](const char* t, int len) {
    if (!in_t) return;
    if (cur.size() + std::size_t(len) > lim.cell_bytes)
      throw XlsxFailure("shared string " + std::to_string(out.size()) + " (xl/sharedStrings.xml, line " +
                        std::to_string(sst.line()) + ") is longer than " + cell_limit_text(lim) +
                        "; shorten the text in the workbook, or export CSV");
    cur.append(t, len);
  };
  sst.run(zip, "xl/sharedStrings.xml");
  return out;
}

std::string column_letters(std::size_t col) {  // 1 -> A, 27 -> AA
  std::string s;
  for (; col > 0; col = (col - 1) / 26) s.insert(s.begin(), char('A' + (col - 1) % 26));
  return s;
}

// "C7" -> column 3, row 7. Returns false if malformed.
bool parse_cell_ref(std::string_view ref, std::size_t& col, std::size_t& row) {
  std::size_t i = 0;
  col = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    col = col * 26 + std::size_t((ref[i] | 0x20) - 'a' + 1);
    if (col > kMaxColumns) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    row = row * 10 + std::size_t(ref[i] - '0');
    if (row > kMaxRows) return false;
  }
  return row >= 1;
}

struct RawRow {
  std::size_t number;
  std::vector<std::string> cells;  // index 0 = column A
};

class XlsxFile {
 public:
  explicit XlsxFile(const std::string& path) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw XlsxFailure("cannot open the file");
    if (!looks_like_zip(path))
      throw XlsxFailure(
          "not an Excel .xlsx workbook (no zip signature); expected a file saved "
          "as 'Excel Workbook (*.xlsx)'");
    zip_.reset(unzOpen64(path.c_str()));
    if (!zip_) throw XlsxFailure("not a readable zip archive; expected an Excel .xlsx workbook");
  }
  unzFile zip() const { return zip_.get(); }

 private:
  std::string path_;
  ZipPtr zip_;
};

// The sheet to read: `sheet` by exact name, else case-insensitively; empty:
// the first visible sheet, as Excel opens it (the first of all if every
// sheet is hidden, which Excel does not save), with a note naming it when
// the workbook has several. Throws XlsxFailure listing the sheets if none
// matches.
const SheetRef& choose_sheet(const std::vector<SheetRef>& sheets, const std::string& sheet, const std::string& path,
                             Diagnostics& diags) {
  const SheetRef* chosen = nullptr;
  if (sheet.empty()) {
    for (auto& s : sheets)
      if (s.visible) {
        chosen = &s;
        break;
      }
    if (!chosen) chosen = &sheets.front();
    if (sheets.size() > 1)
      diags.note(path, "the workbook has " + std::to_string(sheets.size()) + " sheets; read '" + chosen->name + "' (" +
                           (chosen->visible ? "the first visible one" : "all are hidden") +
                           "); choose another with --sheet");
    return *chosen;
  }
  for (auto& s : sheets)
    if (s.name == sheet) return s;
  for (auto& s : sheets)
    if (fold_key(s.name) == fold_key(sheet)) return s;
  std::vector<std::string> names;
  for (auto& s : sheets) names.push_back(s.name);
  throw XlsxFailure("no sheet named '" + sheet + "'; the workbook has " + detail::quoted_list(names));
}

// The non-empty rows of one worksheet part with their cells' text, read as
// expat streams it (ECMA-376 Part 1 §18.3.1.73 row, §18.3.1.4 c). Throws
// XlsxFailure at a bad row number or cell reference, a cell over the
// limits, a shared-string index out of range or a malformed number; a
// formula without a saved result and an error value go to `diags`.
class SheetRows {
 public:
  SheetRows(const std::vector<std::string>& shared, const XlsxLimits& limits, Budget& budget, const std::string& where,
            Diagnostics& diags)
      : shared_(shared), limits_(limits), budget_(budget), where_(where), diags_(diags) {}

  std::vector<RawRow> read(unzFile zip, const std::string& part) {
    Sax ws;
    ws.start = [&](std::string_view n, const char** a) { start(n, a); };
    ws.text = [&](const char* t, int len) { text(t, len); };
    ws.end = [&](std::string_view n) { end(n); };
    ws.run(zip, part);
    return std::move(rows_);
  }

 private:
  [[noreturn]] static void fail_at(std::size_t row, std::size_t c, const std::string& msg) {
    throw XlsxFailure(msg, row, c);
  }
  std::string cell_name() const { return "cell " + column_letters(col_) + std::to_string(cur_.number); }

  void start(std::string_view n, const char** a) {
    if (n == "row") {
      start_row(a);
    } else if (n == "c") {
      start_cell(a);
    } else if (in_cell_ && n == "f") {
      has_f_ = true;
    } else if (in_cell_ && n == "v") {
      in_v_ = true;
      has_v_ = true;
    } else if (in_cell_ && n == "is") {
      in_is_ = true;
    } else if (in_is_ && n == "rPh") {
      ++rph_;
    } else if (in_is_ && n == "t" && rph_ == 0) {
      in_t_ = true;
    }
  }
  void start_row(const char** a) {
    std::size_t r = last_row_ + 1;
    if (const char* rs = attribute(a, "r")) {
      long long v = 0;
      if (!detail::parse_int(rs, v) || v < 1 || std::size_t(v) > kMaxRows || std::size_t(v) <= last_row_)
        fail_at(last_row_ + 1, 0,
                std::string("bad row number r=\"") + rs + "\"; expected increasing numbers from 1 to 1048576");
      r = std::size_t(v);
    }
    cur_ = RawRow{r, {}};
    last_row_ = r;
    col_ = 0;
    row_bytes_ = 0;
  }
  void start_cell(const char** a) {
    std::size_t c = col_ + 1, r = cur_.number;
    if (const char* ref = attribute(a, "r")) {
      if (!parse_cell_ref(ref, c, r) || r != cur_.number || c <= col_)
        fail_at(cur_.number, col_ + 1,
                std::string("bad cell reference \"") + ref + "\" in row " + std::to_string(cur_.number));
    }
    if (c > kMaxColumns) fail_at(cur_.number, c, "more than 16384 columns");
    col_ = c;
    const char* t = attribute(a, "t");
    type_ = t ? t : "n";
    value_.clear(), inline_text_.clear();
    in_cell_ = true;
    has_f_ = has_v_ = false;
  }

  void text(const char* t, int len) {
    std::string* into = in_v_ ? &value_ : in_t_ ? &inline_text_ : nullptr;
    if (!into) return;
    if (into->size() + std::size_t(len) > limits_.cell_bytes)
      fail_at(cur_.number, col_,
              cell_name() + " holds text longer than " + cell_limit_text(limits_) +
                  "; shorten it in the workbook, or export CSV");
    into->append(t, len);
  }

  void end(std::string_view n) {
    if (n == "v") {
      in_v_ = false;
    } else if (n == "t") {
      in_t_ = false;
    } else if (n == "rPh") {
      if (rph_ > 0) --rph_;
    } else if (n == "is") {
      in_is_ = false;
    } else if (n == "c") {
      in_cell_ = false;
      end_cell();
    } else if (n == "row") {
      end_row();
    }
  }

  // The text of the cell just closed, by its type (§18.18.11 ST_CellType).
  std::string cell_text() {
    // A formula saved without its result (written by a program, never
    // calculated): reading it as an empty cell would lose an answer. A
    // string formula saved as <v></v> is a calculated empty text.
    const bool saved = type_ == "inlineStr" || (has_v_ && (type_ == "str" || !detail::trim(value_).empty()));
    if (has_f_ && !saved)
      diags_.error(where_, cur_.number, col_, {},
                   cell_name() +
                       " holds a formula without a saved result: open and save the file "
                       "in Excel, or export CSV");
    if (type_ == "s") {
      long long idx = -1;
      if (!detail::parse_int(value_, idx) || idx < 0 || std::size_t(idx) >= shared_.size())
        fail_at(cur_.number, col_,
                "cell " + column_letters(col_) + std::to_string(cur_.number) + " refers to shared string " + value_ +
                    ", but the workbook has " + std::to_string(shared_.size()));
      return shared_[std::size_t(idx)];
    }
    if (type_ == "inlineStr") return decode_xstring(inline_text_);
    if (type_ == "b") return detail::trim(value_) == "1" ? "TRUE" : detail::trim(value_) == "0" ? "FALSE" : value_;
    if (type_ == "str" || type_ == "d") return decode_xstring(value_);
    if (type_ == "e") {
      diags_.warning(where_, cur_.number, col_, {},
                     "cell " + column_letters(col_) + std::to_string(cur_.number) + " holds the spreadsheet error " +
                         value_ + "; read as text");
      return value_;
    }
    // "n" or absent: a number; an empty <v/> is an empty cell
    double d = 0;
    std::string v = detail::trim(value_);
    if (v.empty()) return {};
    if (parse_double(v, d) && v.find(',') == std::string::npos) return format_number(d);
    fail_at(
        cur_.number, col_,
        "cell " + column_letters(col_) + std::to_string(cur_.number) + " should hold a number but holds '" + v + "'");
  }

  void end_cell() {
    std::string text = cell_text();
    if (text.empty()) return;
    std::size_t bytes = Budget::cost(text.size()) - sizeof(std::string);
    if (cur_.cells.size() < col_) bytes += (col_ - cur_.cells.size()) * sizeof(std::string);
    budget_.add(bytes, cell_name());
    row_bytes_ += bytes;
    if (cur_.cells.size() < col_) cur_.cells.resize(col_);
    cur_.cells[col_ - 1] = std::move(text);
  }

  void end_row() {
    bool any = false;
    for (auto& c : cur_.cells) any = any || !detail::trim(c).empty();
    if (any)
      rows_.push_back(std::move(cur_));
    else
      budget_.used -= row_bytes_;
    cur_ = RawRow{0, {}};
  }

  const std::vector<std::string>& shared_;
  const XlsxLimits& limits_;
  Budget& budget_;
  const std::string& where_;
  Diagnostics& diags_;
  std::vector<RawRow> rows_;
  RawRow cur_{0, {}};
  std::size_t last_row_ = 0, col_ = 0;
  std::string type_, value_, inline_text_;
  bool in_cell_ = false, in_v_ = false, in_is_ = false, in_t_ = false, has_f_ = false, has_v_ = false;
  std::size_t row_bytes_ = 0;  // budget taken by the current row
  int rph_ = 0;
};

// The first row as the header (trailing empty cells dropped), each later
// row padded to its width; a value right of the last header column is an
// error at its cell.
void fill_table(std::vector<RawRow>& rows, Budget& budget, const std::string& where, CsvTable& table,
                Diagnostics& diags) {
  table.header = std::move(rows.front().cells);
  while (!table.header.empty() && detail::trim(table.header.back()).empty()) table.header.pop_back();
  const std::size_t width = table.header.size();
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto& r = rows[i];
    for (std::size_t c = width; c < r.cells.size(); ++c) {
      if (!detail::trim(r.cells[c]).empty())
        diags.error(where, r.number, c + 1, {},
                    "cell " + column_letters(c + 1) + std::to_string(r.number) + " holds '" + r.cells[c] +
                        "' right of the last header column (" + column_letters(width) + "); expected an empty cell");
    }
    if (r.cells.size() < width)
      budget.add((width - r.cells.size()) * sizeof(std::string), "row " + std::to_string(r.number));
    r.cells.resize(width);
    table.rows.push_back(CsvRow{r.number, std::move(r.cells)});
  }
}

}  // namespace

bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char sig[4] = {};
  return in.read(sig, 4) && std::memcmp(sig, "PK\x03\x04", 4) == 0;
}

std::vector<std::string> xlsx_sheet_names(const std::string& path, Diagnostics& diags) {
  std::vector<std::string> names;
  try {
    XlsxFile f(path);
    for (auto& s : list_sheets(f.zip())) names.push_back(s.name);
  } catch (const XlsxFailure& e) {
    diags.error(path, 0, 0, {}, e.what());
  }
  return names;
}

CsvTable read_xlsx(const std::string& path, const std::string& sheet, Diagnostics& diags, const XlsxLimits& limits) {
  CsvTable table;
  table.path = path;
  std::string where = path;  // "path[sheet]" once the sheet is known
  try {
    XlsxFile f(path);
    auto sheets = list_sheets(f.zip());
    if (sheets.empty()) throw XlsxFailure("the workbook has no worksheets");
    const SheetRef& chosen = choose_sheet(sheets, sheet, path, diags);
    where = path + "[" + chosen.name + "]";
    table.path = where;
    Budget budget{limits.total_bytes};
    auto shared = read_shared_strings(f.zip(), limits, budget);
    std::vector<RawRow> rows = SheetRows(shared, limits, budget, where, diags).read(f.zip(), chosen.part);
    if (rows.empty()) {
      diags.error(where, 0, 0, {}, "the sheet is empty; expected a header row and data rows");
      return table;
    }
    fill_table(rows, budget, where, table, diags);
  } catch (const XlsxFailure& e) {
    diags.error(where, e.line, e.column, {}, e.what());
    table.header.clear();
    table.rows.clear();
  }
  return table;
}

}  // namespace rcmap
