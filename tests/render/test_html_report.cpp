// report.html (docs/html-report.md): the data block against the aggregate,
// the anonymity rule, the assembly, and the CLI runs that write it (analyze,
// rcmap report, --no-render, byte-identical reruns, the output manifest).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>

#include "rcmap/graph/map_layout.hpp"
#include "../../render/report/wording.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/json_reader.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/render/html/html_report.hpp"
#include "support/test_helpers.hpp"

using namespace rcmap;
using namespace rcmap::render;
using rcmap::test::run_rcmap;
using rcmap::test::slurp;
using rcmap::test::source_path;
namespace fs = std::filesystem;

namespace {

std::size_t count(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

struct Run {
  Survey s;
  Aggregate a;
  MetricsResult m;
  Findings f;
  FigureOptions o;
  HtmlAnalysis h;
  explicit Run(int min_n, const std::string& label_of_first = "") {
    Diagnostics d;
    s = rcmap::test::load("samples/units.csv", "samples/responses.csv", d);
    if (!label_of_first.empty()) s.units[0].label = label_of_first;
    AggregateOptions ao;
    ao.min_n = min_n;
    a = aggregate(s, ao);
    MetricsOptions mo;
    m = compute_metrics(s, a, mo);
    f = compute_findings(s, a, m, mo);
    h = HtmlAnalysis{&s, &a, &m, &f, compute_layout(s, a, o.layout, o.side_a, o.side_b, 1), nullptr};
  }
};

}  // namespace

TEST_CASE("report.html block: every shown between-unit tie with the figures of ties.csv", "[html]") {
  Run r(5);
  const std::string block = html_analysis_block(r.h, r.o);
  std::size_t shown = 0;
  for (const Tie& t : r.a.ties) {
    if (t.within() || t.suppressed) continue;
    ++shown;
    // "s":i,"t":j,"n":n,"rc":<6 decimals as ties.csv>,"ci_low":...
    const std::string head = "{\"s\":" + std::to_string(t.source) + ",\"t\":" + std::to_string(t.target) +
                             ",\"n\":" + std::to_string(t.n) + ",\"rc\":" + format_fixed(t.rc) +
                             ",\"ci_low\":" + format_fixed(t.ci_low) + ",\"ci_high\":" + format_fixed(t.ci_high) +
                             ",\"strength\":\"" + strength_name(t.strength) + "\"";
    INFO(head);
    CHECK(count(block, head) == 1);
  }
  CHECK(shown == 210);  // the shipped sample (docs/html-report.md "Speed and size")
  CHECK(count(block, "\"strength\":") == shown);
  CHECK(count(block, "\"id\":") == r.s.units.size());
  // Deterministic, and no NaN or Infinity ever.
  CHECK(html_analysis_block(r.h, r.o) == block);
  static const std::regex non_finite(R"([:,\[](-?inf|-?nan|NaN|-?Infinity)[,\]}])");
  CHECK(!std::regex_search(block, non_finite));
}

TEST_CASE("report.html block: a suppressed tie is only a bare [s, t] marker", "[html]") {
  // A higher --min-n suppresses ties of the sample; their figures at --min-n 5
  // must not be in the block, their pair only in "hidden".
  Run low(5), high(12);
  const std::string block = html_analysis_block(high.h, high.o);
  int checked = 0;
  for (const Tie& t : high.a.ties) {
    if (!t.suppressed || t.within()) continue;
    const Tie& was = low.a.ties[static_cast<std::size_t>(low.a.find(t.source, t.target))];
    const std::string pair = "[" + std::to_string(t.source) + "," + std::to_string(t.target) + "]";
    const std::size_t hidden_at = block.find("\"hidden\":[");
    REQUIRE(hidden_at != std::string::npos);
    CHECK(block.find(pair, hidden_at) < block.find("]]", hidden_at) + 2);
    CHECK(block.find("{\"s\":" + std::to_string(t.source) + ",\"t\":" + std::to_string(t.target) + ",\"n\"") ==
          std::string::npos);
    if (was.suppressed) continue;
    // Shown at --min-n 5: its RC with its interval (a single value may recur
    // by chance, e.g. 3.333333) and its interval bounds are nowhere in the block.
    CHECK(block.find(format_fixed(was.rc) + ",\"ci_low\":" + format_fixed(was.ci_low)) == std::string::npos);
    CHECK(block.find(format_fixed(was.ci_low) + ",\"ci_high\":" + format_fixed(was.ci_high)) == std::string::npos);
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("report.html: assembly escapes the data and the title, placeholders replaced once", "[html]") {
  Run r(5, "Unit </script><!-- & \"x\"");
  r.o.title = "A <b>&\"survey\"";
  const std::string html = html_report_analyze(html_analysis_block(r.h, r.o), r.s, r.a, r.o, "0.1.0");
  CHECK(html.find("@RCMAP_") == std::string::npos);
  CHECK(html.find("/*@RCMAP_") == std::string::npos);
  // Only the two closing tags of shell.html; the label's '<' is \u003c in the data.
  CHECK(count(html, "</script") == 2);
  CHECK(count(html, "<!--") == 0);
  CHECK(html.find("Unit \\u003c/script>\\u003c!-- & \\\"x\\\"") != std::string::npos);
  CHECK(html.find("<title>A &lt;b&gt;&amp;&quot;survey&quot;</title>") != std::string::npos);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("content=\"default-src 'none';") != std::string::npos);
  // The viewer and its styles are inline.
  CHECK(html.find("JSON.parse(document.getElementById('rcmap-data').textContent)") != std::string::npos);
  CHECK(count(html, "<script type=\"application/json\" id=\"rcmap-data\">{\"schema\":1,") == 1);
  r.o.lang = Lang::da;
  const std::string da = html_report_analyze(html_analysis_block(r.h, r.o), r.s, r.a, r.o, "0.1.0");
  CHECK(da.find("<html lang=\"da\">") != std::string::npos);
  CHECK(da.find("\"number_format\":{\"decimal\":\",\",\"group\":\".\"") != std::string::npos);
  CHECK(da.find("\"label\":\"gensidig respekt\"") != std::string::npos);
}

TEST_CASE("report.html: words of every language have the same keys", "[html]") {
  std::vector<std::string> keys[3];
  const Lang langs[3] = {Lang::en, Lang::da, Lang::nb};
  for (int k = 0; k < 3; ++k) {
    const std::string w = html_words_json(langs[k]);
    static const std::regex key("\"([a-z0-9_]+)\":\"");
    for (std::sregex_iterator it(w.begin(), w.end(), key), end; it != end; ++it) keys[k].push_back((*it)[1]);
    CHECK(keys[k].size() > 50);
  }
  CHECK(keys[0] == keys[1]);
  CHECK(keys[0] == keys[2]);
}

TEST_CASE("analyze writes report.html, rcmap report regenerates it, --no-render leaves it out", "[html][cli]") {
  rcmap::test::ScratchDir dir("html");
  const std::string sample =
      "--units " + source_path("samples/units.csv") + " --responses " + source_path("samples/responses.csv");
  REQUIRE(run_rcmap("analyze " + sample + " --formats svg -q --out " + dir / "a") == 0);
  const std::string first = slurp(dir / "a/report.html");
  REQUIRE(!first.empty());
  CHECK(first.size() < 1000000);
  CHECK(slurp(dir / "a/.rcmap-outputs").find("report.html\n") != std::string::npos);
  // A rerun gives the same bytes; rcmap report rewrites it, here in Danish.
  REQUIRE(run_rcmap("analyze " + sample + " --formats svg -q --out " + dir / "a") == 0);
  CHECK(slurp(dir / "a/report.html") == first);
  REQUIRE(run_rcmap("report " + dir / "a" + " --lang da -q") == 0);
  const std::string da = slurp(dir / "a/report.html");
  CHECK(da.find("<html lang=\"da\">") != std::string::npos);
  REQUIRE(run_rcmap("report " + dir / "a" + " -q") == 0);
  CHECK(slurp(dir / "a/report.html") == first);
  // --no-render: none written, and the earlier one is removed as a leftover.
  REQUIRE(run_rcmap("analyze " + sample + " --no-render -q --out " + dir / "a") == 0);
  CHECK(!fs::exists(dir / "a/report.html"));
}

TEST_CASE("report.html: the map legend's words are map.png's (docs/glossary.tsv)", "[html]") {
  for (Lang lang : {Lang::en, Lang::da, Lang::nb}) {
    const JsonValue w = parse_json(html_words_json(lang), "words");
    for (const char* key : {"map_clearly_weak", "map_borderline_weak", "map_bridges"}) {
      INFO(key);
      REQUIRE(w.get(key));
      CHECK(w.get(key)->text == render::detail::glossary_text(key, lang));
    }
  }
}

// Not run by default: the time writing report.html adds to analyze
// (docs/html-report.md "Speed and size"): ./build/rcmap_tests "[.html-speed]"
TEST_CASE("report.html: time to build and assemble on the shipped sample", "[.html-speed]") {
  Run r(5);
  std::vector<double> ms;
  std::size_t bytes = 0;
  for (int k = 0; k < 21; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string html = html_report_analyze(html_analysis_block(r.h, r.o), r.s, r.a, r.o, "0.1.0");
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    bytes = html.size();
  }
  std::sort(ms.begin(), ms.end());
  WARN("report.html: " << bytes << " bytes; build + assembly median " << ms[ms.size() / 2] << " ms (min " << ms.front()
                       << ", max " << ms.back() << ")");
  CHECK(ms[ms.size() / 2] < 20);
}
