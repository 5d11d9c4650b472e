// One glossary (docs/glossary.tsv, docs/glossary.md) for every word a reader
// sees: the compiled glossary and the word tables of figures and reports
// must say what the TSV says. A table that drifts from the glossary fails here.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "../../render/report/change_report_words.hpp"
#include "../../render/report/report_words.hpp"
#include "rcmap/outputs/glossary.hpp"
#include "rcmap/outputs/method_text.hpp"
#include "rcmap/render/i18n/change_words.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "support/test_helpers.hpp"

using namespace rcmap;
using rcmap::render::Lang;

namespace {

struct Row {
  std::string en, da, nb;
  const std::string& in(Lang l) const { return l == Lang::da ? da : l == Lang::nb ? nb : en; }
};

const std::map<std::string, Row>& tsv() {
  static const std::map<std::string, Row> rows = [] {
    std::map<std::string, Row> m;
    std::ifstream in(rcmap::test::source_path("docs/glossary.tsv"), std::ios::binary);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      std::vector<std::string> c;
      std::stringstream ss(line);
      for (std::string cell; std::getline(ss, cell, '\t');) c.push_back(cell);
      c.resize(5);
      m[c[0]] = {c[1], c[2], c[3]};
    }
    return m;
  }();
  return rows;
}

// The glossary's term with the first letter's case taken from `shown`: a
// table may start a sentence or a legend with a capital.
std::string term(const std::string& key, Lang l) {
  auto it = tsv().find(key);
  REQUIRE(it != tsv().end());
  return it->second.in(l);
}
bool same_but_first_case(const std::string& shown, const std::string& want) {
  if (shown.size() != want.size() || shown.empty()) return false;
  return std::tolower(static_cast<unsigned char>(shown[0])) == std::tolower(static_cast<unsigned char>(want[0])) &&
         shown.compare(1, std::string::npos, want, 1, std::string::npos) == 0;
}

constexpr Lang kLangs[] = {Lang::en, Lang::da, Lang::nb};
const char* code(Lang l) { return l == Lang::da ? "da" : l == Lang::nb ? "nb" : "en"; }

}  // namespace

TEST_CASE("the compiled glossary is docs/glossary.tsv, term by term", "[glossary]") {
  REQUIRE(tsv().size() > 200);
  REQUIRE(glossary_size() == tsv().size());
  for (const auto& [key, row] : tsv())
    for (Lang l : kLangs) {
      INFO(key << " " << code(l));
      CHECK(glossary_term(key, code(l)) == row.in(l));
    }
  CHECK(glossary_term("no such key", "da").empty());
}

TEST_CASE("figure words follow the glossary", "[glossary][figures]") {
  for (Lang l : kLangs) {
    const render::Words& w = render::words(l);
    const std::pair<const char*, const char*> fields[] = {{w.map_title, "coordination_map"},
                                                          {w.gap_title, "gaps_title"},
                                                          {w.sides, "sides_heading"},
                                                          {w.rc_scale, "rc_scale"},
                                                          {w.weak, "weak"},
                                                          {w.moderate, "moderate"},
                                                          {w.strong, "strong"},
                                                          {w.hidden_note, "hidden_note"},
                                                          {w.one_sided, "one_sided"},
                                                          {w.unmeasured, "unmeasured_legend"},
                                                          {w.rating_unit, "rating_unit"},
                                                          {w.rated_unit, "rated_unit"},
                                                          {w.within, "within_named"},
                                                          {w.axis_rc, "mean_rc"},
                                                          {w.filter_cross, "filter_cross"},
                                                          {w.no_data, "no_data"},
                                                          {w.respondents, "respondents_count"}};
    for (const auto& [shown, key] : fields) {
      INFO(key << " " << code(l) << ": '" << shown << "'");
      CHECK(same_but_first_case(shown, term(key, l)));
    }
    const char* dims[] = {"dim_frequent",     "dim_timely",           "dim_accurate",      "dim_problem_solving",
                          "dim_shared_goals", "dim_shared_knowledge", "dim_mutual_respect"};
    for (int d = 0; d < 7; ++d) CHECK(std::string(render::dimension_name(l, d)) == term(dims[d], l));
    for (const char* side : {"authority", "provider", "general", "health"})
      CHECK(render::side_name(l, side) == term(std::string("side_") + side, l));
  }
}

TEST_CASE("report and change words follow the glossary", "[glossary][report]") {
  for (Lang l : kLangs) {
    const auto& rw = render::detail::report_words(l);
    const auto& cw = render::detail::change_report_words(l);
    const auto& fw = render::change_words(l);
    const std::pair<const char*, const char*> fields[] = {{rw.key_findings, "key_findings"},
                                                          {rw.method, "method"},
                                                          {rw.figures, "figures"},
                                                          {rw.unit_pages, "unit_pages"},
                                                          {rw.gaps_heading, "gaps_heading"},
                                                          {rw.col_rc, "rc"},
                                                          {rw.col_reverse, "reverse_rc"},
                                                          {rw.kind_unmeasured, "val_kind_unmeasured"},
                                                          {rw.kind_weak, "val_kind_weak"},
                                                          {rw.kind_one_sided, "val_kind_one_sided"},
                                                          {rw.kind_ok, "val_kind_ok"},
                                                          {rw.col_side, "col_side"},
                                                          {rw.col_respondents, "respondents"},
                                                          {rw.col_rate, "response_rate"},
                                                          {rw.col_given, "col_rc_given"},
                                                          {rw.col_received, "col_rc_received"},
                                                          {rw.col_within, "col_rc_within"},
                                                          {rw.col_pagerank, "pagerank"},
                                                          {rw.col_betweenness, "betweenness"},
                                                          {rw.units_count, "units_count"},
                                                          {rw.generated, "made_with"},
                                                          {rw.received, "received"},
                                                          {rw.given, "given"},
                                                          {rw.of_respondents, "respondents_count"},
                                                          {cw.improved, "improved"},
                                                          {cw.worse, "val_direction_worse"},
                                                          {cw.no_change, "no_credible_change"},
                                                          {cw.col_before, "before"},
                                                          {cw.col_after, "after"},
                                                          {cw.col_interval, "interval_95"},
                                                          {cw.col_direction, "direction"},
                                                          {fw.worse, "worse_axis"},
                                                          {fw.better, "better_axis"},
                                                          {fw.within_sides, "within_sides"}};
    for (const auto& [shown, key] : fields) {
      // English headers of the report are words, not the CSV names col_* gives in en.
      if (l == Lang::en && std::string(key).rfind("col_", 0) == 0) continue;
      INFO(key << " " << code(l) << ": '" << shown << "'");
      CHECK(same_but_first_case(shown, term(key, l)));
    }
  }
}

TEST_CASE("no da/nb table uses a word the glossary replaced", "[glossary]") {
  // docs/glossary.md: Sider reads as pages; ensidig is biased; troværdig is
  // said of people; the literal phrasings of issue-era texts; untranslated
  // PageRank/Betweenness as a heading; tidsriktig; RC in running text.
  const char* banned[] = {"Sider",
                          " sider",
                          "sidepar",
                          " ensidig",
                          "Ensidig",
                          "troværdig",
                          "troverdig",
                          "Koordineringshul",
                          "Koordineringsgap",
                          "tidsriktig",
                          "ingen vist",
                          "Den dimension, der driver",
                          "besvarelse",
                          "frø",
                          "mange test",
                          "Betweenness",
                          " RC ",
                          "middel,"};
  std::vector<std::string> texts;
  for (Lang l : {Lang::da, Lang::nb}) {
    const auto& rw = render::detail::report_words(l);
    const auto& cw = render::detail::change_report_words(l);
    const auto& w = render::words(l);
    const auto& fw = render::change_words(l);
    // Every const char* member of the tables, in order.
    auto add_all = [&](const void* p, std::size_t bytes) {
      const char* const* f = static_cast<const char* const*>(p);
      for (std::size_t i = 0; i < bytes / sizeof(const char*); ++i) texts.emplace_back(f[i]);
    };
    add_all(&rw, sizeof rw);
    add_all(&cw, sizeof cw);
    add_all(&w, sizeof w);
    add_all(&fw, sizeof fw);
    Aggregate a;
    a.alpha = {0.8, 300};
    for (const auto& [topic, text] : method_rows(a, code(l)))  // the abbreviation row names RC on purpose
      if (topic != glossary_term("method_abbreviation_topic", code(l))) texts.push_back(topic + " " + text);
  }
  for (const auto& t : texts)
    for (const char* b : banned) {
      INFO("'" << t << "' contains '" << b << "'");
      CHECK(t.find(b) == std::string::npos);
    }
}

TEST_CASE("counts are grouped as the glossary's num_thousands", "[glossary]") {
  for (Lang l : kLangs) {
    CHECK(render::format_count(3606, l) == term("num_thousands", l));
    CHECK(group_thousands(3606, code(l)) == term("num_thousands", l));
  }
  CHECK(group_thousands(999, "da") == "999");
  CHECK(group_thousands(1234567, "nb") == "1\u00a0234\u00a0567");
  CHECK(group_thousands(1234567, "da") == "1.234.567");
}
