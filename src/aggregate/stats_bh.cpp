// Benjamini-Hochberg false-discovery-rate q-values (Benjamini & Hochberg
// 1995, JRSS B 57:289-300), computed as R's p.adjust(method = "BH"): NaN
// p-values are left out of m and stay NaN; q_(i) = min_{j>=i} min(1, m p_(j)/j).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "rcmap/aggregate/stats.hpp"

namespace rcmap::stats {

std::vector<double> bh_qvalues(const std::vector<double>& p) {
  std::vector<double> q(p.size(), std::nan(""));
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) idx.push_back(i);
  const std::size_t m = idx.size();
  // Ascending p; stable so equal p-values keep input order (the result does not depend on it).
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  double running = 1.0;
  for (std::size_t r = m; r-- > 0;) {  // from the largest p down: cumulative minimum
    double v = static_cast<double>(m) / static_cast<double>(r + 1) * p[idx[r]];
    running = std::min(running, v);
    q[idx[r]] = std::min(1.0, running);
  }
  return q;
}

}  // namespace rcmap::stats
