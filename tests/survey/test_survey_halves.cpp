// Large surveys are read in two halves on two threads (src/survey/survey.cpp
// read_in_halves) and aggregated on two threads (src/aggregate/aggregate.cpp): the
// results must equal a one-pass read and plain per-tie means.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <cstring>
#include <map>

#include "io/csv_split.hpp"
#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/survey/sample_generator.hpp"
#include "rcmap/aggregate/stats.hpp"
#include "rcmap/survey/survey.hpp"
#include "support/test_helpers.hpp"
#include "support/temp_dir.hpp"

using namespace rcmap;
namespace fs = std::filesystem;

namespace {

// A sample large enough to be split (> 8 MB: ~320,000 rows), written once.
const fs::path& big_sample() {
  static const fs::path dir = [] {
    fs::path d = rcmap::test::fresh_path("halves");
    SampleOptions o;
    o.seed = 3;
    o.respondents = 24000;
    OutputDir out(d.string());
    generate_sample(o, out);
    out.commit();
    return d;
  }();
  return dir;
}

// The one-pass reference: the whole table in memory, rows added in order.
Survey one_pass(const std::string& units, const std::string& responses, Diagnostics& d) {
  CsvTable u = read_csv(units, Encoding::auto_detect, d);
  CsvTable r = read_csv(responses, Encoding::auto_detect, d);
  return build_survey(u, r, d);
}

bool same_rows(const Survey& a, const Survey& b) {
  if (a.rows.size() != b.rows.size()) return false;
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    const Response &x = a.rows[i], &y = b.rows[i];
    if (x.respondent != y.respondent || x.unit != y.unit || x.target != y.target || x.line != y.line ||
        x.scores != y.scores)
      return false;
  }
  return true;
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.items()) out.push_back(format_diagnostic(x));
  return out;
}

}  // namespace

TEST_CASE("a large responses file read in halves equals a one-pass read", "[survey][halves]") {
  const std::string units = (big_sample() / "units.csv").string(),
                    responses = (big_sample() / "responses.csv").string();
  REQUIRE(fs::file_size(responses) > (std::size_t{8} << 20));
  Diagnostics d1, d2;
  Survey split = read_survey(units, responses, {}, d1);
  Survey whole = one_pass(units, responses, d2);
  REQUIRE(whole.rows.size() > 300000);
  CHECK(same_rows(split, whole));
  CHECK(split.respondents == whole.respondents);
  CHECK(split.respondent_unit == whole.respondent_unit);
  CHECK(messages(d1) == messages(d2));
}

TEST_CASE("errors across the halves are reported exactly as in one pass", "[survey][halves]") {
  const std::string units = (big_sample() / "units.csv").string();
  const std::string text = test::slurp((big_sample() / "responses.csv").string());
  REQUIRE(text.size() > (std::size_t{8} << 20));
  const std::string header = text.substr(0, text.find('\n') + 1);
  const std::string first_row = text.substr(header.size(), text.find('\n', header.size()) + 1 - header.size());
  // The first row again at the very end (same respondent rates the same
  // target twice), and its respondent in another unit.
  std::string other_unit = first_row;
  std::size_t c1 = other_unit.find(','), c2 = other_unit.find(',', c1 + 1);
  other_unit.replace(c1 + 1, c2 - c1 - 1, "SOLB");
  for (const std::string& tail : {first_row, other_unit}) {
    const fs::path bad = big_sample() / "bad.csv";
    std::ofstream(bad, std::ios::binary) << text << tail;
    Diagnostics d1, d2;
    CHECK_THROWS_AS(read_survey(units, bad.string(), {}, d1), InputError);
    CHECK_THROWS_AS(one_pass(units, bad.string(), d2), InputError);
    REQUIRE(d1.error_count() == 1);
    CHECK(messages(d1) == messages(d2));
    CHECK(d1.items()[0].line == 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  }
  // The repeat early in the second half, and at three quarters: the join
  // checks the second half's rows on two threads, a half each.
  for (const double where : {0.55, 0.8}) {
    const std::size_t at = text.find('\n', static_cast<std::size_t>(static_cast<double>(text.size()) * where)) + 1;
    const fs::path bad = big_sample() / "bad.csv";
    std::ofstream(bad, std::ios::binary) << text.substr(0, at) << first_row << text.substr(at);
    Diagnostics d1, d2;
    CHECK_THROWS_AS(read_survey(units, bad.string(), {}, d1), InputError);
    CHECK_THROWS_AS(one_pass(units, bad.string(), d2), InputError);
    REQUIRE(d1.error_count() == 1);
    CHECK(messages(d1) == messages(d2));
    CHECK(d1.items()[0].line ==
          1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')));
  }
}

TEST_CASE("a split inside a quoted field is reported by the first half", "[csv][halves]") {
  // The middle of the records lies in the run of p, so the cut guess is the
  // line feed inside the quoted field "ppp...<LF>q".
  Diagnostics d, tail_d;
  CsvReader r(std::string("x,y\n1,a\n2,\"") + std::string(40, 'p') + "\nq\",z\n3,c\n", "t.csv", Encoding::utf8, d);
  REQUIRE(r.ok());
  auto tail = CsvSplit::split(r, 8, tail_d);
  REQUIRE(tail);
  std::vector<std::string_view> f;
  std::size_t line = 0;
  while (r.next(f, line)) {
  }
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].message.find("unterminated quote") != std::string::npos);
}

TEST_CASE("a split halves the records at a line end with their lines", "[csv][halves]") {
  Diagnostics d, tail_d;
  CsvReader r(std::string("x,y\n1,\"a\nb\"\n2,c\n3,d\n4,e\n"), "t.csv", Encoding::utf8, d);
  auto tail = CsvSplit::split(r, 4, tail_d);
  REQUIRE(tail);
  std::vector<std::string_view> f;
  std::size_t line = 0;
  std::vector<std::string> head_ids, tail_ids;
  while (r.next(f, line)) head_ids.emplace_back(f[0]);
  const std::size_t shift = r.line() - 1;
  std::vector<std::size_t> tail_lines;
  while (tail->next(f, line)) {
    tail_ids.emplace_back(f[0]);
    tail_lines.push_back(line + shift);
  }
  CHECK(d.items().empty());
  CHECK(tail_d.items().empty());
  // Records 1 (two physical lines) .. 4; the cut falls after "2,c".
  CHECK(head_ids == std::vector<std::string>{"1", "2"});
  CHECK(tail_ids == std::vector<std::string>{"3", "4"});
  CHECK(tail_lines == std::vector<std::size_t>{5, 6});
}

TEST_CASE("a survey of over 200,000 rows is aggregated on two threads to the same ties", "[aggregate][halves]") {
  Diagnostics d;
  Survey s = read_survey((big_sample() / "units.csv").string(), (big_sample() / "responses.csv").string(), {}, d);
  REQUIRE(s.rows.size() >= 200000);
  AggregateOptions opt;
  Aggregate a = aggregate(s, opt);
  // Reference: plain per-tie means and Cronbach's alpha with Welford's
  // updates (stats::Moments, stats::CronbachAlpha), one row at a time.
  std::map<std::pair<std::uint32_t, std::uint32_t>, stats::Moments> rc;
  for (const Response& r : s.rows)
    if (r.answered() >= opt.min_answers) rc[{r.unit, r.target}].add(r.mean(0, kDimensionCount));
  REQUIRE(a.ties.size() == rc.size());
  stats::CronbachAlpha alpha(kDimensionCount);
  std::size_t i = 0;
  for (const auto& [key, m] : rc) {
    const Tie& t = a.ties[i++];
    REQUIRE(t.source == key.first);
    REQUIRE(t.target == key.second);
    REQUIRE(t.n == static_cast<int>(m.n));
    if (t.suppressed) continue;
    CHECK(t.rc == Approx(m.mean).epsilon(1e-12));
    CHECK(t.sd == Approx(m.sd()).epsilon(1e-9));
  }
  for (const Response& r : s.rows) {
    long k = a.find(r.unit, r.target);
    if (r.answered() != kDimensionCount || k < 0 || a.ties[static_cast<std::size_t>(k)].suppressed) continue;
    double v[kDimensionCount];
    for (int dd = 0; dd < kDimensionCount; ++dd) v[dd] = r.scores[dd];
    alpha.add(v);
  }
  CHECK(a.alpha.n == static_cast<int>(alpha.n()));
  CHECK(a.alpha.value == Approx(alpha.value()).epsilon(1e-12));
  CHECK(a.rows_included + a.rows_excluded == s.rows.size());
}

// ---- plain records (src/io/csv_plain.hpp) and deferred UTF-8 checks ----------

namespace {

// Writes `text` to `name` in the big sample's folder; returns its path.
std::string write_file(const std::string& name, const std::string& text) {
  const fs::path p = big_sample() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

// Reads responses `text` both ways (the file reader with its plain-record
// path, halves and deferred checks where large enough; the field-by-field
// one-pass reference) and checks they agree on rows, respondents and every
// message. Returns the number of errors.
std::size_t agree(const std::string& units, const std::string& text) {
  const std::string path = write_file("agree.csv", text);
  Diagnostics d1, d2;
  Survey a, b;
  bool threw_a = false, threw_b = false;
  try {
    a = read_survey(units, path, {}, d1);
  } catch (const InputError&) {
    threw_a = true;
  }
  try {
    b = one_pass(units, path, d2);
  } catch (const InputError&) {
    threw_b = true;
  }
  CHECK(threw_a == threw_b);
  CHECK(messages(d1) == messages(d2));
  CHECK(same_rows(a, b));
  CHECK(a.respondents == b.respondents);
  CHECK(a.respondent_unit == b.respondent_unit);
  // The same reader without its plain-record path.
  Diagnostics d3;
  Survey c;
  ReadOptions no_plain;
  no_plain.plain_records = false;
  try {
    c = read_survey(units, path, no_plain, d3);
  } catch (const InputError&) {
  }
  CHECK(messages(d3) == messages(d1));
  CHECK(same_rows(c, a));
  return d1.error_count();
}

// Responses of every kind the CSV grammar and add() allow, seeded: plain
// records (ASCII and UTF-8 ids, blanks and NA), and records the plain path
// must leave to the reader: padded ids and scores, quoted fields (one
// across two lines), CRLF, blank lines, records over 63 bytes.
// Errors: 0 none; 1 bad scores, unknown units and respondents in two units;
// 2 also repeated targets (after which add() keeps the plain path off).
std::string mixed_responses(std::uint64_t seed, std::size_t rows, int errors) {
  std::uint64_t x = seed;
  auto next = [&](std::uint64_t n) {  // Knuth's MMIX LCG, top bits
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return (x >> 33) % n;
  };
  const char* units[] = {"A", "B", "FAM-MØ", "C D", "E"};
  const char* scores[] = {"1", "2", "3", "4", "5", "", "NA", "na", "Na", " 3", "4 "};
  const char* bad[] = {"nA", "6", "0", "x", "3.5"};
  std::string t =
      "respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,"
      "shared_knowledge,mutual_respect,comment\n";
  std::size_t respondent = 0, target = 0, rated = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    if (rated == 5 || next(4) == 0) {  // each of the 5 targets at most once
      ++respondent;
      target = next(5);
      rated = 0;
    }
    ++rated;
    const std::string rid = "R" + std::to_string(respondent);
    const std::string own = units[respondent % 5];
    std::string tgt = units[target++ % 5];
    std::string rec;
    switch (next(24)) {
      case 0:
        rec = "\"" + rid + "\"";
        break;
      case 1:
        rec = " " + rid;
        break;
      default:
        rec = rid;
    }
    rec += "," + (next(24) == 0 ? "\"" + own + "\"" : own);
    rec += "," + (next(30) == 0 ? tgt + " " : tgt);
    for (int dd = 0; dd < kDimensionCount; ++dd) rec += std::string(",") + scores[next(next(3) ? 6 : 11)];
    switch (next(20)) {
      case 0:
        rec += ",\"two\nlines\"";
        break;
      case 1:
        rec += "," + std::string(40, 'c');
        break;
      case 2:
        rec += ",\"a, \"\"quoted\"\" comment\"";
        break;
      default:
        rec += ",";
    }
    if (errors && next(50) == 0) {
      switch (next(errors == 1 ? 3 : 4)) {
        case 0:
          rec = rid + "," + own + "," + tgt + "," + bad[next(5)] + ",1,1,1,1,1,1,";
          break;
        case 1:
          rec = rid + "," + own + ",NOPE,1,1,1,1,1,1,1,";
          break;
        case 2:
          rec = rid + "," + units[(respondent + 1) % 5] + "," + tgt + ",1,1,1,1,1,1,1,";
          break;
        default:
          rec = rid + "," + own + "," + units[(target + 3) % 5] + ",2,2,2,2,2,2,2,";
          break;
      }
    }
    t += rec + (next(15) == 0 ? "\r\n" : "\n");
    if (next(40) == 0) t += "\n";
  }
  return t;
}

}  // namespace

TEST_CASE("records on the plain path are read exactly as field by field", "[survey][plain]") {
  const std::string units = write_file("mixed-units.csv",
                                       "unit,label,side,headcount\nA,A,authority,\nB,B,provider,\n"
                                       "FAM-MØ,Familie,provider,\nC D,C D,general,\nE,E,health,\n");
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    CHECK(agree(units, mixed_responses(seed, 3000, 0)) == 0);
    CHECK(agree(units, mixed_responses(seed, 3000, 1)) > 0);
    CHECK(agree(units, mixed_responses(seed, 3000, 2)) > 0);
  }
}

TEST_CASE("a large file with bytes that are not UTF-8 in either half is read as in one pass",
          "[survey][halves][encoding]") {
  // Checked record by record in the two threads (CsvReader::open,
  // defer_utf8): an invalid byte sends the file back to the one-pass read,
  // which decides the encoding for the whole file.
  const std::string units = (big_sample() / "units.csv").string();
  const std::string text = test::slurp((big_sample() / "responses.csv").string());
  REQUIRE(text.size() > (std::size_t{8} << 20));
  // A Windows-1252 'ø' (0xF8) in a respondent id in each half, on a plain
  // record and on one with a quoted field: the sample's 'FAM-MØ' is UTF-8,
  // so the file is UTF-8 with invalid bytes, an error.
  for (const double where : {0.25, 0.75}) {
    for (const bool quoted : {false, true}) {
      std::size_t at = text.find('\n', static_cast<std::size_t>(static_cast<double>(text.size()) * where)) + 1;
      std::string broken = text;
      broken.insert(at, quoted ? "\"R\xF8\",MYN-N,SOLB,1,1,1,1,1,1,1\n" : "R\xF8,MYN-N,SOLB,1,1,1,1,1,1,1\n");
      INFO("at " << at << (quoted ? " quoted" : " plain"));
      CHECK(agree(units, broken) == 1);
    }
  }
  // An ASCII file (each letter beyond ASCII spelt 'o') with that byte is
  // read as Windows-1252, with a warning, and the same rows.
  auto ascii = [](const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        out += s[i];
      } else {
        out += 'o';
        i += c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
      }
    }
    return out;
  };
  const std::string ascii_units = write_file("ascii-units.csv", ascii(test::slurp(units)));
  std::string broken = ascii(text);
  broken.insert(broken.find('\n', broken.size() / 3) + 1, "R\xF8,MYN-N,SOLB,1,1,1,1,1,1,1\n");
  CHECK(agree(ascii_units, broken) == 0);
  {
    Diagnostics d;
    read_survey(ascii_units, write_file("agree.csv", broken), {}, d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message.find("read as Windows-1252") != std::string::npos);
  }
  CHECK(agree(ascii_units, ascii(text)) == 0);
}

TEST_CASE("a large file whose middle lies in a quoted field with line breaks is read as in one pass",
          "[survey][halves]") {
  // The cut guess (the first line feed from the middle) falls inside the
  // field; the first half reports an unterminated quote, and the file is
  // read again in one pass.
  const std::string units = (big_sample() / "units.csv").string();
  const std::string text = test::slurp((big_sample() / "responses.csv").string());
  std::string lines;
  for (int k = 0; k < 2000; ++k) lines += "line " + std::to_string(k) + "\n";
  const std::string special = "R-note,MYN-N,SOLB,1,2,3,4,5,4,3,\"" + lines + "\"\n";
  const std::size_t first = text.find('\n') + 1;
  std::string body;
  for (std::size_t p = first, e; (e = text.find('\n', p)) != std::string::npos; p = e + 1) {
    body.append(text, p, e - p);
    body += ",x\n";
  }
  // The records' middle, (body + special) / 2, lies inside the special
  // record when it starts after (body - special) / 2 and before (body +
  // special) / 2: the first line start from body / 2 - special / 4.
  const std::size_t at = body.find('\n', body.size() / 2 - special.size() / 4) + 1;
  const std::string out = text.substr(0, first - 1) + ",comment\n" + body.substr(0, at) + special + body.substr(at);
  const std::size_t q = out.find("\"line 0");
  CHECK(q < out.size() / 2);
  CHECK(q + special.size() > out.size() / 2);
  CHECK(agree(units, out) == 0);
}
