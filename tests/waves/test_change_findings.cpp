// compare's summary.json findings (docs/waves.md "Findings in summary.json")
// on a hand-built comparison: every value below is set by hand.
#include <catch2/catch.hpp>
#include <algorithm>
#include <sstream>

#include "rcmap/waves/change_findings.hpp"

using namespace rcmap;

namespace {

TieChange tie(std::uint32_t s, std::uint32_t t, double delta, Direction d) {
  TieChange x;
  x.source = s;
  x.target = t;
  x.rc_before = 3.0;
  x.rc_after = 3.0 + delta;
  x.delta = delta;
  x.ci_low = delta - 0.1;
  x.ci_high = delta + 0.1;
  x.q = d == Direction::no_credible_change ? 0.5 : 0.01;
  x.n_before = x.n_after = 6;
  x.direction = d;
  return x;
}

SideChange side(const char* s, const char* t, double delta, Direction d) {
  SideChange x;
  x.source_side = s;
  x.target_side = t;
  x.delta = delta;
  x.q = d == Direction::no_credible_change ? 0.4 : 0.02;
  x.direction = d;
  return x;
}

}  // namespace

TEST_CASE("compare findings list credible changes per direction and one-way changes", "[waves][compare]") {
  Comparison c;
  c.units = {{"A", "A", "authority", 0, 0}, {"B", "B", "provider", 1, 1}, {"C", "C", "provider", 2, 2}};
  // A->B improved, B->A compared without change: one way. A->C worse, C->A
  // worse: both ways. B->C improved (within a side: in no direction list).
  c.ties = {tie(0, 1, 0.4, Direction::improved), tie(0, 2, -0.3, Direction::worse),
            tie(1, 0, 0.05, Direction::no_credible_change), tie(1, 2, 0.2, Direction::improved),
            tie(2, 0, -0.5, Direction::worse)};
  c.ties.push_back(TieChange{});  // below min_n in a wave: not compared
  c.ties.back().source = 2;
  c.ties.back().target = 1;
  c.sides = {side("authority", "provider", 0.3, Direction::improved),
             side("provider", "authority", 0.02, Direction::no_credible_change)};
  const ChangeFindings f = compute_change_findings(c, "authority", "provider", {"w1", "w2"}, {40, 42});
  std::ostringstream os;
  JsonWriter j(os);
  write_change_findings_json(j, c, f);
  j.finish();
  std::string js = os.str();
  js.erase(std::remove_if(js.begin(), js.end(), [](char ch) { return ch == ' ' || ch == '\n'; }), js.end());
  // Counts as changes.csv's direction column: 5 compared, 2 improved, 2 worse, 1 without change.
  CHECK(js.find("{\"kind\":\"changes\",\"units\":[],\"ties\":[],\"tie_values\":[],\"sides\":[\"authority\","
                "\"provider\"],\"dimensions\":[],\"values\":{\"compared\":5.000000,\"improved\":2.000000,"
                "\"worse\":2.000000,\"no_credible\":1.000000,\"not_compared\":1.000000},\"certainty\":null}") !=
        std::string::npos);
  // authority -> provider: A->B improved, A->C worse; provider -> authority: C->A worse.
  CHECK(js.find("{\"kind\":\"improved\",\"units\":[\"A\",\"B\"],\"ties\":[[\"A\",\"B\"]],\"tie_values\":[{"
                "\"rc_before\":3.000000,\"rc_after\":3.400000,\"delta\":0.400000,\"ci_low\":0.300000,"
                "\"ci_high\":0.500000,\"q\":0.010000,\"n_before\":6,\"n_after\":6,\"direction\":\"improved\"}],"
                "\"sides\":[\"authority\",\"provider\"]") != std::string::npos);
  CHECK(js.find("{\"kind\":\"worse\",\"units\":[\"A\",\"C\"],\"ties\":[[\"A\",\"C\"]]") != std::string::npos);
  CHECK(js.find("{\"kind\":\"worse\",\"units\":[\"C\",\"A\"],\"ties\":[[\"C\",\"A\"]],") != std::string::npos);
  CHECK(js.find("\"sides\":[\"provider\",\"authority\"],\"dimensions\":[],\"values\":{\"total\":1.000000}") !=
        std::string::npos);
  CHECK(js.find("{\"kind\":\"improved\",\"units\":[\"B\"") == std::string::npos);  // within-side B->C
  // One way: the side pair authority -> provider, and the tie A->B (its reverse
  // compared without change); A->C is not one way (C->A changed too).
  CHECK(js.find("{\"kind\":\"one_way\",\"units\":[],\"ties\":[],\"tie_values\":[],\"sides\":[\"authority\","
                "\"provider\"],\"dimensions\":[],\"values\":{\"delta\":0.300000,\"q\":0.020000,"
                "\"reverse_delta\":0.020000,\"reverse_q\":0.400000},\"certainty\":\"clear\"}") != std::string::npos);
  CHECK(js.find("{\"kind\":\"one_way\",\"units\":[\"A\",\"B\"],\"ties\":[[\"A\",\"B\"]]") != std::string::npos);
  CHECK(js.find("\"one_way\",\"units\":[\"A\",\"C\"]") == std::string::npos);
}
