#pragma once
// Small statistics used by aggregation: mean, sample SD, t-based confidence
// interval, Cronbach's alpha; and by wave/site comparison (docs/waves.md):
// Welch's t-test, Benjamini-Hochberg q-values, a seeded percentile bootstrap
// of a difference of means, one-way ANOVA with ICC(1)/ICC(2).
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "rcmap/util/splitmix.hpp"

namespace rcmap::stats {

// Two-sided (1 - alpha) quantile of Student's t with `df` degrees of
// freedom, e.g. t_quantile(0.05, 4) = 2.776445. Boost.Math students_t.
double t_quantile(double alpha, double df);

// Running mean and sum of squared deviations (Welford 1962), numerically
// stable for a million rows.
struct Moments {
  std::size_t n = 0;
  double mean = 0, m2 = 0;
  void add(double x);
  double sd() const;  // sample SD (n - 1); NaN for n < 2
  // (low, high) of the two-sided 95% t interval of the mean; NaN for n < 2.
  std::array<double, 2> ci95() const;
};

// Moments of n values v_i = s_i / scale given exact integer sums
// sum = sum(s_i) and sumsq = sum(s_i^2): mean = sum / (scale n) and
// m2 = sum((v_i - mean)^2) = (n sumsq - sum^2) / (n scale^2), the numerator
// in exact 128-bit integers, so rounding happens only in the final divisions
// (more accurate than Welford's update, and no division per value).
// Requires |sum| < 2^63 and sumsq < 2^64.
Moments moments_from_sums(std::uint64_t n, std::int64_t sum, std::uint64_t sumsq, double scale = 1);

// Cronbach's alpha (Cronbach 1951): k/(k-1) * (1 - sum(var_i) / var(total))
// over rows that answered all k items. NaN if fewer than 2 rows or zero
// total variance. cronbach_alpha() is the same from the items' and the
// total's moments.
double cronbach_alpha(const std::vector<Moments>& items, const Moments& total);

class CronbachAlpha {
 public:
  explicit CronbachAlpha(int k) : items_(k), k_(k) {}
  void add(const double* row);  // k item values
  double value() const;
  std::size_t n() const { return total_.n; }

 private:
  std::vector<Moments> items_;
  Moments total_;
  int k_;
};

// ---- comparison of groups (one algorithm per source file: src/stats_*.cpp) ----

// Welch's unequal-variance t-test (Welch 1947) of mean(b) - mean(a), with
// Welch-Satterthwaite degrees of freedom
//   t = (mb - ma) / sqrt(va/na + vb/nb),
//   df = (va/na + vb/nb)^2 / ((va/na)^2/(na-1) + (vb/nb)^2/(nb-1)),
// two-sided p = 2 P(T_df > |t|) (Boost.Math students_t). va, vb are sample
// variances (n - 1). Ill-defined (NaN t, df, p; `defined` false) when a group
// has fewer than 2 values or both variances are zero. O(na + nb).
struct WelchResult {
  double mean_a = 0, mean_b = 0, diff = 0;  // diff = mean_b - mean_a
  double t = 0, df = 0, p = 0;
  bool defined = false;
};
WelchResult welch_t_test(const std::vector<double>& a, const std::vector<double>& b);
// Same from summary statistics (sample variances).
WelchResult welch_t_test(double mean_a, double var_a, std::size_t n_a, double mean_b, double var_b, std::size_t n_b);

// Benjamini-Hochberg q-values (Benjamini & Hochberg 1995), as R's
// p.adjust(p, method = "BH"): with the m non-NaN p-values sorted ascending,
// q_(i) = min over j >= i of min(1, m p_(j) / j) (monotone step-up). NaN
// p-values stay NaN and do not count in m. O(m log m).
std::vector<double> bh_qvalues(const std::vector<double>& p);

// The bootstrap draws indices with rcmap::SplitMix64::below (include/rcmap/util/splitmix.hpp).
using rcmap::SplitMix64;

// Percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13) of
// mean(b) - mean(a): `resamples` times, each group is resampled with
// replacement within itself (sizes kept) and the difference of means
// recorded; the interval is the (1-level)/2 and (1+level)/2 quantiles of those
// differences (R's quantile type 7: linear interpolation between order
// statistics). Same inputs and seed give the same interval on every
// platform. NaN if a group is empty or resamples < 2. O(resamples (na + nb)).
struct Interval {
  double low, high;
};
Interval bootstrap_diff_ci(const std::vector<double>& a, const std::vector<double>& b, int resamples,
                           std::uint64_t seed, double level = 0.95);

// Quantile of sorted values, R type 7 (Hyndman & Fan 1996): h = (n-1) q,
// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
double quantile_type7(const std::vector<double>& sorted, double q);

// One-way ANOVA (Fisher) of values grouped into G groups, with the intraclass
// correlations used to justify aggregating individual answers to groups
// (Bliese 2000, "Within-group agreement, non-independence, and reliability";
// Gittell's RC measurement guidelines):
//   MSB = sum n_g (mean_g - mean)^2 / (G - 1), MSW = sum (x - mean_g)^2 / (N - G),
//   F = MSB / MSW with (G - 1, N - G) df, p = P(F_{G-1,N-G} > F) (Boost.Math fisher_f),
//   ICC(1) = (MSB - MSW) / (MSB + (k0 - 1) MSW),
//   k0 = (N - sum n_g^2 / N) / (G - 1)   (the ANOVA "adjusted mean group size"
//       for unequal groups, Snedecor & Cochran; equals n when all groups have n),
//   ICC(2) = (MSB - MSW) / MSB   (reliability of group means; Bliese 2000 eq. 4,
//       equal to the Spearman-Brown form k ICC(1) / (1 + (k-1) ICC(1)) for equal k).
// Groups with no values are ignored. Not defined (`defined` false, NaNs) for
// G < 2 or N - G < 1; F, p and ICCs are NaN when MSW = 0 (ICC(2) also when
// MSB = 0). O(N).
struct AnovaResult {
  int groups = 0;
  std::size_t n = 0;
  double ss_between = 0, ss_within = 0, ms_between = 0, ms_within = 0;
  double df_between = 0, df_within = 0;
  double f = 0, p = 0;
  double k0 = 0;
  double icc1 = 0, icc2 = 0;
  bool defined = false;
};
AnovaResult one_way_anova(const std::vector<std::vector<double>>& groups);

}  // namespace rcmap::stats
