// Large surveys are read in two halves on two threads (src/survey.cpp
// read_in_halves) and aggregated on two threads (src/aggregate.cpp): the
// results must equal a one-pass read and plain per-tie means.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "rcmap/aggregate.hpp"
#include "rcmap/csv.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/sample.hpp"
#include "rcmap/stats.hpp"
#include "rcmap/survey.hpp"
#include "test_helpers.hpp"

using namespace rcmap;
namespace fs = std::filesystem;

namespace {

// A sample large enough to be split (> 8 MB: ~320,000 rows), written once.
const fs::path& big_sample() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("rcmap-halves-" + std::to_string(::getpid()));
    fs::remove_all(d);
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

struct Cleanup {
  ~Cleanup() {
    std::error_code ec;
    fs::remove_all(fs::temp_directory_path() / ("rcmap-halves-" + std::to_string(::getpid())), ec);
  }
} cleanup;

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
  const std::string units = (big_sample() / "units.csv").string(), responses = (big_sample() / "responses.csv").string();
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
}

TEST_CASE("a split inside a quoted field is reported by the first half", "[csv][halves]") {
  // The middle of the records lies in the run of p, so the cut guess is the
  // line feed inside the quoted field "ppp...<LF>q".
  Diagnostics d, tail_d;
  CsvReader r(std::string("x,y\n1,a\n2,\"") + std::string(40, 'p') + "\nq\",z\n3,c\n", "t.csv",
              Encoding::utf8, d);
  REQUIRE(r.ok());
  auto tail = r.split(8, tail_d);
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
  auto tail = r.split(4, tail_d);
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
