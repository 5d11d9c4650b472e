#pragma once
// report.pdf and the per-unit pages (issue 5): the content of the report,
// laid out with ReportDocument (report_layout.hpp).
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/aggregate.hpp"
#include "rcmap/findings.hpp"
#include "rcmap/layout.hpp"
#include "rcmap/metrics.hpp"
#include "rcmap/render/figures.hpp"
#include "rcmap/survey.hpp"

namespace rcmap::render {

struct ReportInput {
  const Survey* survey = nullptr;
  const Aggregate* aggregate = nullptr;
  const MetricsResult* metrics = nullptr;
  const Findings* findings = nullptr;
  FigureOptions figure;            // language, title, date, sides, asymmetry
  std::vector<Point> layout;       // map layout (compute_layout); empty: no figures
  std::size_t max_figure_units = 120;  // above: figures left out, with a sentence why
  bool per_unit = false;           // one landscape page per unit at the end
  std::string version;             // rcmap version, on the title page
};

// Writes report.pdf to `path`: title page (title, date, units, respondents,
// response rate), key findings (Findings as sentences), the four figures as
// vector graphics on landscape pages, the ranked gaps table (MetricsResult::gaps),
// the unit table, the method page (method_rows) and, with per_unit, the unit
// pages. Suppressed ties are never drawn or printed; a unit with fewer than
// min_n respondents shows only ties others gave it. Throws OutputError.
void render_report(const ReportInput& in, const std::string& path);

// One unit's page (ego map, ties weakest first, dimension profile against
// the average of all shown ties) on an A4 landscape page (kPageWidth x
// kPageHeight) drawn onto `cr`; the same page as PNG/SVG/PDF via render_unit_page.
void draw_unit_page(cairo_t* cr, const ReportInput& in, std::uint32_t unit);
void render_unit_page(const ReportInput& in, std::uint32_t unit, Format, const std::string& path);

// The unit's dimension profile: respondent-weighted mean of each dimension
// over its shown incoming (received) and outgoing (given) between-unit ties,
// and over all shown between-unit ties (average); NaN where there is none.
struct UnitProfile {
  std::array<double, kDimensionCount> received{}, given{}, average{};
  int received_n = 0, given_n = 0, average_n = 0;
};
UnitProfile unit_profile(const Aggregate& a, std::uint32_t unit);

}  // namespace rcmap::render
