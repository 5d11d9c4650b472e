// UCINET DL and Pajek networks read through igraph. Fixture files written by
// hand (tests/data/readers/network*); expected ties transcribed from them.
#include <catch2/catch.hpp>

#include <algorithm>

#include "rcmap/graph/network_files.hpp"
#include "support/readers_test_util.hpp"

using namespace rcmap;
using rcmap::test::fixture;
using Edge = NetworkFile::Edge;

namespace {
std::vector<Edge> sorted(std::vector<Edge> e) {
  std::sort(e.begin(), e.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.from, a.to, a.weight) < std::tie(b.from, b.to, b.weight);
  });
  return e;
}
// The three files describe the same network: 0->1 3.5, 1->0 2, 1->2 4, 2->1 1.5
const std::vector<Edge> kTies = {{0, 1, 3.5}, {1, 0, 2}, {1, 2, 4}, {2, 1, 1.5}};
}  // namespace

TEST_CASE("reads a UCINET DL full matrix with a labels list, zero entries are no tie", "[network]") {
  Diagnostics d;
  NetworkFile n = read_network(fixture("network_full.dl"), d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(n.directed);
  CHECK(n.labels == std::vector<std::string>{"NORD", "BOERN", "SKOLE"});
  CHECK(sorted(n.edges) == kTies);
}

TEST_CASE("reads a UCINET DL edge list with embedded labels", "[network]") {
  Diagnostics d;
  NetworkFile n = read_dl(fixture("network_edges.dl"), d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(n.labels == std::vector<std::string>{"NORD", "BOERN", "SKOLE"});
  CHECK(sorted(n.edges) == kTies);
}

TEST_CASE("reads a Pajek network with quoted UTF-8 labels and weighted arcs", "[network]") {
  Diagnostics d;
  NetworkFile n = read_network(fixture("network.net"), d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(n.directed);
  CHECK(n.labels == std::vector<std::string>{"Myndighed Nord",
                                             "B\xC3\xB8rnehuset \xC3\x85"
                                             "en",
                                             "Nordby Skole"});
  CHECK(sorted(n.edges) == kTies);
}

TEST_CASE("network files: a tie listed twice and syntax errors are reported", "[network]") {
  Diagnostics d;
  read_pajek(fixture("network_duplicate.net"), d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].message == "tie A -> B is listed twice; expected one value per pair");
  Diagnostics d2;
  read_dl(fixture("network_bad.dl"), d2);
  REQUIRE(d2.error_count() == 1);
  CHECK(d2.items()[0].message.rfind("cannot read as UCINET DL: ", 0) == 0);
  Diagnostics d3;
  read_network(fixture("units.csv"), d3);
  REQUIRE(d3.error_count() == 1);
  CHECK(d3.items()[0].message.find("cannot tell the network format") != std::string::npos);
}

TEST_CASE("network files without labels get vertex numbers and a note", "[network]") {
  NetworkFile n;
  n.path = "x.net";
  n.labels = {"", ""};
  n.edges = {{0, 1, 2.0}};
  Diagnostics d;
  check_network(n, d);
  CHECK_FALSE(d.has_errors());
  CHECK(n.labels == std::vector<std::string>{"1", "2"});
  n.labels = {"A", "A"};
  check_network(n, d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items().back().message == "label 'A' is used by vertices 1 and 2; expected distinct labels");
}

TEST_CASE("reads a valued UCINET DL full matrix with embedded row and column labels", "[network]") {
  Diagnostics d;
  NetworkFile n = read_dl(fixture("network_embedded.dl"), d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(n.labels == std::vector<std::string>{"NORD", "BOERN", "SKOLE"});
  CHECK(sorted(n.edges) == kTies);
}

TEST_CASE("reads a binary UCINET DL full matrix with weight 1 per tie", "[network]") {
  Diagnostics d;
  NetworkFile n = read_dl(fixture("network_binary.dl"), d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(n.labels == std::vector<std::string>{"NORD", "BOERN", "SKOLE"});
  CHECK(sorted(n.edges) == std::vector<Edge>{{0, 1, 1}, {1, 0, 1}, {1, 2, 1}, {2, 1, 1}});
}
