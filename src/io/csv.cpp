// CSV reading and writing. Grammar: RFC 4180 (Shafranovich 2005), relaxed
// as spreadsheets need: delimiter `,` `;` or TAB, LF/CRLF/CR line ends,
// optional UTF-8 byte order mark, blank lines skipped.
#include "rcmap/io/csv.hpp"

#include "csv_split.hpp"
#include "file_bytes.hpp"
#include "util/huge_pages.hpp"

#include <fcntl.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

namespace rcmap {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_seq(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2;
  else if (c == 0xE0) {
    len = 3;
    lo = 0xA0;
  } else if (c >= 0xE1 && c <= 0xEC)
    len = 3;
  else if (c == 0xED) {
    len = 3;
    hi = 0x9F;
  } else if (c >= 0xEE && c <= 0xEF)
    len = 3;
  else if (c == 0xF0) {
    len = 4;
    lo = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3)
    len = 4;
  else if (c == 0xF4) {
    len = 4;
    hi = 0x8F;
  } else
    return 0;
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return len;
}

// Windows-1252 0x80..0x9F (Microsoft's code page table); 0 = undefined.
constexpr char16_t k1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// First position from i that is not 7-bit ASCII (or s.size()), eight bytes
// at a time: the common case of a large file is plain ASCII.
std::size_t skip_ascii(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Regular files from this size are mapped instead of read (file_bytes.hpp).
constexpr std::size_t kMapFrom = std::size_t{1} << 20;

std::size_t line_of(std::string_view s, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
  return line;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    i = skip_ascii(s, i);
    if (i >= s.size()) break;
    std::size_t n = utf8_seq(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80)
      out += static_cast<char>(c);
    else if (c < 0xA0)
      append_utf8(out, k1252High[c - 0x80] ? k1252High[c - 0x80] : 0xFFFD);
    else
      append_utf8(out, c);
  }
  return out;
}

char detect_delimiter(std::string_view rec) {
  std::size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char c : rec) {
    if (c == '"')
      quoted = !quoted;
    else if (!quoted) {
      if (c == ',')
        ++comma;
      else if (c == ';')
        ++semi;
      else if (c == '\t')
        ++tab;
      else if (c == '\n' || c == '\r')
        break;
    }
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

CsvReader::CsvReader(std::string bytes, std::string path, Encoding enc, Diagnostics& diags)
    : CsvReader(std::make_shared<FileBytes>(std::move(bytes)), std::move(path), enc, diags, false) {}

CsvReader::CsvReader(std::shared_ptr<FileBytes> bytes, std::string path, Encoding enc, Diagnostics& diags,
                     bool defer_utf8)
    : bytes_(std::move(bytes)), d_(bytes_->data()), n_(bytes_->size()), path_(std::move(path)), diags_(&diags) {
  if (n_ >= 3 && std::memcmp(d_, "\xEF\xBB\xBF", 3) == 0) {
    d_ += 3;
    n_ -= 3;
    had_bom_ = true;
  }
  start(enc, diags, defer_utf8);
}

// Decodes the bytes to UTF-8 (replacing them if transcoded) and reads the
// header record. Deferred (open()), only a prefix is checked here.
void CsvReader::start(Encoding enc, Diagnostics& diags, bool defer_utf8) {
  auto transcode = [&] {
    bytes_ = std::make_shared<FileBytes>(windows1252_to_utf8(std::string_view(d_, n_)));
    d_ = bytes_->data();
    n_ = bytes_->size();
    transcoded_ = true;
  };
  const std::string_view text(d_, n_);
  if (enc == Encoding::windows1252) {
    transcode();
  } else {
    // The prefix checked now: all of it, or whole lines up to 64 KB and a
    // bit, when that holds the header for certain (one line, no quote).
    std::size_t checked = n_;
    constexpr std::size_t kPrefix = std::size_t{1} << 16;
    if (defer_utf8 && n_ >= kMapFrom) {
      std::size_t h = 0;
      while (h < kPrefix && (d_[h] == '\n' || d_[h] == '\r')) ++h;
      const char* header_end = static_cast<const char*>(std::memchr(d_ + h, '\n', kPrefix - h));
      const void* lf = std::memchr(d_ + kPrefix, '\n', n_ - kPrefix);
      if (header_end && !std::memchr(d_ + h, '"', static_cast<std::size_t>(header_end - (d_ + h))) && lf) {
        checked = static_cast<std::size_t>(static_cast<const char*>(lf) - d_) + 1;
        utf8_deferred_ = true;
      }
    }
    // Find the first invalid byte and whether any valid multi-byte sequence exists.
    const std::string_view prefix = text.substr(0, checked);
    std::size_t bad = std::string::npos;
    bool multibyte = false;
    for (std::size_t i = 0; i < checked;) {
      i = skip_ascii(prefix, i);
      if (i >= checked) break;
      std::size_t k = utf8_seq(prefix, i);
      if (k == 0) {
        if (bad == std::string::npos) bad = i;
        ++i;
      } else {
        multibyte |= k > 1;
        i += k;
      }
    }
    if (bad != std::string::npos && utf8_deferred_) {
      // Decided on the whole file, as without deferring.
      utf8_deferred_ = false;
      start(enc, diags, false);
      return;
    }
    if (bad != std::string::npos) {
      std::size_t line = line_of(text, bad);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(d_[bad]));
      if (enc == Encoding::utf8) {
        diags.error(path_, line, 0, {},
                    std::string("invalid UTF-8 (byte ") + hex +
                        "); expected UTF-8 text. Excel's 'CSV' export is Windows-1252: save as "
                        "'CSV UTF-8', or drop --encoding utf-8 to read it as Windows-1252");
        return;
      }
      if (multibyte) {
        // Valid UTF-8 letters next to invalid bytes: a damaged UTF-8 file.
        // Reading it as Windows-1252 would garble the valid letters.
        diags.error(path_, line, 0, {},
                    std::string("invalid UTF-8 (byte ") + hex +
                        ") in a file that is otherwise UTF-8; expected one consistent encoding. "
                        "Re-export the file as UTF-8");
        return;
      }
      diags.warning(path_, line, 0, {},
                    "file is not valid UTF-8; read as Windows-1252 (Excel's CSV export). Use "
                    "--encoding utf-8 to reject such files instead");
      transcode();
    }
  }
  // Skip leading blank lines, detect the delimiter from the header record.
  while (pos_ < n_ && (d_[pos_] == '\n' || d_[pos_] == '\r')) {
    if (d_[pos_] == '\n' || pos_ + 1 >= n_ || d_[pos_ + 1] != '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= n_) {
    diags.error(path_, 0, 0, {}, "empty file; expected a header line with column names");
    return;
  }
  delim_ = detect_delimiter(std::string_view(d_ + pos_, n_ - pos_));
  Parse p = parse_record(views_, header_line_);
  if (p != Parse::ok) {
    if (p == Parse::end) diags.error(path_, 0, 0, {}, "empty file; expected a header line");
    header_line_ = 0;
    return;
  }
  header_.assign(views_.begin(), views_.end());
  ok_ = true;
}

void CsvReader::check_deferred_utf8(const std::vector<std::string_view>& fields) {
  // Only the fields: delimiters, quotes and line ends are ASCII, and a
  // quoted field's decoding removes only quotes next to another quote or a
  // field boundary, so its bytes are valid exactly when the raw bytes were.
  for (std::string_view f : fields)
    if (!is_valid_utf8(f)) utf8_failed_ = true;
}

CsvReader CsvReader::open(const std::string& path, Encoding enc, Diagnostics& diags, bool defer_utf8) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags.error(path, 0, 0, {}, "cannot open file for reading");
    return CsvReader(path, diags);
  }
  struct stat st;
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  // A large regular file is mapped rather than copied (file_bytes.hpp).
  if (regular && static_cast<std::size_t>(st.st_size) >= kMapFrom) {
    if (auto mapped = FileBytes::map(fd, static_cast<std::size_t>(st.st_size), path)) {
      ::close(fd);
      return CsvReader(std::move(mapped), path, enc, diags, defer_utf8);
    }
  }
  // Otherwise one read(2) into a buffer of the file's size (pipes: grow as
  // needed); a read error ends the data as istream would (e.g. a folder
  // reads empty).
  std::string bytes;
  std::size_t cap = 1 << 16;
  if (regular) cap = static_cast<std::size_t>(st.st_size) + 1;  // +1: see the end without a second resize
  std::size_t len = 0;
  bytes.reserve(cap);
  advise_huge_pages(bytes.data(), cap);
  bytes.resize(cap);
  for (;;) {
    if (len == bytes.size()) bytes.resize(bytes.size() * 2);
    ssize_t got = ::read(fd, bytes.data() + len, bytes.size() - len);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    len += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(len);
  return CsvReader(std::move(bytes), path, enc, diags);
}

namespace {

// A reader's parse position: its text d[0, n), the offset `pos` of the
// next record and its physical line, and the delimiter. d[n] is NUL
// (FileBytes), or d[n - 1] is a line feed (a first half after
// CsvSplit::split): every scan below stops at one or the other.
struct Cursor {
  char* d;
  std::size_t n;
  std::size_t& pos;
  std::size_t& line;
  char delim;
};

// Skips blank lines from pos, counting them; false at the end of the text.
[[gnu::always_inline]] inline bool skip_blank_lines(const Cursor& c) {
  const std::size_t n = c.n;
  const char* d = c.d;
  std::size_t& pos = c.pos;
  std::size_t& line = c.line;
  while (pos < n && (d[pos] == '\n' || d[pos] == '\r')) {
    if (d[pos] == '\n' || pos + 1 >= n || d[pos + 1] != '\n') ++line;
    ++pos;
  }
  return pos < n;
}

// Fast path for the common record: no quote, no NUL, no line break inside,
// scanned 16 bytes at a time (SSE2 is part of x86-64). Takes the record at
// pos into `fields` and returns true; false for anything else, or the
// file's last 16 bytes, with `fields` cleared and pos unmoved, for the
// byte-wise parser, which starts the record again.
[[gnu::always_inline]] inline bool scan_simple_record(const Cursor& cur, std::vector<std::string_view>& fields) {
#ifdef __SSE2__
  const std::size_t n = cur.n;
  char* d = cur.d;
  std::size_t& pos = cur.pos;
  std::size_t& line = cur.line;
  const char delim = cur.delim;
  const __m128i vd = _mm_set1_epi8(static_cast<char>(delim)), vq = _mm_set1_epi8('"'), vn = _mm_set1_epi8('\n'),
                vr = _mm_set1_epi8('\r'), vz = _mm_setzero_si128();
  std::size_t p = pos, start = pos;
  while (p + 16 <= n) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p));
    unsigned md = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd)));
    unsigned ms = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vn), _mm_cmpeq_epi8(x, vr)),
                                       _mm_or_si128(_mm_cmpeq_epi8(x, vq), _mm_cmpeq_epi8(x, vz)))));
    unsigned stop = ms ? static_cast<unsigned>(__builtin_ctz(ms)) : 16;
    if (stop < 16) md &= (1u << stop) - 1;
    for (; md; md &= md - 1) {
      std::size_t i = p + static_cast<unsigned>(__builtin_ctz(md));
      fields.emplace_back(d + start, i - start);
      start = i + 1;
    }
    if (stop < 16) {
      char c = d[p + stop];
      if (c != '\n' && c != '\r') break;  // quote or NUL: byte-wise parser
      fields.emplace_back(d + start, p + stop - start);
      pos = p + stop;
      if (d[pos] == '\r' && pos + 1 < n && d[pos + 1] == '\n') ++pos;
      ++pos;
      ++line;
      return true;
    }
    p += 16;
  }
  fields.clear();
#else
  (void)cur, (void)fields;
#endif
  return false;
}

// The quoted field at pos (field number `col`), decoded in place into
// `fields`. Sets `bad` for a NUL byte inside or text after the closing
// quote (reported, skipped to the line end); false for an unterminated
// quote (reported).
[[gnu::always_inline]] inline bool quoted_field(const Cursor& cur, std::vector<std::string_view>& fields,
                                                std::size_t col, bool& bad, Diagnostics& diags,
                                                const std::string& path) {
  const std::size_t n = cur.n;
  char* d = cur.d;
  std::size_t& pos = cur.pos;
  std::size_t& line = cur.line;
  const char delim = cur.delim;
  std::size_t start_line = line;
  const std::size_t start = pos;
  std::size_t w = start;  // write position of the decoded text
  ++pos;
  bool closed = false;
  while (pos < n) {
    // Move the run up to the next quote, line end or NUL in one go.
    std::size_t run = pos;
    for (;;) {
      unsigned char c = static_cast<unsigned char>(d[run]);
      if (c == '"' || c == '\n' || c == '\r' || c == '\0') break;
      ++run;
    }
    if (run > n) run = n;
    std::memmove(d + w, d + pos, run - pos);
    w += run - pos;
    pos = run;
    if (pos >= n) break;
    char c = d[pos];
    if (c == '"') {
      if (pos + 1 < n && d[pos + 1] == '"') {
        d[w++] = '"';
        pos += 2;
        continue;
      }
      ++pos;
      closed = true;
      break;
    }
    if (c == '\n' || (c == '\r' && (pos + 1 >= n || d[pos + 1] != '\n'))) ++line;
    if (c == '\0') bad = true;
    d[w++] = c;
    ++pos;
  }
  fields.emplace_back(d + start, w - start);
  if (!closed) {
    diags.error(path, start_line, col, {},
                "unterminated quote: a field opened with \" is never closed; expected a "
                "closing \" before the end of the file");
    return false;
  }
  if (pos < n && d[pos] != delim && d[pos] != '\n' && d[pos] != '\r') {
    diags.error(path, line, col, {},
                std::string("text after a closing quote; expected the delimiter '") +
                    (delim == '\t' ? std::string("TAB") : std::string(1, delim)) +
                    "' or the end of the line (write a quote inside a quoted field as \"\")");
    while (pos < n && d[pos] != '\n' && d[pos] != '\r') ++pos;  // to the end of the physical line
    bad = true;
  }
  return true;
}

// The unquoted field at pos: it runs to the delimiter or line end; a NUL
// byte is kept and sets `bad` (reported by parse_record).
[[gnu::always_inline]] inline void unquoted_field(const Cursor& cur, std::vector<std::string_view>& fields, bool& bad) {
  const std::size_t n = cur.n;
  char* d = cur.d;
  std::size_t& pos = cur.pos;
  const unsigned char delim = static_cast<unsigned char>(cur.delim);
  std::size_t end = pos;
  for (;;) {
    unsigned char c = static_cast<unsigned char>(d[end]);
    if (c <= '\r') {
      if (c == '\n' || c == '\r' || c == delim) break;
      if (c == '\0') {
        if (end >= n) break;
        bad = true;
      }
    } else if (c == delim) {
      break;
    }
    ++end;
  }
  fields.emplace_back(d + pos, end - pos);
  pos = end;
}

}  // namespace

// Parses one record starting at pos_ into `fields`: views into d_,
// valid until the next call. Quoted fields are decoded in place (a decoded
// field is never longer than its quoted form, and d_ is not read again
// behind pos_). Reports syntax errors and returns Parse::bad after skipping
// to the end of the faulty record. d_[n_] is NUL (FileBytes), or d_[n_ - 1]
// is a line feed (a first half after CsvSplit::split): every scan stops at
// one or the other.
CsvReader::Parse CsvReader::parse_record(std::vector<std::string_view>& fields, std::size_t& line) {
  const Cursor cur{d_, n_, pos_, line_, delim_};
  if (!skip_blank_lines(cur)) return Parse::end;
  line = line_;
  fields.clear();
  if (scan_simple_record(cur, fields)) return Parse::ok;
  const std::size_t n = n_;
  const char* d = d_;
  bool bad = false;
  for (;;) {
    const std::size_t col = fields.size() + 1;
    if (d[pos_] == '"' && pos_ < n) {
      if (!quoted_field(cur, fields, col, bad, *diags_, path_)) return Parse::bad;
    } else {
      unquoted_field(cur, fields, bad);
    }
    if (pos_ < n && d[pos_] == delim_) {
      ++pos_;
      continue;
    }
    break;
  }
  // End of record.
  if (pos_ < n) {
    if (d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (bad) {
    bool nul = false;
    for (auto f : fields) nul |= f.find('\0') != std::string_view::npos;
    if (nul)
      diags_->error(path_, line, 0, {}, "NUL byte in the record; expected text (is this a binary or UTF-16 file?)");
    return Parse::bad;
  }
  return Parse::ok;
}

bool CsvReader::next(std::vector<std::string_view>& fields, std::size_t& line) {
  if (!ok_) return false;
  for (;;) {
    Parse p = parse_record(fields, line);
    if (p == Parse::end) return false;
    if (p == Parse::bad) continue;
    if (utf8_deferred_) check_deferred_utf8(fields);
    if (fields.size() != header_.size()) {
      diags_->error(path_, line, 0, {},
                    "ragged row: found " + std::to_string(fields.size()) + " fields, expected " +
                        std::to_string(header_.size()) + " as in the header (a delimiter inside a value needs quotes)");
      continue;
    }
    return true;
  }
}

std::optional<CsvReader> CsvSplit::split(CsvReader& head, std::size_t min_bytes, Diagnostics& tail_diags) {
  if (!head.ok_ || head.n_ < head.pos_ + min_bytes || min_bytes < 2) return std::nullopt;
  const std::size_t mid = head.pos_ + (head.n_ - head.pos_) / 2;
  const void* lf = std::memchr(head.d_ + mid, '\n', head.n_ - mid);
  if (!lf) return std::nullopt;
  const std::size_t cut = static_cast<std::size_t>(static_cast<const char*>(lf) - head.d_) + 1;
  if (cut >= head.n_) return std::nullopt;
  // Both halves share the bytes: the tail is [cut, n_), the head keeps
  // [0, cut), which ends in a line feed. Each decodes quoted fields in place
  // in its own part only.
  CsvReader tail(head.path_, tail_diags);
  tail.bytes_ = head.bytes_;
  tail.d_ = head.d_ + cut;
  tail.n_ = head.n_ - cut;
  tail.delim_ = head.delim_;
  tail.header_ = head.header_;
  tail.header_line_ = head.header_line_;
  tail.ok_ = true;
  tail.utf8_deferred_ = head.utf8_deferred_;
  head.n_ = cut;
  return tail;
}

std::shared_ptr<FileBytes> CsvSplit::release(CsvReader& r) {
  r.ok_ = false;
  r.d_ = nullptr;
  r.n_ = r.pos_ = 0;
  std::shared_ptr<FileBytes> b = std::move(r.bytes_);
  return b.use_count() == 1 ? b : nullptr;
}

bool CsvReader::next(CsvRow& row) {
  if (!next(views_, row.line)) return false;
  row.fields.resize(views_.size());
  for (std::size_t i = 0; i < views_.size(); ++i) row.fields[i].assign(views_[i]);
  return true;
}

namespace {
CsvTable to_table(CsvReader& r) {
  CsvTable t;
  t.path = r.path();
  if (!r.ok()) return t;
  t.delimiter = r.delimiter();
  t.had_bom = r.had_bom();
  t.transcoded_from_1252 = r.transcoded();
  t.header = r.header();
  CsvRow row;
  while (r.next(row)) t.rows.push_back(row);
  return t;
}
}  // namespace

CsvTable parse_csv(std::string_view bytes, const std::string& path, Encoding enc, Diagnostics& diags) {
  CsvReader r(std::string(bytes), path, enc, diags);
  return to_table(r);
}

CsvTable read_csv(const std::string& path, Encoding enc, Diagnostics& diags) {
  CsvReader r = CsvReader::open(path, enc, diags);
  return to_table(r);
}

// ---- writing ---------------------------------------------------------------

std::string neutralise_formula(std::string_view text) {
  if (!text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
    return "'" + std::string(text);
  return std::string(text);
}

std::string format_fixed(double v, int decimals, char decimal_point) {
  if (std::isnan(v)) return {};
  if (v == 0) v = 0;  // no "-0.000000"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  // snprintf honours LC_NUMERIC; rcmap never calls setlocale, but be safe.
  for (char& c : s)
    if (c == ',' || c == '.') c = decimal_point;
  if (s == "-" + std::string(1, '0') + (decimals ? decimal_point + std::string(decimals, '0') : "")) s.erase(0, 1);
  return s;
}

void CsvWriter::sep() {
  if (!first_) out_ << delim_;
  first_ = false;
}

CsvWriter& CsvWriter::text(std::string_view s) {
  sep();
  std::string v = neutralise_formula(s);
  bool quote = v.find_first_of(std::string("\"\n\r") + delim_) != std::string::npos;
  if (!quote) {
    out_ << v;
    return *this;
  }
  out_ << '"';
  for (char c : v) {
    if (c == '"') out_ << '"';
    out_ << c;
  }
  out_ << '"';
  return *this;
}

CsvWriter& CsvWriter::number(double v, int decimals) {
  sep();
  out_ << format_fixed(v, decimals, decimal_comma_ ? ',' : '.');
  return *this;
}

CsvWriter& CsvWriter::integer(long long v) {
  sep();
  out_ << v;
  return *this;
}

CsvWriter& CsvWriter::empty() {
  sep();
  return *this;
}

void CsvWriter::end_row() {
  out_ << '\n';
  first_ = true;
}

void CsvWriter::header(const std::vector<std::string>& names) {
  for (const auto& n : names) text(n);
  end_row();
}

}  // namespace rcmap
