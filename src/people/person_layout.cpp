// Layout of the person map (docs/people.md "Outputs", person map).
//  1. Unit centres: weighted Fruchterman & Reingold (1991) layout of the
//     drawn units (igraph_layout_fruchterman_reingold, 500 iterations,
//     igraph's RNG seeded with `seed`), weight of {A, B} = person ties
//     between A and B in either direction; scaled into [0, 1]^2.
//  2. Discs: radius k sqrt(people), k such that the discs cover 30 % of the
//     square; overlaps removed by 200 sweeps that push overlapping pairs
//     apart along the line of centres (deterministic order); then the whole
//     picture, discs included, is scaled back into [0, 1]^2.
//  3. People: inside their unit's disc on Vogel's (1979) sunflower spiral,
//     the most connected (in + out ties) at the centre; ties by input order.
// Units with fewer than min_n people and their people are not placed (they
// are not drawn). Complexity: O(500 U^2 + 200 U^2 + n log n + m), U drawn
// units; no igraph call touches the person graph.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/people/people.hpp"

namespace rcmap::people {

PersonLayout person_layout(std::size_t unit_count, const People& people, const PersonTies& ties, int min_n,
                           unsigned long seed, bool with_people) {
  PersonLayout l;
  const std::vector<std::size_t> size = unit_sizes(unit_count, people);
  l.slot.assign(unit_count, -1);
  for (std::size_t u = 0; u < unit_count; ++u)
    if (size[u] > 0 && size[u] >= std::size_t(min_n)) {
      l.slot[u] = static_cast<int>(l.units.size());
      l.units.push_back(static_cast<std::uint32_t>(u));
    }
  const std::size_t k = l.units.size();
  l.centre.assign(k, Point{0.5, 0.5});
  if (k >= 2) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> w;
    for (std::size_t e = 0; e < ties.size(); ++e) {
      const int a = l.slot[people.unit[ties.source[e]]], b = l.slot[people.unit[ties.target[e]]];
      if (a < 0 || b < 0 || a == b) continue;
      w[{std::uint32_t(std::min(a, b)), std::uint32_t(std::max(a, b))}] += 1;
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<double> weights;
    for (const auto& [pair, count] : w) edges.push_back(pair), weights.push_back(count);
    ig::ErrorScope scope;
    const ig::Graph g(k, edges, false);
    const ig::Vector wv(weights);
    ig::Matrix pos;
    ig::check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "igraph_rng_seed");
    ig::check(
        igraph_layout_fruchterman_reingold(g.get(), pos.get(), false, 500, std::sqrt(double(k)), IGRAPH_LAYOUT_AUTOGRID,
                                           edges.empty() ? nullptr : wv.get(), nullptr, nullptr, nullptr, nullptr),
        "igraph_layout_fruchterman_reingold");
    for (std::size_t i = 0; i < k; ++i) l.centre[i] = {pos(i, 0), pos(i, 1)};
  }
  // Scale centres into [0, 1]^2.
  auto fit = [&](double margin_of_radius) {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (std::size_t i = 0; i < k; ++i) {
      const double r = margin_of_radius * (l.radius.empty() ? 0 : l.radius[i]);
      x0 = std::min(x0, l.centre[i].x - r), x1 = std::max(x1, l.centre[i].x + r);
      y0 = std::min(y0, l.centre[i].y - r), y1 = std::max(y1, l.centre[i].y + r);
    }
    const double span = std::max({x1 - x0, y1 - y0, 1e-9});
    for (std::size_t i = 0; i < k; ++i)
      l.centre[i] = {0.5 + (l.centre[i].x - (x0 + x1) / 2) / span, 0.5 + (l.centre[i].y - (y0 + y1) / 2) / span};
    for (double& r : l.radius) r /= span;
  };
  if (k >= 2) fit(0);
  double total = 0;
  for (std::uint32_t u : l.units) total += double(size[u]);
  const double scale = total > 0 ? std::sqrt(0.30 / (M_PI * total)) : 0;
  for (std::uint32_t u : l.units) l.radius.push_back(scale * std::sqrt(double(size[u])));
  for (int sweep = 0; sweep < 200; ++sweep) {
    bool moved = false;
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = i + 1; j < k; ++j) {
        Point &a = l.centre[i], &b = l.centre[j];
        double dx = b.x - a.x, dy = b.y - a.y, d = std::hypot(dx, dy);
        const double need = (l.radius[i] + l.radius[j]) * 1.08;
        if (d >= need) continue;
        if (d < 1e-12) dx = std::cos(double(i + j)), dy = std::sin(double(i + j)), d = 1;
        const double push = (need - d) / 2;
        a.x -= dx / d * push, a.y -= dy / d * push;
        b.x += dx / d * push, b.y += dy / d * push;
        moved = true;
      }
    if (!moved) break;
  }
  if (k >= 1) fit(1.0);
  if (!with_people) return l;

  const std::size_t n = people.ids.size();
  l.person.assign(n, Point{});
  l.drawn.assign(n, 0);
  std::vector<std::size_t> degree(n, 0);
  for (std::size_t e = 0; e < ties.size(); ++e) ++degree[ties.source[e]], ++degree[ties.target[e]];
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return degree[a] > degree[b]; });
  std::vector<std::size_t> placed(unit_count, 0);
  const double golden = M_PI * (3 - std::sqrt(5.0));
  for (std::uint32_t v : order) {
    const int s = l.slot[people.unit[v]];
    if (s < 0) continue;
    const std::size_t i = placed[people.unit[v]]++;
    const double r = l.radius[s] * 0.92 * std::sqrt((double(i) + 0.5) / double(size[people.unit[v]]));
    l.person[v] = {l.centre[s].x + r * std::cos(double(i) * golden), l.centre[s].y + r * std::sin(double(i) * golden)};
    l.drawn[v] = 1;
  }
  return l;
}

}  // namespace rcmap::people
