// Key findings for the report (include/rcmap/outputs/findings.hpp).
#include "rcmap/outputs/findings.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace rcmap {

Findings compute_findings(const Survey& s, const Aggregate& a, const MetricsResult& m,
                          const MetricsOptions& opt) {
  Findings f;
  f.side_a = opt.gap_side_a;
  f.side_b = opt.gap_side_b;
  auto side = [&](std::uint32_t u) -> const std::string& { return s.units[u].side; };
  auto cross = [&](const Tie& t) {
    return (side(t.source) == f.side_a && side(t.target) == f.side_b) ||
           (side(t.source) == f.side_b && side(t.target) == f.side_a);
  };
  auto within = [&](const Tie& t) {
    return !t.within() && side(t.source) == side(t.target) &&
           (side(t.source) == f.side_a || side(t.source) == f.side_b);
  };
  std::array<double, kDimensionCount> cs{}, ws{};
  std::array<long, kDimensionCount> cc{}, wc{};
  for (const Tie& t : a.ties) {
    if (t.suppressed || t.within()) continue;
    const bool c = cross(t), w = within(t);
    if (c) {
      ++f.cross_shown;
      f.cross_weak += t.rc < a.options.weak_below;
      f.weakest_cross.push_back({t.source, t.target, t.rc, t.n});
      f.cross_n += t.n;
    }
    if (w) f.within_n += t.n;
    for (int d = 0; d < kDimensionCount; ++d) {
      const auto k = static_cast<std::size_t>(d);
      if (t.dim_n[k] <= 0 || !std::isfinite(t.dim_mean[k])) continue;
      if (c) cs[k] += t.dim_mean[k] * t.dim_n[k], cc[k] += t.dim_n[k];
      if (w) ws[k] += t.dim_mean[k] * t.dim_n[k], wc[k] += t.dim_n[k];
    }
  }
  // Ordered cross-side pairs of distinct units without a shown tie.
  std::size_t na = 0, nb = 0;
  for (const Unit& u : s.units) na += u.side == f.side_a, nb += u.side == f.side_b;
  f.cross_unmeasured = static_cast<int>(2 * na * nb) - f.cross_shown;
  std::sort(f.weakest_cross.begin(), f.weakest_cross.end(), [](const TieFinding& x, const TieFinding& y) {
    return std::tie(x.rc, x.source, x.target) < std::tie(y.rc, y.source, y.target);
  });
  if (f.weakest_cross.size() > 5) f.weakest_cross.resize(5);

  double best = 0;
  for (int d = 0; d < kDimensionCount; ++d) {
    const auto k = static_cast<std::size_t>(d);
    f.cross_mean[k] = cc[k] ? cs[k] / static_cast<double>(cc[k]) : kNaN;
    f.within_mean[k] = wc[k] ? ws[k] / static_cast<double>(wc[k]) : kNaN;
    const double gap = f.within_mean[k] - f.cross_mean[k];
    if (std::isfinite(gap) && (f.gap_dimension < 0 || gap > best)) best = gap, f.gap_dimension = d;
  }

  if (m.units.size() == s.units.size()) {
    std::vector<std::uint32_t> order(s.units.size());
    std::iota(order.begin(), order.end(), 0u);
    std::erase_if(order, [&](std::uint32_t u) { return !std::isfinite(m.units[u].pagerank); });
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      return m.units[x].pagerank > m.units[y].pagerank;
    });
    for (std::size_t i = 0; i < order.size() && i < 3; ++i)
      f.central.push_back({order[i], m.units[order[i]].pagerank});
  }

  for (const Tie& t : a.ties) {
    if (t.suppressed || t.within() || t.source > t.target) continue;
    const long r = a.find(t.target, t.source);
    if (r < 0) continue;
    const Tie& rev = a.ties[static_cast<std::size_t>(r)];
    if (rev.suppressed || !(std::fabs(t.rc - rev.rc) >= opt.asymmetry)) continue;
    if (t.rc >= rev.rc) f.one_sided.push_back({t.source, t.target, t.rc, rev.rc});
    else f.one_sided.push_back({rev.source, rev.target, rev.rc, t.rc});
  }
  f.one_sided_total = static_cast<int>(f.one_sided.size());
  std::stable_sort(f.one_sided.begin(), f.one_sided.end(), [](const OneSidedFinding& x, const OneSidedFinding& y) {
    return x.rc - x.reverse_rc > y.rc - y.reverse_rc;
  });
  if (f.one_sided.size() > 5) f.one_sided.resize(5);
  return f;
}

}  // namespace rcmap
