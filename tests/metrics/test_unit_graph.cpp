// igraph RAII wrappers, error translation, distance transforms and the unit
// graph views.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <stdexcept>

#include "support/metrics_fixtures.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/metrics/unit_graph.hpp"

using rcmap::test::Net;

TEST_CASE("igraph errors become ig::Error exceptions instead of aborting", "[metrics]") {
  rcmap::ig::ErrorScope scope;
  igraph_t g;
  const igraph_error_t rc = igraph_famous(&g, "No_Such_Graph");
  CHECK(rc != IGRAPH_SUCCESS);
  try {
    rcmap::ig::check(rc, "igraph_famous");
    FAIL("no exception");
  } catch (const rcmap::ig::Error& e) {
    CHECK(std::strstr(e.what(), "igraph_famous") != nullptr);
    CHECK(std::strstr(e.what(), "No_Such_Graph") != nullptr);  // igraph's reason
  }
  CHECK_THROWS_AS(rcmap::ig::Graph(2, {{0, 2}}, true), rcmap::ig::Error);
}

TEST_CASE("igraph wrappers own their objects and move without double free", "[metrics]") {
  rcmap::ig::Vector v(std::vector<double>{1.5, 2.5});
  rcmap::ig::Vector w(std::move(v));
  CHECK(w.size() == 2);
  CHECK(w[1] == 2.5);
  v = std::move(w);  // moved-from objects may be assigned to
  CHECK(v.to_std() == std::vector<double>{1.5, 2.5});
  rcmap::ig::IntVector iv(std::vector<long>{3, 4, 5});
  rcmap::ig::IntVector iw = std::move(iv);
  CHECK(iw.to_std() == std::vector<long>{3, 4, 5});
  rcmap::ig::Matrix m(2, 3);
  rcmap::ig::Matrix m2 = std::move(m);
  CHECK(m2.rows() == 2);
  CHECK(m2.cols() == 3);
  rcmap::ig::Graph g(3, {{0, 1}, {1, 2}}, true);
  rcmap::ig::Graph h = std::move(g);
  CHECK(h.vcount() == 3);
  CHECK(h.ecount() == 2);
  CHECK(h.edges()[1] == rcmap::VertexPair{1, 2});
  g = std::move(h);
  CHECK(g.directed());
}

TEST_CASE("distance transforms turn RC strengths into distances explicitly", "[metrics]") {
  using rcmap::DistanceTransform;
  CHECK(rcmap::rc_to_distance(4.0, DistanceTransform::inverse) == 0.25);
  CHECK(rcmap::rc_to_distance(4.0, DistanceTransform::complement) == 2.0);
  CHECK(rcmap::rc_to_distance(3.0, DistanceTransform::neglog) == Approx(std::log(2.0)));
  // stronger ties are always shorter
  for (auto d : {DistanceTransform::inverse, DistanceTransform::complement, DistanceTransform::neglog})
    CHECK(rcmap::rc_to_distance(4.5, d) < rcmap::rc_to_distance(3.5, d));
  CHECK_THROWS_AS(rcmap::rc_to_distance(0.0, DistanceTransform::inverse), std::invalid_argument);
  CHECK_THROWS_AS(rcmap::rc_to_distance(rcmap::kNaN, DistanceTransform::neglog), std::invalid_argument);
  for (auto d : {DistanceTransform::inverse, DistanceTransform::complement, DistanceTransform::neglog})
    CHECK(rcmap::parse_distance(rcmap::distance_name(d)) == d);
  CHECK(std::string(rcmap::distance_name(DistanceTransform::inverse)) == "inverse");
  CHECK_THROWS_AS(rcmap::parse_distance("Inverse"), rcmap::UsageError);
  CHECK_THROWS_AS(rcmap::parse_distance(""), rcmap::UsageError);
}

TEST_CASE("metrics options are checked", "[metrics]") {
  rcmap::MetricsOptions opt;
  CHECK_NOTHROW(rcmap::check_options(opt));
  opt.asymmetry = -0.1;
  CHECK_THROWS_AS(rcmap::check_options(opt), rcmap::UsageError);
  opt.asymmetry = rcmap::kNaN;
  CHECK_THROWS_AS(rcmap::check_options(opt), rcmap::UsageError);
  opt = {};
  opt.gap_side_b = "";
  CHECK_THROWS_AS(rcmap::check_options(opt), rcmap::UsageError);
}

TEST_CASE("suppressed and within-unit ties are never edges of the unit graphs", "[metrics]") {
  Net net({"a", "a", "b"});
  net.tie(0, 0, 4.5).tie(0, 1, 4.0).tie(1, 0, 3.0).tie(0, 2, 4.8, 4).tie(2, 1, 2.0);
  const auto g = rcmap::build_unit_graph(net.survey, net.agg, rcmap::DistanceTransform::inverse);
  CHECK(g.rc.ecount() == 3);  // 0->1, 1->0, 2->1
  CHECK(g.rc_edges == std::vector<rcmap::VertexPair>{{0, 1}, {1, 0}, {2, 1}});
  CHECK(g.functional.ecount() == 1);  // 0->1 only
  CHECK(g.functional_distance == std::vector<double>{0.25});
  REQUIRE(g.undirected.ecount() == 1);
  CHECK(g.undirected_edges[0] == rcmap::VertexPair{0, 1});
  CHECK(g.undirected_weight[0] == Approx(3.5));  // mean of 4.0 and 3.0
  CHECK(g.tie_functional_edge == std::vector<long>{-1, 0, -1, -1, -1});
  CHECK(g.sides == std::vector<std::string>{"a", "b"});
  CHECK(g.side_of == std::vector<int>{0, 0, 1});

  // an inconsistent aggregate (n < min_n but not flagged) is still never used
  Net odd({"a", "a"});
  odd.tie(0, 1, 4.0, 3);
  odd.agg.ties[0].suppressed = false;
  odd.agg.ties[0].rc = 4.0;
  CHECK(rcmap::build_unit_graph(odd.survey, odd.agg, rcmap::DistanceTransform::inverse).rc.ecount() == 0);

  Net bad({"a", "a"});
  bad.tie(0, 1, 4.0);
  bad.agg.ties[0].rc = rcmap::kNaN;  // not suppressed but no RC: inconsistent
  CHECK_THROWS_AS(rcmap::compute_metrics(bad.survey, bad.agg, {}), std::invalid_argument);
  bad.agg.ties[0].rc = 4.0;
  bad.agg.ties[0].target = 7;
  CHECK_THROWS_AS(rcmap::compute_metrics(bad.survey, bad.agg, {}), std::invalid_argument);
}

TEST_CASE("metrics of degenerate surveys are undefined with warnings, not errors", "[metrics]") {
  SECTION("no units") {
    Net net(std::vector<std::string>{});
    const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
    CHECK(r.units.empty());
    CHECK(r.gaps.empty());
    CHECK(std::isnan(r.network.density));
  }
  SECTION("every tie suppressed") {
    Net net({"authority", "provider"});
    net.tie(0, 1, 4.0, 2).tie(1, 0, 4.0, 3);
    const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
    REQUIRE(r.units.size() == 2);
    // Both units' own ratings are suppressed: out-dependent measures blank, never 0.
    CHECK(r.units[0].no_shown_ratings);
    CHECK(std::isnan(r.units[0].betweenness));
    CHECK(std::isnan(r.units[0].closeness_out));
    CHECK(std::isnan(r.units[0].harmonic));
    CHECK(std::isnan(r.units[0].pagerank));
    CHECK(std::isnan(r.units[0].hub));
    CHECK(std::isnan(r.units[0].constraint));
    CHECK(std::isnan(r.network.reciprocity));
    CHECK(std::isnan(r.network.ei.ei));
    CHECK(r.network.density == 0.0);
    REQUIRE(r.gaps.size() == 2);
    CHECK(r.gaps[0].kind == "unmeasured");
    CHECK(r.gaps[0].group == "not_enough_answers");
    CHECK(rcmap::test::has_warning(r.warnings, "hub and authority scores undefined"));
    CHECK(rcmap::test::has_warning(r.warnings, "E-I index undefined"));
  }
}

TEST_CASE("the same input gives bit-identical metrics", "[metrics]") {
  Net net({"a", "a", "b", "b", "c", "c"});
  double rc = 2.0;
  for (std::uint32_t i = 0; i < 6; ++i)
    for (std::uint32_t j = 0; j < 6; ++j)
      if (i != j) {
        net.tie(i, j, rc);
        rc = rc >= 4.9 ? 2.0 : rc + 0.37;
      }
  const auto a = rcmap::compute_metrics(net.survey, net.agg, {});
  const auto b = rcmap::compute_metrics(net.survey, net.agg, {});
  for (std::size_t v = 0; v < 6; ++v) {
    CHECK(std::memcmp(&a.units[v], &b.units[v], sizeof(rcmap::UnitMetrics)) == 0);
  }
  CHECK(a.network.modularity == b.network.modularity);
  CHECK(a.warnings == b.warnings);
}
