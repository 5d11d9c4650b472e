// Gould & Fernandez (1989) brokerage on a hand-computed case, and the real
// network of Krackhardt's high-tech managers: brokerage against R
// sna::brokerage(), constraint / effective size against NetworkX, E-I against
// a direct count.
#include <catch2/catch.hpp>

#include <cmath>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "support/metrics_fixtures.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/metrics/metrics_algorithms.hpp"

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
    if (w.no_shown_ratings) {  // own ratings all suppressed: blank, never 0
      CHECK(std::isnan(w.broker_coordinator));
      continue;
    }
    CHECK(w.broker_coordinator + w.broker_itinerant + w.broker_representative + w.broker_gatekeeper +
              w.broker_liaison ==
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
    if (row[3] == "1") arcs.emplace_back(std::stoul(row[0]) - 1, std::stoul(row[1]) - 1);
  const auto roles = rcmap::metrics::brokerage(21, arcs, group);
  // w_I, w_O, b_IO, b_OI, b_O per manager (sna output, rows 1..21)
  const int sna[21][5] = {{1, 2, 2, 11, 8},   {0, 1, 6, 0, 13}, {1, 0, 6, 3, 10},   {0, 5, 6, 6, 13}, {3, 0, 13, 1, 5},
                          {0, 0, 0, 0, 0},    {0, 7, 0, 0, 31}, {0, 0, 2, 4, 10},   {0, 0, 10, 0, 3}, {0, 15, 1, 1, 28},
                          {0, 0, 1, 0, 4},    {0, 0, 0, 0, 2},  {1, 0, 0, 2, 0},    {0, 0, 4, 0, 0},  {7, 0, 10, 2, 7},
                          {0, 0, 1, 0, 1},    {0, 0, 1, 1, 8},  {0, 32, 4, 11, 74}, {2, 0, 0, 1, 1},  {2, 0, 8, 4, 9},
                          {11, 7, 20, 15, 19}};
  for (int v = 0; v < 21; ++v) {
    INFO("manager " << v + 1);
    CHECK(roles[v].coordinator == sna[v][0]);
    CHECK(roles[v].itinerant == sna[v][1]);
    CHECK(roles[v].representative == sna[v][2]);
    CHECK(roles[v].gatekeeper == sna[v][3]);
    CHECK(roles[v].liaison == sna[v][4]);
  }
}

// Same data, weight = advice + friendship + reportto (1..3). Reference:
// NetworkX 3.6.1, tests/data/metrics_reference/hightech_constraint_ei.py
// (every manager has out-ties, so nx.constraint agrees there too).
TEST_CASE(
    "constraint, effective size and E-I of Krackhardt's high-tech managers match "
    "NetworkX and a direct count",
    "[metrics]") {
  const std::string dir = std::string(RCMAP_SOURCE_DIR) + "/tests/data/krackhardt_hightech/";
  const auto nodes = read_csv(dir + "nodes.csv");
  const auto edges = read_csv(dir + "edges.csv");
  std::vector<rcmap::metrics::WeightedArc> all, advice;
  for (const auto& row : edges) {
    const auto a = static_cast<std::uint32_t>(std::stoul(row[0]) - 1);
    const auto b = static_cast<std::uint32_t>(std::stoul(row[1]) - 1);
    all.push_back({a, b, std::stod(row[2])});
    if (row[3] == "1") advice.push_back({a, b, 1.0});
  }
  std::vector<std::string> warnings;
  const auto c = rcmap::metrics::constraint(21, all, warnings);
  const auto es = rcmap::metrics::effective_size(21, all, warnings);
  const double c_ref[21] = {0.2147294242, 0.2036151153, 0.2091787361, 0.2241649151, 0.2051813551, 0.2402109628,
                            0.2226356127, 0.2231535408, 0.1985540089, 0.1998982587, 0.1963493476, 0.2353708194,
                            0.2601935877, 0.2198644144, 0.2022788874, 0.2612270983, 0.2015350532, 0.1909604206,
                            0.2239033659, 0.2092376821, 0.2066058434};
  const double es_ref[21] = {10.1202020202, 11.4728070175, 9.8357142857,  8.25625,      10.2269607843, 7.0283333333,
                             7.9666666667,  8.1626666667,  10.5958333333, 9.8072916667, 9.675,         7.703030303,
                             4.2976190476,  7.0379310345,  12.290990991,  5.1105263158, 11.1282051282, 10.49375,
                             7.2438888889,  9.9525641026,  9.3233333333};
  for (int v = 0; v < 21; ++v) {
    INFO("manager " << v + 1);
    CHECK(c[v] == Approx(c_ref[v]).margin(1e-9));
    CHECK(es[v] == Approx(es_ref[v]).margin(1e-9));
  }

  // E-I of the advice relation by department (python count, same script):
  // global internal 46, external 144 -> 0.5157894737; dept0 1.0,
  // dept1 0.7391304348, dept2 0.5652173913, dept3 0.8769230769, dept4 0.75.
  std::vector<std::string> names;
  std::vector<int> group;
  for (const auto& row : nodes) {
    auto it = std::find(names.begin(), names.end(), row[2]);
    if (it == names.end()) it = names.insert(names.end(), row[2]);
    group.push_back(static_cast<int>(it - names.begin()));
  }
  const auto ei = rcmap::metrics::ei_index(advice, group, names, warnings);
  CHECK(ei.global.internal == 46);
  CHECK(ei.global.external == 144);
  CHECK(ei.global.ei == Approx(0.5157894737));
  CHECK(ei.global.ei_weighted == Approx(0.5157894737));  // all weights 1
  const std::map<std::string, double> per_side = {
      {"dept0", 1.0}, {"dept1", 0.7391304348}, {"dept2", 0.5652173913}, {"dept3", 0.8769230769}, {"dept4", 0.75}};
  REQUIRE(ei.groups.size() == 5);
  for (const auto& g : ei.groups) {
    INFO(g.side);
    CHECK(g.ei == Approx(per_side.at(g.side)));
  }
  CHECK(warnings.empty());
}
