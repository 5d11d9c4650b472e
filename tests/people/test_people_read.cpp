// Reading and validating person-network inputs (src/people/people_read.cpp):
// every error with file, line and column; GraphML and Pajek tie files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "rcmap/people/people.hpp"
#include "support/temp_dir.hpp"

using namespace rcmap;
namespace fs = std::filesystem;

namespace {

struct Files {
  rcmap::test::TempDir tmp{"people"};
  const fs::path& dir = tmp.path;
  std::string put(const std::string& name, const std::string& text) const {
    std::ofstream((dir / name).string(), std::ios::binary) << text;
    return (dir / name).string();
  }
};

std::vector<Unit> units() {
  return {{"A", "A", "authority", std::nullopt, 2}, {"B", "B", "provider", std::nullopt, 3}};
}

people::People three_people(const Files& f) {
  Diagnostics d;
  return people::read_people(f.put("people.csv", "person,unit\nx,A\ny,B\nz,B\n"), units(), Encoding::auto_detect, d);
}

// The errors of a failed read, as "line:column message".
std::vector<std::string> errors_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.items())
    if (x.severity == Severity::error)
      out.push_back(std::to_string(x.line) + ":" + std::to_string(x.column) + " " + x.message);
  return out;
}

}  // namespace

TEST_CASE("people.csv: ids, units and ignored columns are read", "[people][validation]") {
  Files f;
  Diagnostics d;
  const auto p =
      people::read_people(f.put("p.csv", "Unit;Person;age\nA;x;40\nB;\"y\";31\n"), units(), Encoding::auto_detect, d);
  REQUIRE(p.ids == std::vector<std::string>{"x", "y"});
  CHECK(p.unit == std::vector<std::uint32_t>{0, 1});
  CHECK(p.index.at("y") == 1);
  CHECK(p.ignored_columns == std::vector<std::string>{"age"});
}

TEST_CASE("people.csv errors name line and column", "[people][validation]") {
  Files f;
  Diagnostics d;
  const std::string path = f.put("p.csv", "person,unit\nx,A\n,B\ny,C\nx,B\n");
  REQUIRE_THROWS_AS(people::read_people(path, units(), Encoding::auto_detect, d), InputError);
  const auto e = errors_of(d);
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "3:1 empty person id; expected an id");
  CHECK(e[1] == "4:2 unknown unit 'C'; expected a unit listed in the units file");
  CHECK(e[2] == "5:1 person 'x' is listed twice (first on line 2); expected one row per person");

  Diagnostics d2;
  REQUIRE_THROWS_AS(people::read_people(f.put("q.csv", "person,team\nx,A\n"), units(), Encoding::auto_detect, d2),
                    InputError);
  CHECK(errors_of(d2).at(0).find("missing required column 'unit'") != std::string::npos);
  Diagnostics d3;
  REQUIRE_THROWS_AS(people::read_people(f.put("r.csv", "person,unit\n"), units(), Encoding::auto_detect, d3),
                    InputError);
  CHECK(errors_of(d3).at(0) == "1:0 header only, no people; expected one row per person");
}

TEST_CASE("ties.csv errors name line and column, self-loops are dropped with a warning", "[people][validation]") {
  Files f;
  const auto p = three_people(f);
  Diagnostics d;
  const std::string path = f.put(
      "t.csv", "source,target,weight,frequent\nx,y,2,4\nx,w,1,4\nq,y,1,4\ny,z,0,4\ny,z,abc,4\nz,z,3,4\nx,y,5,4\n");
  REQUIRE_THROWS_AS(people::read_person_ties(path, p, Encoding::auto_detect, d), InputError);
  const auto e = errors_of(d);
  REQUIRE(e.size() == 5);
  CHECK(e[0] == "3:2 unknown person 'w'; expected a person listed in " + p.path);
  CHECK(e[1] == "4:1 unknown person 'q'; expected a person listed in " + p.path);
  CHECK(e[2] == "5:3 weight '0'; expected a number greater than 0");
  CHECK(e[3] == "6:3 weight 'abc'; expected a number greater than 0");
  CHECK(e[4] == "8:1 tie 'x' -> 'y' is listed twice (first on line 2); expected one weight per ordered pair");
  bool loop_warning = false;
  for (const auto& x : d.items())
    loop_warning |= x.severity == Severity::warning && x.message.find("self-loop") != std::string::npos;
  CHECK(loop_warning);

  Diagnostics ok;
  const auto t = people::read_person_ties(f.put("u.csv", "source,target,weight\nx,y,2.5\nz,z,1\ny,x,\"3,5\"\n"), p,
                                          Encoding::auto_detect, ok);
  REQUIRE(t.size() == 2);  // the self-loop z->z is dropped
  CHECK(t.source == std::vector<std::uint32_t>{0, 1});
  CHECK(t.target == std::vector<std::uint32_t>{1, 0});
  CHECK(t.weight == std::vector<double>{2.5, 3.5});
  CHECK(ok.warning_count() == 1);

  Diagnostics empty;
  REQUIRE_THROWS_AS(people::read_person_ties(f.put("e.csv", ""), p, Encoding::auto_detect, empty), InputError);
  CHECK(empty.has_errors());
}

TEST_CASE("ties from GraphML, Pajek and UCINET DL files are read with igraph", "[people][network]") {
  Files f;
  const auto p = three_people(f);
  SECTION("GraphML: node ids are person ids, edge attribute weight") {
    Diagnostics d;
    const auto t = people::read_person_ties(f.put("t.graphml", R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="z"/><node id="x"/><node id="y"/>
    <edge source="x" target="y"><data key="w">2.5</data></edge>
    <edge source="z" target="x"><data key="w">4</data></edge>
  </graph>
</graphml>
)"),
                                            p, Encoding::auto_detect, d);
    REQUIRE(t.size() == 2);
    CHECK(t.source == std::vector<std::uint32_t>{0, 2});
    CHECK(t.target == std::vector<std::uint32_t>{1, 0});
    CHECK(t.weight == std::vector<double>{2.5, 4});
  }
  SECTION("Pajek *Edges: undirected, each edge read in both directions") {
    Diagnostics d;
    const auto t = people::read_person_ties(f.put("t.net", "*Vertices 3\n1 \"x\"\n2 \"y\"\n3 \"z\"\n*Edges\n1 3 2\n"),
                                            p, Encoding::auto_detect, d);
    REQUIRE(t.size() == 2);
    CHECK(t.source == std::vector<std::uint32_t>{0, 2});
    CHECK(t.target == std::vector<std::uint32_t>{2, 0});
    CHECK(t.weight == std::vector<double>{2, 2});
  }
  SECTION("UCINET DL full matrix with labels: row names the source, 0 is no tie") {
    Diagnostics d;
    const auto t = people::read_person_ties(
        f.put("t.dl", "dl n=3\nformat = fullmatrix\nlabels:\nx,y,z\ndata:\n0 1.5 0\n0 0 0\n3 0 0\n"), p,
        Encoding::auto_detect, d);
    REQUIRE(t.size() == 2);
    CHECK(t.source == std::vector<std::uint32_t>{0, 2});
    CHECK(t.target == std::vector<std::uint32_t>{1, 0});
    CHECK(t.weight == std::vector<double>{1.5, 3});
  }
  SECTION("Pajek: an unknown person and a non-positive weight are errors") {
    Diagnostics d;
    REQUIRE_THROWS_AS(people::read_person_ties(f.put("b.net", "*Vertices 2\n1 \"x\"\n2 \"nobody\"\n*Arcs\n1 2 -1\n"), p,
                                               Encoding::auto_detect, d),
                      InputError);
    const auto e = errors_of(d);
    REQUIRE(e.size() == 2);
    CHECK(e[0] == "0:0 vertex 2 is unknown person 'nobody'; expected a person listed in " + p.path);
    CHECK(e[1].find("has weight -1") != std::string::npos);
  }
}

TEST_CASE("a weight whose tie length is not a finite positive number is an error at its cell", "[people][validation]") {
  Files f;
  const auto p = three_people(f);
  // 1e-310 is a (subnormal) number > 0, but 1/1e-310 overflows to inf; the
  // smallest weight with a finite inverse is 1/DBL_MAX (about 5.56e-309).
  const std::string path = f.put("t.csv", "source,target,weight\nx,y,2\ny,z,1e-310\nz,x,1e-300\n");
  Diagnostics d;
  REQUIRE_THROWS_AS(people::read_person_ties(path, p, Encoding::auto_detect, d), InputError);
  const auto e = errors_of(d);
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "3:3 weight '1e-310' gives the tie length inf under --distance inverse; a weight must give a "
        "finite positive distance");
  CHECK(d.items().back().file == path);
  // Under complement (6 - w) the same weight has a length: read.
  Diagnostics ok;
  const auto t = people::read_person_ties(path, p, Encoding::auto_detect, ok, DistanceTransform::complement);
  CHECK(t.weight == std::vector<double>{2, 1e-310, 1e-300});
  // igraph's readers refuse such a weight themselves (its parsers take a
  // subnormal number for an error, and only a subnormal weight has no finite
  // inverse): an error all the same.
  Diagnostics dn;
  REQUIRE_THROWS_AS(people::read_person_ties(f.put("t.net", "*Vertices 2\n1 \"x\"\n2 \"y\"\n*Arcs\n1 2 1e-310\n"), p,
                                             Encoding::auto_detect, dn),
                    InputError);
  CHECK(errors_of(dn).size() == 1);
}
