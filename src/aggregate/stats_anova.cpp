// One-way ANOVA (Fisher 1925) with ICC(1) and ICC(2) (Bliese 2000, in Klein
// & Kozlowski (eds.), "Multilevel theory, research, and methods in
// organizations", 349-381), the statistics Gittell's RC measurement
// guidelines use to justify treating RC as a group-level construct.
// Formulas and the unequal-group-size convention (k0) in include/rcmap/aggregate/stats.hpp.
#include <boost/math/distributions/fisher_f.hpp>
#include <cmath>
#include <limits>

#include "rcmap/aggregate/stats.hpp"

namespace rcmap::stats {

AnovaResult one_way_anova(const std::vector<std::vector<double>>& groups) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  AnovaResult r;
  r.f = r.p = r.icc1 = r.icc2 = r.k0 = r.ms_between = r.ms_within = nan;
  double sum = 0, sum_n2 = 0;
  std::vector<Moments> m;
  for (const auto& g : groups) {
    if (g.empty()) continue;
    Moments gm;
    for (double x : g) gm.add(x);
    m.push_back(gm);
    r.n += g.size();
    sum += gm.mean * static_cast<double>(gm.n);
    sum_n2 += static_cast<double>(gm.n) * static_cast<double>(gm.n);
  }
  r.groups = static_cast<int>(m.size());
  if (r.groups < 2 || r.n <= m.size()) return r;
  const double N = static_cast<double>(r.n), G = r.groups;
  const double grand = sum / N;
  for (const auto& gm : m) {
    double d = gm.mean - grand;
    r.ss_between += static_cast<double>(gm.n) * d * d;
    r.ss_within += gm.m2;
  }
  r.df_between = G - 1;
  r.df_within = N - G;
  r.ms_between = r.ss_between / r.df_between;
  r.ms_within = r.ss_within / r.df_within;
  r.k0 = (N - sum_n2 / N) / (G - 1);
  r.defined = true;
  if (r.ms_within > 0) {
    r.f = r.ms_between / r.ms_within;
    boost::math::fisher_f dist(r.df_between, r.df_within);
    r.p = boost::math::cdf(boost::math::complement(dist, r.f));
    r.icc1 = (r.ms_between - r.ms_within) / (r.ms_between + (r.k0 - 1) * r.ms_within);
    if (r.ms_between > 0) r.icc2 = (r.ms_between - r.ms_within) / r.ms_between;
  }
  return r;
}

}  // namespace rcmap::stats
