// Differencing attacks on published figures (docs/method.md "Anonymity",
// docs/people.md "Privacy"): no
// published figure, alone or combined with others, may give back a figure
// rcmap withholds. Each test plants the documented example, attacks the outputs
// and checks that the withheld figure is not determined by them.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/aggregate/tie_table_aggregate.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/outputs/summary.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/outputs/tables.hpp"
#include "support/test_helpers.hpp"

namespace fs = std::filesystem;
using rcmap::test::run_rcmap;
using rcmap::test::ScratchDir;
using rcmap::test::slurp;

namespace {

// Fields of one CSV line (the tables here have no quoted fields).
std::vector<std::string> split(const std::string& line, char sep = ',') {
  std::vector<std::string> f;
  std::string cur;
  for (char c : line) {
    if (c == sep)
      f.push_back(cur), cur.clear();
    else
      cur += c;
  }
  f.push_back(cur);
  return f;
}

// A CSV file as rows of column name -> text.
std::vector<std::map<std::string, std::string>> read_rows(const std::string& path) {
  std::istringstream in(slurp(path));
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> head = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> f = split(line);
    REQUIRE(f.size() == head.size());
    std::map<std::string, std::string> r;
    for (std::size_t i = 0; i < f.size(); ++i) r[head[i]] = f[i];
    rows.push_back(std::move(r));
  }
  return rows;
}

// Every file under `dir` (relative name -> bytes), summary.json without its
// input checksums (the inputs differ by construction).
std::map<std::string, std::string> outputs(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string bytes = slurp(e.path().string());
    if (e.path().filename() == "summary.json") {
      std::istringstream in(bytes);
      std::string line, kept;
      while (std::getline(in, line))
        if (line.find("\"sha256\"") == std::string::npos) kept += line + "\n";
      bytes = kept;
    }
    files[fs::relative(e.path(), dir).string()] = bytes;
  }
  return files;
}

// ---- point 5: a suppressed dimension mean ------------------------------------

const char* kUnits = "unit,label,side,headcount\nA,Enhed A,authority,6\nB,Enhed B,provider,6\n";
const char* kHeader =
    "respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,"
    "shared_knowledge,mutual_respect\n";

// A survey of one tie A->B as rows of 7 answers (0 = blank); `hidden` lists
// the (row, dimension) cells of the dimension rcmap withholds, filled from `v`.
struct Plant {
  std::vector<std::array<int, 7>> rows;
  std::vector<std::pair<int, int>> hidden;
  std::string responses(const std::vector<int>& v) const {
    std::vector<std::array<int, 7>> r = rows;
    for (std::size_t k = 0; k < hidden.size(); ++k) r[hidden[k].first][hidden[k].second] = v[k];
    std::string s = kHeader;
    for (std::size_t i = 0; i < r.size(); ++i) {
      s += "a" + std::to_string(i + 1) + ",A,B";
      for (int x : r[i]) s += "," + (x ? std::to_string(x) : std::string());
      s += "\n";
    }
    return s;
  }
};

// Everything `analyze` computes from the aggregate, as written: ties.csv,
// units.csv, sides.csv and summary.json (run fields aside). Graph metrics and
// figures are derived from these; the binary runs below compare them too.
std::string published(const std::string& responses) {
  rcmap::Diagnostics d;
  const rcmap::CsvTable u = rcmap::parse_csv(kUnits, "units.csv", rcmap::Encoding::utf8, d);
  const rcmap::CsvTable r = rcmap::parse_csv(responses, "responses.csv", rcmap::Encoding::utf8, d);
  const rcmap::Survey s = rcmap::build_survey(u, r, d);
  const rcmap::Aggregate a = rcmap::aggregate(s, rcmap::AggregateOptions{});
  std::ostringstream os;
  for (const rcmap::Table& t : {rcmap::ties_table(s, a), rcmap::units_table(s, a), rcmap::sides_table(s, a)})
    rcmap::write_table(os, t, rcmap::CsvDialect{});
  rcmap::write_summary(os, s, a, rcmap::RunInfo{});
  return os.str();
}

// The attacker who knows every answer but the withheld ones (stronger than
// one who knows only the published figures: whatever the latter can rule
// out, so can this one). Exhaustive search over the 5^h values of the h
// withheld answers: the set of their means for which everything published
// equals what was published for the true answers `truth`. Each mean found
// possible is then confirmed with the rcmap binary: all files of `analyze
// --no-render` byte-identical (summary.json's input checksums aside).
std::set<double> possible_means(const Plant& p, const std::vector<int>& truth) {
  const std::string seen = published(p.responses(truth));
  const std::size_t h = p.hidden.size();
  std::map<double, std::vector<int>> witness;  // a mean -> one answer set giving it
  std::vector<int> v(h, 1);
  for (;;) {
    int sum = 0;
    for (int x : v) sum += x;
    const double mean = double(sum) / double(h);
    if (!witness.count(mean) && published(p.responses(v)) == seen) witness[mean] = v;
    std::size_t k = 0;
    while (k < h && v[k] == 5) v[k++] = 1;
    if (k == h) break;
    ++v[k];
  }
  ScratchDir t("privacy-dim");
  std::ofstream(t / "units.csv") << kUnits;
  auto run = [&](const std::vector<int>& answers, const std::string& keep) {
    std::ofstream(t / "responses.csv") << p.responses(answers);
    REQUIRE(run_rcmap("analyze --units " + t / "units.csv" + " --responses " + t / "responses.csv" + " --out " +
                      t / "out --no-render") == 0);
    fs::rename(t / "out", t / keep);
    return outputs(t / keep);
  };
  const auto true_files = run(truth, "truth");
  std::set<double> means;
  int k = 0;
  for (const auto& [mean, answers] : witness) {
    INFO("withheld mean " << mean);
    CHECK(run(answers, "w" + std::to_string(k++)) == true_files);
    means.insert(mean);
  }
  return means;
}

}  // namespace

TEST_CASE("a suppressed dimension mean cannot be recomputed from the published figures", "[privacy][aggregate]") {
  // docs/method.md "Anonymity": five respondents of A rate B; a5 skips `frequent`, so
  // its mean (13/4 = 3.25) rests on 4 answers and is withheld (min-n 5).
  Plant p;
  p.rows = {{{2, 3, 4, 3, 4, 3, 4}},
            {{3, 4, 3, 4, 3, 4, 4}},
            {{4, 4, 4, 3, 3, 3, 4}},
            {{4, 3, 3, 4, 4, 4, 3}},
            {{0, 1, 1, 1, 5, 5, 5}}};
  p.hidden = {{0, 0}, {1, 0}, {2, 0}, {3, 0}};
  const std::vector<int> truth = {2, 3, 4, 4};

  SECTION("the attacker who knows every other answer finds every mean possible") {
    // c86b261 published rc 3.400000 over all answered dimensions and
    // communication 2.950000: only 3.25 was possible.
    const std::set<double> means = possible_means(p, truth);
    INFO("possible withheld means: " << Catch::Detail::stringify(means));
    CHECK(means.size() >= 2);
    CHECK(means.size() == 17);  // 1, 1.25, ..., 5: nothing published depends on them
  }

  SECTION("the attacker who knows only ties.csv: the issue's arithmetic") {
    // Attacker model: unknown are all 35 answers; known are the published
    // figures of A->B (ties.csv: n, rc, the six shown means, communication
    // and relationship when shown), the method (docs/method.md), and, to be on the
    // safe side, that exactly one row skipped `frequent` (c86b261 published
    // it: summary.json reliability n = 4 complete rows). Rows are
    // exchangeable, so the skipper is a5. With U = the six shown sums and
    // Tc = the three shown communication sums, these figures depend on the
    // answers only through F (sum of the 4 `frequent` answers, 4..20),
    // V (a5's six answers, 6..30) and W (a5's timely+accurate+problem_solving,
    // 3..15, V - W in 3..15):
    //   rc over all answered dimensions (c86b261) = ((F + U - V)/7 + V/6) / 5,
    //   rc over the shown dimensions (now)       = (U/6) / 5,
    //   communication                            = ((F + Tc - W)/4 + W/3) / 5.
    // The search enumerates F, V and W and keeps F when some (V, W) matches
    // every published figure under either definition of rc (the attacker
    // need not trust which one was used). These are necessary conditions, so
    // the result contains every possible mean: exactly {3.25} on c86b261.
    ScratchDir t("privacy-ties");
    std::ofstream(t / "units.csv") << kUnits;
    std::ofstream(t / "responses.csv") << p.responses(truth);
    REQUIRE(run_rcmap("analyze --units " + t / "units.csv" + " --responses " + t / "responses.csv" + " --out " +
                      t / "out --no-render") == 0);
    const auto ties = read_rows(t / "out/ties.csv");
    REQUIRE(ties.size() == 1);
    const auto& row = ties[0];
    CHECK(row.at("n") == "5");
    CHECK(row.at("frequent").empty());
    CHECK(row.at("communication").empty());  // the index containing the withheld mean
    auto num = [&](const char* c) { return row.at(c).empty() ? std::nan("") : std::stod(row.at(c)); };
    double U = 0, Tc = 0;
    for (const char* d :
         {"timely", "accurate", "problem_solving", "shared_goals", "shared_knowledge", "mutual_respect"}) {
      REQUIRE(!row.at(d).empty());
      U += std::round(5 * num(d));
    }
    for (const char* d : {"timely", "accurate", "problem_solving"}) Tc += std::round(5 * num(d));
    const double rc = num("rc"), comm = num("communication");
    auto near = [](double a, double b) { return std::fabs(a - b) <= 5.1e-7; };
    std::set<double> means;
    for (int F = 4; F <= 20; ++F)
      for (int V = 6; V <= 30; ++V)
        for (int W = 3; W <= 15; ++W) {
          if (V - W < 3 || V - W > 15) continue;
          const bool rc_ok = near(rc, ((F + U - V) / 7.0 + V / 6.0) / 5) || near(rc, U / 6.0 / 5);
          const bool comm_ok = std::isnan(comm) || near(comm, ((F + Tc - W) / 4.0 + W / 3.0) / 5);
          if (rc_ok && comm_ok) means.insert(F / 4.0);
        }
    INFO("means consistent with ties.csv: " << Catch::Detail::stringify(means));
    CHECK(means.count(3.25) == 1);
    CHECK(means.size() >= 2);
  }
}

TEST_CASE("rc does not give back a suppressed dimension when every row answered six", "[privacy][aggregate]") {
  // n = 6, every row answered 6 of 7 dimensions: a1..a4 each skip one other
  // dimension (each still answered by 5), a5 and a6 skip `frequent` (4
  // answers: withheld, and so is communication). Were rc the mean over all
  // answered dimensions, rc * 36 minus the six shown sums would be the
  // withheld `frequent` sum: suppressing the index alone is not enough.
  Plant p;
  p.rows = {{{3, 0, 4, 2, 5, 4, 3}}, {{5, 4, 0, 3, 4, 4, 5}}, {{2, 3, 4, 0, 3, 4, 4}},
            {{4, 5, 3, 4, 0, 3, 4}}, {{0, 2, 3, 3, 4, 5, 4}}, {{0, 4, 4, 5, 3, 3, 2}}};
  p.hidden = {{0, 0}, {1, 0}, {2, 0}, {3, 0}};
  const std::set<double> means = possible_means(p, {3, 5, 2, 4});
  INFO("possible withheld means: " << Catch::Detail::stringify(means));
  CHECK(means.size() == 17);
}

TEST_CASE("alpha is not shown from fewer than min-n complete rows or with left-out dimensions",
          "[privacy][aggregate]") {
  rcmap::Diagnostics d;
  auto alpha_of = [&](const std::string& rows) {
    const rcmap::CsvTable u = rcmap::parse_csv(kUnits, "units.csv", rcmap::Encoding::utf8, d);
    const rcmap::CsvTable r = rcmap::parse_csv(std::string(kHeader) + rows, "responses.csv", rcmap::Encoding::utf8, d);
    return rcmap::aggregate(rcmap::build_survey(u, r, d), rcmap::AggregateOptions{}).alpha;
  };
  const std::string first4 = "a1,A,B,2,3,4,3,4,3,4\na2,A,B,3,4,3,4,3,4,4\na3,A,B,4,4,4,3,3,3,4\na4,A,B,4,3,3,4,4,4,3\n";
  // a6 skips `timely` (still 5 answers): nothing left out, 5 complete rows.
  const rcmap::Alpha five = alpha_of(first4 + "a5,A,B,5,5,4,5,4,5,5\na6,A,B,3,,2,2,3,3,2\n");
  CHECK(five.n == 5);
  CHECK(five.value == Approx(0.821272).margin(1e-6));  // k/(k-1) (1 - sum var_i / var_total), Python statistics
  // a5 skips `accurate` (still 5 answers): nothing left out, but only 4
  // complete rows: alpha is a figure from 4 respondents, not shown.
  const rcmap::Alpha four = alpha_of(first4 + "a5,A,B,5,5,,5,4,5,5\na6,A,B,3,,2,2,3,3,2\n");
  CHECK(four.n == 4);
  CHECK(std::isnan(four.value));
  // a5 skips `timely` too: timely has 4 answers and is left out of the tie,
  // whose rows then give no alpha at all.
  const rcmap::Alpha left_out = alpha_of(first4 + "a5,A,B,5,,4,5,4,5,5\na6,A,B,3,,2,2,3,3,2\n");
  CHECK(left_out.n == 0);
  CHECK(std::isnan(left_out.value));
}

TEST_CASE("compare and --by-site score rows without the tie's left-out dimensions", "[privacy][aggregate]") {
  // The planted tie in two waves (and two sites): each wave's analysis
  // leaves `frequent` out of A->B (4 answers), so its rc is the mean of the
  // rows' six other answers: 103 / 30 = 3.433333 (c86b261: 3.400000 over all
  // answered dimensions, which with the six shown means gave the hidden sum
  // back as in the tests above).
  ScratchDir t("privacy-waves");
  std::ofstream(t / "units.csv") << kUnits;
  const std::string rows[] = {"a1,A,B,2,3,4,3,4,3,4", "a2,A,B,3,4,3,4,3,4,4", "a3,A,B,4,4,4,3,3,3,4",
                              "a4,A,B,4,3,3,4,4,4,3", "a5,A,B,,1,1,1,5,5,5"};
  {
    std::ofstream w(t / "waves.csv"), s(t / "sites.csv");
    w << "wave," << kHeader;
    s << "site," << kHeader;
    for (const char* label : {"w1", "w2"})
      for (const auto& r : rows) w << label << "," << r << "\n";
    for (const char* label : {"Nord", "Syd"})
      for (const auto& r : rows) s << label << "," << r << "\n";
  }
  REQUIRE(run_rcmap("compare --units " + t / "units.csv" + " --responses " + t / "waves.csv" + " --out " + t / "cmp" +
                    " --no-render --bootstrap 100") == 0);
  const auto waves = read_rows(t / "cmp/waves.csv");
  REQUIRE(waves.size() == 2);
  for (const auto& w : waves) CHECK(w.at("rc") == "3.433333");
  REQUIRE(run_rcmap("analyze --units " + t / "units.csv" + " --responses " + t / "sites.csv" + " --out " + t / "site" +
                    " --no-render --by-site") == 0);
  for (const char* site : {"Nord", "Syd"}) {
    const auto ties = read_rows(t / (std::string("site/") + site + "/ties.csv"));
    REQUIRE(ties.size() == 1);
    CHECK(ties[0].at("rc") == "3.433333");
    CHECK(ties[0].at("communication").empty());
    CHECK(ties[0].at("relationship") == "3.866667");  // (19 + 19 + 20) / 15: no dimension of it left out
  }
}

TEST_CASE("analyze --ties: a blank dimension mean blanks the index containing it", "[privacy][ties]") {
  rcmap::Diagnostics d;
  const rcmap::CsvTable u = rcmap::parse_csv(kUnits, "units.csv", rcmap::Encoding::utf8, d);
  const rcmap::Survey units = rcmap::build_units_only(u, d);
  auto given = [&](const std::string& text) {
    const rcmap::CsvTable t = rcmap::parse_csv(text, "ties.csv", rcmap::Encoding::utf8, d);
    const auto rows = rcmap::read_aggregated_ties(t, d);
    return rcmap::aggregate_given_ties(units, t, rows, rcmap::AggregateOptions{}, d).ties.at(0);
  };
  // c86b261's ties.csv row of the planted example: `frequent` blank (4
  // answers), communication 2.95 published.
  const std::string head =
      "source,target,n,rc,frequent,timely,accurate,problem_solving,shared_goals,"
      "shared_knowledge,mutual_respect,communication,relationship\n";
  const rcmap::Tie a = given(head + "A,B,5,3.4,,3,3,3,3.8,3.8,4,2.95,3.866667\n");
  CHECK(std::isnan(a.communication));
  CHECK(a.relationship == Approx(3.866667));
  CHECK(a.rc == Approx(3.4));
  // All four communication means given: the index is kept.
  CHECK(given(head + "A,B,5,3.4,3,3,3,3,3.8,3.8,4,3,3.866667\n").communication == Approx(3));
  // A table without dimension columns: nothing to give back, the index is kept.
  CHECK(given("source,target,n,rc,communication\nA,B,5,3.4,2.95\n").communication == Approx(2.95));
}

// ---- point 4: person networks ---------------------------------------------------

namespace {

// docs/people.md "Privacy": units A1, A2 (authority) and P1 (provider) with 6
// people, P2 (provider) with 3, below --min-n 5. Ties at random (each ordered
// pair of people with probability 0.35, weight 1..5 in steps of 0.5). World
// `w` keeps the ties between listed people of world 0 and draws every tie
// with an end in P2 from its own seed, so the withheld pairs (P2 -> X, X -> P2)
// differ between worlds while everything rcmap may publish stays the same.
struct NetworkPlant {
  std::map<std::string, std::vector<std::string>> people;  // unit -> ids
  std::map<std::string, std::string> unit_of;
  NetworkPlant() {
    for (const auto& [u, k] : {std::pair<const char*, int>{"A1", 6}, {"A2", 6}, {"P1", 6}, {"P2", 3}})
      for (int i = 1; i <= k; ++i) {
        const std::string id = std::string(u) + "_" + std::to_string(i);
        people[u].push_back(id);
        unit_of[id] = u;
      }
  }
  // Ties of world w as CSV; `hidden[X]` counts P2 -> X and X -> P2 ties by X.
  std::string ties(int w, std::map<std::string, std::pair<int, int>>* hidden = nullptr) const {
    std::mt19937 listed(1), small(100 + static_cast<unsigned>(w));
    std::string s = "source,target,weight\n";
    for (const auto& [a, ua] : unit_of)
      for (const auto& [b, ub] : unit_of) {
        if (a == b) continue;
        const bool withheld = ua == "P2" || ub == "P2";
        std::mt19937& g = withheld ? small : listed;
        const bool tie = g() % 100 < 35;
        const double weight = 1 + 0.5 * double(g() % 9);
        if (!tie) continue;
        s += a + "," + b + "," + rcmap::format_fixed(weight, 1) + "\n";
        if (hidden && ua == "P2" && ub != "P2") ++(*hidden)[ub].first;
        if (hidden && ub == "P2" && ua != "P2") ++(*hidden)[ua].second;
      }
    return s;
  }
};

}  // namespace

TEST_CASE("network: no published figure depends on the ties of a unit below --min-n", "[privacy][people]") {
  const NetworkPlant p;
  ScratchDir t("privacy-net");
  {
    std::ofstream(t / "units.csv") << "unit,label,side,headcount\nA1,Enhed A1,authority,6\nA2,Enhed A2,authority,6\n"
                                      "P1,Enhed P1,provider,6\nP2,Enhed P2,provider,3\n";
    std::ofstream people(t / "people.csv");
    people << "person,unit\n";
    for (const auto& [id, u] : p.unit_of) people << id << "," << u << "\n";
  }
  // Runs world w; returns its output folder.
  auto run = [&](int w) {
    std::ofstream(t / "ties.csv") << p.ties(w);
    REQUIRE(run_rcmap("network --people " + t / "people.csv" + " --ties " + t / "ties.csv" + " --units " +
                      t / "units.csv" + " --out " + t / "out --formats svg") == 0);
    const std::string keep = t / ("world" + std::to_string(w));
    fs::rename(t / "out", keep);
    return fs::path(keep);
  };
  std::map<std::string, std::pair<int, int>> hidden;  // X -> (P2 -> X ties, X -> P2 ties) in world 0
  p.ties(0, &hidden);
  const fs::path w0 = run(0);
  const auto metrics = read_rows((w0 / "people-metrics.csv").string());
  const auto pairs = read_rows((w0 / "unit-ties.csv").string());
  for (const auto& r : metrics) CHECK(r.at("unit") != "P2");
  for (const auto& r : pairs) CHECK((r.at("source_unit") != "P2" && r.at("target_unit") != "P2"));

  SECTION("per-person sums minus unit-ties.csv give no withheld pair") {
    // The attack docs/people.md "Privacy" describes: for a listed unit X, the sum of degree_in over
    // X's people minus the ties into X in unit-ties.csv was the P2 -> X count
    // (strength_in: its weight; out-degree and strength_out: X -> P2). Now
    // the sums equal unit-ties.csv exactly: the difference is 0 whatever the
    // withheld pairs hold.
    for (const char* x : {"A1", "A2", "P1"}) {
      INFO("unit " << x << ": P2 -> " << x << " has " << hidden[x].first << " ties, " << x << " -> P2 "
                   << hidden[x].second);
      REQUIRE(hidden[x].first > 0);  // so that the attack had something to find
      REQUIRE(hidden[x].second > 0);
      double deg_in = 0, deg_out = 0, str_in = 0, str_out = 0, ties_in = 0, ties_out = 0, w_in = 0, w_out = 0;
      for (const auto& r : metrics) {
        if (r.at("unit") != x) continue;
        deg_in += std::stod(r.at("degree_in")), deg_out += std::stod(r.at("degree_out"));
        str_in += std::stod(r.at("strength_in")), str_out += std::stod(r.at("strength_out"));
      }
      for (const auto& r : pairs) {
        const double n = std::stod(r.at("ties")), w = n * std::stod(r.at("mean_weight"));
        if (r.at("target_unit") == x) ties_in += n, w_in += w;
        if (r.at("source_unit") == x) ties_out += n, w_out += w;
      }
      CHECK(deg_in - ties_in == 0);
      CHECK(deg_out - ties_out == 0);
      CHECK(str_in - w_in == Approx(0).margin(1e-4));
      CHECK(str_out - w_out == Approx(0).margin(1e-4));
    }
  }

  SECTION("every sum of every numeric column is the same whatever the withheld pairs hold") {
    // Generic over the columns (new ones are covered): the sum over each
    // listed unit's people of every numeric column of people-metrics.csv and
    // brokers.csv, and then every byte of every file (summary.json, the
    // person map), in three worlds whose withheld pairs differ.
    auto sums = [](const fs::path& dir) {
      std::map<std::string, double> s;  // "file:column:unit" -> sum
      for (const char* f : {"people-metrics.csv", "brokers.csv"})
        for (const auto& r : read_rows((dir / f).string()))
          for (const auto& [col, v] : r) {
            if (col == "person" || col == "unit" || col == "side" || v.empty()) continue;
            s[std::string(f) + ":" + col + ":" + r.at("unit")] += std::stod(v);
          }
      return s;
    };
    const auto s0 = sums(w0);
    CHECK(s0.size() >= 3 * 15);
    const auto files0 = outputs(w0);
    CHECK(files0.count("person-map.svg") == 1);
    for (int w = 1; w <= 3; ++w) {
      std::map<std::string, std::pair<int, int>> hw;
      p.ties(w, &hw);
      INFO("world " << w);
      CHECK(hw != hidden);  // the withheld pairs differ
      const fs::path dir = run(w);
      const auto sw = sums(dir);
      for (const auto& [k, v] : s0) {
        INFO(k);
        CHECK(sw.at(k) == Approx(v).margin(1e-9));
      }
      const auto files = outputs(dir);
      for (const auto& [name, bytes] : files0) {
        INFO(name);
        CHECK(files.at(name) == bytes);
      }
    }
  }
}
