// Reading and validating the canonical survey files (README "Input format",
// "Validation"). Every error names file, line and column and says what was
// expected; all errors up to the cap are collected before InputError is thrown.
#include "rcmap/survey/survey.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "column_map.hpp"
#include "io/csv_split.hpp"
#include "rcmap/survey/lookalikes.hpp"
#include "responses_builder.hpp"
#include "util/huge_pages.hpp"
#include "util/phase_times.hpp"
#include "util/side_task.hpp"
#include "util/text.hpp"

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

using detail::ColumnMap;
using detail::quoted;
using detail::read_rows;
using detail::ResponsesBuilder;
using detail::trim_blanks;

std::string trim(std::string_view s) { return std::string(trim_blanks(s)); }

enum UnitCol { kUnit, kLabel, kSide, kHeadcount };
const std::vector<std::string_view> kUnitColumns = {"unit", "label", "side", "headcount"};

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
    if (!detail::parse_int_exact(hc, v) || v < 0 || v > 1000000) {
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
  std::optional<CsvReader> tail = CsvSplit::split(head, kHalvesFrom, tail_diags);
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
  const double per_byte = line_density(CsvSplit::unread(head));
  const auto bound = static_cast<std::size_t>(per_byte * static_cast<double>(CsvSplit::bytes(head)) * 1.03) + 64;
  const auto tail_room = static_cast<std::size_t>(per_byte * static_cast<double>(CsvSplit::bytes(*tail)) * 1.1) + 1024;
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
  CsvSplit::release(*tail);
  std::jthread free_text;
  try {
    free_text = std::jthread([text = CsvSplit::release(head)]() mutable { text.reset(); });
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
