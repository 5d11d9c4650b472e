// Wave comparison: hand-computed change and Welch statistics on a tiny
// fixture, the unit map (renames, merges, dropped and new units) and
// anonymity per wave. Every row answers all 7 dimensions with the same score,
// so a row's RC is that score.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "rcmap/waves/waves.hpp"

using namespace rcmap;

namespace {

CsvTable table(const std::string& text, const std::string& path) {
  Diagnostics d;
  CsvTable t = parse_csv(text, path, Encoding::utf8, d);
  REQUIRE_FALSE(d.has_errors());
  return t;
}

// "resp,unit,target,score" lines -> responses.csv text.
std::string responses(const std::vector<std::tuple<std::string, std::string, std::string, int>>& rows) {
  std::string s =
      "respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,shared_knowledge,mutual_respect\n";
  for (const auto& [r, u, t, v] : rows) {
    s += r + "," + u + "," + t;
    for (int d = 0; d < 7; ++d) s += "," + std::to_string(v);
    s += "\n";
  }
  return s;
}

Survey survey(const std::string& units, const std::string& resp) {
  Diagnostics d;
  return build_survey(table(units, "units.csv"), table(resp, "responses.csv"), d);
}

const TieChange& find_tie(const Comparison& c, const std::string& s, const std::string& t) {
  for (const auto& x : c.ties)
    if (c.units[x.source].id == s && c.units[x.target].id == t) return x;
  throw std::runtime_error("no tie " + s + "->" + t);
}

const char* kUnits = "unit,label,side,headcount\nA,A,authority,10\nB,B,provider,10\nC,C,provider,10\n";

}  // namespace

TEST_CASE("compare: delta, Welch t, df and p of a tie match hand arithmetic and R", "[waves]") {
  // A->B before: 3 4 5 4 4 (mean 4); after: 4 5 5 4 5 5 (mean 4.666667).
  // Welch (see test_compare_stats.cpp): t = 1.754116, df = 7.206823, p = 0.121625383 (R t.test).
  // A->C: 5 respondents before, 4 after: shown before only, so no change.
  Survey before = survey(kUnits, responses({{"a1", "A", "B", 3},
                                            {"a2", "A", "B", 4},
                                            {"a3", "A", "B", 5},
                                            {"a4", "A", "B", 4},
                                            {"a5", "A", "B", 4},
                                            {"a1", "A", "C", 2},
                                            {"a2", "A", "C", 3},
                                            {"a3", "A", "C", 2},
                                            {"a4", "A", "C", 3},
                                            {"a5", "A", "C", 2}}));
  Survey after = survey(kUnits, responses({{"a1", "A", "B", 4},
                                           {"a2", "A", "B", 5},
                                           {"a3", "A", "B", 5},
                                           {"a4", "A", "B", 4},
                                           {"a5", "A", "B", 5},
                                           {"a6", "A", "B", 5},
                                           {"a1", "A", "C", 5},
                                           {"a2", "A", "C", 5},
                                           {"a3", "A", "C", 5},
                                           {"a4", "A", "C", 5}}));
  CompareOptions opt;
  Comparison c = compare_waves(before, after, UnitMap{}, opt);
  REQUIRE(c.ties.size() == 2);
  const TieChange& ab = find_tie(c, "A", "B");
  CHECK(ab.n_before == 5);
  CHECK(ab.n_after == 6);
  CHECK(ab.rc_before == Approx(4.0));
  CHECK(ab.rc_after == Approx(4.666666667));
  CHECK(ab.delta == Approx(0.666666667));
  CHECK(ab.t == Approx(1.754116039).epsilon(1e-9));
  CHECK(ab.df == Approx(7.206823028).epsilon(1e-9));
  CHECK(ab.p == Approx(0.121625383).epsilon(1e-8));
  CHECK(ab.q == Approx(ab.p));  // the only compared tie: m = 1
  CHECK(ab.ci_low < ab.delta);
  CHECK(ab.ci_high > ab.delta);
  CHECK(ab.direction == Direction::no_credible_change);

  // Anonymity per wave: 4 respondents after -> after score blank, no change at all.
  const TieChange& ac = find_tie(c, "A", "C");
  CHECK(ac.n_before == 5);
  CHECK(ac.n_after == 4);
  CHECK(ac.rc_before == Approx(2.4));
  CHECK(std::isnan(ac.rc_after));
  CHECK(std::isnan(ac.delta));
  CHECK(std::isnan(ac.p));
  CHECK(std::isnan(ac.q));
  CHECK(std::isnan(ac.ci_low));
  CHECK(ac.direction == Direction::not_compared);

  std::ostringstream os;
  write_table(os, changes_table(c), CsvDialect{});
  CHECK(os.str().substr(0, os.str().find('\n')) ==
        "source,target,rc_before,rc_after,delta,ci_low,ci_high,p,q,n_before,n_after,direction");
  CHECK(os.str().find("A,C,2.400000,,,,,,,5,4,\n") != std::string::npos);

  // Side pair authority->provider uses shown ties only in each wave: before A->B and
  // A->C (respondent means (3+2)/2, (4+3)/2, (5+2)/2, (4+3)/2, (4+2)/2 = 2.5 3.5 3.5 3.5 3),
  // after A->B alone (mean 4.666667).
  REQUIRE(c.sides.size() == 1);
  CHECK(c.sides[0].rc_before == Approx(3.2));
  CHECK(c.sides[0].rc_after == Approx(4.666666667));
  CHECK(c.sides[0].n_before == 5);
  CHECK(c.sides[0].n_after == 6);
}

TEST_CASE("compare: a large clear change is credible, bootstrap intervals repeat for a seed", "[waves]") {
  std::vector<std::tuple<std::string, std::string, std::string, int>> b, a;
  for (int i = 0; i < 12; ++i) {
    b.emplace_back("r" + std::to_string(i), "A", "B", 2 + i % 2);  // 2 3 2 3 ...: mean 2.5
    a.emplace_back("r" + std::to_string(i), "A", "B", 4 + i % 2);  // mean 4.5
  }
  Survey before = survey(kUnits, responses(b)), after = survey(kUnits, responses(a));
  CompareOptions opt;
  Comparison c1 = compare_waves(before, after, UnitMap{}, opt);
  Comparison c2 = compare_waves(before, after, UnitMap{}, opt);
  REQUIRE(c1.ties.size() == 1);
  CHECK(c1.ties[0].delta == Approx(2.0));
  CHECK(c1.ties[0].direction == Direction::improved);
  CHECK(c1.ties[0].ci_low == c2.ties[0].ci_low);
  CHECK(c1.ties[0].ci_high == c2.ties[0].ci_high);
  CHECK(c1.ties_improved == 1);
  // Swapped waves: worse.
  Comparison w = compare_waves(after, before, UnitMap{}, opt);
  CHECK(w.ties[0].direction == Direction::worse);
}

TEST_CASE("unit map merges units, drops suppressed parts and reports dropped and new units", "[waves]") {
  // Before: B1 and B2 (merged into B), B3 (also -> B, rated by only 2: suppressed on its
  // own, so left out of the merge), X (gone). After: A, B, Y (new).
  const char* ub =
      "unit,label,side,headcount\nA,A,authority,\nB1,B1,provider,\nB2,B2,provider,\nB3,B3,provider,\nX,X,general,\n";
  const char* ua = "unit,label,side,headcount\nA,A,authority,\nB,B,provider,\nY,Y,general,\n";
  // Respondent scores for the merged tie A->B: r1 (3+5)/2 = 4, r2 (4+4)/2 = 4,
  // r3 (2+4)/2 = 3, r4 (5+5)/2 = 5, r5 (3+3)/2 = 3 -> mean 19/5 = 3.8, n = 5.
  // Had B3 been included, r1 would be (3+5+1)/3 = 3 and r2 (4+4+1)/3 = 3.
  Survey before = survey(ub, responses({{"r1", "A", "B1", 3},
                                        {"r1", "A", "B2", 5},
                                        {"r1", "A", "B3", 1},
                                        {"r2", "A", "B1", 4},
                                        {"r2", "A", "B2", 4},
                                        {"r2", "A", "B3", 1},
                                        {"r3", "A", "B1", 2},
                                        {"r3", "A", "B2", 4},
                                        {"r4", "A", "B1", 5},
                                        {"r4", "A", "B2", 5},
                                        {"r5", "A", "B1", 3},
                                        {"r5", "A", "B2", 3},
                                        {"r1", "A", "X", 3}}));
  Survey after = survey(ua, responses({{"s1", "A", "B", 4},
                                       {"s2", "A", "B", 4},
                                       {"s3", "A", "B", 4},
                                       {"s4", "A", "B", 5},
                                       {"s5", "A", "B", 4},
                                       {"s1", "A", "Y", 4}}));
  UnitMap map;
  map.old_to_new = {{"B1", "B"}, {"B2", "B"}, {"B3", "B"}, {"Z", "Y"}};
  Comparison c = compare_waves(before, after, map, CompareOptions{});
  const TieChange& ab = find_tie(c, "A", "B");
  CHECK(ab.n_before == 5);
  CHECK(ab.rc_before == Approx(3.8));
  CHECK(ab.rc_after == Approx(4.2));
  CHECK(ab.delta == Approx(0.4));
  CHECK(c.units_dropped == std::vector<std::string>{"X"});
  CHECK(c.units_new == std::vector<std::string>{"Y"});
  // The dropped and the new unit's ties are listed, never compared.
  CHECK(find_tie(c, "A", "X").n_after == 0);
  CHECK(find_tie(c, "A", "Y").n_before == 0);
  CHECK_FALSE(find_tie(c, "A", "Y").compared());
  // A map row naming no before-wave unit is reported.
  bool warned = false;
  for (const auto& w : c.warnings) warned |= w.find("'Z'") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("unit-map.csv is read and a unit mapped twice is an error", "[waves]") {
  std::string path = std::string(RCMAP_SOURCE_DIR) + "/tests/data/waves/unit-map.csv";
  Diagnostics d;
  UnitMap m = read_unit_map(path, Encoding::auto_detect, d);
  CHECK(m.map("FAM-V") == "FAM");
  CHECK(m.map("FAM-Ø") == "FAM");
  CHECK(m.map("PPR") == "PPR");
  Diagnostics d2;
  CHECK_THROWS_AS(
      read_unit_map(std::string(RCMAP_SOURCE_DIR) + "/tests/data/waves/unit-map-twice.csv", Encoding::auto_detect, d2),
      InputError);
  REQUIRE(d2.error_count() == 1);
  CHECK(d2.items()[0].line == 3);
}

TEST_CASE("split by a wave column keeps line numbers and removes the column", "[waves]") {
  CsvTable t = table("wave,respondent,unit\nw1,r1,A\nw2,r1,A\nw1,r2,B\n", "r.csv");
  Diagnostics d;
  ColumnSplit s = split_by_column(t, "wave", d);
  REQUIRE(s.labels == std::vector<std::string>{"w1", "w2"});
  CHECK(s.parts[0].header == std::vector<std::string>{"respondent", "unit"});
  REQUIRE(s.parts[0].rows.size() == 2);
  CHECK(s.parts[0].rows[1].line == 4);
  CHECK(s.parts[0].rows[1].fields == std::vector<std::string>{"r2", "B"});
  CsvTable e = table("wave,respondent\n,r1\n", "r.csv");
  Diagnostics d2;
  split_by_column(e, "wave", d2);
  CHECK(d2.error_count() == 1);
}

TEST_CASE("waves on one unit list: renamed, new and dropped units keep their rows, a merge gives none", "[waves]") {
  // Before: A0 (renamed A), B, X (closed). After: A, B, Y (new).
  const char* ub = "unit,label,side,headcount\nA0,A zero,authority,\nB,B,provider,\nX,X,general,\n";
  const char* ua = "unit,label,side,headcount\nA,A,authority,\nB,B,provider,\nY,Y,general,\n";
  Survey before = survey(ub, responses({{"r1", "A0", "B", 3},
                                        {"r2", "A0", "B", 4},
                                        {"r3", "A0", "B", 2},
                                        {"r4", "A0", "B", 5},
                                        {"r5", "A0", "B", 3},
                                        {"r6", "B", "X", 2},
                                        {"r1", "A0", "X", 3}}));
  Survey after = survey(ua, responses({{"s1", "A", "B", 4}, {"s2", "B", "A", 4}, {"s1", "A", "Y", 4}}));
  UnitMap map;
  map.old_to_new = {{"A0", "A"}};
  const Comparison c = compare_waves(before, after, map, CompareOptions{});
  const auto w = waves_on_units({before, after}, c, map);
  REQUIRE(w);
  REQUIRE(w->size() == 2);
  for (const Survey& s : *w) {
    REQUIRE(s.units.size() == 4);  // A, B, Y (the last wave's), then X (closed)
    CHECK(s.units[0].id == "A");
    CHECK(s.units[0].label == "A");
    CHECK(s.units[1].id == "B");
    CHECK(s.units[2].id == "Y");
    CHECK(s.units[3].id == "X");
    CHECK(s.units[3].side == "general");
    CHECK(*s.unit_index("X") == 3);
  }
  // Every row kept, on the new indices: A0 -> A is 0, X is 3.
  const Survey& b = (*w)[0];
  REQUIRE(b.rows.size() == before.rows.size());
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    CHECK(b.rows[i].scores == before.rows[i].scores);
    CHECK(b.respondents[b.rows[i].respondent] == before.respondents[before.rows[i].respondent]);
    CHECK(b.units[b.rows[i].unit].id == map.map(before.units[before.rows[i].unit].id));
    CHECK(b.units[b.rows[i].target].id == before.units[before.rows[i].target].id);
  }
  CHECK(b.respondent_unit[b.respondents.size() - 1] == 1);  // r6 of B
  // The baseline's aggregate under the new names is its own: A -> B of 5
  // respondents, mean (3+4+2+5+3)/5 = 3.4, as changes.csv's rc_before.
  const Aggregate a = aggregate(b, AggregateOptions{});
  const Tie* t = a.shown(0, 1);
  REQUIRE(t);
  CHECK(t->n == 5);
  CHECK(t->rc == Approx(3.4));
  CHECK(t->rc == Approx(find_tie(c, "A", "B").rc_before));
  CHECK(a.shown(1, 3) == nullptr);  // B -> X: 1 respondent, hidden
  CHECK((*w)[1].rows.size() == after.rows.size());
  // A merge (A0 and B both onto A) gives no such view.
  UnitMap merge;
  merge.old_to_new = {{"A0", "A"}, {"B", "A"}};
  const Comparison cm = compare_waves(before, after, merge, CompareOptions{});
  CHECK_FALSE(waves_on_units({before, after}, cm, merge));
}
