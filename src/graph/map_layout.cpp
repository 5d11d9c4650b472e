// Node layout for the coordination map: side bands with barycentric ordering
// (Sugiyama, Tagawa & Toda 1981) or igraph's weighted Fruchterman-Reingold.
#include "rcmap/graph/map_layout.hpp"

#include "rcmap/graph/igraph_raii.hpp"

#include <igraph/igraph.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace rcmap {
namespace {

// A column (side_a left, side_b right) or a row segment (one other side).
struct Band {
  bool column = true;
  double fixed = 0;       // x of a column, y of a row
  double inward = 0;      // zig-zag offset direction for rows (+1 top, -1 bottom)
  double lo = 0, hi = 1;  // range along the band's axis
  bool zigzag = false;
  std::vector<std::uint32_t> members;
};

// Symmetric weight rc(u->v) + rc(v->u) over non-suppressed ties only.
std::vector<std::vector<double>> pair_weights(std::size_t n, const Aggregate& agg) {
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));
  for (const Tie& t : agg.ties) {
    if (t.suppressed || t.within() || !std::isfinite(t.rc)) continue;
    if (t.source >= n || t.target >= n) continue;
    w[t.source][t.target] += t.rc;
    w[t.target][t.source] += t.rc;
  }
  return w;
}

void place(const Band& b, std::vector<Point>& pos) {
  const std::size_t k = b.members.size();
  for (std::size_t j = 0; j < k; ++j) {
    const double along = b.lo + (static_cast<double>(j) + 0.5) * (b.hi - b.lo) / static_cast<double>(k);
    Point& p = pos[b.members[j]];
    if (b.column) {
      p = {b.fixed, along};
    } else {
      const double off = (b.zigzag && j % 2 == 1) ? 0.08 * b.inward : 0.0;
      p = {along, b.fixed + off};
    }
  }
}

std::vector<Point> sides_layout(const Survey& s, const Aggregate& agg, const std::string& side_a,
                                const std::string& side_b) {
  const std::size_t n = s.units.size();
  std::vector<Point> pos(n, Point{0.5, 0.5});
  std::vector<std::string> others;
  for (const std::string& side : s.sides)
    if (side != side_a && side != side_b) others.push_back(side);
  for (const Unit& u : s.units)  // sides not listed in Survey::sides (hand-built surveys)
    if (u.side != side_a && u.side != side_b && std::find(others.begin(), others.end(), u.side) == others.end())
      others.push_back(u.side);

  auto members_of = [&](const std::string& side) {
    std::vector<std::uint32_t> m;
    for (std::uint32_t i = 0; i < n; ++i)
      if (s.units[i].side == side) m.push_back(i);
    return m;
  };
  std::vector<Band> bands;
  bands.push_back({true, 0.0, 0, 0.12, 0.88, false, members_of(side_a)});
  bands.push_back({true, 1.0, 0, 0.12, 0.88, false, members_of(side_b)});
  // Other sides alternate between the top row (y = 0) and the bottom row (y = 1);
  // each row is split between its sides in proportion to their unit counts.
  for (int row = 0; row < 2; ++row) {
    std::vector<std::vector<std::uint32_t>> segs;
    std::size_t total = 0;
    for (std::size_t i = static_cast<std::size_t>(row); i < others.size(); i += 2) {
      segs.push_back(members_of(others[i]));
      total += segs.back().size();
    }
    double cursor = 0.22;
    for (auto& m : segs) {
      if (m.empty()) continue;
      const double width = 0.56 * static_cast<double>(m.size()) / static_cast<double>(total);
      Band b{false, row == 0 ? 0.0 : 1.0, row == 0 ? 1.0 : -1.0, cursor, cursor + width, total > 6, std::move(m)};
      cursor += width;
      bands.push_back(std::move(b));
    }
  }
  for (const Band& b : bands) place(b, pos);
  if (n < 2) return pos;

  const auto w = pair_weights(n, agg);
  std::vector<int> band_of(n, -1);
  for (std::size_t bi = 0; bi < bands.size(); ++bi)
    for (auto u : bands[bi].members) band_of[u] = static_cast<int>(bi);
  for (int sweep = 0; sweep < 4; ++sweep) {
    for (std::size_t bi = 0; bi < bands.size(); ++bi) {
      Band& b = bands[bi];
      std::vector<std::pair<double, std::uint32_t>> key;
      for (auto u : b.members) {
        double sw = 0, sp = 0;
        for (std::uint32_t v = 0; v < n; ++v) {
          if (band_of[v] == static_cast<int>(bi) || w[u][v] <= 0) continue;
          sw += w[u][v];
          sp += w[u][v] * (b.column ? pos[v].y : pos[v].x);
        }
        const double own = b.column ? pos[u].y : pos[u].x;
        key.push_back({sw > 0 ? sp / sw : own, u});
      }
      std::stable_sort(key.begin(), key.end());
      for (std::size_t j = 0; j < key.size(); ++j) b.members[j] = key[j].second;
      place(b, pos);
    }
  }
  return pos;
}

std::vector<Point> force_layout(const Survey& s, const Aggregate& agg, unsigned long seed) {
  const std::size_t n = s.units.size();
  ig::ErrorScope scope;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<double> weights;
  for (const Tie& t : agg.ties) {
    if (t.suppressed || t.within() || !std::isfinite(t.rc) || t.source >= n || t.target >= n) continue;
    edges.emplace_back(static_cast<std::uint32_t>(t.source), static_cast<std::uint32_t>(t.target));
    weights.push_back(t.rc);
  }
  ig::Graph g(n, edges, /*directed=*/true);
  igraph_vector_t wv;
  igraph_vector_view(&wv, weights.data(), static_cast<igraph_integer_t>(weights.size()));
  ig::Matrix res;
  igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed));
  ig::check(igraph_layout_fruchterman_reingold(g.get(), res.get(), /*use_seed=*/false, /*niter=*/500,
                                               /*start_temp=*/std::sqrt(static_cast<double>(n)), IGRAPH_LAYOUT_NOGRID,
                                               weights.empty() ? nullptr : &wv, nullptr, nullptr, nullptr, nullptr),
            "igraph_layout_fruchterman_reingold");
  std::vector<Point> pos(n);
  for (std::size_t i = 0; i < n; ++i) pos[i] = {res(i, 0), res(i, 1)};
  // Normalise each axis to [0, 1] (the renderer scales to the page anyway).
  for (int axis = 0; axis < 2; ++axis) {
    double lo = 1e300, hi = -1e300;
    for (const Point& p : pos) {
      lo = std::min(lo, axis ? p.y : p.x);
      hi = std::max(hi, axis ? p.y : p.x);
    }
    for (Point& p : pos) {
      double& c = axis ? p.y : p.x;
      c = hi > lo ? (c - lo) / (hi - lo) : 0.5;
    }
  }
  return pos;
}

}  // namespace

std::vector<Point> compute_layout(const Survey& survey, const Aggregate& agg, LayoutKind kind,
                                  const std::string& side_a, const std::string& side_b, unsigned long seed) {
  const std::size_t n = survey.units.size();
  if (n == 0) return {};
  if (n == 1) return {Point{0.5, 0.5}};
  return kind == LayoutKind::force ? force_layout(survey, agg, seed) : sides_layout(survey, agg, side_a, side_b);
}

}  // namespace rcmap
