// Office-ready figures (docs/figures.md "Pages and titles"): --page 16:9,
// --no-title, rcmap report --title re-titling the figures, the person map's
// brokers and unit labels; and the command vocabulary (docs/commands.md
// "Deprecated spellings"): per-unit pages that list every tie; --tie-table, --map-ties, --gap-sides in network,
// the old spellings still read.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/report/report.hpp"
#include "support/test_helpers.hpp"

using namespace rcmap;
using namespace rcmap::test;

namespace {

const std::string kSurvey =
    " --units " + source_path("samples/units.csv") + " --responses " + source_path("samples/responses.csv");
const std::string kPeople = " --people " + source_path("samples/people.csv") + " --ties " +
                            source_path("samples/person-ties.csv") + " --units " + source_path("samples/units.csv");

std::pair<unsigned, unsigned> png_size(const std::string& bytes) {
  REQUIRE(bytes.size() > 24);
  REQUIRE(bytes.compare(12, 4, "IHDR") == 0);
  auto be = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  return {be(16), be(20)};
}

// The page of a one-page PDF: "W x H" from its /MediaBox.
std::string pdf_page(const std::string& bytes) {
  std::smatch m;
  REQUIRE(std::regex_search(bytes, m, std::regex(R"(/MediaBox \[ *0 0 ([0-9.]+) ([0-9.]+) *\])")));
  return m[1].str() + " x " + m[2].str();
}

// The text of a PDF (pdftotext, poppler-utils).
std::string pdf_text(const std::string& pdf) {
  const std::string txt = pdf + ".txt";
  REQUIRE(shell("pdftotext -q " + pdf + " " + txt) == 0);
  return slurp(txt);
}

}  // namespace

TEST_CASE(
    "page 16:9 (--page): PNGs of an exact 16:9 pixel size, SVG and PDF pages of 960 x 540 pt, report.pdf stays A4",
    "[office][page]") {
  ScratchDir t("page169");
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "a --page 16:9 --formats png,svg,pdf -q", t / "log") == 0);
  for (const char* fig : {"map", "gap-map", "matrix", "profile"}) {
    INFO(fig);
    const auto [w, h] = png_size(slurp(t / ("a/" + std::string(fig) + ".png")));
    CHECK(w * 9 == h * 16);
    // 960 pt at 200 dpi is 2666.7 px, rounded to a multiple of 16: 2672 x 1503.
    CHECK(w == 2672u);
    CHECK(h == 1503u);
    CHECK(pdf_page(slurp(t / ("a/" + std::string(fig) + ".pdf"))) == "960 x 540");
    CHECK(slurp(t / ("a/" + std::string(fig) + ".svg")).find("width=\"960pt\" height=\"540pt\"") != std::string::npos);
  }
  const std::string report = slurp(t / "a/report.pdf");
  CHECK(report.find("/MediaBox [ 0 0 841.89 595.28 ]") != std::string::npos);  // A4 landscape pages
  CHECK(report.find("/MediaBox [ 0 0 960 540 ]") == std::string::npos);
  // The default page is A4 as before; another --dpi keeps 16:9 exact.
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "b --formats png --dpi 72 -q") == 0);
  CHECK(png_size(slurp(t / "b/map.png")) == std::pair{841u, 595u});
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "c --page 16:9 --formats png --dpi 72 -q") == 0);
  CHECK(png_size(slurp(t / "c/matrix.png")) == std::pair{960u, 540u});
  // The person map of network too.
  REQUIRE(run_rcmap("network" + kPeople + " --out " + t / "n --page 16:9 --formats png,pdf --dpi 100 -q") == 0);
  CHECK(png_size(slurp(t / "n/person-map.png")) == std::pair{1328u, 747u});
  CHECK(pdf_page(slurp(t / "n/person-map.pdf")) == "960 x 540");
  CHECK(run_rcmap("analyze" + kSurvey + " --out " + t / "d --page letter", t / "log2") == 1);
  CHECK(slurp(t / "log2").find("--page must be a4 or 16:9, got 'letter'") != std::string::npos);
}

TEST_CASE("the map fits a 16:9 page: map area and labels inside it, without the title higher up", "[office][page]") {
  Diagnostics d;
  Survey s = load("samples/units.csv", "samples/responses.csv", d);
  Aggregate a = aggregate(s, AggregateOptions{});
  std::vector<Point> layout = compute_layout(s, a, LayoutKind::sides, "authority", "provider", 1);
  render::FigureOptions o;
  o.page_width = render::kSlideWidth;
  o.page_height = render::kSlideHeight;
  const render::Box page{0, 0, render::kSlideWidth, render::kSlideHeight};
  for (bool gap : {false, true}) {
    const render::MapGeometry g = render::map_geometry(s, a, layout, o, gap);
    CHECK(g.map_area.inside(page));
    CHECK(g.map_area.x1 > render::kPageWidth);  // the width of the slide is used
    CHECK(g.overlaps_resolved);
    for (const auto& b : g.label_boxes) CHECK(b.inside(g.map_area));
    for (const auto& b : g.node_boxes) CHECK(b.inside(g.map_area));
  }
  render::FigureOptions bare = o;
  bare.no_title = true;
  CHECK(render::map_geometry(s, a, layout, bare, false).map_area.y0 <
        render::map_geometry(s, a, layout, o, false).map_area.y0 - 30);
}

TEST_CASE("no title (--no-title) leaves the title and subtitle out of the figure files, not out of report.pdf",
          "[office][title]") {
  ScratchDir t("notitle");
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "a --formats pdf --title Testby -q") == 0);
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "b --formats pdf --title Testby --no-title -q") == 0);
  CHECK(pdf_text(t / "a/map.pdf").find("Coordination map") != std::string::npos);
  CHECK(pdf_text(t / "a/matrix.pdf").find("Testby") != std::string::npos);
  CHECK(pdf_text(t / "a/matrix.pdf").find("300 respondents") != std::string::npos);
  for (const char* fig : {"map", "gap-map", "matrix", "profile"}) {
    INFO(fig);
    const std::string text = pdf_text(t / ("b/" + std::string(fig) + ".pdf"));
    CHECK(text.find("Testby") == std::string::npos);
    CHECK(text.find("300 respondents") == std::string::npos);
  }
  CHECK(pdf_text(t / "b/report.pdf").find("Coordination map") != std::string::npos);
}

TEST_CASE("rcmap report DIR --title re-titles the figures too", "[office][title][report]") {
  ScratchDir t("retitle");
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "a --formats png,pdf --title Testby -q") == 0);
  const std::string png_before = slurp(t / "a/map.png");
  CHECK(pdf_text(t / "a/map.pdf").find("Testby") != std::string::npos);
  REQUIRE(run_rcmap("report " + t / "a --title Sydby -q", t / "log") == 0);
  for (const char* fig : {"map", "gap-map", "matrix", "profile"}) {
    INFO(fig);
    const std::string text = pdf_text(t / ("a/" + std::string(fig) + ".pdf"));
    CHECK(text.find("Sydby") != std::string::npos);
    CHECK(text.find("Testby") == std::string::npos);
  }
  CHECK(slurp(t / "a/map.png") != png_before);
  CHECK(pdf_text(t / "a/report.pdf").find("Sydby") != std::string::npos);
}

TEST_CASE("network's person map rings the brokers and labels the unit discs by unit label", "[office][people]") {
  ScratchDir t("personmap");
  REQUIRE(run_rcmap("network" + kPeople + " --out " + t / "n --formats pdf -q") == 0);
  const std::string text = pdf_text(t / "n/person-map.pdf");
  CHECK(text.find("Familiebehandling Vest") != std::string::npos);  // label of unit P1
  CHECK(text.find("Ringed: the top cross-side brokers (brokers.csv)") != std::string::npos);
  REQUIRE(run_rcmap("network" + kPeople + " --out " + t / "m --formats pdf --top-brokers 0 -q") == 0);
  CHECK(pdf_text(t / "m/person-map.pdf").find("Ringed") == std::string::npos);
}

TEST_CASE("options --tie-table and --map-ties, the old --ties still works with a note, old project files still read",
          "[office][cli][deprecated]") {
  ScratchDir t("vocab");
  const std::string units = " --units " + source_path("samples/units.csv");
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "r --no-render -q") == 0);
  REQUIRE(run_rcmap("analyze" + units + " --tie-table " + t / "r/ties.csv" + " --map-ties weak --out " + t / "new" +
                        " --formats svg -q",
                    t / "log-new") == 0);
  CHECK(slurp(t / "log-new").empty());
  const std::string ini = slurp(t / "new/project.ini");
  CHECK(ini.find("\ntie-table = " + t / "r/ties.csv" + "\n") != std::string::npos);
  CHECK(ini.find("\nmap-ties = weak\n") != std::string::npos);
  CHECK(ini.find("\nties =") == std::string::npos);
  // The old spelling, both meanings in one run.
  REQUIRE(run_rcmap("analyze" + units + " --ties " + t / "r/ties.csv" + " --ties weak --out " + t / "old --formats svg",
                    t / "log-old") == 0);
  const std::string log = slurp(t / "log-old");
  CHECK(log.find("rcmap analyze: note: --ties " + t / "r/ties.csv" + " is deprecated; use --tie-table " +
                 t / "r/ties.csv") != std::string::npos);
  CHECK(log.find("rcmap analyze: note: --ties weak is deprecated; use --map-ties weak") != std::string::npos);
  for (const char* f : {"ties.csv", "units.csv", "map.svg", "project.ini"}) {
    INFO(f);
    std::string a = slurp(t / ("new/" + std::string(f))), b = slurp(t / ("old/" + std::string(f)));
    if (std::string(f) == "project.ini") a = std::regex_replace(a, std::regex("/new\n"), "/old\n");
    CHECK(a == b);
  }
  // A project file written before the rename (ties = FILE) still reads, silently.
  {
    std::ofstream old(t / "old.ini");
    old << "units = " << source_path("samples/units.csv") << "\nties = " << t / "r/ties.csv"
        << "\nformats = svg\nmap-ties = weak\n";
  }
  REQUIRE(run_rcmap("analyze --config " + t / "old.ini" + " --out " + t / "cfg -q", t / "log-cfg") == 0);
  CHECK(slurp(t / "cfg/ties.csv") == slurp(t / "new/ties.csv"));
  CHECK(slurp(t / "cfg/map.svg") == slurp(t / "new/map.svg"));
  // Errors name the new options.
  CHECK(run_rcmap("analyze" + units + " --out " + t / "x", t / "log-x") == 1);
  CHECK(slurp(t / "log-x").find("give either --responses (respondent answers) or --tie-table") != std::string::npos);
  CHECK(run_rcmap("analyze" + kSurvey + " --map-ties thick --out " + t / "y", t / "log-y") == 1);
  CHECK(slurp(t / "log-y").find("--map-ties must be emphasis, all, cross-side or weak, got 'thick'") !=
        std::string::npos);
}

TEST_CASE("option --gap-sides in network, the old --authority-side/--provider-side its deprecated aliases",
          "[office][cli][deprecated]") {
  ScratchDir t("netsides");
  REQUIRE(run_rcmap("network" + kPeople + " --out " + t / "new --no-render --gap-sides provider,authority",
                    t / "log-new") == 0);
  CHECK(slurp(t / "log-new").find("deprecated") == std::string::npos);
  REQUIRE(run_rcmap("network" + kPeople + " --out " +
                        t / "old --no-render --authority-side provider --provider-side authority",
                    t / "log-old") == 0);
  CHECK(slurp(t / "log-old")
            .find("rcmap network: warning: --authority-side and --provider-side are deprecated; use "
                  "--gap-sides provider,authority") != std::string::npos);
  CHECK(slurp(t / "new/brokers.csv") == slurp(t / "old/brokers.csv"));
  CHECK(slurp(t / "old/summary.json").find("\"gap-sides\": \"provider,authority\"") != std::string::npos);
  CHECK(slurp(t / "old/summary.json").find("authority-side") == std::string::npos);
  CHECK(run_rcmap("network" + kPeople + " --out " + t / "x --gap-sides authority,authority", t / "log-x") == 1);
  CHECK(slurp(t / "log-x").find("--gap-sides needs two different side names") != std::string::npos);
}

TEST_CASE("option --dpi is checked with one wording in every command that draws", "[office][cli]") {
  ScratchDir t("dpi");
  const std::string waves = " --units " + source_path("tests/data/waves/three/units.csv") + " --responses " +
                            source_path("tests/data/waves/three/responses.csv");
  for (const std::string& cmd : {"analyze" + kSurvey, "network" + kPeople, "compare" + waves}) {
    INFO(cmd);
    CHECK(run_rcmap(cmd + " --out " + t / "o --dpi 20", t / "log") == 1);
    CHECK(slurp(t / "log").find("--dpi must be from 36 to 1200\n") != std::string::npos);
  }
}

TEST_CASE("per-unit pages list every tie of a unit, continuing on further pages", "[office][per-unit]") {
  ScratchDir t("unitpages");
  REQUIRE(run_rcmap("sample --out " + t / "s --units 40 --respondents 1500 --seed 1") == 0);
  Diagnostics d;
  Survey s = read_survey(t / "s/units.csv", t / "s/responses.csv", ReadOptions{}, d);
  Aggregate a = aggregate(s, AggregateOptions{});
  render::ReportInput in;
  in.survey = &s;
  in.aggregate = &a;
  const render::UnitTieIndex index(a, s.units.size());
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(surface);
  int most_pages = 0;
  for (std::uint32_t u = 0; u < s.units.size(); ++u) {
    const std::size_t ties = index.start[u + 1] - index.start[u];
    std::size_t shown = render::draw_unit_page(cr, in, u, &index);
    int pages = 1;
    while (shown < ties) {
      const std::size_t next = render::draw_unit_ties_page(cr, in, u, index, shown, ++pages);
      REQUIRE(next > shown);
      shown = next;
    }
    CHECK(shown == ties);
    most_pages = std::max(most_pages, pages);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  CHECK(most_pages == 2);  // 40 units: up to 78 ties, more than page 1 holds
  // The files: report.pdf says where the list goes on, and units/<name>-2.png holds it.
  REQUIRE(run_rcmap("analyze --units " + t / "s/units.csv --responses " + t / "s/responses.csv --out " + t / "r" +
                    " --per-unit --formats png -q") == 0);
  const std::string text = pdf_text(t / "r/report.pdf");
  CHECK(text.find("more on the next page") != std::string::npos);
  CHECK(text.find("see ties.csv") == std::string::npos);
  CHECK(std::filesystem::exists(t / "r/units/Enhed_17_provider.png"));
  CHECK(std::filesystem::exists(t / "r/units/Enhed_17_provider-2.png"));
}

TEST_CASE("rcmap report DIR --page 16:9 --no-title redraws the figure files for slides, report.pdf stays A4 and titled",
          "[office][page][report]") {
  ScratchDir t("reportpage");
  REQUIRE(run_rcmap("analyze" + kSurvey + " --out " + t / "a --formats png,pdf --dpi 72 --title Testby -q") == 0);
  CHECK(png_size(slurp(t / "a/map.png")) == std::pair{841u, 595u});
  REQUIRE(run_rcmap("report " + t / "a --page 16:9 --no-title -q", t / "log") == 0);
  for (const char* fig : {"map", "gap-map", "matrix", "profile"}) {
    INFO(fig);
    CHECK(png_size(slurp(t / ("a/" + std::string(fig) + ".png"))) == std::pair{960u, 540u});
    CHECK(pdf_page(slurp(t / ("a/" + std::string(fig) + ".pdf"))) == "960 x 540");
    CHECK(pdf_text(t / ("a/" + std::string(fig) + ".pdf")).find("Testby") == std::string::npos);
  }
  CHECK(slurp(t / "a/report.pdf").find("/MediaBox [ 0 0 841.89 595.28 ]") != std::string::npos);
  CHECK(pdf_text(t / "a/report.pdf").find("Testby") != std::string::npos);
  CHECK(run_rcmap("report " + t / "a --page letter", t / "log2") == 1);
  CHECK(slurp(t / "log2").find("--page must be a4 or 16:9, got 'letter'") != std::string::npos);
}
