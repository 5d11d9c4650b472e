// Building Survey::rows from responses.csv records (docs/input.md
// "Validation"). Every error names file, line and column and says what was
// expected. How the common record is made fast: bench/README.md "How the
// ingest is made fast".
#include "responses_builder.hpp"

#include "io/csv_plain.hpp"
#include "io/csv_split.hpp"
#include "util/huge_pages.hpp"
#include "util/text.hpp"

namespace rcmap::detail {

namespace {

std::vector<std::string_view> response_columns() {
  std::vector<std::string_view> c = {"respondent", "unit", "target"};
  c.insert(c.end(), kDimensions.begin(), kDimensions.end());
  return c;
}

}  // namespace

ResponsesBuilder::ResponsesBuilder(Survey& s, const std::vector<std::string>& header, std::size_t header_line,
                                   const std::string& path, Diagnostics& diags)
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

void ResponsesBuilder::reserve(std::size_t rows) {
  s_.rows.reserve(rows);
  advise_huge_pages(s_.rows.data(), s_.rows.capacity() * sizeof(Response));
  reserve_respondents(rows / 8 + 16);
}

void ResponsesBuilder::reserve_respondents(std::size_t n) {
  s_.respondents.reserve(n);
  s_.respondent_unit.reserve(n);
  first_line_.reserve(n);
  if (by_mask_) rated_.reserve(n * words_);
  // Not the respondent index: sized for the estimate, its table would be
  // written (zeroed) in full before reading; it grows as needed instead.
}

std::uint32_t ResponsesBuilder::find_respondent(std::string_view id) {
  flush_index();
  const std::uint32_t h = IdIndex<RespondentKey>::hash(id);
  // Most respondents of a later part are new here: the filter answers
  // that from the cache, the index only the few it cannot rule out.
  if (!seen_.may_contain(h)) return IdIndex<RespondentKey>::npos;
  return respondent_.find(id, h);
}

void ResponsesBuilder::add(const CsvRow& row) {
  views_.assign(row.fields.begin(), row.fields.end());
  add(views_.data(), row.line);
}

inline void ResponsesBuilder::add(const std::string_view* f, std::size_t line) {
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
                      quoted(s_.units[s_.respondent_unit[resp]].id) + " on line " + std::to_string(first_line_[resp]) +
                      "; expected one unit per respondent");
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

[[gnu::flatten]] inline std::size_t ResponsesBuilder::add_plain(const char* p, const char* end, char delimiter,
                                                                std::size_t line, bool check_utf8) {
  PlainRecord rec;
  if (!by_mask_ || !scan_plain(p, end, delimiter, rec)) return 0;
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

void ResponsesBuilder::finish(std::size_t header_line) {
  if (records_ == 0)
    diags_->error(path_, header_line, 0, {},
                  "header only, no data rows; expected one row per respondent and rated unit");
}

// Score `v` of dimension `d` other than a lone digit: blank, NA, a
// padded digit, or an error (reported; returns false).
[[gnu::noinline]] bool ResponsesBuilder::score(std::string_view v, int d, std::size_t line, Response& r) {
  const std::size_t c = col_[kFirstDim + d];
  v = trim_blanks(v);
  if (not_answered(v)) return true;
  long long x;
  if (!parse_int_exact(v, x) || x < 1 || x > 5) {
    diags_->error(path_, line, c + 1, std::string(kDimensions[d]),
                  "score " + quoted(v) + " is not an integer from 1 to 5; expected 1-5, or blank/NA for not answered");
    return false;
  }
  r.scores[d] = static_cast<std::uint8_t>(x);
  return true;
}

// Index of unit `id`, or reports it and clears `ok` (same lookup as
// Survey::unit_index, without building a std::string).
inline std::uint32_t ResponsesBuilder::unit(std::string_view id, std::uint32_t guess, std::size_t line, std::size_t col,
                                            const char* name, bool& ok) {
  const std::uint32_t idx = known_unit(id, guess);
  if (idx == IdIndex<UnitKey>::npos) unknown_unit(id, line, col, name, ok);
  return idx;
}

// Same, silent: npos if unknown. Tries the guess, then the unit after it
// (a respondent who skips a unit), then the index.
inline std::uint32_t ResponsesBuilder::known_unit(std::string_view id, std::uint32_t guess) const {
  if (guess < unit_ids_.size() && same(unit_ids_[guess], id)) return guess;
  if (guess + 1 < unit_ids_.size() && same(unit_ids_[guess + 1], id)) return guess + 1;
  return units_.find(id, IdIndex<UnitKey>::hash(id));
}

// Index of respondent `rid`, who is new (then of unit `unit`, first seen
// on `line`) or seen before (in the unit the caller checks).
inline std::uint32_t ResponsesBuilder::respondent(std::string_view rid, std::uint32_t unit, std::uint32_t line) {
  // Rows of one respondent are usually consecutive: try the previous
  // respondent before the index.
  if (last_ != IdIndex<RespondentKey>::npos && same(s_.respondents[last_], rid)) return last_;
  return other_respondent(rid, unit, line);
}

[[gnu::noinline]] std::uint32_t ResponsesBuilder::other_respondent(std::string_view rid, std::uint32_t unit,
                                                                   std::uint32_t line) {
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

inline void ResponsesBuilder::emit(const Response& r) {
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
inline bool ResponsesBuilder::mark_rated(std::uint32_t resp, std::uint32_t target) {
  const std::uint64_t bit = std::uint64_t{1} << (target % 64);
  std::uint64_t& word = rated_[resp * words_ + target / 64];
  if (word & bit) return false;
  word |= bit;
  return true;
}

[[gnu::noinline]] void ResponsesBuilder::unknown_unit(std::string_view id, std::size_t line, std::size_t col,
                                                      const char* name, bool& ok) {
  diags_->error(path_, line, col + 1, name,
                (id.empty() ? std::string("empty unit id") : "unknown unit " + quoted(id)) +
                    "; expected a unit id from " + s_.units_path);
  ok = false;
}

IdIndex<ResponsesBuilder::UnitKey> ResponsesBuilder::index_units(const Survey& s) {
  IdIndex<UnitKey> ix(UnitKey{&s}, s.units.size());
  for (std::uint32_t i = 0; i < s.units.size(); ++i) ix.insert(i, IdIndex<UnitKey>::hash(s.units[i].id));
  return ix;
}

void ResponsesBuilder::flush_index() {
  auto first = static_cast<std::uint32_t>(s_.respondents.size() - unindexed_.size());
  for (std::uint32_t h : unindexed_) respondent_.insert(first++, h);
  unindexed_.clear();
}

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
    const std::string_view text = CsvSplit::unread(r);
    const char *p = text.data(), *const end = p + text.size();
    std::size_t records = 0;
    while (const std::size_t k = b.add_plain(p, end, delimiter, r.line() + records, check_utf8)) {
      p += k;
      ++records;
    }
    CsvSplit::skip_plain(r, static_cast<std::size_t>(p - text.data()), records);
    if (!r.next(fields, line)) return;
    b.add(fields.data(), line);
  }
}

}  // namespace rcmap::detail
