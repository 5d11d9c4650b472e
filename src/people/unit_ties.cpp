// Person ties aggregated to ordered unit pairs (docs/people.md "Outputs",
// unit-ties.csv). For units A and B with n_A and n_B people (people.csv):
//   ties(A,B)        number of person ties a->b with a in A, b in B
//   density(A,B)     ties / (n_A n_B) for A != B; within a unit,
//                    ties / (n_A (n_A - 1)) (ordered pairs of distinct people),
//                    the directed density of Wasserman & Faust (1994, 4.2)
//                    restricted to the block; in [0, 1]
//   mean_weight(A,B) mean weight of those ties
// A pair is suppressed when either unit has fewer than min_n people: its
// figures are NaN and the writer leaves the row out (docs/people.md "Privacy").
// Only pairs with at least one tie are returned, sorted by (source, target).
// Complexity: O(m log m) time (sort of packed pair keys), O(m) memory.
// listed_network(): the people of units with at least min_n people and the
// ties between them, O(n + m).
#include <algorithm>

#include "rcmap/people/people.hpp"

namespace rcmap::people {

std::vector<std::size_t> unit_sizes(std::size_t unit_count, const People& people) {
  std::vector<std::size_t> size(unit_count, 0);
  for (std::uint32_t u : people.unit) ++size[u];
  return size;
}

std::vector<UnitPair> unit_ties(std::size_t unit_count, const People& people, const PersonTies& ties, int min_n) {
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

ListedNetwork listed_network(std::size_t unit_count, const People& people, const PersonTies& ties, int min_n) {
  const std::vector<std::size_t> size = unit_sizes(unit_count, people);
  constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> to_listed(people.ids.size(), kNone);
  ListedNetwork l;
  l.people.path = people.path;
  l.people.ignored_columns = people.ignored_columns;
  for (std::size_t v = 0; v < people.ids.size(); ++v) {
    if (size[people.unit[v]] < std::size_t(min_n)) continue;
    to_listed[v] = static_cast<std::uint32_t>(l.people.ids.size());
    l.people.index.emplace(people.ids[v], to_listed[v]);
    l.people.ids.push_back(people.ids[v]);
    l.people.unit.push_back(people.unit[v]);
  }
  for (PersonTies* t : {&l.ties, &l.ties_in_input}) {
    t->path = ties.path;
    t->ignored_columns = ties.ignored_columns;
  }
  for (std::size_t e = 0; e < ties.size(); ++e) {
    const std::uint32_t a = to_listed[ties.source[e]], b = to_listed[ties.target[e]];
    if (a == kNone || b == kNone) continue;
    l.ties.source.push_back(a);
    l.ties.target.push_back(b);
    l.ties.weight.push_back(ties.weight[e]);
    l.ties_in_input.source.push_back(ties.source[e]);
    l.ties_in_input.target.push_back(ties.target[e]);
    l.ties_in_input.weight.push_back(ties.weight[e]);
  }
  return l;
}

}  // namespace rcmap::people
