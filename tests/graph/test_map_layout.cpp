// Layout of the coordination map: side bands with barycentric ordering and
// igraph's seeded Fruchterman-Reingold.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "rcmap/graph/map_layout.hpp"
#include "support/render_fixtures.hpp"

using namespace rcmap;

namespace {
test::Fixture tiny(const std::vector<std::pair<std::string, std::string>>& units) {
  test::Fixture f;
  for (std::size_t i = 0; i < units.size(); ++i)
    test::add_unit(f.survey, std::string("u").append(std::to_string(i)), units[i].first, units[i].second);
  f.agg.units.assign(units.size(), UnitResult{});
  return f;
}
void tie(test::Fixture& f, std::uint32_t a, std::uint32_t b, double rc, int n = 8) {
  f.agg.ties.push_back(test::make_tie(a, b, n, rc, f.agg.options.min_n, f.agg.options));
  std::sort(f.agg.ties.begin(), f.agg.ties.end(), [](const Tie& x, const Tie& y) {
    return std::pair{x.source, x.target} < std::pair{y.source, y.target};
  });
}
double dist(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

TEST_CASE("sides layout puts side A left, side B right and other sides in rows", "[layout]") {
  const auto f = test::sixteen_units();
  const auto p = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  REQUIRE(p.size() == 16);
  std::set<std::pair<double, double>> distinct;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const std::string& side = f.survey.units[i].side;
    if (side == "authority") CHECK(p[i].x == 0.0);
    if (side == "provider") CHECK(p[i].x == 1.0);
    if (side == "general") CHECK(p[i].y == 0.0);  // first other side: top row (4 units, no zig-zag)
    if (side == "health") CHECK(p[i].y == 1.0);   // second other side: bottom row
    if (side == "authority" || side == "provider") {
      CHECK(p[i].y >= 0.12);
      CHECK(p[i].y <= 0.88);
    } else {
      CHECK(p[i].x > 0.2);
      CHECK(p[i].x < 0.8);
    }
    distinct.insert({p[i].x, p[i].y});
  }
  CHECK(distinct.size() == 16);
}

TEST_CASE("sides layout orders columns by barycentre so parallel ties do not cross", "[layout]") {
  // A0, A1 authority; P0, P1 provider. Only A0<->P1 and A1<->P0 are tied:
  // the crossing-free order puts A0 level with P1 and A1 level with P0.
  auto f = tiny({{"A0", "authority"}, {"A1", "authority"}, {"P0", "provider"}, {"P1", "provider"}});
  tie(f, 0, 3, 4.5);
  tie(f, 3, 0, 4.4);
  tie(f, 1, 2, 4.1);
  tie(f, 2, 1, 4.2);
  const auto p = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  CHECK(p[0].y == Approx(p[3].y));
  CHECK(p[1].y == Approx(p[2].y));
  CHECK(p[0].y != Approx(p[1].y));
}

TEST_CASE("force layout is deterministic for a seed and changes with the seed", "[layout]") {
  const auto f = test::sixteen_units();
  const auto a = compute_layout(f.survey, f.agg, LayoutKind::force, "authority", "provider", 7);
  const auto b = compute_layout(f.survey, f.agg, LayoutKind::force, "authority", "provider", 7);
  const auto c = compute_layout(f.survey, f.agg, LayoutKind::force, "authority", "provider", 8);
  REQUIRE(a.size() == 16);
  bool differs = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].x == b[i].x);
    CHECK(a[i].y == b[i].y);
    CHECK(a[i].x >= 0.0);
    CHECK(a[i].x <= 1.0);
    differs = differs || a[i].x != c[i].x || a[i].y != c[i].y;
  }
  CHECK(differs);
}

TEST_CASE("force layout ignores suppressed ties entirely", "[layout]") {
  // Same survey with suppressed ties holding a planted value vs NaN: the
  // weights igraph sees must be identical, hence identical positions.
  const auto planted = test::sixteen_units(1.234);
  const auto clean = test::sixteen_units();
  const auto a = compute_layout(planted.survey, planted.agg, LayoutKind::force, "authority", "provider", 3);
  const auto b = compute_layout(clean.survey, clean.agg, LayoutKind::force, "authority", "provider", 3);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].x == b[i].x);
    CHECK(a[i].y == b[i].y);
  }
}

TEST_CASE("force layout keeps strongly tied clusters together", "[layout]") {
  // Two 4-cliques (RC 5 both ways) joined by one weak tie.
  auto f = tiny({{"a", "x"}, {"b", "x"}, {"c", "x"}, {"d", "x"}, {"e", "y"}, {"f", "y"}, {"g", "y"}, {"h", "y"}});
  for (std::uint32_t u = 0; u < 8; ++u)
    for (std::uint32_t v = 0; v < 8; ++v)
      if (u != v && (u < 4) == (v < 4)) tie(f, u, v, 5.0);
  tie(f, 3, 4, 1.5);
  const auto p = compute_layout(f.survey, f.agg, LayoutKind::force, "x", "y", 1);
  double within = 0, between = 0;
  int nw = 0, nb = 0;
  for (std::uint32_t u = 0; u < 8; ++u)
    for (std::uint32_t v = u + 1; v < 8; ++v) {
      if ((u < 4) == (v < 4))
        within += dist(p[u], p[v]), ++nw;
      else
        between += dist(p[u], p[v]), ++nb;
    }
  CHECK(within / nw < 0.6 * (between / nb));
}

TEST_CASE("layout of an empty survey is empty and of one unit is centred", "[layout]") {
  test::Fixture none;
  CHECK(compute_layout(none.survey, none.agg, LayoutKind::force, "a", "b", 1).empty());
  auto one = tiny({{"Solo", "authority"}});
  const auto p = compute_layout(one.survey, one.agg, LayoutKind::sides, "authority", "provider", 1);
  REQUIRE(p.size() == 1);
  CHECK(p[0].x == 0.5);
  CHECK(p[0].y == 0.5);
}
