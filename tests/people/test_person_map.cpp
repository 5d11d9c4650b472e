// Person map: layout (src/people/person_layout.cpp) and figure
// (render/figures/person_map.cpp) on the Nordby person-network sample.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <unistd.h>

#include "rcmap/people/people.hpp"
#include "support/test_helpers.hpp"
#ifdef RCMAP_WITH_RENDER
#include "rcmap/render/figures/person_map.hpp"
#include "support/temp_dir.hpp"
#endif

using namespace rcmap;
using rcmap::test::slurp;
using rcmap::test::source_path;

namespace {
struct Sample {
  Diagnostics d;
  std::vector<Unit> units = read_units(source_path("samples/units.csv"), ReadOptions{}, d);
  people::People p = people::read_people(source_path("samples/people.csv"), units, Encoding::auto_detect, d);
  people::PersonTies t = people::read_person_ties(source_path("samples/person-ties.csv"), p, Encoding::auto_detect, d);
};
}  // namespace

TEST_CASE("person layout: discs apart, people inside their unit's disc, small units left out", "[people][layout]") {
  Sample s;
  const auto l = people::person_layout(s.units.size(), s.p, s.t, 5, 1, true);
  // 16 units, FAMB has 4 people (< 5): 15 discs.
  REQUIRE(l.units.size() == 15);
  CHECK(l.slot[15] == -1);
  for (std::size_t i = 0; i < l.units.size(); ++i) {
    CHECK(l.centre[i].x - l.radius[i] >= -1e-9);
    CHECK(l.centre[i].x + l.radius[i] <= 1 + 1e-9);
    for (std::size_t j = i + 1; j < l.units.size(); ++j)
      CHECK(std::hypot(l.centre[i].x - l.centre[j].x, l.centre[i].y - l.centre[j].y) >= l.radius[i] + l.radius[j]);
  }
  std::size_t drawn = 0;
  for (std::size_t v = 0; v < s.p.ids.size(); ++v) {
    const int k = l.slot[s.p.unit[v]];
    CHECK(bool(l.drawn[v]) == (k >= 0));
    if (k < 0) continue;
    ++drawn;
    CHECK(std::hypot(l.person[v].x - l.centre[k].x, l.person[v].y - l.centre[k].y) <= l.radius[k]);
  }
  CHECK(drawn == 371 - 4);
}

#ifdef RCMAP_WITH_RENDER
TEST_CASE("person map: people by side, unit level above max-nodes, reproducible, no person ids", "[people][render]") {
  Sample s;
  rcmap::test::TempDir tmp("pmap");
  const auto& dir = tmp.path;
  render::PersonMapInput in{&s.units, &s.p, &s.t, 5, 2000};
  render::FigureOptions o;
  const auto a = (dir / "a.svg").string(), b = (dir / "b.svg").string();
  const render::PersonMapInfo info = render::render_person_map(in, o, render::Format::svg, a);
  render::render_person_map(in, o, render::Format::svg, b);
  CHECK_FALSE(info.unit_level);
  CHECK(info.people == 367);  // FAMB's 4 people are not drawn
  CHECK(info.units == 15);
  CHECK(slurp(a) == slurp(b));
  CHECK(slurp(a).find("P00") == std::string::npos);  // nobody is labelled
  in.max_nodes = 100;
  const auto unit_level = render::render_person_map(in, o, render::Format::png, (dir / "u.png").string());
  CHECK(unit_level.unit_level);
  CHECK(unit_level.people == 0);
  CHECK(unit_level.ties > 0);
  CHECK(std::filesystem::file_size(dir / "u.png") > 10000);
  render::render_person_map(in, o, render::Format::pdf, (dir / "u.pdf").string());
  render::render_person_map(in, o, render::Format::pdf, (dir / "v.pdf").string());
  CHECK(slurp((dir / "u.pdf").string()) == slurp((dir / "v.pdf").string()));
  std::filesystem::remove_all(dir);
}

TEST_CASE("person map page: drawn onto a caller's surface inside the page, as render_person_map draws it",
          "[people][render]") {
  Sample s;
  rcmap::test::TempDir tmp("pmap-page");
  render::PersonMapInput in{&s.units, &s.p, &s.t, 5, 2000};
  render::FigureOptions o;
  for (std::size_t max_nodes : {std::size_t{2000}, std::size_t{100}}) {
    in.max_nodes = max_nodes;
    const render::PersonMapInfo file =
        render::render_person_map(in, o, render::Format::pdf, (tmp.path / "p.pdf").string());
    // A vector surface the report could embed: everything lies on the page.
    cairo_rectangle_t page{0, 0, o.page_width, o.page_height};
    cairo_surface_t* rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
    cairo_t* cr = cairo_create(rec);
    const render::PersonMapInfo drawn = render::draw_person_map_page(cr, in, o);
    cairo_destroy(cr);
    double x, y, w, h;
    cairo_recording_surface_ink_extents(rec, &x, &y, &w, &h);
    cairo_surface_destroy(rec);
    CHECK(w > 0.5 * page.width);
    CHECK(x >= 0);
    CHECK(y >= 0);
    CHECK(x + w <= page.width);
    CHECK(y + h <= page.height);
    CHECK(drawn.unit_level == file.unit_level);
    CHECK(drawn.unit_level == (max_nodes == 100));
    CHECK(drawn.people == file.people);
    CHECK(drawn.ties == file.ties);
    CHECK(drawn.units == file.units);
    CHECK(drawn.brokers == file.brokers);
  }
}
#endif
