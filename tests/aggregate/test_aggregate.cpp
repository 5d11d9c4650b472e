// Aggregation on tests/data/tiny, every figure computed by hand (comments).
#include <catch2/catch.hpp>
#include <array>
#include <cmath>
#include <string>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/aggregate/stats.hpp"
#include "support/test_helpers.hpp"

using namespace rcmap;
using rcmap::test::tie;

namespace {
Aggregate tiny(Survey& s, int min_n = 3) {
  Diagnostics d;
  s = test::load("tests/data/tiny/units.csv", "tests/data/tiny/responses.csv", d);
  AggregateOptions o;
  o.min_n = min_n;
  return aggregate(s, o);
}
}  // namespace

TEST_CASE("tie RC is the mean of row means, with sample SD and t interval", "[aggregate]") {
  Survey s;
  Aggregate a = tiny(s);
  // A->B rows: 4 (all 4s), 3 (all 3s), 5 (four 5s, three NA) -> mean 4, SD 1,
  // CI 4 -/+ t(0.975, 2) / sqrt(3) = 4 -/+ 2.484138.
  const Tie& ab = tie(s, a, "A", "B");
  CHECK(ab.n == 3);
  CHECK_FALSE(ab.suppressed);
  CHECK(ab.rc == Approx(4.0));
  CHECK(ab.sd == Approx(1.0));
  CHECK(ab.ci_low == Approx(1.515862).epsilon(1e-6));
  CHECK(ab.ci_high == Approx(6.484138).epsilon(1e-6));
  CHECK(ab.strength == Strength::strong);  // 4.0 is "from 4.0"
  // frequent answered by all three: (4 + 3 + 5) / 3
  CHECK(ab.dim_mean[0] == Approx(4.0));
  CHECK(ab.dim_n[0] == 3);
  // shared_goals answered by two (4, 3): fewer than min-n, so hidden
  CHECK(ab.dim_n[4] == 2);
  CHECK(std::isnan(ab.dim_mean[4]));
  CHECK(ab.communication == Approx(4.0));  // row means 4, 3, 5
  CHECK(std::isnan(ab.relationship));      // only two rows answered any relationship item
  // ... so the three relationship dimensions are left out of the tie: the
  // row scores are 4, 3, 5 without them too (rc, SD and CI as above).
  CHECK(ab.left_out == kRelationshipMask);
}

TEST_CASE("within-unit and moderate ties", "[aggregate]") {
  Survey s;
  Aggregate a = tiny(s);
  // A->A: (5 + 4 + 31/7) / 3 = 4.476190
  CHECK(tie(s, a, "A", "A").rc == Approx(4.476190).epsilon(1e-6));
  CHECK(tie(s, a, "A", "A").within());
  // B->C: (3 + 4 + 28/7) / 3 = 3.666667, SD sqrt(0.666667 / 2) = 0.577350
  const Tie& bc = tie(s, a, "B", "C");
  CHECK(bc.rc == Approx(3.666667).epsilon(1e-6));
  CHECK(bc.sd == Approx(0.577350).epsilon(1e-6));
  CHECK(bc.strength == Strength::moderate);
}

TEST_CASE("suppresses ties with fewer than min-n respondents", "[aggregate][anonymity]") {
  Survey s;
  Aggregate a = tiny(s);
  // B->A has rows from b1, b2 (b3 answered 2 items: excluded): n = 2 < 3.
  const Tie& ba = tie(s, a, "B", "A");
  CHECK(ba.n == 2);
  CHECK(ba.suppressed);
  CHECK(ba.strength == Strength::suppressed);
  CHECK(std::isnan(ba.rc));
  CHECK(std::isnan(ba.sd));
  for (double v : ba.dim_mean) CHECK(std::isnan(v));
  CHECK(tie(s, a, "C", "B").suppressed);  // n = 2
  CHECK(tie(s, a, "A", "C").suppressed);  // n = 1
  CHECK(a.suppressed_ties == 3);
}

TEST_CASE("a tie of exactly min-n respondents is shown", "[aggregate][anonymity]") {
  Survey s;
  Aggregate a3 = tiny(s, 3);
  CHECK_FALSE(tie(s, a3, "A", "B").suppressed);  // n = 3 = min-n
  Aggregate a4 = tiny(s, 4);
  CHECK(tie(s, a4, "A", "B").suppressed);  // n = 3 = min-n - 1
  CHECK(a4.suppressed_ties == 6);
  CHECK(std::isnan(a4.overall_rc));
  CHECK(a4.sides.empty());
}

TEST_CASE("unit, side and overall figures use only shown ties", "[aggregate][anonymity]") {
  Survey s;
  Aggregate a = tiny(s);
  auto A = *s.unit_index("A"), B = *s.unit_index("B"), C = *s.unit_index("C");
  CHECK(a.units[A].respondents == 3);
  CHECK(a.units[A].response_rate == Approx(0.75));
  CHECK(a.units[A].rc_given == Approx(4.0));  // A->B only; A->C hidden
  CHECK(std::isnan(a.units[A].rc_received));  // B->A and C->A... hidden or absent
  CHECK(a.units[A].rc_within == Approx(4.476190).epsilon(1e-6));
  CHECK(a.units[B].respondents == 3);            // b3 counts through B->C
  CHECK(a.units[B].rc_received == Approx(4.0));  // C->B hidden
  CHECK(std::isnan(a.units[B].rc_within));
  CHECK(a.units[C].respondents == 2);
  CHECK(std::isnan(a.units[C].response_rate));  // no headcount
  CHECK(std::isnan(a.units[C].rc_given));
  REQUIRE(a.sides.size() == 2);
  CHECK(a.sides[0].source_side == "authority");
  CHECK(a.sides[0].target_side == "provider");
  CHECK(a.sides[0].n == 3);
  CHECK(a.sides[0].rc == Approx(4.0));
  CHECK(a.sides[1].source_side == "provider");
  CHECK(a.sides[1].target_side == "general");
  CHECK(a.sides[1].rc == Approx(3.666667).epsilon(1e-6));
  // (4 * 3 + 3.666667 * 3) / 6
  CHECK(a.overall_rc == Approx(3.833333).epsilon(1e-6));
  CHECK(a.overall_n == 6);
  CHECK(a.rows_read == 15);
  CHECK(a.rows_excluded == 1);
  CHECK(a.respondents == 8);
}

TEST_CASE("alpha uses complete rows of shown ties", "[aggregate]") {
  Survey s;
  Aggregate a = tiny(s);
  // Complete rows in A->A (3) and B->C (3); A->B's two are left out with the
  // tie, whose relationship dimensions have 2 answers (< min-n 3). Independent value:
  // python3 -c "import statistics as st; rows=[[5]*7,[4]*7,[4,5,4,5,4,5,4],
  //   [3]*7,[4]*7,[5,4,3,4,5,4,3]]; k=7; iv=sum(st.variance([r[i] for r in rows])
  //   for i in range(k)); tv=st.variance([sum(r) for r in rows]); print(k/(k-1)*(1-iv/tv))"
  // -> 0.9473407056345446
  CHECK(tie(s, a, "A", "B").left_out == kRelationshipMask);
  CHECK(a.alpha.n == 6);
  CHECK(a.alpha.value == Approx(0.947341).epsilon(1e-6));
}

TEST_CASE("refuses min-n below 3 and inconsistent thresholds", "[aggregate]") {
  AggregateOptions o;
  o.min_n = 2;
  CHECK_THROWS_AS(check_options(o), UsageError);
  o.min_n = 5;
  o.strong_from = 3.0;
  CHECK_THROWS_AS(check_options(o), UsageError);
}

TEST_CASE("dimension and item sums stay exact over thousands of rows in one tie", "[aggregate]") {
  // aggregate() sums scores in 16-bit lanes and settles them into 64-bit
  // totals every 2048 rows of a tie. 210,000 rows of one tie (two threads)
  // and 3,000 (one), mostly 5s, against sums kept here in plain integers.
  for (const std::size_t rows : {std::size_t{3000}, std::size_t{210000}}) {
    std::string text =
        "respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,"
        "shared_knowledge,mutual_respect\n";
    std::array<long long, kDimensionCount> sum{}, n{};
    stats::CronbachAlpha alpha(kDimensionCount);
    for (std::size_t i = 0; i < rows; ++i) {
      text += "R" + std::to_string(i) + ",A,B";
      double v[kDimensionCount];
      bool complete = true;
      for (int d = 0; d < kDimensionCount; ++d) {
        const int x = i % 3 == 0 ? 1 + static_cast<int>((i + static_cast<std::size_t>(d)) % 5) : 5;
        if (i % 10 == 0 && static_cast<int>(i / 10 % 7) == d) {
          text += ",";
          complete = false;
          continue;
        }
        text += "," + std::to_string(x);
        sum[d] += x;
        ++n[d];
        v[d] = x;
      }
      if (complete) alpha.add(v);
      text += "\n";
    }
    Diagnostics diags;
    CsvTable units =
        parse_csv("unit,label,side,headcount\nA,A,authority,\nB,B,provider,\n", "units.csv", Encoding::utf8, diags);
    CsvTable responses = parse_csv(text, "responses.csv", Encoding::utf8, diags);
    Survey s = build_survey(units, responses, diags);
    Aggregate a = aggregate(s, AggregateOptions{});
    REQUIRE(a.ties.size() == 1);
    const Tie& t = a.ties[0];
    CHECK(t.n == static_cast<int>(rows));
    for (int d = 0; d < kDimensionCount; ++d) {
      CHECK(t.dim_n[d] == n[d]);
      CHECK(t.dim_mean[d] == Approx(static_cast<double>(sum[d]) / static_cast<double>(n[d])).epsilon(1e-12));
    }
    CHECK(a.alpha.n == static_cast<int>(alpha.n()));
    CHECK(a.alpha.value == Approx(alpha.value()).epsilon(1e-9));
  }
}
