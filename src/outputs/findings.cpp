// Key findings for the report (include/rcmap/outputs/findings.hpp).
#include "rcmap/outputs/findings.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace rcmap {

namespace {

// Order of ties in findings: weak ones clearly weak, of unknown certainty,
// borderline; then the ties that are not weak.
int certainty_rank(const TieFinding& t, double weak_below) {
  if (!(t.rc < weak_below)) return 3;
  return t.certainty == Certainty::clear ? 0 : t.certainty == Certainty::unknown ? 1 : 2;
}

void build_list(const Survey& s, const Aggregate& a, const MetricsResult& m, Findings& f) {
  auto& L = f.list;
  if (std::isfinite(a.overall_rc)) {
    Finding x;
    x.kind = "overall";
    x.values = {{"rc", a.overall_rc}, {"n", static_cast<double>(a.overall_n)}};
    L.push_back(std::move(x));
  }
  {
    Finding x;
    x.kind = "weakest";
    x.sides = {f.side_a, f.side_b};
    x.ties = f.weakest_cross;
    for (const TieFinding& t : f.weakest_cross) {
      for (std::uint32_t u : {t.source, t.target})
        if (std::find(x.units.begin(), x.units.end(), u) == x.units.end()) x.units.push_back(u);
    }
    x.values = {{"shown", static_cast<double>(f.cross_shown)},
                {"weak", static_cast<double>(f.cross_weak)},
                {"clearly_weak", static_cast<double>(f.cross_clearly_weak)},
                {"borderline", static_cast<double>(f.cross_borderline)},
                {"weak_below", a.options.weak_below}};
    if (!f.weakest_cross.empty()) {
      bool all_clear = true;
      for (const TieFinding& t : f.weakest_cross) all_clear &= t.certainty == Certainty::clear;
      x.certainty = all_clear ? Certainty::clear : a.from_ties ? Certainty::unknown : Certainty::borderline;
    }
    L.push_back(std::move(x));
  }
  if (f.cross_unmeasured > 0) {
    Finding x;
    x.kind = "unmeasured";
    x.sides = {f.side_a, f.side_b};
    x.values = {{"pairs", static_cast<double>(f.cross_unmeasured)}, {"min_n", static_cast<double>(a.options.min_n)}};
    L.push_back(std::move(x));
  }
  if (f.gap_dimension >= 0) {
    Finding x;
    x.kind = "dimension";
    x.sides = {f.side_a, f.side_b};
    for (int d : f.gap_dimensions) {
      const auto k = static_cast<std::size_t>(d);
      const std::string n(kDimensions[d]);
      x.dimensions.push_back(n);
      x.values.push_back({n + "_gap", f.within_mean[k] - f.cross_mean[k]});
      x.values.push_back({n + "_cross", f.cross_mean[k]});
      x.values.push_back({n + "_within", f.within_mean[k]});
      x.values.push_back({n + "_a_to_b", f.a_to_b_mean[k]});
      x.values.push_back({n + "_b_to_a", f.b_to_a_mean[k]});
      x.values.push_back({n + "_within_a", f.within_a_mean[k]});
      x.values.push_back({n + "_within_b", f.within_b_mean[k]});
    }
    x.values.push_back({"tolerance", kDimensionGapTolerance});
    // One dimension standing out is a clear finding; several within the
    // tolerance of the largest are indistinguishable.
    x.certainty = f.gap_dimensions.size() == 1 ? Certainty::clear : Certainty::borderline;
    L.push_back(std::move(x));
  }
  if (!f.central.empty()) {
    Finding x;
    x.kind = "central";
    for (const CentralFinding& c : f.central) {
      x.units.push_back(c.unit);
      x.values.push_back({"pagerank_" + s.units[c.unit].id, c.pagerank});
    }
    x.values.push_back({"pagerank_min", f.pagerank_min});
    x.values.push_back({"pagerank_max", f.pagerank_max});
    L.push_back(std::move(x));
  }
  if (f.one_sided_total > 0) {
    Finding x;
    x.kind = "one_sided";
    for (const OneSidedFinding& o : f.one_sided) {
      for (auto [from, to, rc] : {std::tuple{o.source, o.target, o.rc}, std::tuple{o.target, o.source, o.reverse_rc}}) {
        const long i = a.find(from, to);
        TieFinding t{from, to, rc, 0};
        if (i >= 0) {
          const Tie& tie = a.ties[static_cast<std::size_t>(i)];
          t.n = tie.n, t.ci_low = tie.ci_low, t.ci_high = tie.ci_high;
          t.certainty = threshold_certainty(tie.ci_low, tie.ci_high, a.options.weak_below);
        }
        x.ties.push_back(t);
      }
      for (std::uint32_t u : {o.source, o.target})
        if (std::find(x.units.begin(), x.units.end(), u) == x.units.end()) x.units.push_back(u);
    }
    x.values = {{"total", static_cast<double>(f.one_sided_total)}};
    L.push_back(std::move(x));
  }
  if (f.bridge_gap_pairs > 0 && m.units.size() == s.units.size()) {
    Finding x;
    x.kind = "bridges";
    x.sides = {f.side_a, f.side_b};
    for (const BridgeFinding& b : f.bridges) {
      x.units.push_back(b.unit);
      x.values.push_back({"pairs_" + s.units[b.unit].id, static_cast<double>(b.pairs)});
      x.values.push_back({"weakest_" + s.units[b.unit].id, b.weakest});
    }
    x.values.push_back({"gap_pairs", static_cast<double>(f.bridge_gap_pairs)});
    x.values.push_back({"bridged_pairs", static_cast<double>(f.bridged_pairs)});
    L.push_back(std::move(x));
  }
}

}  // namespace

Findings compute_findings(const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& opt) {
  Findings f;
  f.side_a = opt.gap_side_a;
  f.side_b = opt.gap_side_b;
  const double weak_below = a.options.weak_below;
  auto side = [&](std::uint32_t u) -> const std::string& { return s.units[u].side; };
  auto cross = [&](const Tie& t) {
    return (side(t.source) == f.side_a && side(t.target) == f.side_b) ||
           (side(t.source) == f.side_b && side(t.target) == f.side_a);
  };
  auto within = [&](const Tie& t) {
    return !t.within() && side(t.source) == side(t.target) &&
           (side(t.source) == f.side_a || side(t.source) == f.side_b);
  };
  // Respondent-weighted dimension sums: cross, within, a->b, b->a, within a, within b.
  constexpr int kGroups = 6;
  std::array<std::array<double, kDimensionCount>, kGroups> sum{};
  std::array<std::array<long, kDimensionCount>, kGroups> cnt{};
  for (const Tie& t : a.ties) {
    if (t.suppressed || t.within()) continue;
    const bool c = cross(t), w = within(t);
    const bool from_a = side(t.source) == f.side_a;
    if (c) {
      ++f.cross_shown;
      const Certainty cert = threshold_certainty(t.ci_low, t.ci_high, weak_below);
      f.cross_borderline += cert == Certainty::borderline;
      if (t.rc < weak_below) {
        ++f.cross_weak;
        f.cross_clearly_weak += cert == Certainty::clear;
      }
      f.weakest_cross.push_back({t.source, t.target, t.rc, t.n, t.ci_low, t.ci_high, cert});
      f.cross_n += t.n;
    }
    if (w) f.within_n += t.n;
    bool in[kGroups] = {c, w, c && from_a, c && !from_a, w && from_a, w && !from_a};
    if (f.side_a == f.side_b) in[3] = in[5] = false;  // one side named twice: a->b and within a only
    for (int d = 0; d < kDimensionCount; ++d) {
      const auto k = static_cast<std::size_t>(d);
      if (t.dim_n[k] <= 0 || !std::isfinite(t.dim_mean[k])) continue;
      for (int g = 0; g < kGroups; ++g)
        if (in[g]) sum[g][k] += t.dim_mean[k] * t.dim_n[k], cnt[g][k] += t.dim_n[k];
    }
  }
  // Ordered cross-side pairs of distinct units without a shown tie.
  std::size_t na = 0, nb = 0;
  for (const Unit& u : s.units) na += u.side == f.side_a, nb += u.side == f.side_b;
  f.cross_unmeasured = static_cast<int>(2 * na * nb) - f.cross_shown;
  std::sort(f.weakest_cross.begin(), f.weakest_cross.end(), [&](const TieFinding& x, const TieFinding& y) {
    return std::make_tuple(certainty_rank(x, weak_below), x.rc, x.source, x.target) <
           std::make_tuple(certainty_rank(y, weak_below), y.rc, y.source, y.target);
  });
  if (f.weakest_cross.size() > 5) f.weakest_cross.resize(5);

  auto mean = [&](int g, std::size_t k) { return cnt[g][k] ? sum[g][k] / static_cast<double>(cnt[g][k]) : kNaN; };
  double best = 0;
  std::array<double, kDimensionCount> gap{};
  for (int d = 0; d < kDimensionCount; ++d) {
    const auto k = static_cast<std::size_t>(d);
    f.cross_mean[k] = mean(0, k);
    f.within_mean[k] = mean(1, k);
    f.a_to_b_mean[k] = mean(2, k);
    f.b_to_a_mean[k] = mean(3, k);
    f.within_a_mean[k] = mean(4, k);
    f.within_b_mean[k] = mean(5, k);
    gap[k] = f.within_mean[k] - f.cross_mean[k];
    if (std::isfinite(gap[k]) && (f.gap_dimension < 0 || gap[k] > best)) best = gap[k], f.gap_dimension = d;
  }
  if (f.gap_dimension >= 0) {
    for (int d = 0; d < kDimensionCount; ++d)
      if (std::isfinite(gap[static_cast<std::size_t>(d)]) &&
          gap[static_cast<std::size_t>(d)] >= best - kDimensionGapTolerance)
        f.gap_dimensions.push_back(d);
    std::stable_sort(f.gap_dimensions.begin(), f.gap_dimensions.end(),
                     [&](int x, int y) { return gap[static_cast<std::size_t>(x)] > gap[static_cast<std::size_t>(y)]; });
  }

  if (m.units.size() == s.units.size()) {
    std::vector<std::uint32_t> order(s.units.size());
    std::iota(order.begin(), order.end(), 0u);
    std::erase_if(order,
                  [&](std::uint32_t u) { return m.units[u].no_shown_ratings || !std::isfinite(m.units[u].pagerank); });
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return m.units[x].pagerank > m.units[y].pagerank; });
    if (!order.empty()) {
      f.pagerank_max = m.units[order.front()].pagerank;
      f.pagerank_min = m.units[order.back()].pagerank;
      // Median of the ranked units (sorted descending).
      const std::size_t h = order.size() / 2;
      const double median = order.size() % 2 ? m.units[order[h]].pagerank
                                             : (m.units[order[h - 1]].pagerank + m.units[order[h]].pagerank) / 2;
      f.central_within_noise = !(f.pagerank_max >= (1 + kMinRankingSpread) * median);
      if (!f.central_within_noise)
        for (std::size_t i = 0; i < order.size() && i < 3; ++i) {
          // Only the units standing out: above the median by the spread rule.
          if (!(m.units[order[i]].pagerank >= (1 + kMinRankingSpread) * median)) break;
          f.central.push_back({order[i], m.units[order[i]].pagerank});
        }
    }
    // Bridges: per unit, the pairs bridged and the mean weakest tie.
    std::vector<double> weakest_sum(s.units.size(), 0);
    std::vector<long> pairs(s.units.size(), 0);
    for (const Bridge& b : m.bridges)
      if (b.bridge < s.units.size()) ++pairs[b.bridge], weakest_sum[b.bridge] += b.weakest();
    for (std::size_t i = 0; i < m.bridges.size(); ++i) f.bridged_pairs += m.bridges[i].rank == 1;
    for (const Gap& g : m.gaps)
      f.bridge_gap_pairs += g.group == "clearly_weak" || g.group == "weak" || g.group == "borderline";
    std::vector<BridgeFinding> all;
    for (std::uint32_t u = 0; u < s.units.size(); ++u)
      if (pairs[u] > 0 && !m.units[u].no_shown_ratings)
        all.push_back({u, pairs[u], weakest_sum[u] / static_cast<double>(pairs[u])});
    std::stable_sort(all.begin(), all.end(), [](const BridgeFinding& x, const BridgeFinding& y) {
      return std::make_tuple(-x.pairs, -x.weakest) < std::make_tuple(-y.pairs, -y.weakest);
    });
    if (all.size() > 3) all.resize(3);
    f.bridges = std::move(all);
  }

  for (const Tie& t : a.ties) {
    if (t.suppressed || t.within() || t.source > t.target) continue;
    const Tie* rev = a.shown(t.target, t.source);
    if (!rev || !(std::fabs(t.rc - rev->rc) >= opt.asymmetry)) continue;
    if (t.rc >= rev->rc)
      f.one_sided.push_back({t.source, t.target, t.rc, rev->rc});
    else
      f.one_sided.push_back({rev->source, rev->target, rev->rc, t.rc});
  }
  f.one_sided_total = static_cast<int>(f.one_sided.size());
  std::stable_sort(f.one_sided.begin(), f.one_sided.end(), [](const OneSidedFinding& x, const OneSidedFinding& y) {
    return x.rc - x.reverse_rc > y.rc - y.reverse_rc;
  });
  if (f.one_sided.size() > 5) f.one_sided.resize(5);
  build_list(s, a, m, f);
  return f;
}

void write_findings_json(JsonWriter& j, const Survey& s, const Findings& f) {
  j.begin_array();
  for (const Finding& x : f.list) {
    j.begin_object();
    j.field("kind", x.kind);
    j.key("units").begin_array();
    for (std::uint32_t u : x.units) j.value(s.units[u].id);
    j.end_array();
    j.key("ties").begin_array();
    for (const TieFinding& t : x.ties) {
      j.begin_array();
      j.value(s.units[t.source].id).value(s.units[t.target].id);
      j.end_array();
    }
    j.end_array();
    j.key("tie_values").begin_array();
    for (const TieFinding& t : x.ties) {
      j.begin_object();
      j.field("rc", t.rc).field("n", t.n).field("ci_low", t.ci_low).field("ci_high", t.ci_high);
      j.field("certainty", certainty_name(t.certainty));
      j.end_object();
    }
    j.end_array();
    j.key("sides").begin_array();
    for (const std::string& v : x.sides) j.value(v);
    j.end_array();
    j.key("dimensions").begin_array();
    for (const std::string& v : x.dimensions) j.value(v);
    j.end_array();
    j.key("values").begin_object();
    for (const FindingValue& v : x.values) j.field(v.name, v.value);
    j.end_object();
    if (x.certainty)
      j.field("certainty", certainty_name(*x.certainty));
    else
      j.key("certainty").null();
    j.end_object();
  }
  j.end_array();
}

int lowest_pair_dimension(const Tie* a, const Tie* b) {
  const Tie* dir[2] = {a, b};
  int lowest = -1;
  double low = 0;
  for (int d = 0; d < kDimensionCount; ++d) {
    double sum = 0;
    int n = 0;
    for (const Tie* t : dir)
      if (t && std::isfinite(t->dim_mean[static_cast<std::size_t>(d)]))
        sum += t->dim_mean[static_cast<std::size_t>(d)], ++n;
    if (n > 0 && (lowest < 0 || sum / n < low)) low = sum / n, lowest = d;
  }
  return lowest;
}

}  // namespace rcmap
