#pragma once
// Building Survey::rows from responses.csv records, one record at a time,
// with every row check of docs/input.md "Validation". Internal to rcmap_core:
// used by the survey reader (src/survey/survey.cpp).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "column_map.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/survey/survey.hpp"
#include "util/bloom_filter.hpp"
#include "util/id_index.hpp"

namespace rcmap::detail {

// Positions of responses.csv's required columns in ColumnMap order.
enum RespCol { kRespondent, kOwnUnit, kTarget, kFirstDim };

// Builds Survey::rows from response records, one record at a time. Errors
// (empty respondent id, unknown unit, bad score, a respondent in two units, a
// target rated twice) go to the Diagnostics given, each naming file, line and
// column; the row is then left out. Units must be read before (Survey::units).
// Amortised O(fields) per record.
class ResponsesBuilder {
 public:
  ResponsesBuilder(Survey& s, const std::vector<std::string>& header, std::size_t header_line, const std::string& path,
                   Diagnostics& diags);

  // Whether the header holds every required column.
  bool usable() const { return cols_.complete(); }
  // Room for about `rows` rows from about rows / 8 respondents, so that the
  // vectors are not regrown while reading (reserved memory untouched costs
  // nothing).
  void reserve(std::size_t rows);
  void reserve_respondents(std::size_t n);
  // Where row errors go from now on.
  void report_to(Diagnostics& diags) { diags_ = &diags; }

  // For joining a part built separately (read_in_halves): the index of
  // respondent `id` (npos if unseen) and whether they rated `target`. Only
  // while every row so far had a distinct (respondent, target): by_mask().
  std::uint32_t find_respondent(std::string_view id);
  bool by_mask() const { return by_mask_; }
  bool rated(std::uint32_t respondent, std::uint32_t target) const {
    return (rated_[respondent * words_ + target / 64] >> (target % 64)) & 1;
  }

  // One record of a CsvTable.
  void add(const CsvRow& row);
  // One record: `f` holds the header's number of fields. Inline, like
  // add_plain() and the helpers they call per record: defined in
  // responses_builder.cpp for its only caller, read_rows().
  inline void add(const std::string_view* f, std::size_t line);

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
  inline std::size_t add_plain(const char* p, const char* end, char delimiter, std::size_t line, bool check_utf8);

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

  // Reports a file without data rows (call once all records are added).
  void finish(std::size_t header_line);

 private:
  struct UnitKey {
    const Survey* s;
    std::string_view operator()(std::uint32_t i) const { return s->units[i].id; }
  };
  struct RespondentKey {
    const Survey* s;
    std::string_view operator()(std::uint32_t i) const { return s->respondents[i]; }
  };

  static std::uint64_t pair_key(std::uint32_t respondent, std::uint32_t target) {
    return (static_cast<std::uint64_t>(respondent) << 32) | target;
  }
  // A score field meaning "not answered": blank or NA (as written by SPSS,
  // R and Excel exports).
  static bool not_answered(std::string_view v) { return v.empty() || v == "NA" || v == "na" || v == "Na"; }
  static IdIndex<UnitKey> index_units(const Survey& s);

  bool score(std::string_view v, int d, std::size_t line, Response& r);
  inline std::uint32_t unit(std::string_view id, std::uint32_t guess, std::size_t line, std::size_t col,
                            const char* name, bool& ok);
  inline std::uint32_t known_unit(std::string_view id, std::uint32_t guess) const;
  inline std::uint32_t respondent(std::string_view rid, std::uint32_t unit, std::uint32_t line);
  std::uint32_t other_respondent(std::string_view rid, std::uint32_t unit, std::uint32_t line);
  inline void emit(const Response& r);
  inline bool mark_rated(std::uint32_t resp, std::uint32_t target);
  void unknown_unit(std::string_view id, std::size_t line, std::size_t col, const char* name, bool& ok);
  void flush_index();

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

// Reads every remaining record of `r` into `b`: plain records straight from
// the bytes (ResponsesBuilder::add_plain), every other record (quoted,
// padded, invalid ...) and the last ones through the CSV reader.
void read_rows(CsvReader& r, ResponsesBuilder& b);

}  // namespace rcmap::detail
