// Seeded percentile bootstrap of a difference of two means (Efron &
// Tibshirani 1993, "An Introduction to the Bootstrap", ch. 13), stratified:
// each group is resampled within itself. Random indices come from SplitMix64
// with Lemire's (2019) multiply-and-reject mapping to [0, n), so the stream
// of indices, and hence the interval, is the same with every compiler and
// standard library (std::uniform_int_distribution is not).
#include <algorithm>
#include <cmath>

#include "rcmap/aggregate/stats.hpp"

namespace rcmap::stats {

double quantile_type7(const std::vector<double>& x, double q) {
  if (x.empty()) return std::nan("");
  double h = (static_cast<double>(x.size()) - 1) * q;
  auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= x.size()) return x.back();
  return x[lo] + (h - static_cast<double>(lo)) * (x[lo + 1] - x[lo]);
}

Interval bootstrap_diff_ci(const std::vector<double>& a, const std::vector<double>& b, int resamples,
                           std::uint64_t seed, double level) {
  if (a.empty() || b.empty() || resamples < 2) return {std::nan(""), std::nan("")};
  SplitMix64 rng(seed);
  std::vector<double> diffs(static_cast<std::size_t>(resamples));
  const std::uint64_t na = a.size(), nb = b.size();
  for (auto& d : diffs) {
    double sa = 0, sb = 0;
    for (std::uint64_t i = 0; i < na; ++i) sa += a[rng.below(na)];
    for (std::uint64_t i = 0; i < nb; ++i) sb += b[rng.below(nb)];
    d = sb / static_cast<double>(nb) - sa / static_cast<double>(na);
  }
  std::sort(diffs.begin(), diffs.end());
  return {quantile_type7(diffs, (1 - level) / 2), quantile_type7(diffs, (1 + level) / 2)};
}

}  // namespace rcmap::stats
