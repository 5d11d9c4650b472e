// Key findings of a comparison of waves (include/rcmap/waves/change_findings.hpp).
#include "rcmap/waves/change_findings.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace rcmap {

ChangeFindings compute_change_findings(const Comparison& c, const std::string& side_a, const std::string& side_b,
                                       const std::vector<std::string>& wave_labels,
                                       const std::vector<int>& wave_respondents) {
  ChangeFindings f;
  f.side_a = side_a;
  f.side_b = side_b;
  f.wave_labels = wave_labels;
  f.wave_respondents = wave_respondents;
  for (std::size_t i = 0; i < c.ties.size(); ++i) {
    const TieChange& t = c.ties[i];
    if (!t.compared()) {  // below min_n in a wave: counted, nothing else used
      ++f.not_compared;
      continue;
    }
    ++f.compared;
    if (t.direction == Direction::improved) ++f.improved;
    else if (t.direction == Direction::worse) ++f.worse;
    else ++f.no_credible;
    if (!t.credible()) continue;
    f.ranked.push_back(i);
    const std::string &s = c.units[t.source].side, &g = c.units[t.target].side;
    const bool cross = s != g && (s == side_a || s == side_b) && (g == side_a || g == side_b);
    if (cross) (t.delta > 0 ? f.top_improved : f.top_declined).push_back(i);
    if (cross && side_a != side_b) (s == side_a ? f.credible_a_to_b : f.credible_b_to_a).push_back(i);
    if (cross) {
      // The reverse tie: ties are sorted by (source, target).
      const auto it = std::lower_bound(c.ties.begin(), c.ties.end(), std::pair{t.target, t.source},
                                       [](const TieChange& x, const std::pair<std::uint32_t, std::uint32_t>& k) {
                                         return std::pair{x.source, x.target} < k;
                                       });
      if (it != c.ties.end() && it->source == t.target && it->target == t.source && it->compared() &&
          !it->credible())
        f.one_way_ties.push_back(i);
    }
  }
  // Ties of equal |delta| keep (source, target) order: stable sorts.
  auto by_size = [&](std::size_t x, std::size_t y) { return std::fabs(c.ties[x].delta) > std::fabs(c.ties[y].delta); };
  std::stable_sort(f.ranked.begin(), f.ranked.end(), by_size);
  for (auto* v : {&f.top_improved, &f.top_declined}) {
    std::stable_sort(v->begin(), v->end(), by_size);
    if (v->size() > 5) v->resize(5);
  }
  for (auto* v : {&f.credible_a_to_b, &f.credible_b_to_a, &f.one_way_ties}) std::stable_sort(v->begin(), v->end(), by_size);
  for (std::size_t i = 0; i < c.sides.size(); ++i)
    if (c.sides[i].compared()) f.side_pairs.push_back(i);
  for (std::size_t i : f.side_pairs) {
    const SideChange& x = c.sides[i];
    if (!x.credible() || x.source_side == x.target_side) continue;
    for (std::size_t j : f.side_pairs)
      if (c.sides[j].source_side == x.target_side && c.sides[j].target_side == x.source_side && !c.sides[j].credible())
        f.one_way_sides.push_back(i);
  }
  return f;
}

}  // namespace rcmap
