// Welch's unequal-variance t-test (Welch 1947, Biometrika 34:28-35) with the
// Welch-Satterthwaite degrees of freedom (Satterthwaite 1946). Formulas in
// include/rcmap/aggregate/stats.hpp; checked against R's t.test(var.equal = FALSE).
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "rcmap/aggregate/stats.hpp"

namespace rcmap::stats {

WelchResult welch_t_test(double ma, double va, std::size_t na, double mb, double vb, std::size_t nb) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  WelchResult r;
  r.mean_a = ma;
  r.mean_b = mb;
  r.diff = mb - ma;
  r.t = r.df = r.p = nan;
  if (na < 2 || nb < 2) return r;
  double sa = va / static_cast<double>(na), sb = vb / static_cast<double>(nb);
  double se2 = sa + sb;
  if (!(se2 > 0)) return r;  // both variances zero: t undefined
  r.t = r.diff / std::sqrt(se2);
  r.df = se2 * se2 / (sa * sa / static_cast<double>(na - 1) + sb * sb / static_cast<double>(nb - 1));
  boost::math::students_t dist(r.df);
  r.p = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(r.t)));
  if (r.p > 1) r.p = 1;
  r.defined = true;
  return r;
}

WelchResult welch_t_test(const std::vector<double>& a, const std::vector<double>& b) {
  Moments ma, mb;
  for (double x : a) ma.add(x);
  for (double x : b) mb.add(x);
  auto var = [](const Moments& m) {
    return m.n > 1 ? m.m2 / static_cast<double>(m.n - 1) : std::numeric_limits<double>::quiet_NaN();
  };
  return welch_t_test(ma.mean, var(ma), ma.n, mb.mean, var(mb), mb.n);
}

}  // namespace rcmap::stats
