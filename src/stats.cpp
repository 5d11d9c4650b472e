#include "rcmap/stats.hpp"

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

void CronbachAlpha::add(const double* row) {
  double total = 0;
  for (int i = 0; i < k_; ++i) {
    items_[i].add(row[i]);
    total += row[i];
  }
  total_.add(total);
}

double CronbachAlpha::value() const {
  if (total_.n < 2 || total_.m2 == 0) return std::numeric_limits<double>::quiet_NaN();
  double item_var = 0;
  for (const auto& m : items_) item_var += m.m2;  // the common 1/(n-1) cancels
  return k_ / (k_ - 1.0) * (1.0 - item_var / total_.m2);
}

}  // namespace rcmap::stats
