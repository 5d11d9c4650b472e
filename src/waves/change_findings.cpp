// Key findings of a comparison of waves (include/rcmap/waves/change_findings.hpp).
#include "rcmap/waves/change_findings.hpp"

#include <algorithm>
#include <cmath>

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
  }
  // Ties of equal |delta| keep (source, target) order: stable sorts.
  auto by_size = [&](std::size_t x, std::size_t y) { return std::fabs(c.ties[x].delta) > std::fabs(c.ties[y].delta); };
  std::stable_sort(f.ranked.begin(), f.ranked.end(), by_size);
  for (auto* v : {&f.top_improved, &f.top_declined}) {
    std::stable_sort(v->begin(), v->end(), by_size);
    if (v->size() > 5) v->resize(5);
  }
  for (std::size_t i = 0; i < c.sides.size(); ++i)
    if (c.sides[i].compared()) f.side_pairs.push_back(i);
  return f;
}

}  // namespace rcmap
