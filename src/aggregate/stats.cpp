#include "rcmap/aggregate/stats.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace rcmap::stats {

double t_quantile(double alpha, double df) {
  boost::math::students_t dist(df);
  return boost::math::quantile(boost::math::complement(dist, alpha / 2));
}

void Moments::add(double x) {
  ++n;
  double d = x - mean;
  mean += d / static_cast<double>(n);
  m2 += d * (x - mean);
}

double Moments::sd() const {
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  return std::sqrt(m2 / static_cast<double>(n - 1));
}

std::array<double, 2> Moments::ci95() const {
  if (n < 2) return {std::nan(""), std::nan("")};
  double half = t_quantile(0.05, static_cast<double>(n - 1)) * sd() / std::sqrt(static_cast<double>(n));
  return {mean - half, mean + half};
}

Moments moments_from_sums(std::uint64_t n, std::int64_t sum, std::uint64_t sumsq, double scale) {
  Moments m;
  m.n = n;
  if (n == 0) return m;
  m.mean = static_cast<double>(sum) / (scale * static_cast<double>(n));
  __int128 num = static_cast<__int128>(n) * sumsq - static_cast<__int128>(sum) * sum;
  m.m2 = static_cast<double>(num) / (static_cast<double>(n) * scale * scale);
  return m;
}

void CronbachAlpha::add(const double* row) {
  double total = 0;
  for (int i = 0; i < k_; ++i) {
    items_[i].add(row[i]);
    total += row[i];
  }
  total_.add(total);
}

double cronbach_alpha(const std::vector<Moments>& items, const Moments& total) {
  if (total.n < 2 || total.m2 == 0 || items.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  double item_var = 0;
  for (const auto& m : items) item_var += m.m2;  // the common 1/(n-1) cancels
  double k = static_cast<double>(items.size());
  return k / (k - 1.0) * (1.0 - item_var / total.m2);
}

double CronbachAlpha::value() const { return cronbach_alpha(items_, total_); }

}  // namespace rcmap::stats
