// Reading and validating the canonical survey files (README "Input format",
// "Validation"). Every error names file, line and column and says what was
// expected; all errors up to the cap are collected before InputError is thrown.
#include "rcmap/survey/survey.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "io/csv_plain.hpp"
#include "util/huge_pages.hpp"
#include "util/text.hpp"
#include "util/phase_times.hpp"
#include "rcmap/survey/lookalikes.hpp"
#include "util/side_task.hpp"

namespace rcmap {

int Response::answered() const {
  // Count the non-zero bytes among the 7 scores with one 8-byte load (the
  // eighth byte is the struct's padding and is masked off).
  static_assert(kDimensionCount == 7 && offsetof(Response, scores) + 8 <= sizeof(Response));
  std::uint64_t x;
  std::memcpy(&x, reinterpret_cast<const unsigned char*>(this) + offsetof(Response, scores), 8);
  x &= 0x00FFFFFFFFFFFFFFull;
  std::uint64_t nz = (((x & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full) | x) & 0x8080808080808080ull;
  return static_cast<int>(((nz >> 7) * 0x0101010101010101ull) >> 56);
}

double Response::mean(int first, int last) const {
  int sum = 0, k = 0;
  for (int d = first; d < last; ++d)
    if (scores[d]) {
      sum += scores[d];
      ++k;
    }
  return k ? static_cast<double>(sum) / k : std::nan("");
}

std::optional<std::uint32_t> Survey::unit_index(std::string_view id) const {
  auto it = unit_by_id.find(std::string(id));
  if (it == unit_by_id.end()) return std::nullopt;
  return it->second;
}

namespace {

// Equality of short ids without a call to memcmp.
inline bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return std::memcmp(a.data(), b.data(), a.size()) == 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

using detail::quoted;
using detail::trim_blanks;

std::string trim(std::string_view s) { return std::string(trim_blanks(s)); }

// "'a', 'b', ... and N more": at most 20 names in a message.
void append_name(std::string& list, std::size_t& count, std::string_view name) {
  if (++count <= 20) list += (list.empty() ? "" : ", ") + quoted(name);
}
std::string name_list(const std::string& list, std::size_t count) {
  return count > 20 ? list + " and " + std::to_string(count - 20) + " more" : list;
}

// Maps required and optional column names (case-insensitive, trimmed) to
// positions in a header; reports missing and duplicate columns, notes extras.
class ColumnMap {
 public:
  ColumnMap(const std::vector<std::string>& header, std::size_t header_line,
            const std::vector<std::string_view>& required, const std::string& path, Diagnostics& diags) {
    std::unordered_map<std::string, std::size_t> seen;
    std::string extras;
    std::size_t n_extras = 0;
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string name = detail::ascii_lower(trim(header[i]));
      if (auto it = seen.find(name); it != seen.end()) {
        diags.error(path, header_line, i + 1, header[i],
                    "duplicate column " + quoted(name) + " (also column " + std::to_string(it->second + 1) +
                        "); expected each column once");
        continue;
      }
      seen.emplace(name, i);
      if (std::find(required.begin(), required.end(), name) == required.end()) append_name(extras, n_extras, header[i]);
    }
    std::string found;
    std::size_t n_found = 0;
    for (const auto& h : header) append_name(found, n_found, h);
    found = name_list(found, n_found);
    for (auto name : required) {
      auto it = seen.find(std::string(name));
      if (it == seen.end()) {
        diags.error(path, header_line, 0, {}, "missing required column " + quoted(name) + "; found columns: " + found);
        index_.push_back(npos);
      } else {
        index_.push_back(it->second);
      }
    }
    if (!extras.empty()) diags.note(path, "ignored extra columns: " + name_list(extras, n_extras));
  }
  std::size_t operator[](std::size_t k) const { return index_[k]; }
  bool complete() const { return std::find(index_.begin(), index_.end(), npos) == index_.end(); }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<std::size_t> index_;
};

enum UnitCol { kUnit, kLabel, kSide, kHeadcount };
const std::vector<std::string_view> kUnitColumns = {"unit", "label", "side", "headcount"};

enum RespCol { kRespondent, kOwnUnit, kTarget, kFirstDim };
std::vector<std::string_view> response_columns() {
  std::vector<std::string_view> c = {"respondent", "unit", "target"};
  c.insert(c.end(), kDimensions.begin(), kDimensions.end());
  return c;
}

// Parses a non-negative integer; false if `s` is not one.
bool parse_int(std::string_view s, long long& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

void add_unit_row(const CsvRow& row, const ColumnMap& cols, const std::string& path, std::vector<Unit>& units,
                  std::unordered_map<std::string, std::uint32_t>& by_id, Diagnostics& diags) {
  Unit u;
  u.line = row.line;
  u.id = trim(row.fields[cols[kUnit]]);
  u.label = trim(row.fields[cols[kLabel]]);
  u.side = trim(row.fields[cols[kSide]]);
  std::string hc = trim(row.fields[cols[kHeadcount]]);
  bool ok = true;
  if (u.id.empty()) {
    diags.error(path, row.line, cols[kUnit] + 1, "unit", "empty unit id; expected an id");
    ok = false;
  } else if (auto it = by_id.find(u.id); it != by_id.end()) {
    diags.error(path, row.line, cols[kUnit] + 1, "unit",
                "duplicate unit id " + quoted(u.id) + " (first on line " + std::to_string(units[it->second].line) +
                    "); expected each unit once");
    ok = false;
  }
  if (u.side.empty()) {
    diags.error(path, row.line, cols[kSide] + 1, "side",
                "empty side; expected a category such as authority or provider");
    ok = false;
  }
  if (!hc.empty()) {
    long long v;
    if (!parse_int(hc, v) || v < 0 || v > 1000000) {
      diags.error(path, row.line, cols[kHeadcount] + 1, "headcount",
                  "headcount " + quoted(hc) + " is not a whole number from 0; expected staff count or blank");
      ok = false;
    } else {
      u.headcount = static_cast<int>(v);
    }
  }
  if (u.label.empty()) u.label = u.id;
  if (!ok) return;
  by_id.emplace(u.id, static_cast<std::uint32_t>(units.size()));
  units.push_back(std::move(u));
}

// Open-addressing hash index from an id to its position in a list of ids
// held elsewhere (`key(i)` gives id i), so lookups by string_view need no
// std::string. Linear probing, load at most 1/2.
template <class Key>
class IdIndex {
 public:
  static constexpr std::uint32_t npos = static_cast<std::uint32_t>(-1);
  explicit IdIndex(Key key, std::size_t expected = 8) : key_(key) {
    std::size_t cap = 16;
    while (cap < 2 * expected) cap *= 2;
    slots_.assign(cap, Slot{npos, 0});
  }
  // FNV-1a (Fowler, Noll, Vo): ids are short, so a byte loop beats
  // std::hash; the 64-bit state is folded to 32 bits.
  static std::uint32_t hash(std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : id) h = (h ^ c) * 0x100000001b3ull;
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::uint32_t find(std::string_view id, std::uint32_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& sl = slots_[i];
      if (sl.index == npos) return npos;
      if (sl.hash == h && same(key_(sl.index), id)) return sl.index;
    }
  }
  void insert(std::uint32_t index, std::uint32_t h) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(Slot{index, h});
    ++count_;
  }

 private:
  struct Slot {
    std::uint32_t index, hash;
  };
  void place(Slot s) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = s.hash & mask;
    while (slots_[i].index != npos) i = (i + 1) & mask;
    slots_[i] = s;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{npos, 0});
    old.swap(slots_);
    for (const Slot& sl : old)
      if (sl.index != npos) place(sl);
  }
  Key key_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

// Bloom filter (Bloom 1970) over 32-bit id hashes: 2^20 bits (128 KB, fits
// a core's L2 cache), two bits per id. "No" is certain; with 35,000 ids a
// "maybe" is wrong about 1% of the time.
class BloomFilter {
 public:
  BloomFilter() : bits_(kWords, 0) {}
  void add(std::uint32_t h) {
    bits_[a(h) / 64] |= std::uint64_t{1} << (a(h) % 64);
    bits_[b(h) / 64] |= std::uint64_t{1} << (b(h) % 64);
  }
  bool may_contain(std::uint32_t h) const {
    return (bits_[a(h) / 64] >> (a(h) % 64) & 1) && (bits_[b(h) / 64] >> (b(h) % 64) & 1);
  }

 private:
  static constexpr std::uint32_t kBits = std::uint32_t{1} << 20, kWords = kBits / 64;
  static std::uint32_t a(std::uint32_t h) { return h & (kBits - 1); }
  static std::uint32_t b(std::uint32_t h) { return (h * 0x9E3779B1u) >> 12; }  // Fibonacci hashing, top 20 bits
  std::vector<std::uint64_t> bits_;
};

// Builds Survey::rows from response records, one record at a time.
class ResponsesBuilder {
 public:
  ResponsesBuilder(Survey& s, const std::vector<std::string>& header, std::size_t header_line, const std::string& path,
                   Diagnostics& diags)
      : s_(s),
        path_(path),
        diags_(&diags),
        cols_(header, header_line, response_columns(), path, diags),
        n_fields_(header.size()),
        units_(index_units(s)),
        respondent_(RespondentKey{&s}),
        by_mask_(s.units.size() <= 256),
        words_((s.units.size() + 63) / 64) {
    if (cols_.complete())
      for (std::size_t k = 0; k < col_.size(); ++k) col_[k] = cols_[k];
    for (const Unit& u : s.units) unit_ids_.emplace_back(u.id);
  }

  bool usable() const { return cols_.complete(); }
  // Room for about `rows` rows from about rows / 8 respondents, so that the
  // vectors are not regrown while reading (reserved memory untouched costs
  // nothing).
  void reserve(std::size_t rows) {
    s_.rows.reserve(rows);
    advise_huge_pages(s_.rows.data(), s_.rows.capacity() * sizeof(Response));
    reserve_respondents(rows / 8 + 16);
  }
  void reserve_respondents(std::size_t n) {
    s_.respondents.reserve(n);
    s_.respondent_unit.reserve(n);
    first_line_.reserve(n);
    if (by_mask_) rated_.reserve(n * words_);
    // Not the respondent index: sized for the estimate, its table would be
    // written (zeroed) in full before reading; it grows as needed instead.
  }
  // Where row errors go from now on.
  void report_to(Diagnostics& diags) { diags_ = &diags; }

  // For joining a part built separately (read_in_halves): the index of
  // respondent `id` (npos if unseen) and whether they rated `target`. Only
  // while every row so far had a distinct (respondent, target): by_mask().
  std::uint32_t find_respondent(std::string_view id) {
    flush_index();
    const std::uint32_t h = IdIndex<RespondentKey>::hash(id);
    // Most respondents of a later part are new here: the filter answers
    // that from the cache, the index only the few it cannot rule out.
    if (!seen_.may_contain(h)) return IdIndex<RespondentKey>::npos;
    return respondent_.find(id, h);
  }
  bool by_mask() const { return by_mask_; }
  bool rated(std::uint32_t respondent, std::uint32_t target) const {
    return (rated_[respondent * words_ + target / 64] >> (target % 64)) & 1;
  }

  void add(const CsvRow& row) {
    views_.assign(row.fields.begin(), row.fields.end());
    add(views_.data(), row.line);
  }

  // One record: `f` holds the header's number of fields.
  void add(const std::string_view* f, std::size_t line) {
    ++records_;
    Response r;
    r.line = static_cast<std::uint32_t>(line);
    bool ok = true;
    std::string_view rid = trim_blanks(f[col_[kRespondent]]);
    std::string_view own = trim_blanks(f[col_[kOwnUnit]]);
    std::string_view tgt = trim_blanks(f[col_[kTarget]]);
    if (rid.empty()) {
      diags_->error(path_, line, col_[kRespondent] + 1, "respondent", "empty respondent id; expected an id");
      ok = false;
    }
    // Guesses: the unit of the previous row, the unit after its target.
    std::uint32_t own_idx = unit(own, last_own_, line, col_[kOwnUnit], "unit", ok);
    std::uint32_t tgt_idx = unit(tgt, last_tgt_ + 1, line, col_[kTarget], "target", ok);
    if (own_idx != IdIndex<UnitKey>::npos) last_own_ = own_idx;
    if (tgt_idx != IdIndex<UnitKey>::npos) last_tgt_ = tgt_idx;
    for (int d = 0; d < kDimensionCount; ++d) {
      std::string_view v = f[col_[kFirstDim + d]];
      if (v.size() == 1) {  // the common case: one digit
        unsigned x = static_cast<unsigned char>(v[0]) - unsigned{'1'};
        if (x < 5) {
          r.scores[d] = static_cast<std::uint8_t>(x + 1);
          continue;
        }
      }
      ok &= score(v, d, line, r);
    }
    if (!ok) return;
    r.unit = own_idx;
    r.target = tgt_idx;
    const std::uint32_t resp = respondent(rid, r.unit, r.line);
    if (s_.respondent_unit[resp] != r.unit) {
      diags_->error(path_, line, cols_[kOwnUnit] + 1, "unit",
                    "respondent " + quoted(rid) + " is listed in unit " + quoted(own) + " here but in unit " +
                        quoted(s_.units[s_.respondent_unit[resp]].id) + " on line " +
                        std::to_string(first_line_[resp]) + "; expected one unit per respondent");
      return;
    }
    r.respondent = resp;
    // The same respondent rating the same target twice. With up to 256
    // units a bit set per respondent answers it; the first duplicate (or
    // more units) switches to a map from (respondent, target) to the first line.
    if (by_mask_) {
      if (mark_rated(resp, r.target)) {
        emit(r);
        return;
      }
      by_mask_ = false;
      rated_ = {};
      for (const Response& prev : emitted()) pair_line_.try_emplace(pair_key(prev.respondent, prev.target), prev.line);
    }
    auto [pit, pfresh] = pair_line_.try_emplace(pair_key(r.respondent, r.target), r.line);
    if (!pfresh) {
      diags_->error(path_, line, cols_[kTarget] + 1, "target",
                    "respondent " + quoted(rid) + " rates target " + quoted(tgt) + " twice (first on line " +
                        std::to_string(pit->second) + "); expected one row per respondent and target");
      return;
    }
    emit(r);
  }

  // Whether plain records (src/io/csv_plain.hpp) may be taken by add_plain():
  // a header of at most 16 columns.
  bool takes_plain() const { return plain_ && usable() && n_fields_ <= kMaxPlainFields; }
  void allow_plain(bool on) { plain_ = on; }

  // The record at `p` (line `line`), built as add() would build it, if it
  // is plain and needs nothing add() would trim, report or switch for:
  // returns the bytes taken, or 0 and changes nothing, leaving the record to
  // the CSV reader and add(). The common record of a large file takes this
  // path: no field views, no second pass over the fields (bench/ingest.sh).
  // With `check_utf8` (CsvReader::utf8_deferred), a record beyond ASCII is
  // taken only if it is valid UTF-8.
  [[gnu::flatten]] std::size_t add_plain(const char* p, const char* end, char delimiter, std::size_t line,
                                         bool check_utf8) {
    detail::PlainRecord rec;
    if (!by_mask_ || !detail::scan_plain(p, end, delimiter, rec)) return 0;
    if (check_utf8 && !rec.ascii && !is_valid_utf8(std::string_view(p, rec.length))) return 0;
    // Field k is [at[k], at[k + 1] - 1); the header's number of fields.
    std::array<unsigned, kMaxPlainFields + 1> at;
    at[0] = 0;
    std::uint64_t m = rec.delimiters;
    for (std::size_t k = 1; k < n_fields_; ++k, m &= m - 1) {
      if (!m) return 0;
      at[k] = static_cast<unsigned>(__builtin_ctzll(m)) + 1;
    }
    if (m) return 0;
    at[n_fields_] = rec.length + 1;
    auto field = [&](std::size_t k) {
      const std::size_t c = col_[k];
      return std::string_view(p + at[c], at[c + 1] - 1 - at[c]);
    };
    Response r;
    for (int d = 0; d < kDimensionCount; ++d) {
      const std::string_view v = field(kFirstDim + d);
      if (v.size() == 1) {
        const unsigned x = static_cast<unsigned char>(v[0]) - unsigned{'1'};
        if (x >= 5) return 0;
        r.scores[d] = static_cast<std::uint8_t>(x + 1);
      } else if (!not_answered(v)) {
        return 0;
      }
    }
    const std::string_view rid = field(kRespondent);
    if (rid.empty() || trim_blanks(rid).size() != rid.size()) return 0;  // add() trims
    // Unit ids hold no blanks at their ends: a padded id is not found here.
    const std::uint32_t own = known_unit(field(kOwnUnit), last_own_);
    const std::uint32_t tgt = known_unit(field(kTarget), last_tgt_ + 1);
    if (own == IdIndex<UnitKey>::npos || tgt == IdIndex<UnitKey>::npos) return 0;
    r.line = static_cast<std::uint32_t>(line);
    const std::uint32_t resp = respondent(rid, own, r.line);
    if (s_.respondent_unit[resp] != own || !mark_rated(resp, tgt)) return 0;
    ++records_;
    last_own_ = own;
    last_tgt_ = tgt;
    r.respondent = resp;
    r.unit = own;
    r.target = tgt;
    emit(r);
    return rec.taken;
  }

  // Where rows go: to s_.rows, at most `limit` of them (limit_rows), or,
  // for a part read into another Survey's spare room (read_in_halves), to
  // out[0, cap) (emit_to). Rows beyond either bound are dropped, and
  // overflowed() tells.
  void limit_rows(std::size_t limit) { limit_ = limit; }
  void emit_to(Response* out, std::size_t cap) {
    out_ = out;
    out_cap_ = cap;
  }
  bool overflowed() const { return overflowed_; }
  std::span<const Response> emitted() const {
    return out_ ? std::span<const Response>(out_, out_n_) : std::span<const Response>(s_.rows);
  }

  void finish(std::size_t header_line) {
    if (records_ == 0)
      diags_->error(path_, header_line, 0, {},
                    "header only, no data rows; expected one row per respondent and rated unit");
  }

 private:
  static std::uint64_t pair_key(std::uint32_t respondent, std::uint32_t target) {
    return (static_cast<std::uint64_t>(respondent) << 32) | target;
  }

  // A score field meaning "not answered": blank or NA (as written by SPSS,
  // R and Excel exports).
  static bool not_answered(std::string_view v) { return v.empty() || v == "NA" || v == "na" || v == "Na"; }

  // Score `v` of dimension `d` other than a lone digit: blank, NA, a
  // padded digit, or an error (reported; returns false).
  [[gnu::noinline]] bool score(std::string_view v, int d, std::size_t line, Response& r) {
    const std::size_t c = col_[kFirstDim + d];
    v = trim_blanks(v);
    if (not_answered(v)) return true;
    long long x;
    if (!parse_int(v, x) || x < 1 || x > 5) {
      diags_->error(
          path_, line, c + 1, std::string(kDimensions[d]),
          "score " + quoted(v) + " is not an integer from 1 to 5; expected 1-5, or blank/NA for not answered");
      return false;
    }
    r.scores[d] = static_cast<std::uint8_t>(x);
    return true;
  }

  // Index of unit `id`, or reports it and clears `ok` (same lookup as
  // Survey::unit_index, without building a std::string).
  std::uint32_t unit(std::string_view id, std::uint32_t guess, std::size_t line, std::size_t col, const char* name,
                     bool& ok) {
    const std::uint32_t idx = known_unit(id, guess);
    if (idx == IdIndex<UnitKey>::npos) unknown_unit(id, line, col, name, ok);
    return idx;
  }
  // Same, silent: npos if unknown. Tries the guess, then the unit after it
  // (a respondent who skips a unit), then the index.
  std::uint32_t known_unit(std::string_view id, std::uint32_t guess) const {
    if (guess < unit_ids_.size() && same(unit_ids_[guess], id)) return guess;
    if (guess + 1 < unit_ids_.size() && same(unit_ids_[guess + 1], id)) return guess + 1;
    return units_.find(id, IdIndex<UnitKey>::hash(id));
  }

  // Index of respondent `rid`, who is new (then of unit `unit`, first seen
  // on `line`) or seen before (in the unit the caller checks).
  std::uint32_t respondent(std::string_view rid, std::uint32_t unit, std::uint32_t line) {
    // Rows of one respondent are usually consecutive: try the previous
    // respondent before the index.
    if (last_ != IdIndex<RespondentKey>::npos && same(s_.respondents[last_], rid)) return last_;
    return other_respondent(rid, unit, line);
  }
  [[gnu::noinline]] std::uint32_t other_respondent(std::string_view rid, std::uint32_t unit, std::uint32_t line) {
    // A respondent the filter has not seen is new: no lookup in the index
    // (a cache miss each), and the index takes new ids in batches, whose
    // misses overlap (flush_index).
    const std::uint32_t h = IdIndex<RespondentKey>::hash(rid);
    std::uint32_t resp = IdIndex<RespondentKey>::npos;
    if (seen_.may_contain(h)) {
      flush_index();
      resp = respondent_.find(rid, h);
    }
    if (resp == IdIndex<RespondentKey>::npos) {
      resp = static_cast<std::uint32_t>(s_.respondents.size());
      s_.respondents.emplace_back(rid);
      s_.respondent_unit.push_back(unit);
      first_line_.push_back(line);
      if (by_mask_) rated_.resize(rated_.size() + words_, 0);
      unindexed_.push_back(h);
      seen_.add(h);
    }
    last_ = resp;
    return resp;
  }
  void emit(const Response& r) {
    if (out_) {
      if (out_n_ < out_cap_)
        ::new (static_cast<void*>(out_ + out_n_++)) Response(r);
      else
        overflowed_ = true;
    } else if (s_.rows.size() < limit_) {
      s_.rows.push_back(r);
    } else {
      overflowed_ = true;
    }
  }
  // Marks `target` rated by `resp` (by_mask() only); false if it already was.
  bool mark_rated(std::uint32_t resp, std::uint32_t target) {
    const std::uint64_t bit = std::uint64_t{1} << (target % 64);
    std::uint64_t& word = rated_[resp * words_ + target / 64];
    if (word & bit) return false;
    word |= bit;
    return true;
  }
  [[gnu::noinline]] void unknown_unit(std::string_view id, std::size_t line, std::size_t col, const char* name,
                                      bool& ok) {
    diags_->error(path_, line, col + 1, name,
                  (id.empty() ? std::string("empty unit id") : "unknown unit " + quoted(id)) +
                      "; expected a unit id from " + s_.units_path);
    ok = false;
  }

  struct UnitKey {
    const Survey* s;
    std::string_view operator()(std::uint32_t i) const { return s->units[i].id; }
  };
  struct RespondentKey {
    const Survey* s;
    std::string_view operator()(std::uint32_t i) const { return s->respondents[i]; }
  };
  static IdIndex<UnitKey> index_units(const Survey& s) {
    IdIndex<UnitKey> ix(UnitKey{&s}, s.units.size());
    for (std::uint32_t i = 0; i < s.units.size(); ++i) ix.insert(i, IdIndex<UnitKey>::hash(s.units[i].id));
    return ix;
  }

  Survey& s_;
  const std::string& path_;
  Diagnostics* diags_;
  ColumnMap cols_;
  std::array<std::size_t, kFirstDim + kDimensionCount> col_{};  // cols_, at hand
  static constexpr std::size_t kMaxPlainFields = 16;
  std::size_t n_fields_;                    // columns in the header
  std::vector<std::string_view> unit_ids_;  // s_.units[i].id
  std::size_t records_ = 0;
  IdIndex<UnitKey> units_;
  IdIndex<RespondentKey> respondent_;
  BloomFilter seen_;  // hashes of the respondents' ids
  // Hashes of the last respondents, not yet in respondent_ (their indices
  // follow respondent_'s last).
  std::vector<std::uint32_t> unindexed_;
  void flush_index() {
    auto first = static_cast<std::uint32_t>(s_.respondents.size() - unindexed_.size());
    for (std::uint32_t h : unindexed_) respondent_.insert(first++, h);
    unindexed_.clear();
  }
  std::uint32_t last_ = IdIndex<RespondentKey>::npos;                       // respondent of the previous row
  std::uint32_t last_own_ = 0, last_tgt_ = static_cast<std::uint32_t>(-1);  // units of the previous row
  std::vector<std::uint32_t> first_line_;
  bool by_mask_;
  std::size_t words_;                 // 64-bit words per respondent in rated_
  std::vector<std::uint64_t> rated_;  // per respondent: bit t = rated target t
  std::unordered_map<std::uint64_t, std::uint32_t> pair_line_;
  std::vector<std::string_view> views_;
  std::size_t limit_ = static_cast<std::size_t>(-1);  // emit()
  Response* out_ = nullptr;
  std::size_t out_n_ = 0, out_cap_ = 0;
  bool overflowed_ = false;
  bool plain_ = true;  // allow_plain
};

std::vector<Unit> units_from(const std::vector<std::string>& header, std::size_t header_line,
                             const std::vector<CsvRow>& rows, const std::string& path, Diagnostics& diags,
                             std::unordered_map<std::string, std::uint32_t>& by_id) {
  std::vector<Unit> units;
  ColumnMap cols(header, header_line, kUnitColumns, path, diags);
  if (!cols.complete()) return units;
  if (rows.empty()) diags.error(path, header_line, 0, {}, "header only, no units; expected one row per unit");
  for (const auto& row : rows) add_unit_row(row, cols, path, units, by_id, diags);
  if (!diags.has_errors()) lookalike_warnings(units, path, cols[kUnit] + 1, cols[kLabel] + 1, diags);
  return units;
}

void finish_survey(Survey& s) {
  for (const auto& u : s.units)
    if (std::find(s.sides.begin(), s.sides.end(), u.side) == s.sides.end()) s.sides.push_back(u.side);
}

// Plain records go straight to the builder; the CSV reader takes each other
// record (quoted, padded, invalid ...) and the last ones.
void read_rows(CsvReader& r, ResponsesBuilder& b) {
  std::vector<std::string_view> fields;
  std::size_t line = 0;
  if (!b.takes_plain()) {
    while (r.next(fields, line)) b.add(fields.data(), line);
    return;
  }
  const char delimiter = r.delimiter();
  const bool check_utf8 = r.utf8_deferred();
  for (;;) {
    const std::string_view text = r.unread();
    const char *p = text.data(), *const end = p + text.size();
    std::size_t records = 0;
    while (const std::size_t k = b.add_plain(p, end, delimiter, r.line() + records, check_utf8)) {
      p += k;
      ++records;
    }
    r.skip_plain(static_cast<std::size_t>(p - text.data()), records);
    if (!r.next(fields, line)) return;
    b.add(fields.data(), line);
  }
}

// Large responses files are read in two halves on two threads (parsing and
// building rows is most of `analyze`'s time on a million rows: bench/ingest.sh).
// The second half is built into a Survey of its own and joined behind the
// first: its new respondents are appended in their order of appearance, its
// rows follow the first half's rows with their lines shifted, so the result
// equals a one-pass read. The join is taken only when neither half reported
// anything and no respondent of the second half clashes with the first (in
// another unit, or rating a target again); otherwise the caller reads the
// file again in one pass, so every error is reported exactly as then.
enum class Halves { not_split, joined, failed };
constexpr std::size_t kHalvesFrom = std::size_t{8} << 20;  // bytes; below, one thread is as fast

// Line feeds per byte of `text`, from 16 samples of 16 KB spread over it
// (all of it if shorter): rows of a survey file vary little in length.
double line_density(std::string_view text) {
  constexpr std::size_t kSample = std::size_t{1} << 14, kSamples = 16;
  if (text.size() <= kSample * kSamples)
    return static_cast<double>(std::count(text.begin(), text.end(), '\n')) / static_cast<double>(text.size() + 1);
  std::size_t lines = 0;
  for (std::size_t k = 0; k < kSamples; ++k) {
    const std::size_t at = k * (text.size() - kSample) / (kSamples - 1);
    lines += static_cast<std::size_t>(std::count(text.begin() + at, text.begin() + at + kSample, '\n'));
  }
  return static_cast<double>(lines) / static_cast<double>(kSample * kSamples);
}

Halves read_in_halves(Survey& s, CsvReader& head, ResponsesBuilder& hb, const std::string& path) {
  // Repeats across the halves are found with the per-respondent target bit
  // sets, kept for up to 256 units.
  if (s.units.size() > 256 || !hb.by_mask()) return Halves::not_split;
  Diagnostics head_diags, tail_diags;
  std::optional<CsvReader> tail = head.split(kHalvesFrom, tail_diags);
  RCMAP_PHASE("split");
  if (!tail) return Halves::not_split;
  head.report_to(head_diags);
  hb.report_to(head_diags);
  Survey part;
  part.units = s.units;
  part.units_path = s.units_path;
  ResponsesBuilder tb(part, tail->header(), tail->header_line(), path, tail_diags);
  tb.allow_plain(hb.takes_plain());
  const std::size_t column_notes = tail_diags.items().size();
  // The second half's rows are written straight into `s.rows`, from row T:
  // a bound on the first half's rows, from the density of line feeds in
  // samples of its bytes with 3% to spare. The first half may not pass it
  // (should it, the file is read again in one pass). The join then moves
  // the second half's rows down over the small gap as it renumbers them,
  // through memory already written: no copy to fresh pages, no second
  // buffer to free.
  const double per_byte = line_density(head.unread());
  const auto bound = static_cast<std::size_t>(per_byte * static_cast<double>(head.bytes()) * 1.03) + 64;
  const auto tail_room = static_cast<std::size_t>(per_byte * static_cast<double>(tail->bytes()) * 1.1) + 1024;
  if (s.rows.capacity() < bound + tail_room) {
    s.rows.reserve(bound + tail_room);
    advise_huge_pages(s.rows.data(), s.rows.capacity() * sizeof(Response));
  }
  Response* const tail_rows = s.rows.data() + bound;  // the head stays below: no reallocation
  hb.limit_rows(bound);
  tb.emit_to(tail_rows, s.rows.capacity() - bound);
  tb.reserve_respondents(s.respondents.capacity() / 2 + 16);
  auto read_tail = [&] { read_rows(*tail, tb); };
  detail::SideTask worker(read_tail);
  read_rows(head, hb);
  RCMAP_PHASE("first half read");
  worker.join();
  RCMAP_PHASE("second half read");
  // The text is not read again: it is freed (unmapped) on a thread of its
  // own while the halves are joined (~1.5 ms for 30 MB).
  tail->release();
  std::jthread free_text;
  try {
    free_text = std::jthread([text = head.release()]() mutable { text.reset(); });
  } catch (const std::system_error&) {
  }  // no thread: freed here
  if (!head_diags.items().empty() || head_diags.error_count() || tail_diags.error_count() ||
      tail_diags.items().size() != column_notes || !hb.by_mask() || head.utf8_failed() || tail->utf8_failed() ||
      hb.overflowed() || tb.overflowed())
    return Halves::failed;

  constexpr std::uint32_t npos = static_cast<std::uint32_t>(-1);
  // to[k]: the joined index of the second half's respondent k; below
  // `in_head` if they also answered in the first half.
  const auto in_head = static_cast<std::uint32_t>(s.respondents.size());
  std::vector<std::uint32_t> to(part.respondents.size(), npos);
  for (std::size_t k = 0; k < part.respondents.size(); ++k) {
    std::uint32_t i = hb.find_respondent(part.respondents[k]);
    if (i == npos) continue;
    if (s.respondent_unit[i] != part.respondent_unit[k]) return Halves::failed;
    to[k] = i;
  }
  for (std::size_t k = 0; k < part.respondents.size(); ++k) {
    if (to[k] != npos) continue;
    to[k] = static_cast<std::uint32_t>(s.respondents.size());
    s.respondents.push_back(std::move(part.respondents[k]));
    s.respondent_unit.push_back(part.respondent_unit[k]);
  }
  // One pass over the second half's rows: a clash check, then the row
  // renumbered and moved down over the gap to follow the first half's (the
  // caller clears `s` if this fails). Two threads take half of the rows
  // each. Each moves its rows down, so it never writes over a row it has
  // still to read; the second writes over the first's last `gap` rows, which
  // are copied aside beforehand.
  const auto shift = static_cast<std::uint32_t>(head.line() - 1);
  const std::size_t first = s.rows.size(), count = tb.emitted().size(), gap = bound - first;
  s.rows.resize(first + count);  // as the memory holds them (RowAllocator), no reallocation
  Response* const out = s.rows.data() + first;
  auto join_rows = [&hb, to = to.data(), in_head, shift, tail_rows, out](
                       std::size_t from, std::size_t end, const Response* saved, std::size_t saved_from) {
    for (std::size_t i = from; i < end; ++i) {
      const Response x = i >= saved_from ? saved[i - saved_from] : tail_rows[i];
      const std::uint32_t who = to[x.respondent];
      if (who < in_head && hb.rated(who, x.target)) return false;
      Response* const d = out + i;
      *d = x;
      d->respondent = who;
      d->line = x.line + shift;
    }
    return true;
  };
  const std::size_t mid = count >= (std::size_t{1} << 17) ? count / 2 : count;
  const std::size_t saved_from = mid < count ? mid - std::min(gap, mid) : mid;  // one thread: none
  const std::vector<Response> saved(tail_rows + saved_from, tail_rows + mid);
  bool second_ok = true;
  auto second = [&] { second_ok = join_rows(mid, count, nullptr, count); };
  detail::SideTask helper(second, /*aside=*/mid < count);
  const bool first_ok = join_rows(0, mid, saved.data(), saved_from);
  helper.join();
  if (!first_ok || !second_ok) return Halves::failed;
  RCMAP_PHASE("halves joined");
  return Halves::joined;
}

}  // namespace

std::vector<Unit> read_units(const std::string& path, const ReadOptions& opt, Diagnostics& diags) {
  CsvTable t = read_csv(path, opt.encoding, diags);
  std::unordered_map<std::string, std::uint32_t> by_id;
  std::vector<Unit> units;
  if (!t.header.empty()) units = units_from(t.header, 1, t.rows, path, diags, by_id);
  if (diags.has_errors()) throw InputError(diags);
  return units;
}

Survey build_survey(const CsvTable& units, const CsvTable& responses, Diagnostics& diags) {
  Survey s;
  s.units_path = units.path;
  s.responses_path = responses.path;
  if (!units.header.empty()) s.units = units_from(units.header, 1, units.rows, units.path, diags, s.unit_by_id);
  if (diags.has_errors()) throw InputError(diags);
  if (!responses.header.empty()) {
    ResponsesBuilder b(s, responses.header, 1, responses.path, diags);
    if (b.usable()) {
      for (const auto& row : responses.rows) b.add(row);
      b.finish(1);
    }
  }
  if (diags.has_errors()) throw InputError(diags);
  finish_survey(s);
  return s;
}

Survey build_units_only(const CsvTable& units, Diagnostics& diags) {
  Survey s;
  s.units_path = units.path;
  if (!units.header.empty()) s.units = units_from(units.header, 1, units.rows, units.path, diags, s.unit_by_id);
  if (diags.has_errors()) throw InputError(diags);
  finish_survey(s);
  return s;
}

Survey read_survey(const std::string& units_path, const std::string& responses_path, const ReadOptions& opt,
                   Diagnostics& diags) {
  Survey s;
  s.units_path = units_path;
  s.responses_path = responses_path;
  {
    CsvTable t = read_csv(units_path, opt.encoding, diags);
    if (!t.header.empty()) s.units = units_from(t.header, 1, t.rows, units_path, diags, s.unit_by_id);
  }
  if (diags.has_errors()) throw InputError(diags);
  // Only a regular file can be read again if the halves disagree. A file
  // that will be read in halves is checked for UTF-8 record by record, in
  // the two threads (CsvReader::open, defer_utf8).
  struct stat st;
  const bool regular = ::stat(responses_path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  const bool halves = regular && static_cast<std::size_t>(st.st_size) >= kHalvesFrom && s.units.size() <= 256;
  CsvReader r = CsvReader::open(responses_path, opt.encoding, diags, halves);
  const bool deferred = r.utf8_deferred();
  RCMAP_PHASE("responses opened and decoded");
  if (r.ok()) {
    // A row takes at least ~20 bytes: reserving for that many avoids
    // regrowing a million-row vector (untouched capacity costs no memory).
    ResponsesBuilder b(s, r.header(), r.header_line(), responses_path, diags);
    b.allow_plain(opt.plain_records);
    if (regular && st.st_size > 0) b.reserve(static_cast<std::size_t>(st.st_size) / 20 + 16);
    if (b.usable()) {
      Halves h = regular ? read_in_halves(s, r, b, responses_path) : Halves::not_split;
      if (h == Halves::not_split && !deferred) {
        read_rows(r, b);
        b.finish(r.header_line());
      } else if (h == Halves::not_split) {
        // Reported only once the whole file is known to be UTF-8.
        Diagnostics rows_diags;
        r.report_to(rows_diags);
        b.report_to(rows_diags);
        read_rows(r, b);
        b.finish(r.header_line());
        if (r.utf8_failed())
          h = Halves::failed;
        else
          for (const auto& d : rows_diags.items()) diags.add(d);
      }
      if (h == Halves::failed) {
        // Again in one pass, for exactly the one-pass diagnostics. Column
        // problems were reported the first time, and so was the encoding
        // unless its check was deferred.
        s.respondents.clear();
        s.respondent_unit.clear();
        s.rows.clear();
        Diagnostics opening, scratch;
        CsvReader again = CsvReader::open(responses_path, opt.encoding, opening);
        // Not ok: invalid UTF-8 with --encoding utf-8, or the file changed meanwhile.
        if (deferred || !again.ok())
          for (const auto& d : opening.items()) diags.add(d);
        if (again.ok()) {
          ResponsesBuilder b2(s, again.header(), again.header_line(), responses_path, scratch);
          if (b2.usable()) {
            b2.allow_plain(opt.plain_records);
            again.report_to(diags);
            b2.report_to(diags);
            read_rows(again, b2);
            b2.finish(again.header_line());
          } else {  // the file changed meanwhile
            for (const auto& d : scratch.items()) diags.add(d);
          }
        }
      }
    }
  }
  if (diags.has_errors()) throw InputError(diags);
  finish_survey(s);
  return s;
}

void survey_warnings(const Survey& s, int min_answers, Diagnostics& diags) {
  std::vector<int> respondents(s.units.size(), 0);
  for (auto u : s.respondent_unit) ++respondents[u];
  for (std::size_t i = 0; i < s.units.size(); ++i) {
    const Unit& u = s.units[i];
    if (respondents[i] == 0)
      diags.warning(s.units_path, u.line, 0, {}, "unit " + quoted(u.id) + " has no respondents");
    else if (u.headcount && respondents[i] > *u.headcount)
      diags.warning(s.units_path, u.line, 0, {},
                    "unit " + quoted(u.id) + " has " + std::to_string(respondents[i]) + " respondents but headcount " +
                        std::to_string(*u.headcount));
  }
  std::size_t few = 0;
  std::string lines;
  for (const auto& r : s.rows)
    if (r.answered() < min_answers) {
      if (++few <= 5) lines += (lines.empty() ? "" : ", ") + std::to_string(r.line);
    }
  if (few)
    diags.warning(s.responses_path, 0, 0, {},
                  std::to_string(few) + " rows answer fewer than " + std::to_string(min_answers) +
                      " of 7 dimensions and are excluded (lines " + lines + (few > 5 ? ", ..." : "") +
                      "); see --min-answers");
}

}  // namespace rcmap
