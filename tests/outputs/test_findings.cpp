// Findings, unit profiles and network.graphml on a hand-built survey, with
// a distinctive value planted in a suppressed tie.
#include <catch2/catch.hpp>
#include <igraph.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "rcmap/outputs/findings.hpp"
#include "rcmap/outputs/graphml_writer.hpp"
#include "rcmap/outputs/method_text.hpp"
#include "rcmap/outputs/tables.hpp"
#include "support/test_helpers.hpp"

using namespace rcmap;

namespace {

constexpr double kPlanted = 1.111;  // in every field of the suppressed tie 1->3

Tie tie(std::uint32_t s, std::uint32_t t, int n, double rc, double timely) {
  Tie x;
  x.source = s, x.target = t, x.n = n, x.rc = rc;
  x.dim_mean.fill(rc);
  x.dim_mean[1] = timely;
  x.dim_n.fill(n);
  x.communication = x.relationship = rc;
  x.strength = rc < 3.5 ? Strength::weak : rc >= 4.0 ? Strength::strong : Strength::moderate;
  return x;
}

// Units 0 A1, 1 A2 (authority), 2 P1, 3 P2 (provider). Ties (n, RC, timely):
// 0->0 (10, 4.5, 4.5) within unit; 0->1 (10, 4.2, 4.2); 0->2 (10, 3.0, 2.0);
// 1->3 suppressed (n = 4, planted); 2->0 (6, 3.8, 3.0); 2->3 (10, 4.0, 4.0);
// 3->1 (8, 3.2, 2.4).
struct Small {
  Survey s;
  Aggregate a;
  Small() {
    const char* ids[] = {"A1", "A2", "P1", "P2"};
    const char* sides[] = {"authority", "authority", "provider", "provider"};
    for (int i = 0; i < 4; ++i) {
      Unit u;
      u.id = ids[i], u.label = std::string("Enhed ") + ids[i], u.side = sides[i], u.headcount = 12;
      s.unit_by_id[u.id] = static_cast<std::uint32_t>(i);
      s.units.push_back(u);
    }
    s.sides = {"authority", "provider"};
    Tie sup;
    sup.source = 1, sup.target = 3, sup.n = 4, sup.suppressed = true;
    sup.rc = sup.sd = sup.ci_low = sup.ci_high = sup.communication = sup.relationship = kPlanted;
    sup.dim_mean.fill(kPlanted);
    sup.dim_n.fill(4);
    a.ties = {tie(0, 0, 10, 4.5, 4.5), tie(0, 1, 10, 4.2, 4.2), tie(0, 2, 10, 3.0, 2.0), sup,
              tie(2, 0, 6, 3.8, 3.0),  tie(2, 3, 10, 4.0, 4.0), tie(3, 1, 8, 3.2, 2.4)};
    a.units.assign(4, UnitResult{});
    for (auto& u : a.units) u.respondents = 10;
    a.units[1].respondents = 4;
  }
};

}  // namespace

TEST_CASE("findings: weakest cross-side ties, unmeasured pairs, gap dimension, one-sided pairs", "[report][findings]") {
  Small f;
  MetricsOptions opt;  // authority, provider, asymmetry 0.5
  const Findings k = compute_findings(f.s, f.a, MetricsResult{}, opt);
  // Shown authority<->provider ties: 0->2 (3.0), 3->1 (3.2), 2->0 (3.8); weak (< 3.5): two.
  REQUIRE(k.weakest_cross.size() == 3);
  CHECK(k.weakest_cross[0].source == 0);
  CHECK(k.weakest_cross[0].target == 2);
  CHECK(k.weakest_cross[1].source == 3);
  CHECK(k.weakest_cross[2].rc == 3.8);
  CHECK(k.cross_shown == 3);
  CHECK(k.cross_weak == 2);
  // 2 x 2 authority units x provider units x 2 directions = 8 pairs, 3 shown.
  CHECK(k.cross_unmeasured == 5);
  // timely across: (2.0*10 + 3.0*6 + 2.4*8) / 24 = 57.2/24 = 2.383333;
  // within (0->1, 2->3): (4.2*10 + 4.0*10) / 20 = 4.1; shortfall 1.716667.
  // Other dimensions: across (30 + 22.8 + 25.6) / 24 = 3.266667, within 4.1: 0.833333.
  // The planted suppressed tie would pull the cross means down if it were read.
  CHECK(k.gap_dimension == 1);
  CHECK(k.cross_mean[1] == Approx(57.2 / 24));
  CHECK(k.within_mean[1] == Approx(4.1));
  CHECK(k.cross_mean[0] == Approx(78.4 / 24));
  CHECK(k.cross_n == 24);
  CHECK(k.within_n == 20);
  // 0<->2 differ by 0.8 >= 0.5; 1<->3 has a suppressed direction and is not one-sided.
  REQUIRE(k.one_sided_total == 1);
  CHECK(k.one_sided[0].source == 2);
  CHECK(k.one_sided[0].target == 0);
  CHECK(k.one_sided[0].rc == 3.8);
  CHECK(k.one_sided[0].reverse_rc == 3.0);
  CHECK(k.central.empty());  // no metrics computed
}

TEST_CASE("findings: most central units by PageRank, highest first, at most three", "[report][findings]") {
  Small f;
  MetricsResult m;
  m.units.resize(4);
  const double pr[] = {0.1, 0.4, 0.3, 0.2};
  for (int i = 0; i < 4; ++i) m.units[static_cast<std::size_t>(i)].pagerank = pr[i];
  Findings k = compute_findings(f.s, f.a, m, MetricsOptions{});
  // Median 0.25: only the units at least 10 % above it (0.275) stand out.
  REQUIRE(k.central.size() == 2);
  CHECK(k.central[0].unit == 1);
  CHECK(k.central[1].unit == 2);
  CHECK_FALSE(k.central_within_noise);
  // A spread within noise (top 0.252 < 1.1 x median 0.25): no unit is named.
  const double flat[] = {0.248, 0.252, 0.250, 0.250};
  for (int i = 0; i < 4; ++i) m.units[static_cast<std::size_t>(i)].pagerank = flat[i];
  k = compute_findings(f.s, f.a, m, MetricsOptions{});
  CHECK(k.central.empty());
  CHECK(k.central_within_noise);
  CHECK(k.pagerank_max == 0.252);
  CHECK(k.pagerank_min == 0.248);
  // A unit without shown ratings is never ranked, whatever its PageRank.
  m.units[0].pagerank = 0.9;
  m.units[0].no_shown_ratings = true;
  k = compute_findings(f.s, f.a, m, MetricsOptions{});
  CHECK(k.central.empty());
  for (const Finding& x : k.list) CHECK(x.kind != "central");
}

TEST_CASE("findings: no gap dimension when there is no shown cross-side tie", "[report][findings]") {
  Small f;
  for (Tie& t : f.a.ties)
    if (f.s.units[t.source].side != f.s.units[t.target].side) {
      t.suppressed = true;
      t.rc = kNaN;
      t.dim_mean.fill(kNaN);
    }
  const Findings k = compute_findings(f.s, f.a, MetricsResult{}, MetricsOptions{});
  CHECK(k.gap_dimension == -1);
  CHECK(k.weakest_cross.empty());
  CHECK(k.cross_unmeasured == 8);
  CHECK(k.one_sided_total == 0);
}

TEST_CASE("method rows are translated with decimal commas and name the thresholds as conventions", "[report][method]") {
  Small f;
  f.a.alpha = {0.8123, 250};
  const auto da = method_rows(f.a, "da");
  const auto nb = method_rows(f.a, "nb");
  const auto en = method_rows(f.a, "en");
  REQUIRE(da.size() == en.size());
  CHECK(da[0].second.find("hyppig, rettidig, præcis og problemløsende kommunikation") != std::string::npos);
  CHECK(da[0].second.find("fælles mål, fælles viden og gensidig respekt") != std::string::npos);
  CHECK(nb[0].second.find("hyppig, rettidig, presis og problemløsende kommunikasjon") != std::string::npos);
  CHECK(nb[0].second.find("felles mål, felles kunnskap og gjensidig respekt") != std::string::npos);
  CHECK(da[3].second ==
        "svag under 3,50, stærk fra 4,00, moderat derimellem. En udbredt konvention, ikke en "
        "publiceret standard.");
  CHECK(da[5].second.find("250 komplette vurderinger af de relationer, der vises: 0,812.") != std::string::npos);
  CHECK(nb[3].second ==
        "svak under 3,50, sterk fra 4,00, middels imellom. En vanlig konvensjon, ikke en publisert standard.");
  // The glossary's rows on the abbreviation and the network measures (docs/glossary.md).
  REQUIRE(da.size() == 8);
  CHECK(da[6].first == "Forkortelse");
  CHECK(da[6].second.rfind("RK står for relationel koordinering", 0) == 0);
  CHECK(nb[7].first == "Nettverksmål");
  CHECK(nb[7].second.find("Mellomledd (betweenness): ") != std::string::npos);
  CHECK(en[5].second.find("250 complete rows of shown ties: 0.812.") != std::string::npos);
  f.a.alpha = {kNaN, 1};
  CHECK(method_rows(f.a, "en")[5].second == "Cronbach's alpha is not defined (1 complete rows).");
  f.a.alpha = {kNaN, 4};  // fewer than min-n 5 complete rows: not shown (docs/method.md "Reliability")
  CHECK(method_rows(f.a, "en")[5].second == "Cronbach's alpha is not shown: only 4 complete rows, fewer than 5.");
  CHECK(method_rows(f.a, "da")[5].second == "Cronbachs alfa vises ikke: kun 4 komplette vurderinger, færre end 5.");
}

#ifdef RCMAP_WITH_RENDER
#include "rcmap/render/i18n/i18n.hpp"
#include "rcmap/render/report/report.hpp"
#include "support/temp_dir.hpp"
TEST_CASE("unit profile: received, given and average over shown between-unit ties only", "[report][unit]") {
  Small f;
  const render::UnitProfile p0 = render::unit_profile(f.a, 0);
  // Received by 0: only 2->0 (n 6): timely 3.0, others 3.8.
  CHECK(p0.received[1] == Approx(3.0));
  CHECK(p0.received[0] == Approx(3.8));
  CHECK(p0.received_n == 6);
  // Given by 0: 0->1 and 0->2 (n 10 each): timely (4.2 + 2.0) / 2 = 3.1; others (4.2 + 3.0) / 2 = 3.6.
  CHECK(p0.given[1] == Approx(3.1));
  CHECK(p0.given[6] == Approx(3.6));
  CHECK(p0.given_n == 20);
  // Average: 0->1, 0->2, 2->0, 2->3, 3->1 (within-unit and suppressed left out): n = 44.
  CHECK(p0.average_n == 44);
  CHECK(p0.average[0] == Approx((42 + 30 + 22.8 + 40 + 25.6) / 44));
  // Unit 1 (4 respondents): its only given tie is suppressed, so nothing given.
  const render::UnitProfile p1 = render::unit_profile(f.a, 1);
  CHECK(p1.given_n == 0);
  CHECK(std::isnan(p1.given[0]));
  CHECK(p1.received[0] == Approx((42 + 25.6) / 18));
}

TEST_CASE("unit tie index: each unit's shown between-unit ties in tie order, the same profiles", "[report][unit]") {
  Small f;
  const render::UnitTieIndex index(f.a, f.s.units.size());
  auto of = [&](std::uint32_t u) {
    return std::vector<std::uint32_t>(index.tie.begin() + static_cast<long>(index.start[u]),
                                      index.tie.begin() + static_cast<long>(index.start[u + 1]));
  };
  // Ties 0 0->0 (within), 1 0->1, 2 0->2, 3 1->3 (suppressed), 4 2->0, 5 2->3, 6 3->1.
  CHECK(of(0) == std::vector<std::uint32_t>{1, 2, 4});
  CHECK(of(1) == std::vector<std::uint32_t>{1, 6});
  CHECK(of(2) == std::vector<std::uint32_t>{2, 4, 5});
  CHECK(of(3) == std::vector<std::uint32_t>{5, 6});
  CHECK(index.n == 44);
  for (std::uint32_t u = 0; u < 4; ++u) {
    const render::UnitProfile p = render::unit_profile(f.a, u), q = render::unit_profile(f.a, u, index);
    CHECK(q.received_n == p.received_n);
    CHECK(q.given_n == p.given_n);
    CHECK(q.average_n == p.average_n);
    for (std::size_t d = 0; d < kDimensionCount; ++d) {  // bit-identical: the same sums in the same order
      CHECK((q.received[d] == p.received[d] || (std::isnan(q.received[d]) && std::isnan(p.received[d]))));
      CHECK((q.given[d] == p.given[d] || (std::isnan(q.given[d]) && std::isnan(p.given[d]))));
      CHECK(q.average[d] == p.average[d]);
    }
  }
}

TEST_CASE("counts in report sentences are grouped by thousands as each language writes them", "[report][i18n]") {
  using render::format_count;
  using render::Lang;
  CHECK(format_count(0, Lang::en) == "0");
  CHECK(format_count(999, Lang::da) == "999");
  CHECK(format_count(1000, Lang::en) == "1,000");
  CHECK(format_count(14400, Lang::da) == "14.400");
  CHECK(format_count(14400, Lang::nb) == "14\u00a0400");
  CHECK(format_count(1234567, Lang::en) == "1,234,567");
  CHECK(format_count(1234567, Lang::nb) == "1\u00a0234\u00a0567");
}
#endif

namespace {
struct AttributeTable {
  igraph_attribute_table_t* prev = igraph_set_attribute_table(&igraph_cattribute_table);
  ~AttributeTable() { igraph_set_attribute_table(prev); }
};
}  // namespace

TEST_CASE("network.graphml read back with igraph: shown between-unit ties only, attributes intact",
          "[report][graphml]") {
  Small f;
  const Table units = units_table(f.s, f.a), ties = ties_table(f.s, f.a);
  const std::string path = test::fresh_path("findings.graphml");
  write_graphml(path, f.s, f.a, units, ties);
  const std::string text = test::slurp(path);
  CHECK(text.find("1.111") == std::string::npos);  // planted value of the suppressed tie

  AttributeTable scope;
  std::FILE* in = std::fopen(path.c_str(), "rb");
  REQUIRE(in);
  igraph_t g;
  REQUIRE(igraph_read_graph_graphml(&g, in, 0) == IGRAPH_SUCCESS);
  std::fclose(in);
  std::remove(path.c_str());
  CHECK(igraph_vcount(&g) == 4);
  CHECK(igraph_is_directed(&g));
  // 0->1, 0->2, 2->0, 2->3, 3->1: not the within-unit 0->0, not the suppressed 1->3.
  REQUIRE(igraph_ecount(&g) == 5);
  const std::pair<int, int> expect[] = {{0, 1}, {0, 2}, {2, 0}, {2, 3}, {3, 1}};
  const double rc[] = {4.2, 3.0, 3.8, 4.0, 3.2}, n[] = {10, 10, 6, 10, 8};
  for (igraph_integer_t e = 0; e < 5; ++e) {
    CHECK(IGRAPH_FROM(&g, e) == expect[e].first);
    CHECK(IGRAPH_TO(&g, e) == expect[e].second);
    CHECK(EAN(&g, "rc", e) == Approx(rc[e]));
    CHECK(EAN(&g, "n", e) == n[e]);
    CHECK(EAN(&g, "timely", e) == Approx(f.a.ties[f.a.find(expect[e].first, expect[e].second)].dim_mean[1]));
  }
  CHECK(std::string(EAS(&g, "strength", 1)) == "weak");
  CHECK(std::string(VAS(&g, "label", 2)) == "Enhed P1");
  CHECK(std::string(VAS(&g, "unit", 3)) == "P2");
  CHECK(std::string(VAS(&g, "side", 0)) == "authority");
  CHECK(VAN(&g, "respondents", 1) == 4);
  CHECK(VAN(&g, "headcount", 1) == 12);
  CHECK(igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_EDGE, "source_label") == false);
  igraph_destroy(&g);
}
