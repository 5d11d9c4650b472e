// Welch's t-test, Benjamini-Hochberg q-values, the seeded bootstrap and
// one-way ANOVA with ICC(1)/ICC(2). Reference values: hand arithmetic in the
// comments, and R 4.2 (Debian r-base-core) where stated, run as
//   Rscript -e '<snippet>'
#include <catch2/catch.hpp>
#include <cmath>

#include "rcmap/aggregate/stats.hpp"

using namespace rcmap::stats;

TEST_CASE("Welch t and df match a hand computation and R's t.test", "[stats][welch]") {
  // a = 3 4 5 4 4: mean 4, SS = 1+0+1+0+0 = 2, var 0.5, var/n = 0.1
  // b = 4 5 5 4 5 5: mean 28/6 = 4.666667, SS = 2(4/9) + 4(1/9) = 4/3,
  //   var = 4/15 = 0.266667, var/n = 0.044444
  // t  = 0.666667 / sqrt(0.1 + 0.044444) = 0.666667 / 0.380058 = 1.754116
  // df = 0.144444^2 / (0.1^2/4 + 0.044444^2/5) = 0.0208642 / 0.00289506 = 7.206823
  // R: t.test(c(4,5,5,4,5,5), c(3,4,5,4,4)) -> t = 1.754116039, df = 7.206823028,
  //    p-value = 0.121625383
  WelchResult w = welch_t_test({3, 4, 5, 4, 4}, {4, 5, 5, 4, 5, 5});
  REQUIRE(w.defined);
  CHECK(w.diff == Approx(2.0 / 3.0));
  CHECK(w.t == Approx(1.754116039).epsilon(1e-9));
  CHECK(w.df == Approx(7.206823028).epsilon(1e-9));
  CHECK(w.p == Approx(0.121625383).epsilon(1e-8));
  // Swapping the groups flips the sign of t, not p.
  WelchResult s = welch_t_test({4, 5, 5, 4, 5, 5}, {3, 4, 5, 4, 4});
  CHECK(s.t == Approx(-1.754116039).epsilon(1e-9));
  CHECK(s.p == Approx(w.p).epsilon(1e-12));
}

TEST_CASE("Welch test is undefined for constant groups or fewer than two values", "[stats][welch]") {
  CHECK_FALSE(welch_t_test({4, 4, 4}, {5, 5, 5}).defined);
  CHECK(std::isnan(welch_t_test({4, 4, 4}, {5, 5, 5}).p));
  CHECK_FALSE(welch_t_test({4}, {5, 3, 4}).defined);
  // One constant group is fine: df = n - 1 of the other group.
  WelchResult w = welch_t_test({4, 4, 4}, {3, 4, 5});
  REQUIRE(w.defined);
  CHECK(w.t == Approx(0.0).margin(1e-15));
  CHECK(w.df == Approx(2.0));
  CHECK(w.p == Approx(1.0));
}

TEST_CASE("BH q-values reproduce Benjamini & Hochberg's 15 p-values example", "[stats][bh]") {
  // Benjamini & Hochberg (1995), section 4.1: 15 p-values of a clinical trial.
  // R: p.adjust(p, method = "BH") printed with digits = 10.
  std::vector<double> p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                           0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000};
  std::vector<double> r = {0.0015,        0.003,         0.0095,       0.035625,     0.0603,
                           0.06385714286, 0.06385714286, 0.0645,       0.0765,       0.486,
                           0.5811818182,  0.714875,      0.7532307692, 0.8132142857, 1.0};
  auto q = bh_qvalues(p);
  REQUIRE(q.size() == r.size());
  for (std::size_t i = 0; i < q.size(); ++i) CHECK(q[i] == Approx(r[i]).epsilon(1e-9));
  // The paper's conclusion at FDR 0.05: the four smallest are rejected.
  int rejected = 0;
  for (double x : q) rejected += x <= 0.05;
  CHECK(rejected == 4);
}

TEST_CASE("BH q-values keep NaN out of m and are monotone in unsorted input", "[stats][bh]") {
  // R: p.adjust(c(0.04, NA, 0.01, 0.03, 0.04), method = "BH") -> 0.04 NA 0.04 0.04 0.04
  auto q = bh_qvalues({0.04, std::nan(""), 0.01, 0.03, 0.04});
  CHECK(q[0] == Approx(0.04));
  CHECK(std::isnan(q[1]));
  CHECK(q[2] == Approx(0.04));  // 4/1 * 0.01 = 0.04
  CHECK(q[3] == Approx(0.04));  // min(4/2 * 0.03, 0.04)
  CHECK(q[4] == Approx(0.04));
}

TEST_CASE("SplitMix64 gives the reference stream and unbiased indices", "[stats][bootstrap]") {
  // Vigna's splitmix64.c from state 0: e220a8397b1dcdaf 6e789e6aa1b965f4 06c45d188009454f
  SplitMix64 r(0);
  CHECK(r.next() == 0xe220a8397b1dcdafull);
  CHECK(r.next() == 0x6e789e6aa1b965f4ull);
  CHECK(r.next() == 0x06c45d188009454full);
  SplitMix64 g(7);
  std::vector<int> count(6, 0);
  for (int i = 0; i < 60000; ++i) ++count[g.below(6)];
  for (int c : count) CHECK(std::abs(c - 10000) < 400);  // ~4 SD of a binomial(60000, 1/6)
}

TEST_CASE("quantile type 7 matches R", "[stats][bootstrap]") {
  // R: quantile(c(1,2,4,8,16), c(0.025, 0.3, 0.975), type = 7) -> 1.1 2.4 15.2
  std::vector<double> x = {1, 2, 4, 8, 16};
  CHECK(quantile_type7(x, 0.025) == Approx(1.1));
  CHECK(quantile_type7(x, 0.3) == Approx(2.4));
  CHECK(quantile_type7(x, 0.975) == Approx(15.2));
}

TEST_CASE("bootstrap interval is deterministic for a seed and matches a re-implementation", "[stats][bootstrap]") {
  std::vector<double> a = {3, 4, 5, 4, 4}, b = {4, 5, 5, 4, 5, 5};
  Interval i1 = bootstrap_diff_ci(a, b, 2000, 42), i2 = bootstrap_diff_ci(a, b, 2000, 42);
  CHECK(i1.low == i2.low);
  CHECK(i1.high == i2.high);
  // Independent Python re-implementation of the same algorithm (SplitMix64,
  // Lemire rejection, R type-7 quantile), kept in bench/bootstrap_ref.py:
  //   python3 bench/bootstrap_ref.py -> seed 42: 0.066666666667 1.266666666667
  //                                      seed 43: -0.033333333333 1.266666666667
  CHECK(i1.low == Approx(0.066666666667).margin(1e-9));
  CHECK(i1.high == Approx(1.266666666667).margin(1e-9));
  Interval i3 = bootstrap_diff_ci(a, b, 2000, 43);
  CHECK(i3.low == Approx(-0.033333333333).margin(1e-9));
  CHECK(i3.high == Approx(1.266666666667).margin(1e-9));
  // The interval surrounds the observed difference 2/3.
  CHECK(i1.low < 2.0 / 3.0);
  CHECK(i1.high > 2.0 / 3.0);
}

TEST_CASE("bootstrap of constant groups is the exact difference, empty groups give NaN", "[stats][bootstrap]") {
  Interval c = bootstrap_diff_ci({2, 2, 2}, {3.5, 3.5}, 500, 1);
  CHECK(c.low == Approx(1.5));
  CHECK(c.high == Approx(1.5));
  CHECK(std::isnan(bootstrap_diff_ci({}, {1, 2}, 500, 1).low));
}

TEST_CASE("one-way ANOVA and ICC(1), ICC(2) match R's aov and Bliese's formulas", "[stats][anova]") {
  // Groups {1,2,3} {2,3,4,5} {5,6}: means 2, 3.5, 5.5, grand mean 31/9.
  // SSB = 3(2-31/9)^2 + 4(3.5-31/9)^2 + 2(5.5-31/9)^2 = 14.722222, SSW = 2 + 5 + 0.5 = 7.5
  // MSB = 7.361111 (df 2), MSW = 1.25 (df 6), F = 5.888889
  // k0 = (9 - (9+16+4)/9) / 2 = 2.888889
  // ICC(1) = (7.361111 - 1.25) / (7.361111 + 1.888889 * 1.25) = 0.628571
  // ICC(2) = (7.361111 - 1.25) / 7.361111 = 0.830189
  // R: y <- c(1,2,3,2,3,4,5,5,6); g <- factor(c(1,1,1,2,2,2,2,3,3)); summary(aov(y ~ g))
  //    -> Sum Sq 14.72222222 7.5, F 5.88889, Pr(>F) 0.038443359375
  AnovaResult r = one_way_anova({{1, 2, 3}, {2, 3, 4, 5}, {5, 6}});
  REQUIRE(r.defined);
  CHECK(r.groups == 3);
  CHECK(r.n == 9);
  CHECK(r.ss_between == Approx(14.72222222).epsilon(1e-9));
  CHECK(r.ss_within == Approx(7.5));
  CHECK(r.df_between == 2);
  CHECK(r.df_within == 6);
  CHECK(r.f == Approx(5.888888889).epsilon(1e-9));
  CHECK(r.p == Approx(0.038443359375).epsilon(1e-9));
  CHECK(r.k0 == Approx(2.8888888889).epsilon(1e-9));
  CHECK(r.icc1 == Approx(0.6285714286).epsilon(1e-9));
  CHECK(r.icc2 == Approx(0.8301886792).epsilon(1e-9));
}

TEST_CASE("ANOVA is undefined with one group and ignores empty groups", "[stats][anova]") {
  CHECK_FALSE(one_way_anova({{1, 2, 3}}).defined);
  AnovaResult r = one_way_anova({{1, 2, 3}, {}, {2, 3, 4, 5}, {5, 6}});
  CHECK(r.groups == 3);
  CHECK(r.f == Approx(5.888888889).epsilon(1e-9));
  // Equal group sizes: k0 = n and ICC(2) = k ICC(1) / (1 + (k-1) ICC(1)) (Bliese 2000).
  AnovaResult e = one_way_anova({{1, 2, 3}, {3, 4, 5}, {2, 4, 6}});
  CHECK(e.k0 == Approx(3.0));
  CHECK(e.icc2 == Approx(3 * e.icc1 / (1 + 2 * e.icc1)));
}
