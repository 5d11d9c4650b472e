// Gould & Fernandez (1989) brokerage: hand-computed case and Krackhardt's
// high-tech managers against R sna::brokerage().
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "metrics_fixtures.hpp"
#include "rcmap/metrics.hpp"
#include "rcmap/metrics_algorithms.hpp"

using rcmap::test::Net;

TEST_CASE("brokerage counts each open two-path once in the role its sides define", "[metrics]") {
  // Unit 0 (side X) is rated by 1 (X), 3 (Y), 5 (Z) and rates 2 (X), 4 (Y),
  // 6 (W); 5 -> 6 is direct, so 0 does not broker that pair. By hand:
  //   1->0->2 X X X coordinator     1->0->4 X X Y representative
  //   1->0->6 X X W representative  3->0->2 Y X X gatekeeper
  //   3->0->4 Y X Y itinerant       3->0->6 Y X W liaison
  //   5->0->2 Z X X gatekeeper      5->0->4 Z X Y liaison
  //   5->0->6 closed by 5->6: not brokered
  Net net({"X", "X", "X", "Y", "Y", "Z", "W"});
  for (std::uint32_t a : {1u, 3u, 5u}) net.tie(a, 0, 4.5);
  for (std::uint32_t c : {2u, 4u, 6u}) net.tie(0, c, 4.0);
  net.tie(5, 6, 3.6);
  net.tie(4, 5, 2.0);     // weak: not a functional tie, brokers nothing
  net.tie(2, 3, 4.8, 4);  // suppressed: never used
  const auto r = rcmap::compute_metrics(net.survey, net.agg, {});
  const auto& u = r.units[0];
  CHECK(u.broker_coordinator == 1);
  CHECK(u.broker_itinerant == 1);
  CHECK(u.broker_representative == 2);
  CHECK(u.broker_gatekeeper == 2);
  CHECK(u.broker_liaison == 2);
  for (int v = 1; v < 7; ++v) {
    INFO("unit " << v);
    const auto& w = r.units[v];
    CHECK(w.broker_coordinator + w.broker_itinerant + w.broker_representative +
              w.broker_gatekeeper + w.broker_liaison ==
          0);
  }
}

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    rows.push_back(f);
  }
  return rows;
}

}  // namespace

// Reference: R 4.2.2 with sna 2.7 (Debian r-cran-sna), run from the repository root
// as tests/data/metrics_reference/brokerage_hightech.R:
//   nodes <- read.csv("nodes.csv"); edges <- read.csv("edges.csv")
//   adv <- matrix(0, 21, 21); a <- edges[edges$advice == 1, ]
//   adv[cbind(a$source, a$target)] <- 1
//   brokerage(adv, nodes$group)$raw.nli   # columns w_I w_O b_IO b_OI b_O
// Column meaning from sna's C code (src/gli.c, brokerage_R, for i->j->k with
// broker j): w_I coordinator, w_O itinerant, b_IO representative (cl[i] ==
// cl[j] != cl[k]), b_OI gatekeeper (cl[i] != cl[j] == cl[k]), b_O liaison.
// (sna's manual page describes b_IO and b_OI the other way round; the code
// and Gould & Fernandez agree with rcmap.)
TEST_CASE("brokerage of Krackhardt's high-tech advice network matches R sna", "[metrics]") {
  const std::string dir = std::string(RCMAP_SOURCE_DIR) + "/tests/data/krackhardt_hightech/";
  const auto nodes = read_csv(dir + "nodes.csv");
  const auto edges = read_csv(dir + "edges.csv");
  REQUIRE(nodes.size() == 21);
  std::map<std::string, int> group_id;
  std::vector<int> group;
  for (const auto& row : nodes)
    group.push_back(group_id.emplace(row[2], static_cast<int>(group_id.size())).first->second);
  std::vector<rcmap::VertexPair> arcs;
  for (const auto& row : edges)
    if (row[3] == "1")
      arcs.emplace_back(std::stoul(row[0]) - 1, std::stoul(row[1]) - 1);
  const auto roles = rcmap::metrics::brokerage(21, arcs, group);
  // w_I, w_O, b_IO, b_OI, b_O per manager (sna output, rows 1..21)
  const int sna[21][5] = {{1, 2, 2, 11, 8},  {0, 1, 6, 0, 13},  {1, 0, 6, 3, 10},
                          {0, 5, 6, 6, 13},  {3, 0, 13, 1, 5},  {0, 0, 0, 0, 0},
                          {0, 7, 0, 0, 31},  {0, 0, 2, 4, 10},  {0, 0, 10, 0, 3},
                          {0, 15, 1, 1, 28}, {0, 0, 1, 0, 4},   {0, 0, 0, 0, 2},
                          {1, 0, 0, 2, 0},   {0, 0, 4, 0, 0},   {7, 0, 10, 2, 7},
                          {0, 0, 1, 0, 1},   {0, 0, 1, 1, 8},   {0, 32, 4, 11, 74},
                          {2, 0, 0, 1, 1},   {2, 0, 8, 4, 9},   {11, 7, 20, 15, 19}};
  for (int v = 0; v < 21; ++v) {
    INFO("manager " << v + 1);
    CHECK(roles[v].coordinator == sna[v][0]);
    CHECK(roles[v].itinerant == sna[v][1]);
    CHECK(roles[v].representative == sna[v][2]);
    CHECK(roles[v].gatekeeper == sna[v][3]);
    CHECK(roles[v].liaison == sna[v][4]);
  }
}
