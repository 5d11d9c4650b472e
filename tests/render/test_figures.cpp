// Figures: every figure in every format, page size, extractable PDF text,
// determinism, anonymity (suppressed ties never drawn), label placement.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rcmap/io/diagnostics.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/render/canvas/png_pipeline.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "rcmap/render/report/report_layout.hpp"
#include "support/render_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace rcmap;
using namespace rcmap::render;
namespace fs = std::filesystem;

namespace {

std::string tmpdir(const std::string& name) {
  const fs::path p = rcmap::test::fresh_path("render-" + name);
  fs::create_directories(p);
  return p.string() + "/";
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Output of a shell command, or nullopt if it could not run.
std::optional<std::string> run(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[4096];
  std::size_t k;
  while ((k = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, k);
  if (pclose(p) != 0) return std::nullopt;
  return out;
}

bool have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// Collapses every run of whitespace to one space.
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (ws) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

const char* ext(Format f) { return f == Format::png ? ".png" : f == Format::svg ? ".svg" : ".pdf"; }

// Writes the four figures; returns their paths in stem order.
std::vector<std::string> write_all(const test::Fixture& f, const FigureOptions& o, Format fmt, const std::string& dir) {
  const auto layout = compute_layout(f.survey, f.agg, o.layout, o.side_a, o.side_b, o.seed);
  const std::vector<std::string> p = {dir + "map" + ext(fmt), dir + "gap-map" + ext(fmt), dir + "matrix" + ext(fmt),
                                      dir + "profile" + ext(fmt)};
  render_map(f.survey, f.agg, layout, o, fmt, p[0]);
  render_gap_map(f.survey, f.agg, layout, o, fmt, p[1]);
  render_matrix(f.survey, f.agg, o, fmt, p[2]);
  render_profile(f.survey, f.agg, o, fmt, p[3]);
  return p;
}

std::pair<unsigned, unsigned> png_size(const std::string& bytes) {
  auto be32 = [&](std::size_t at) {
    return (unsigned(static_cast<unsigned char>(bytes[at])) << 24) |
           (unsigned(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           unsigned(static_cast<unsigned char>(bytes[at + 3]));
  };
  REQUIRE(bytes.size() > 24);
  REQUIRE(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  REQUIRE(bytes.compare(12, 4, "IHDR") == 0);
  return {be32(16), be32(20)};
}

FigureOptions options(Lang lang = Lang::en) {
  FigureOptions o;
  o.lang = lang;
  o.title = "Relationsanalyse Ærø Kommune";
  o.subtitle_date = "2024-06-11";
  return o;
}

}  // namespace

TEST_CASE("writes every figure in PNG, SVG and PDF at the A4-landscape page size", "[render]") {
  const auto f = test::sixteen_units();
  const std::string dir = tmpdir("formats");
  FigureOptions o = options();
  // 841 x 595 pt at 200 dpi: round(841 / 72 * 200) = 2336, round(595 / 72 * 200) = 1653.
  for (const std::string& p : write_all(f, o, Format::png, dir)) {
    INFO(p);
    CHECK(png_size(slurp(p)) == std::pair{2336u, 1653u});
  }
  o.dpi = 100;  // round(841 / 72 * 100) = 1168, round(595 / 72 * 100) = 826
  for (const std::string& p : write_all(f, o, Format::png, dir)) CHECK(png_size(slurp(p)) == std::pair{1168u, 826u});
  for (const std::string& p : write_all(f, o, Format::svg, dir)) {
    INFO(p);
    const std::string s = slurp(p);
    CHECK(s.find("width=\"841pt\" height=\"595pt\"") != std::string::npos);
    CHECK(s.find("</svg>") != std::string::npos);
  }
  for (const std::string& p : write_all(f, o, Format::pdf, dir)) {
    INFO(p);
    const std::string s = slurp(p);
    CHECK(s.rfind("%PDF-", 0) == 0);
    CHECK(s.find("/MediaBox [ 0 0 841 595 ]") != std::string::npos);
    if (have("pdfinfo")) {
      const auto info = run("pdfinfo '" + p + "'");
      REQUIRE(info);
      const auto pages = info->find("Pages:");
      REQUIRE(pages != std::string::npos);
      CHECK(std::stoi(info->substr(pages + 6)) == 1);
      CHECK(info->find("841 x 595 pts") != std::string::npos);
    } else {
      WARN("pdfinfo missing (poppler-utils): page count not checked");
    }
  }
}

TEST_CASE("PDF text is real: every unit label and Danish dimension name extracts with æøå", "[render]") {
  if (!have("pdftotext")) {
    WARN("pdftotext missing (poppler-utils): skipped");
    return;
  }
  const auto f = test::sixteen_units();
  const std::string dir = tmpdir("pdftext");
  const auto paths = write_all(f, options(Lang::da), Format::pdf, dir);
  std::vector<std::string> text;
  for (const std::string& p : paths) {
    const auto t = run("pdftotext -raw -enc UTF-8 '" + p + "' -");
    REQUIRE(t);
    text.push_back(squeeze(*t));
  }
  CHECK(text[0].find("Sundhedsplejen Ærø") != std::string::npos);
  for (const Unit& u : f.survey.units) {
    INFO(u.label);
    CHECK(text[0].find(u.label) != std::string::npos);  // map
    CHECK(text[2].find(u.label) != std::string::npos);  // matrix
    if (u.side == "authority" || u.side == "provider")
      CHECK(text[1].find(u.label) != std::string::npos);  // gap map: the two gap sides only
    else
      CHECK(text[1].find(u.label) == std::string::npos);
  }
  for (int d = 0; d < kDimensionCount; ++d)
    CHECK(text[3].find(std::string(dimension_name(Lang::da, d))) != std::string::npos);
  CHECK(text[0].find("Relationer med færre end 5 respondenter er skjult") != std::string::npos);
  CHECK(text[0].find("Relationsanalyse Ærø Kommune") != std::string::npos);
  CHECK(text[0].find("data fra 2024-06-11") != std::string::npos);
  CHECK(text[2].find("n<5") != std::string::npos);  // suppressed cells are marked
}

TEST_CASE("identical input and options give byte-identical files", "[render]") {
  const auto f = test::sixteen_units();
  for (Format fmt : {Format::png, Format::svg, Format::pdf}) {
    FigureOptions o = options(Lang::nb);
    o.layout = LayoutKind::force;
    const auto a = write_all(f, o, fmt, tmpdir("det-a"));
    const auto b = write_all(f, o, fmt, tmpdir("det-b"));
    for (std::size_t i = 0; i < a.size(); ++i) {
      INFO(a[i]);
      const std::string x = slurp(a[i]), y = slurp(b[i]);
      CHECK(x.size() > 1000);
      CHECK(x == y);
    }
  }
}

TEST_CASE("suppressed ties never reach a figure: planted values change no byte", "[render]") {
  // Suppressed ties carry NaN by contract; here they carry 1.234 in every
  // field. If any figure read them, its bytes (or its text) would differ.
  const auto planted = test::sixteen_units(1.234);
  const auto clean = test::sixteen_units();
  REQUIRE(planted.agg.suppressed_ties == 5);
  for (Format fmt : {Format::svg, Format::pdf, Format::png}) {
    for (TieFilter tf : {TieFilter::emphasis, TieFilter::all}) {
      FigureOptions o = options();
      o.ties = tf;
      const auto a = write_all(planted, o, fmt, tmpdir("planted"));
      const auto b = write_all(clean, o, fmt, tmpdir("clean"));
      for (std::size_t i = 0; i < a.size(); ++i) {
        INFO(a[i]);
        CHECK(slurp(a[i]) == slurp(b[i]));
      }
    }
  }
  if (have("pdftotext")) {
    const auto paths = write_all(planted, options(), Format::pdf, tmpdir("planted-text"));
    for (const std::string& p : paths) {
      const auto t = run("pdftotext -raw '" + p + "' -");
      REQUIRE(t);
      INFO(p);
      CHECK(t->find("1.2") == std::string::npos);  // RC 1.234 at one decimal; real RCs are >= 2.4
    }
  }
}

TEST_CASE("map labels overlap no other label or node and stay inside the page", "[render]") {
  const test::Fixture cases[] = {test::sixteen_units(), test::forty_units()};
  const Box page{0, 0, kPageWidth, kPageHeight};
  for (const auto& f : cases) {
    for (LayoutKind lk : {LayoutKind::sides, LayoutKind::force}) {
      for (bool gap : {false, true}) {
        FigureOptions o = options(Lang::da);
        const auto layout = compute_layout(f.survey, f.agg, lk, o.side_a, o.side_b, o.seed);
        const MapGeometry g = map_geometry(f.survey, f.agg, layout, o, gap);
        INFO(f.survey.units.size() << " units, layout " << int(lk) << ", gap " << gap);
        CHECK(g.overlaps_resolved);
        CHECK(g.units.size() == (gap ? (f.survey.units.size() == 16 ? 9u : 24u) : f.survey.units.size()));
        CHECK(g.label_font_size >= 5.5);
        CHECK(g.map_area.inside(page));
        for (std::size_t i = 0; i < g.units.size(); ++i) {
          CHECK(g.label_boxes[i].inside(g.map_area));
          CHECK(g.node_boxes[i].inside(g.map_area));
          CHECK(g.label_boxes[i].x1 - g.label_boxes[i].x0 > 5);  // measured, not empty
          for (std::size_t j = 0; j < g.units.size(); ++j) {
            CHECK_FALSE(g.label_boxes[i].overlaps(g.node_boxes[j]));
            if (i != j) CHECK_FALSE(g.label_boxes[i].overlaps(g.label_boxes[j]));
          }
        }
      }
    }
  }
}

TEST_CASE("profile means are respondent-weighted over non-suppressed between-unit ties", "[render]") {
  test::Fixture f;
  test::add_unit(f.survey, "a1", "A1", "authority");
  test::add_unit(f.survey, "a2", "A2", "authority");
  test::add_unit(f.survey, "p1", "P1", "provider");
  const AggregateOptions& ao = f.agg.options;
  auto t = [&](std::uint32_t s, std::uint32_t d, int n, double dim0, int n0, double planted = kNaN) {
    Tie x = test::make_tie(s, d, n, 4.0, ao.min_n, ao, planted);
    if (!x.suppressed) x.dim_mean[0] = dim0, x.dim_n[0] = n0;
    f.agg.ties.push_back(x);
  };
  t(0, 0, 8, 2.0, 8);       // within-unit: excluded
  t(0, 1, 5, 4.5, 5);       // within authority
  t(0, 2, 6, 4.0, 6);       // authority -> provider
  t(1, 2, 10, 3.0, 9);      // authority -> provider
  t(2, 0, 3, 0, 0, 1.234);  // provider -> authority, suppressed (planted)
  const auto g = profile_groups(f.survey, f.agg, FigureOptions{});
  REQUIRE(g.size() == 4);
  // (4.0 * 6 + 3.0 * 9) / (6 + 9) = 51 / 15 = 3.4
  CHECK(g[0].mean[0] == Approx(3.4));
  CHECK(g[0].ties == 2);
  CHECK(g[0].n == 16);
  CHECK(g[1].ties == 0);
  CHECK(std::isnan(g[1].mean[0]));  // only a suppressed tie: no value
  CHECK(g[2].mean[0] == Approx(4.5));
  CHECK(g[2].ties == 1);
  CHECK(g[3].ties == 0);
}

TEST_CASE("tie filters draw fewer ties than all", "[render]") {
  const auto f = test::sixteen_units();
  const std::string dir = tmpdir("filters");
  const auto layout = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  auto size_of = [&](TieFilter tf) {
    FigureOptions o = options();
    o.ties = tf;
    const std::string p = dir + "map.svg";
    render_map(f.survey, f.agg, layout, o, Format::svg, p);
    return fs::file_size(p);
  };
  const auto all = size_of(TieFilter::all), cross = size_of(TieFilter::cross_side), weak = size_of(TieFilter::weak);
  CHECK(cross < all);
  CHECK(weak < cross);
}

TEST_CASE("unwritable paths and wrong layouts throw OutputError", "[render]") {
  const auto f = test::sixteen_units();
  const auto layout = compute_layout(f.survey, f.agg, LayoutKind::sides, "authority", "provider", 1);
  const FigureOptions o = options();
  for (Format fmt : {Format::png, Format::svg, Format::pdf}) {
    const std::string p = std::string("/nonexistent-rcmap-dir/x") + ext(fmt);
    CHECK_THROWS_AS(render_map(f.survey, f.agg, layout, o, fmt, p), OutputError);
    CHECK_THROWS_AS(render_matrix(f.survey, f.agg, o, fmt, p), OutputError);
    CHECK_THROWS_AS(render_profile(f.survey, f.agg, o, fmt, p), OutputError);
  }
  const std::vector<Point> short_layout(3);
  CHECK_THROWS_AS(render_gap_map(f.survey, f.agg, short_layout, o, Format::svg, tmpdir("bad") + "g.svg"), OutputError);
}

TEST_CASE("numbers use a decimal comma in Danish and Norwegian", "[render][i18n]") {
  CHECK(format_number(4.06, 1, Lang::en) == "4.1");
  CHECK(format_number(4.06, 1, Lang::da) == "4,1");
  CHECK(format_number(4.06, 1, Lang::nb) == "4,1");
  CHECK(format_number(-0.5, 2, Lang::da) == "−0,50");
  CHECK(format_number(-0.004, 2, Lang::en) == "0.00");
  CHECK(format_number(kNaN, 1, Lang::en) == "–");
  CHECK(format_number(3.0, 0, Lang::da) == "3");
}

TEST_CASE("dimension and side names are localised", "[render][i18n]") {
  CHECK(dimension_name(Lang::da, 0) == "hyppig kommunikation");
  CHECK(dimension_name(Lang::da, 1) == "rettidig kommunikation");
  CHECK(dimension_name(Lang::da, 2) == "præcis kommunikation");
  CHECK(dimension_name(Lang::da, 3) == "problemløsende kommunikation");
  CHECK(dimension_name(Lang::da, 4) == "fælles mål");
  CHECK(dimension_name(Lang::da, 5) == "fælles viden");
  CHECK(dimension_name(Lang::da, 6) == "gensidig respekt");
  CHECK(dimension_name(Lang::nb, 1) == "rettidig kommunikasjon");
  CHECK(dimension_name(Lang::nb, 5) == "felles kunnskap");
  CHECK(dimension_name(Lang::en, 6) == "mutual respect");
  CHECK(dimension_name(Lang::en, 7).empty());
  CHECK(side_name(Lang::da, "authority") == "myndighed");
  CHECK(side_name(Lang::nb, "provider") == "utfører");
  CHECK(side_name(Lang::da, "skoleområdet") == "skoleområdet");  // unknown sides as given
  CHECK(fill("{0} → {1}", "a", "b") == "a → b");
}

TEST_CASE("PNG figures are valid PNGs that libpng decodes, the same when the pixel memory is reused", "[render]") {
  const auto f = test::sixteen_units();
  const std::string dir = tmpdir("png-valid");
  const FigureOptions o = options();
  // Second round: the thread's pixel buffer holds the previous figure's rows.
  const auto first = write_all(f, o, Format::png, dir);
  std::vector<std::string> bytes;
  for (const std::string& p : first) bytes.push_back(slurp(p));
  const auto again = write_all(f, o, Format::png, dir);
  for (std::size_t i = 0; i < again.size(); ++i) {
    INFO(again[i]);
    CHECK(slurp(again[i]) == bytes[i]);
    // pHYs: 200 dpi = round(200 / 0.0254) = 7874 pixels per metre, unit 1.
    const std::size_t phys = bytes[i].find("pHYs");
    REQUIRE(phys != std::string::npos);
    CHECK(bytes[i].compare(phys + 4, 9, std::string("\0\0\x1e\xc2\0\0\x1e\xc2\x01", 9)) == 0);
    // cairo reads it with libpng, which checks each chunk's CRC and the zlib
    // stream's Adler-32.
    cairo_surface_t* s = cairo_image_surface_create_from_png(again[i].c_str());
    CHECK(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    CHECK(cairo_image_surface_get_width(s) == 2336);
    CHECK(cairo_image_surface_get_height(s) == 1653);
    cairo_surface_flush(s);
    const auto* px = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(s));
    CHECK((px[0] & 0xffffffu) == 0xffffffu);  // top-left corner: the white page
    std::size_t dark = 0;                     // text and lines were drawn
    const int stride = cairo_image_surface_get_stride(s) / 4;
    for (int y = 0; y < 1653; y += 3)
      for (int x = 0; x < 2336; x += 3) dark += (px[y * stride + x] & 0xff) < 0x80;
    CHECK(dark > 1000);
    cairo_surface_destroy(s);
  }
}

TEST_CASE("PNGs encoded on the pipeline thread are byte-identical to PNGs written at once", "[render][png]") {
  const auto f = test::sixteen_units();
  const FigureOptions o = options();
  const auto at_once = write_all(f, o, Format::png, tmpdir("png-once"));
  std::vector<std::string> expect;
  for (const std::string& p : at_once) expect.push_back(slurp(p));
  // Twice through one pipeline: the two buffers alternate, each holding an
  // earlier figure's pixels when the next figure is drawn into it.
  PngPipeline pipe;
  const auto first = write_all(f, o, Format::png, tmpdir("png-pipe-1"));
  const auto second = write_all(f, o, Format::png, tmpdir("png-pipe-2"));
  pipe.finish();
  for (std::size_t i = 0; i < expect.size(); ++i) {
    INFO(first[i]);
    CHECK(slurp(first[i]) == expect[i]);
    CHECK(slurp(second[i]) == expect[i]);
  }
}

TEST_CASE("a PNG the pipeline cannot write throws the same OutputError, at finish or at the next canvas",
          "[render][png]") {
  const auto f = test::sixteen_units();
  const FigureOptions o = options();
  const std::string bad = "/nonexistent-rcmap-dir/map.png";
  std::string at_once;
  try {
    render_matrix(f.survey, f.agg, o, Format::png, bad);
  } catch (const OutputError& e) {
    at_once = e.what();
  }
  REQUIRE(at_once == "cannot write " + bad + ": error while writing to output stream");
  {
    PngPipeline pipe;
    render_matrix(f.survey, f.agg, o, Format::png, bad);  // handed over: no error yet
    CHECK_THROWS_WITH(pipe.finish(), at_once);
    CHECK_NOTHROW(pipe.finish());  // thrown once
  }
  {
    // The error of an earlier file stops the next figure before it is drawn.
    PngPipeline pipe;
    render_matrix(f.survey, f.agg, o, Format::png, bad);
    const std::string next = tmpdir("png-after-error") + "profile.png";
    bool threw = false;
    // The encoder may not have reached the file yet: the second canvas
    // waits for a free buffer only once both are taken.
    for (int i = 0; i < 3 && !threw; ++i) {
      try {
        render_profile(f.survey, f.agg, o, Format::png, next);
      } catch (const OutputError& e) {
        threw = true;
        CHECK(std::string(e.what()) == at_once);
      }
    }
    CHECK(threw);
  }
}

TEST_CASE("the RC colour bar spans the scale its title names (1 to 5)", "[render][figures]") {
  if (!have("pdftotext")) {
    WARN("pdftotext missing (poppler-utils): skipped");
    return;
  }
  const auto f = test::sixteen_units();
  const std::string dir = tmpdir("scale");
  const auto paths = write_all(f, options(), Format::pdf, dir);
  for (const std::size_t i : {0, 2}) {  // map, matrix: ticks 1..5 in drawing order, then the class names
    const auto t = run("pdftotext -raw -enc UTF-8 '" + paths[i] + "' -");
    REQUIRE(t);
    INFO(paths[i]);
    CHECK(squeeze(*t).find("1–5) 1 2 3 4 5 weak") != std::string::npos);
  }
}

TEST_CASE("map arrowheads are at least 6 pt long and grow with the line", "[render][figures]") {
  CHECK(arrowhead_length(0.45) == Approx(6.72));  // faded tie: 6 + 1.6 x 0.45
  CHECK(arrowhead_length(0.0) >= 6.0);
  CHECK(arrowhead_length(2.6) > arrowhead_length(1.0));
}

TEST_CASE("report title page: a wrapped title moves everything under it down by its extra lines", "[render][report]") {
  const std::string dir = tmpdir("title-page");
  auto left_after = [&](const std::string& title) {
    ReportDocument doc(dir + "t.pdf", {title, ""});
    doc.title_page(title, "Subtitle", {"Fact one", "Fact two"}, 160, "Made with rcmap");
    const double left = doc.remaining();
    doc.finish();
    return left;
  };
  const double one_line = left_after("Short title");
  const double three_lines = left_after(std::string(3, ' ').insert(0, std::string(90, 'W')) + "end of a long title");
  // 26 pt lines: the box grows from its 60 pt minimum by about two lines; the facts no longer overlap the title.
  CHECK(one_line - three_lines > 40);
  CHECK(left_after("Short title") == one_line);
  fs::remove_all(dir);
}

TEST_CASE("unit labels are cut to 160 bytes at a UTF-8 boundary where drawn, not in the caller's Survey",
          "[render][labels]") {
  std::string oe;
  for (int i = 0; i < 100; ++i) oe += "\xc3\xb8";  // ø, 2 bytes
  // Byte 160 is inside an ø: the cut backs up to 159 bytes, "a" and 79 ø.
  const std::string long_label = "a" + oe + " tail", hand_cut = "a" + oe.substr(0, 158) + "\u2026";
  CHECK(label_text(long_label) == hand_cut);
  CHECK(label_text(std::string(200, 'x')) == std::string(160, 'x') + "\u2026");
  CHECK(label_text(std::string(160, 'x')) == std::string(160, 'x'));
  test::Fixture whole = test::sixteen_units(), cut = whole;
  whole.survey.units[0].label = long_label;
  cut.survey.units[0].label = hand_cut;
  const FigureOptions o = options();
  const auto a = write_all(whole, o, Format::svg, tmpdir("label-whole"));
  const auto b = write_all(cut, o, Format::svg, tmpdir("label-cut"));
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(a[i]);
    CHECK(slurp(a[i]) == slurp(b[i]));
  }
  CHECK(whole.survey.units[0].label == long_label);  // nothing cut in place
}
