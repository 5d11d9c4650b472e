// End-to-end runs of `rcmap network` and `rcmap sample --people`.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_helpers.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {

int run(const std::string& args, const std::string& env = "") {
  const std::string cmd = env + " " + std::string(RCMAP_BINARY) + " " + args + " >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

struct Tmp : rcmap::test::TempDir {
  Tmp() : rcmap::test::TempDir("netcli") {}
};

const std::string kInputs = "network --people " + source_path("samples/people.csv") + " --ties " +
                            source_path("samples/person-ties.csv") + " --units " + source_path("samples/units.csv");
const char* kFiles[] = {"people-metrics.csv", "unit-ties.csv", "brokers.csv", "summary.json"};

std::string first_line(const std::string& path) {
  const std::string s = slurp(path);
  return s.substr(0, s.find('\n'));
}

}  // namespace

TEST_CASE("network on the sample writes the documented files, small units only in aggregate", "[cli][people]") {
  Tmp t;
  REQUIRE(run(kInputs + " --out " + t / "out") == 0);
  CHECK(first_line(t / "out/people-metrics.csv") ==
        "person,unit,side,degree_in,degree_out,strength_in,strength_out,betweenness,harmonic,pagerank,"
        "constraint,effective_size,coordinator,itinerant,gatekeeper,representative,liaison,community");
  CHECK(first_line(t / "out/unit-ties.csv") == "source_unit,target_unit,ties,density,mean_weight");
  CHECK(first_line(t / "out/brokers.csv") ==
        "rank,person,unit,side,cross_side_pairs,gatekeeper,representative,liaison,betweenness");
  const std::string pm = slurp(t / "out/people-metrics.csv"), ut = slurp(t / "out/unit-ties.csv");
  // Familieambulatoriet (FAMB) has 4 people (< min-n 5): none listed, no pair shown.
  CHECK(pm.find(",FAMB,") == std::string::npos);
  CHECK(ut.find("FAMB") == std::string::npos);
  CHECK(std::count(pm.begin(), pm.end(), '\n') == 1 + 371 - 4);
  const std::string summary = slurp(t / "out/summary.json");
  CHECK(summary.find("\"people_not_listed\": 4") != std::string::npos);
  CHECK(summary.find("\"command\": \"network\"") != std::string::npos);
  // A planted broker (first person of Myndighed Syd, P00031) is among the top three.
  const std::string br = slurp(t / "out/brokers.csv");
  CHECK(br.find("P00031") < br.find("\n4,"));

  SECTION("same input and options give byte-identical files") {
    fs::rename(t / "out", t / "first");  // the same --out: summary.json records it
    REQUIRE(run(kInputs + " --out " + t / "out") == 0);
    for (const char* f : kFiles) CHECK(slurp(t / "out/" + f) == slurp(t / std::string("first/") + f));
  }
  SECTION("a higher min-n hides more units") {
    REQUIRE(run(kInputs + " --min-n 7 --out " + t / "min7") == 0);
    // AFL has 6 people.
    CHECK(slurp(t / "min7/people-metrics.csv").find(",AFL,") == std::string::npos);
    CHECK(slurp(t / "min7/unit-ties.csv").find("AFL") == std::string::npos);
  }
}

TEST_CASE("network --pseudonymise replaces every person id, stably per key", "[cli][people]") {
  Tmp t;
  {
    std::ofstream(t / "k1") << "secret one\n";
    std::ofstream(t / "k2") << "secret two\n";
    std::ofstream(t / "empty") << "";
  }
  REQUIRE(run(kInputs + " --pseudonymise --key-file " + t / "k1" + " --out " + t / "a") == 0);
  REQUIRE(run(kInputs + " --pseudonymise --out " + t / "b", "RCMAP_PSEUDONYM_KEY='secret one'") == 0);
  REQUIRE(run(kInputs + " --pseudonymise --key-file " + t / "k2" + " --out " + t / "c") == 0);
  for (const char* f : kFiles) {
    const std::string a = slurp(t / "a/" + f);
    INFO(f);
    CHECK(a.find("P00") == std::string::npos);                              // no input id anywhere
    if (std::string(f) != "summary.json") CHECK(a == slurp(t / "b/" + f));  // key file = env var
  }
  const std::string pa = slurp(t / "a/people-metrics.csv"), pc = slurp(t / "c/people-metrics.csv");
  CHECK(pa.find("\np-") != std::string::npos);
  CHECK(pa.substr(pa.find('\n') + 1, 14) != pc.substr(pc.find('\n') + 1, 14));
  CHECK(run(kInputs + " --pseudonymise --key-file " + t / "empty" + " --out " + t / "d") == 1);
  CHECK(run(kInputs + " --pseudonymise --out " + t / "e", "env -u RCMAP_PSEUDONYM_KEY") == 1);
  CHECK_FALSE(fs::exists(t / "d/people-metrics.csv"));
}

TEST_CASE("network stops with exit 2 on invalid ties and writes nothing", "[cli][people]") {
  Tmp t;
  std::ofstream(t / "ties.csv") << "source,target,weight\nP00001,P99999,2\n";
  CHECK(run("network --people " + source_path("samples/people.csv") + " --ties " + t / "ties.csv" + " --units " +
            source_path("samples/units.csv") + " --out " + t / "out") == 2);
  CHECK_FALSE(fs::exists(t / "out/people-metrics.csv"));
  CHECK(run(kInputs + " --distance bogus --out " + t / "out") == 1);
}

TEST_CASE("sample --people regenerates the committed person-network sample", "[cli][people]") {
  Tmp t;
  REQUIRE(run("sample --people --units-file " + source_path("samples/units.csv") + " --out " + t / "s") == 0);
  CHECK(slurp(t / "s/people.csv") == slurp(source_path("samples/people.csv")));
  CHECK(slurp(t / "s/person-ties.csv") == slurp(source_path("samples/person-ties.csv")));
}

TEST_CASE("network: a weight of 1e-310 (distance 1/w = inf) is exit 2 with its line and column, not exit 4",
          "[cli][people]") {
  Tmp t;
  std::ofstream(t / "people.csv") << "person,unit\nP1,MYN-N\nP2,MYN-N\nP3,SUND\n";
  std::ofstream(t / "ties.csv") << "source,target,weight\nP1,P2,3\nP2,P3,1e-310\nP3,P1,2\n";
  const std::string cmd = std::string(RCMAP_BINARY) + " network --people " + t / "people.csv" + " --ties " +
                          t / "ties.csv" + " --units " + source_path("samples/units.csv") + " --out " + t / "out" +
                          " --no-render >" + t / "log" + " 2>&1";
  const int rc = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 2);
  CHECK(slurp(t / "log").find(t / "ties.csv" + ":3:3 (weight): error: weight '1e-310' gives the tie length inf") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(t / "out/people-metrics.csv"));
}
