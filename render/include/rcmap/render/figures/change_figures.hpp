#pragma once
// Figures of `rcmap compare` and `rcmap analyze --by-site` (docs/waves.md
// "Outputs"): change map, change matrix, trend across waves, sites dot plot.
// Conventions as rcmap/render/canvas/figure_options.hpp (page, fonts, byte-identical output); figures
// never show a value the tables leave blank: a tie or side pair below min_n
// in a wave has no score in that wave and no change.
#include <cstdint>
#include <string>
#include <vector>

#include "rcmap/waves/change_findings.hpp"
#include "rcmap/outputs/palette.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/i18n/change_words.hpp"
#include "rcmap/waves/sites.hpp"
#include "rcmap/waves/waves.hpp"

namespace rcmap::render {

// Full-strength change colours: |delta| at or beyond this is the darkest.
inline constexpr double kDeltaLimit = 0.5;

// How the change map draws one compared tie between two baseline units.
struct ChangeTie {
  std::uint32_t source = 0, target = 0;  // indices into the before Survey::units
  double delta = 0;
  bool credible = false;
  Colour colour{0, 0, 0};  // delta_scale_colour(delta, kDeltaLimit); faded ties mixed halfway to grey
  double alpha = 1, width = 1;
};
// The ties of the change map: compared ties between different baseline
// units (ComparedUnit::before; merged units are drawn at the first baseline
// unit mapping to them). Not compared ties (below min_n in a wave, or in one
// wave only, e.g. of units new since the baseline) are not drawn. Credible:
// full colour, alpha 0.95, width by min(n_before, n_after); other compared
// ties faded (alpha 0.45, width 0.7). Order: faded first, then by |delta|.
// O(T log T).
std::vector<ChangeTie> change_map_ties(const Survey& before, const Comparison& c);

// Change map: the baseline map's nodes and labels (map_geometry of `before`
// with `before_layout`, exactly as `rcmap analyze` draws the before wave's
// map.png) with change_map_ties, and a diverging legend centred at 0.
void render_change_map(const Survey& before, const Aggregate& before_agg, const std::vector<Point>& before_layout,
                       const Comparison& c, const FigureOptions&, Format, const std::string& path);
// Change matrix: rating unit x rated unit (Comparison::units grouped by
// side), cells coloured by delta with its value; non-credible changes pale
// and hatched; blank where not compared. `min_n` for the legend.
void render_change_matrix(const Comparison& c, const FigureOptions&, Format, const std::string& path);
// Trend: RC of each between-side pair in every wave as a line with 95 %
// interval bars; a wave where the pair has fewer than min_n respondents has
// no point (the line breaks).
void render_trend(const WaveSeries& w, int min_n, const FigureOptions&, Format, const std::string& path);
// Sites dot plot: per site (rows) overall RC, side_a->side_b, side_b->side_a
// and within-side RC as dots on a 1-5 axis; site `highlight` (index into
// b.sites, or -1) in bold with larger dots, the others grey. Sites below
// min_n have no dots.
void render_sites(const SitesBenchmark& b, long highlight, int min_n, const FigureOptions&, Format,
                  const std::string& path);

// The change map, change matrix and trend drawn onto a caller's Cairo
// context whose user space is one kPageWidth x kPageHeight page (as
// draw_map_page); the render_* functions above draw exactly these pages.
void draw_change_map_page(cairo_t* cr, const Survey& before, const Aggregate& before_agg,
                          const std::vector<Point>& before_layout, const Comparison& c, const FigureOptions&);
void draw_change_matrix_page(cairo_t* cr, const Comparison& c, const FigureOptions&);
void draw_trend_page(cairo_t* cr, const WaveSeries& w, int min_n, const FigureOptions&);
void draw_sites_page(cairo_t* cr, const SitesBenchmark& b, long highlight, int min_n, const FigureOptions&);

// report.pdf of `rcmap compare` (render/report/change_report.cpp): title page
// (waves, respondents per wave), key findings from ChangeFindings, the three
// figures as vector pages (left out when `before_layout` is empty: too many
// units), the ranked table of credible tie changes and a method page. Only
// compared figures (>= min_n in both waves) are named or shown. Byte-identical
// for identical input (fixed PDF dates). Throws OutputError.
struct ChangeReportInput {
  const Survey* before = nullptr;  // drawable baseline survey
  const Aggregate* before_agg = nullptr;
  std::vector<Point> before_layout;  // empty: figures left out
  std::size_t max_figure_units = 0;  // for the sentence saying why
  const Comparison* comparison = nullptr;
  const WaveSeries* series = nullptr;
  const ChangeFindings* findings = nullptr;
  FigureOptions figure;
  std::string version;
  // The table of credible changes shows the largest max_table_rows and says
  // how many there are and that changes.csv holds every tie's change.
  std::size_t max_table_rows = 60;
};
void render_change_report(const ChangeReportInput& in, const std::string& path);

// Top-level report.pdf of `rcmap analyze --by-site` (render/report/sites_report.cpp;
// docs/waves.md "Sites"): title page (sites, respondents), the sites benchmark
// figure as a vector page (draw_sites_page) and a table per site with the
// figures of sites.csv (respondents, response rate, overall RC, A->B, B->A,
// within sides), cut at max_table_rows with a note. Sites are named by their
// label (the `site` column's value). A site below min_n has blank RC cells,
// as in sites.csv. Byte-identical for identical input. O(sites).
struct SitesReportInput {
  const SitesBenchmark* bench = nullptr;
  long highlight = -1;
  int min_n = 0;
  FigureOptions figure;
  std::string version;
  std::size_t max_table_rows = 60;
};
void render_sites_report(const SitesReportInput& in, const std::string& path);

}  // namespace rcmap::render
