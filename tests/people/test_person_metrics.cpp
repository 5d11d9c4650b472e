// Person-network metrics (src/people/person_metrics.cpp, unit_ties.cpp) on a
// hand-computed graph and on Lazega's law firm against NetworkX 2.8.8
// (tests/data/people/make_lazega.py records the exact calls).
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "rcmap/people/people.hpp"
#include "support/test_helpers.hpp"

using namespace rcmap;
using rcmap::test::source_path;

namespace {

std::vector<Unit> make_units(const std::vector<std::pair<std::string, std::string>>& id_side) {
  std::vector<Unit> u;
  for (const auto& [id, side] : id_side) u.push_back({id, id, side, std::nullopt, 0});
  return u;
}

// Four people: p1, p2 in U1 (authority), p3 in U2 (provider), p4 in U3 (general);
// ties p1->p2 (4), p2->p3 (2), p3->p4 (5), p4->p1 (1), p2->p1 (2).
struct Small {
  std::vector<Unit> units = make_units({{"U1", "authority"}, {"U2", "provider"}, {"U3", "general"}});
  people::People p;
  people::PersonTies t;
  Small() {
    p.ids = {"p1", "p2", "p3", "p4"};
    p.unit = {0, 0, 1, 2};
    for (std::uint32_t i = 0; i < 4; ++i) p.index[p.ids[i]] = i;
    t.source = {0, 1, 2, 3, 1};
    t.target = {1, 2, 3, 0, 0};
    t.weight = {4, 2, 5, 1, 2};
  }
};

std::vector<std::vector<std::string>> read_rows(const std::string& path) {
  std::istringstream in(rcmap::test::slurp(path));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream ls(line);
    std::string x;
    while (std::getline(ls, x, ',')) f.push_back(x);
    rows.push_back(f);
  }
  return rows;
}

// A person network from tests/data/people/<prefix>-{units,people}.csv and `ties`,
// with the metrics under --distance complement (integer lengths for weights 1..3).
struct Loaded {
  Diagnostics d;
  std::vector<Unit> units;
  people::People p;
  people::PersonTies t;
  people::NetworkResult r;
  Loaded(const std::string& prefix, const std::string& ties, const std::string& side_a = "authority",
         const std::string& side_b = "provider") {
    const std::string dir = source_path("tests/data/people/");
    units = read_units(dir + prefix + "-units.csv", ReadOptions{}, d);
    p = people::read_people(dir + prefix + "-people.csv", units, Encoding::auto_detect, d);
    t = people::read_person_ties(dir + ties, p, Encoding::auto_detect, d);
    people::NetworkOptions o;
    o.distance = DistanceTransform::complement;
    o.side_a = side_a;
    o.side_b = side_b;
    r = people::person_metrics(units, p, t, o);
  }
};

}  // namespace

TEST_CASE("person metrics of a four-person graph match hand computation", "[people]") {
  Small s;
  people::NetworkOptions o;
  const people::NetworkResult r = people::person_metrics(s.units, s.p, s.t, o);
  const auto& m = r.people;
  // p1: in from p2 (2) and p4 (1), out to p2 (4).
  CHECK(m[0].degree_in == 2);
  CHECK(m[0].degree_out == 1);
  CHECK(m[0].strength_in == 3.0);
  CHECK(m[0].strength_out == 4.0);
  // Lengths 1/w: p1->p2 .25, p2->p3 .5, p3->p4 .2, p4->p1 1, p2->p1 .5. Every
  // shortest path follows the cycle p1->p2->p3->p4->p1 except p2->p1 (direct
  // .5 < 1.7). Interior visits: p1 on (p4,p2) (p4,p3) (p3,p2) = 3; p2 on
  // (p1,p3) (p1,p4) (p4,p3) = 3; p3 on (p2,p4) (p1,p4) = 2; p4 on (p3,p1) (p3,p2) = 2.
  CHECK(m[0].betweenness == Approx(3));
  CHECK(m[1].betweenness == Approx(3));
  CHECK(m[2].betweenness == Approx(2));
  CHECK(m[3].betweenness == Approx(2));
  // Harmonic of p1: distances .25 (p2), .75 (p3), .95 (p4), mean over 3 others.
  CHECK(m[0].harmonic == Approx((1 / 0.25 + 1 / 0.75 + 1 / 0.95) / 3).epsilon(1e-12));
  // Open two-paths: (p1,p2,p3) A A P representative of p2; (p2,p3,p4) A P G
  // liaison of p3; (p3,p4,p1) P G A liaison of p4; (p4,p1,p2) G A A gatekeeper of p1.
  CHECK(m[1].roles.representative == 1);
  CHECK(m[2].roles.liaison == 1);
  CHECK(m[3].roles.liaison == 1);
  CHECK(m[0].roles.gatekeeper == 1);
  // Between authority and provider only (p1,p2,p3) and (p3,p4,p1) count.
  CHECK(m[1].cross_side.representative == 1);
  CHECK(m[3].cross_side.liaison == 1);
  CHECK(m[0].cross_side.gatekeeper == 0);
  CHECK(m[2].cross_side.liaison == 0);
  // E-I with sides as groups: internal p1->p2, p2->p1; external 3: (3-2)/5.
  CHECK(r.ei.internal == 2);
  CHECK(r.ei.external == 3);
  CHECK(r.ei.ei == Approx(0.2));
  // Density 5 / (4 * 3); reciprocity: 2 of 5 arcs are mutual.
  CHECK(r.density == Approx(5.0 / 12));
  CHECK(r.reciprocity == Approx(0.4));
}

TEST_CASE("person ties aggregate to unit pairs with directed block density", "[people]") {
  Small s;
  // Sizes U1 = 2, U2 = 1, U3 = 1.
  const auto pairs = people::unit_ties(3, s.p, s.t, 1);
  REQUIRE(pairs.size() == 4);
  // U1->U1: p1->p2 (4), p2->p1 (2): 2 ties of 2*1 ordered pairs, mean 3.
  CHECK(pairs[0].source == 0);
  CHECK(pairs[0].target == 0);
  CHECK(pairs[0].ties == 2);
  CHECK(pairs[0].density == Approx(1.0));
  CHECK(pairs[0].mean_weight == Approx(3.0));
  // U1->U2: p2->p3 (2): 1 of 2*1.
  CHECK(pairs[1].target == 1);
  CHECK(pairs[1].density == Approx(0.5));
  CHECK(pairs[1].mean_weight == Approx(2.0));
  // U2->U3: p3->p4 (5): 1 of 1*1.   U3->U1: p4->p1 (1): 1 of 1*2.
  CHECK(pairs[2].density == Approx(1.0));
  CHECK(pairs[2].mean_weight == Approx(5.0));
  CHECK(pairs[3].source == 2);
  CHECK(pairs[3].density == Approx(0.5));

  SECTION("pairs with a unit below min-n people are suppressed") {
    const auto sup = people::unit_ties(3, s.p, s.t, 2);
    REQUIRE(sup.size() == 4);
    CHECK_FALSE(sup[0].suppressed);
    for (std::size_t k = 1; k < 4; ++k) {
      CHECK(sup[k].suppressed);
      CHECK(std::isnan(sup[k].density));
      CHECK(std::isnan(sup[k].mean_weight));
      CHECK(sup[k].ties == 0);
    }
  }
}

TEST_CASE("person metrics of Lazega's law firm agree with NetworkX", "[people]") {
  const Loaded net("lazega", "lazega-ties.csv", "corporate", "litigation");
  const auto& p = net.p;
  const auto& r = net.r;
  REQUIRE(p.ids.size() == 71);
  REQUIRE(net.t.size() == 1417);
  const std::string dir = source_path("tests/data/people/");
  const auto ref = read_rows(dir + "lazega-networkx.csv");
  REQUIRE(ref.size() == 71);
  for (std::size_t v = 0; v < 71; ++v) {
    const auto& x = ref[v];
    const auto& m = r.people[v];
    INFO("person " << x[0]);
    REQUIRE(p.ids[v] == x[0]);
    CHECK(m.degree_in == std::stoi(x[1]));
    CHECK(m.degree_out == std::stoi(x[2]));
    CHECK(m.strength_in == std::stod(x[3]));
    CHECK(m.strength_out == std::stod(x[4]));
    CHECK(m.betweenness == Approx(std::stod(x[5])).margin(1e-6));
    CHECK(m.harmonic == Approx(std::stod(x[6])).epsilon(1e-9));
    CHECK(m.pagerank == Approx(std::stod(x[7])).epsilon(1e-7));
    CHECK(m.constraint == Approx(std::stod(x[8])).epsilon(1e-9));
    CHECK(m.effective_size == Approx(std::stod(x[9])).epsilon(1e-9));
    CHECK(m.roles.coordinator == std::stod(x[10]));
    CHECK(m.roles.itinerant == std::stod(x[11]));
    CHECK(m.roles.gatekeeper == std::stod(x[12]));
    CHECK(m.roles.representative == std::stod(x[13]));
    CHECK(m.roles.liaison == std::stod(x[14]));
    // Two sides only: every cross-side brokered pair is a gatekeeper or representative one.
    CHECK(m.cross_side.gatekeeper == m.roles.gatekeeper);
    CHECK(m.cross_side.representative == m.roles.representative);
  }
  const auto whole = read_rows(dir + "lazega-networkx-network.csv");
  CHECK(r.assortativity_side == Approx(std::stod(whole[0][1])).epsilon(1e-9));
  CHECK(r.reciprocity == Approx(std::stod(whole[1][1])).epsilon(1e-9));
  CHECK(r.density == Approx(std::stod(whole[2][1])).epsilon(1e-9));
  CHECK(r.communities >= 2);
  CHECK(r.modularity > 0);
  CHECK(r.nmi_unit >= 0);
  CHECK(r.nmi_unit <= 1);
}

TEST_CASE("pseudonyms are HMAC-SHA256, stable for a key and different across keys", "[people]") {
  // RFC 4231 test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?")
  // = 5bdcc146bf60754e6a042426089575c7...
  CHECK(people::pseudonym("what do ya want for nothing?", "Jefe") == "p-5bdcc146bf60");
  CHECK(people::pseudonym("a01", "k1") == people::pseudonym("a01", "k1"));
  CHECK(people::pseudonym("a01", "k1") != people::pseudonym("a01", "k2"));
  CHECK(people::pseudonym("a01", "k1") != people::pseudonym("a02", "k1"));
  CHECK_THROWS_AS(people::pseudonym("a01", ""), UsageError);
  const auto all = people::pseudonymise({"a", "b", "c"}, "key");
  CHECK(all[1] == people::pseudonym("b", "key"));
}

TEST_CASE("Krackhardt's managers read from GraphML agree with NetworkX", "[people][network]") {
  // tests/data/people/make_krackhardt.py writes the GraphML with nx.write_graphml
  // and the reference values; units = departments.
  const Loaded net("krackhardt", "krackhardt-ties.graphml");
  const auto& p = net.p;
  const auto& t = net.t;
  const auto& r = net.r;
  REQUIRE(p.ids.size() == 21);
  const std::string dir = source_path("tests/data/people/");
  const auto ref = read_rows(dir + "krackhardt-networkx.csv");
  REQUIRE(ref.size() == 21);
  std::size_t ties = 0;
  for (const auto& x : ref) {
    INFO("person " << x[0]);
    const auto& m = r.people[p.index.at(x[0])];
    ties += std::stoul(x[2]);
    CHECK(m.degree_in == std::stoi(x[1]));
    CHECK(m.degree_out == std::stoi(x[2]));
    CHECK(m.betweenness == Approx(std::stod(x[3])).margin(1e-6));
    CHECK(m.pagerank == Approx(std::stod(x[4])).epsilon(1e-7));
    CHECK(m.constraint == Approx(std::stod(x[5])).epsilon(1e-9));
    CHECK(m.effective_size == Approx(std::stod(x[6])).epsilon(1e-9));
  }
  CHECK(t.size() == ties);
}
