// End-to-end: rcmap compare and rcmap analyze --by-site on generated samples,
// checked against independent R computations (commands in comments), and
// anonymity per site.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <sys/wait.h>

#include "rcmap/waves/sites.hpp"
#include "support/test_helpers.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rcmap::test::slurp;

namespace {

int run(const std::string& args) {
  std::string cmd = std::string(RCMAP_BINARY) + " " + args + " >/dev/null 2>&1";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string tmp(const std::string& name) { return rcmap::test::fresh_path("waves-" + name); }

std::string line_starting(const std::string& text, const std::string& prefix) {
  std::size_t at = text.find("\n" + prefix);
  REQUIRE(at != std::string::npos);
  return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

}  // namespace

TEST_CASE("compare on two generated waves finds the planted authority->provider improvement", "[waves][cli]") {
  std::string d = tmp("compare");
  REQUIRE(run("sample --out " + d + " --waves 2") == 0);
  REQUIRE(run("compare --units " + d + "/units.csv --responses " + d + "/responses.csv --out " + d + "/out") == 0);
  std::string ch = slurp(d + "/out/changes.csv"), sc = slurp(d + "/out/sides-changes.csv");
  CHECK(ch.substr(0, ch.find('\n')) ==
        "source,target,rc_before,rc_after,delta,ci_low,ci_high,p,q,n_before,n_after,direction");
  // Independent check in R 4.2 on the same files (rows answering >= 4 items, row
  // score = mean of answered items; tie MYN-N -> FAM-Ø):
  //   t.test(b, a) with a, b the w1, w2 row scores -> means 3.406746032, 3.732900433,
  //   p-value = 0.02806306
  std::string row = line_starting(ch, "MYN-N,FAM-Ø,");
  CHECK(row.find("MYN-N,FAM-Ø,3.406746,3.732900,0.326154,") == 0);
  CHECK(row.find(",0.028063,") != std::string::npos);
  // Side pair provider->provider, respondent means over shown between-unit ties:
  //   R t.test -> means 4.176421429 (w1), 4.022489683 (w2), p-value = 0.001035674.
  CHECK(line_starting(sc, "provider,provider,").find("provider,provider,4.176421,4.022490,-0.153932,") == 0);
  CHECK(line_starting(sc, "provider,provider,").find(",0.001036,") != std::string::npos);
  // The planted +0.3 on authority -> provider is found.
  CHECK(line_starting(sc, "authority,provider,").substr(line_starting(sc, "authority,provider,").rfind(',') + 1) ==
        "improved");
  // A tie with < min-n respondents in a wave (AFL has 4 respondents) has blank change (3 of its 4 respondents rated
  // MYN-N in each wave).
  std::string afl = line_starting(ch, "AFL,MYN-N,");
  CHECK(afl.find("AFL,MYN-N,,,,,,,,3,3,") == 0);
  // Same seed, same bytes; the before/after folder form gives the same tables.
  REQUIRE(run("compare --units " + d + "/units.csv --responses " + d + "/responses.csv --out " + d + "/out2") == 0);
  CHECK(slurp(d + "/out2/changes.csv") == ch);
  REQUIRE(run("compare --units " + d + "/units.csv --responses " + d + "/responses.csv --waves w2,w1 --out " + d +
              "/rev") == 0);
  CHECK(line_starting(slurp(d + "/rev/sides-changes.csv"), "authority,provider,").find(",worse") != std::string::npos);
  CHECK(run("compare --units " + d + "/units.csv --responses " + d + "/responses.csv --waves w1,w9 --out " + d +
            "/x") == 1);
  fs::remove_all(d);
}

TEST_CASE("compare --before/--after reads one folder per wave", "[waves][cli]") {
  std::string d = tmp("dirs");
  REQUIRE(run("sample --out " + d + "/w1 --seed 1") == 0);
  REQUIRE(run("sample --out " + d + "/w2 --seed 2") == 0);
  REQUIRE(run("compare --before " + d + "/w1 --after " + d + "/w2 --out " + d + "/out --bootstrap 500") == 0);
  CHECK(fs::exists(d + "/out/changes.csv"));
  CHECK(slurp(d + "/out/summary.json").find("\"bootstrap_resamples\": 500") != std::string::npos);
  CHECK(run("compare --before " + d + "/w1 --out " + d + "/bad") == 1);
  fs::remove_all(d);
}

TEST_CASE("analyze --by-site writes each site's analysis, sites.csv and ANOVA/ICC matching R", "[sites][cli]") {
  std::string d = tmp("sites");
  REQUIRE(run("sample --out " + d + " --sites 3 --respondents 200") == 0);
  REQUIRE(run("analyze --units " + d + "/units.csv --responses " + d + "/responses.csv --out " + d +
              "/out --by-site") == 0);
  for (const char* s : {"S1", "S2", "S3"})
    for (const char* f : {"ties.csv", "units.csv", "sides.csv", "summary.json"})
      CHECK(fs::exists(d + "/out/" + s + "/" + f));
  std::string sites = slurp(d + "/out/sites.csv");
  CHECK(sites.substr(0, sites.find('\n')) ==
        "site,respondents,response_rate,overall_rc,overall_pct,authority_provider_rc,authority_provider_pct,"
        "provider_authority_rc,provider_authority_pct,within_side_rc,within_side_pct");
  CHECK(line_starting(sites, "S3,").find(",83.333333,") != std::string::npos);  // highest of 3: (2 + 0.5)/3
  // R 4.2: respondent means of rows in shown between-unit ties, per site, then
  //   summary(aov(score ~ factor(site))) -> MSB 4.486602296, MSW 0.132814675, F 33.78092,
  //   N = 579, k0 = 193, ICC(1) = 0.1451890734, ICC(2) = 0.9703974933
  // with every row scored over all its answers. Now a row is scored
  // without the dimensions its tie leaves out (fewer than min-n answers in a
  // shown tie; docs/method.md "Anonymity"). tests/support/sites_anova_ref.py (the same ANOVA,
  // one-way sums of squares, k0 and ICCs as docs/waves.md) gives R's figures above without
  // that rule and, with it, MSB 4.490087, MSW 0.132905, F 33.784306,
  // ICC(1) 0.145202, ICC(2) 0.970400 (N = 579).
  std::string js = slurp(d + "/out/summary.json");
  CHECK(js.find("\"respondents\": 579") != std::string::npos);
  CHECK(js.find("\"ms_between\": 4.490087") != std::string::npos);
  CHECK(js.find("\"ms_within\": 0.132905") != std::string::npos);
  CHECK(js.find("\"f\": 33.784306") != std::string::npos);
  CHECK(js.find("\"icc1\": 0.145202") != std::string::npos);
  CHECK(js.find("\"icc2\": 0.970400") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("min-n applies per site: a site with too few respondents shows no RC", "[sites]") {
  std::string d = tmp("site-minn");
  fs::create_directories(d);
  std::ofstream(d + "/units.csv") << "site,unit,label,side,headcount\nN,A,A,authority,10\nN,B,B,provider,10\n"
                                     "S,A,A,authority,4\nS,B,B,provider,4\n";
  std::ofstream r(d + "/responses.csv");
  r << "site,respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,shared_knowledge,mutual_"
       "respect\n";
  for (int i = 0; i < 6; ++i) r << "N,n" << i << ",A,B,4,4,4,4,4,4," << (i % 2 ? 5 : 3) << "\n";
  for (int i = 0; i < 3; ++i) r << "S,s" << i << ",A,B,2,2,2,2,2,2,2\n";
  r.close();
  rcmap::Diagnostics diags;
  rcmap::Sites s = rcmap::read_sites(d + "/units.csv", d + "/responses.csv", {}, diags);
  REQUIRE(s.labels == std::vector<std::string>{"N", "S"});
  std::vector<rcmap::Aggregate> aggs;
  for (const auto& sv : s.surveys) aggs.push_back(rcmap::aggregate(sv, {}));
  rcmap::SitesBenchmark b = rcmap::benchmark_sites(s, aggs);
  CHECK(b.sites[0].shown);
  CHECK(b.sites[0].authority_provider == Approx(4.0));  // six rows 4,4,4,4,4,4,(3|5): means 27/7, 29/7
  CHECK(b.sites[0].response_rate == Approx(6.0 / 20));  // 6 respondents, headcount 10 + 10
  CHECK(b.sites[0].overall_pct == Approx(50.0));        // the only site with a value
  CHECK_FALSE(b.sites[1].shown);
  CHECK(b.sites[1].respondents == 3);
  CHECK(std::isnan(b.sites[1].overall_rc));
  CHECK(std::isnan(b.sites[1].authority_provider));
  CHECK(std::isnan(b.sites[1].overall_pct));
  CHECK_FALSE(b.anova.defined);  // one site left: no ANOVA
  fs::remove_all(d);
}
