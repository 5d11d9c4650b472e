// Person ties aggregated to ordered unit pairs (README "Person networks",
// unit-ties.csv). For units A and B with n_A and n_B people (people.csv):
//   ties(A,B)        number of person ties a->b with a in A, b in B
//   density(A,B)     ties / (n_A n_B) for A != B; within a unit,
//                    ties / (n_A (n_A - 1)) (ordered pairs of distinct people),
//                    the directed density of Wasserman & Faust (1994, 4.2)
//                    restricted to the block; in [0, 1]
//   mean_weight(A,B) mean weight of those ties
// A pair is suppressed when either unit has fewer than min_n people: its
// figures are NaN and the writer leaves the row out (README, Privacy).
// Only pairs with at least one tie are returned, sorted by (source, target).
// Complexity: O(m log m) time (sort of packed pair keys), O(m) memory.
#include <algorithm>

#include "rcmap/people.hpp"

namespace rcmap::people {

std::vector<std::size_t> unit_sizes(std::size_t unit_count, const People& people) {
  std::vector<std::size_t> size(unit_count, 0);
  for (std::uint32_t u : people.unit) ++size[u];
  return size;
}

std::vector<UnitPair> unit_ties(std::size_t unit_count, const People& people, const PersonTies& ties,
                                int min_n) {
  const std::vector<std::size_t> size = unit_sizes(unit_count, people);
  std::vector<std::pair<std::uint64_t, double>> key(ties.size());
  for (std::size_t e = 0; e < ties.size(); ++e)
    key[e] = {(std::uint64_t(people.unit[ties.source[e]]) << 32) | people.unit[ties.target[e]], ties.weight[e]};
  std::sort(key.begin(), key.end());  // by pair, then weight: a fixed summation order
  std::vector<UnitPair> out;
  for (std::size_t i = 0; i < key.size();) {
    std::size_t j = i;
    double sum = 0;
    for (; j < key.size() && key[j].first == key[i].first; ++j) sum += key[j].second;
    UnitPair p;
    p.source = static_cast<std::uint32_t>(key[i].first >> 32);
    p.target = static_cast<std::uint32_t>(key[i].first & 0xffffffffu);
    p.suppressed = size[p.source] < std::size_t(min_n) || size[p.target] < std::size_t(min_n);
    if (!p.suppressed) {
      p.ties = j - i;
      const double possible = p.source == p.target ? double(size[p.source]) * double(size[p.source] - 1)
                                                   : double(size[p.source]) * double(size[p.target]);
      p.density = double(p.ties) / possible;
      p.mean_weight = sum / double(p.ties);
    }
    out.push_back(p);
    i = j;
  }
  return out;
}

}  // namespace rcmap::people
