#include <catch2/catch.hpp>

#include "rcmap/aggregate/stats.hpp"

using namespace rcmap::stats;

TEST_CASE("t quantiles match published tables", "[stats]") {
  // Two-sided 95% critical values, e.g. any statistics textbook's t table.
  CHECK(t_quantile(0.05, 2) == Approx(4.302653).epsilon(1e-6));
  CHECK(t_quantile(0.05, 4) == Approx(2.776445).epsilon(1e-6));
  CHECK(t_quantile(0.05, 30) == Approx(2.042272).epsilon(1e-6));
}

TEST_CASE("moments give sample SD and a t interval", "[stats]") {
  Moments m;
  for (double x : {4.0, 3.0, 5.0}) m.add(x);
  CHECK(m.mean == Approx(4.0));
  CHECK(m.sd() == Approx(1.0));  // sqrt((0 + 1 + 1) / 2)
  auto ci = m.ci95();
  // 4 -/+ 4.302653 * 1 / sqrt(3) = 4 -/+ 2.484138
  CHECK(ci[0] == Approx(1.515862).epsilon(1e-6));
  CHECK(ci[1] == Approx(6.484138).epsilon(1e-6));
}

TEST_CASE("Cronbach's alpha matches a hand computation", "[stats]") {
  // Items (rows): (1,2,2) (2,2,3) (3,4,3) (4,4,5).
  // Item sums of squares 5, 4, 4.75; total scores 5,7,10,13 with SS 36.75.
  // alpha = 3/2 * (1 - 13.75/36.75) = 0.9387755
  CronbachAlpha a(3);
  double rows[4][3] = {{1, 2, 2}, {2, 2, 3}, {3, 4, 3}, {4, 4, 5}};
  for (auto& r : rows) a.add(r);
  CHECK(a.n() == 4);
  CHECK(a.value() == Approx(0.9387755).epsilon(1e-6));
}
