#pragma once
// Small statistics used by aggregation: mean, sample SD, t-based confidence
// interval, Cronbach's alpha.
#include <array>
#include <cstddef>
#include <vector>

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

// Cronbach's alpha (Cronbach 1951): k/(k-1) * (1 - sum(var_i) / var(total))
// over rows that answered all k items. NaN if fewer than 2 rows or zero
// total variance.
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

}  // namespace rcmap::stats
