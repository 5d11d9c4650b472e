// Hidden dev checks: `rcmap_tests "[.preview]"` writes every figure as PNG
// into /tmp/render-preview/ for looking at; `[.bench]` prints timings.
#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>

#include "rcmap/graph/map_layout.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "support/render_fixtures.hpp"

using namespace rcmap;
using namespace rcmap::render;

namespace {
void write_all(const test::Fixture& f, FigureOptions o, Format fmt, const std::string& stem) {
  const char* ext = fmt == Format::png ? ".png" : fmt == Format::svg ? ".svg" : ".pdf";
  const auto layout = compute_layout(f.survey, f.agg, o.layout, o.side_a, o.side_b, o.seed);
  render_map(f.survey, f.agg, layout, o, fmt, stem + "map" + ext);
  render_gap_map(f.survey, f.agg, layout, o, fmt, stem + "gap-map" + ext);
  render_matrix(f.survey, f.agg, o, fmt, stem + "matrix" + ext);
  render_profile(f.survey, f.agg, o, fmt, stem + "profile" + ext);
}
}  // namespace

TEST_CASE("writes preview PNGs of every figure", "[.preview]") {
  const std::string dir = "/tmp/render-preview/";
  std::filesystem::create_directories(dir);
  FigureOptions o;
  o.title = "Relationsanalyse Ærø Kommune";
  o.subtitle_date = "2024-06-11";
  o.dpi = 110;
  const auto f16 = test::sixteen_units();
  for (auto [lang, name] : {std::pair{Lang::en, "en"}, {Lang::da, "da"}, {Lang::nb, "nb"}}) {
    o.lang = lang;
    write_all(f16, o, Format::png, dir + "16-" + name + "-");
  }
  o.lang = Lang::da;
  o.layout = LayoutKind::force;
  write_all(f16, o, Format::png, dir + "16-force-");
  o.layout = LayoutKind::sides;
  o.ties = TieFilter::all;
  write_all(f16, o, Format::png, dir + "16-all-");
  o.ties = TieFilter::emphasis;
  const auto f40 = test::forty_units();
  write_all(f40, o, Format::png, dir + "40-da-");
  o.layout = LayoutKind::force;
  write_all(f40, o, Format::png, dir + "40-force-");
}

TEST_CASE("times each figure", "[.bench]") {
  const auto f = test::sixteen_units();
  FigureOptions o;
  const auto layout = compute_layout(f.survey, f.agg, o.layout, o.side_a, o.side_b, o.seed);
  for (Format fmt : {Format::png, Format::svg}) {
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* what) {
      const auto t1 = std::chrono::steady_clock::now();
      const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
      WARN(what << (fmt == Format::png ? " png " : " svg ") << ms << " ms");
      t0 = t1;
    };
    map_geometry(f.survey, f.agg, layout, o, false);
    lap("geometry");
    render_map(f.survey, f.agg, layout, o, fmt, "/tmp/render-bench/m");
    lap("map");
    render_gap_map(f.survey, f.agg, layout, o, fmt, "/tmp/render-bench/g");
    lap("gap");
    render_matrix(f.survey, f.agg, o, fmt, "/tmp/render-bench/x");
    lap("matrix");
    render_profile(f.survey, f.agg, o, fmt, "/tmp/render-bench/p");
    lap("profile");
  }
}

TEST_CASE("times all four figures in PNG and SVG", "[.bench]") {
  const std::string dir = "/tmp/render-bench/";
  std::filesystem::create_directories(dir);
  FigureOptions o;
  o.title = "Bench";
  const std::pair<const char*, test::Fixture> cases[] = {{"16 units", test::sixteen_units()},
                                                         {"40 units", test::forty_units()}};
  for (const auto& [name, f] : cases) {
    for (int rep = 0; rep < 3; ++rep) {
      const auto t0 = std::chrono::steady_clock::now();
      const std::clock_t c0 = std::clock();
      write_all(f, o, Format::png, dir);
      write_all(f, o, Format::svg, dir);
      const std::clock_t c1 = std::clock();
      const auto t1 = std::chrono::steady_clock::now();
      const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
      const double cpu = 1000.0 * static_cast<double>(c1 - c0) / CLOCKS_PER_SEC;
      WARN(name << ": 4 figures x png+svg in " << ms << " ms wall, " << cpu << " ms CPU");
    }
  }
}
