#pragma once
// report.pdf and the per-unit pages (docs/figures.md "Report"): the content of the report,
// laid out with ReportDocument (report_layout.hpp).
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap::render {

struct ReportInput {
  const Survey* survey = nullptr;
  const Aggregate* aggregate = nullptr;
  const MetricsResult* metrics = nullptr;
  const Findings* findings = nullptr;
  FigureOptions figure;                // language, title, date, sides, asymmetry
  std::vector<Point> layout;           // map layout (compute_layout); empty: no figures
  std::size_t max_figure_units = 120;  // above: figures left out, with a sentence why
  bool per_unit = false;               // one landscape page per unit at the end
  // Long tables show their first max_table_rows rows that matter (gaps most
  // severe first, units with the lowest RC received first) and say how many
  // there are and which file holds all; unit pages are in the report only
  // up to max_unit_pages units (above: units/<name>.png only, and a sentence
  // saying so). With 60 + 60 rows and 40 unit pages the report stays under
  // 60 pages with labels of ordinary length, at any number of units.
  std::size_t max_table_rows = 60;
  std::size_t max_unit_pages = 40;
  std::size_t max_gap_pairs = 2000000;  // MetricsOptions::max_gap_pairs, for the sentence when exceeded
  std::string version;                  // rcmap version, on the title page
};

// Writes report.pdf to `path`: title page (title, date, units, respondents,
// response rate), key findings (Findings as sentences), the four figures as
// vector graphics on landscape pages, the ranked gaps table (MetricsResult::gaps),
// the unit table (both cut to max_table_rows, with a sentence naming the
// file that holds every row), the method page (method_rows) and, with
// per_unit, the unit pages (up to max_unit_pages units). Suppressed ties are never drawn or printed; a unit with fewer
// than min_n respondents shows only ties others gave it. Throws OutputError.
void render_report(const ReportInput& in, const std::string& path);

// The shown between-unit ties of every unit (to and from it; suppressed and
// within-unit ties left out), each unit's in tie order, and the sums behind
// the profile's average over all shown between-unit ties. Built once in
// O(T + U) so that U unit pages cost O(T + U * ties of a unit), not O(U * T).
struct UnitTieIndex {
  UnitTieIndex(const Aggregate& a, std::size_t units);
  std::vector<std::size_t> start;             // unit u's ties: tie[start[u] .. start[u + 1])
  std::vector<std::uint32_t> tie;             // indices into Aggregate::ties
  std::array<double, kDimensionCount> sum{};  // sum of dim_mean * dim_n over all shown between-unit ties
  std::array<long, kDimensionCount> count{};  // sum of dim_n over the same
  int n = 0;                                  // sum of n over the same
};

// One unit's page (ego map, ties weakest first, dimension profile against
// the average of all shown ties) on an A4 landscape page (kPageWidth x
// kPageHeight) drawn onto `cr`; the same page as PNG/SVG/PDF via render_unit_page.
// `index` (of in.aggregate) saves a pass over all ties; null: one is built.
// Returns the number of ties listed; the others (the list is weakest first)
// continue on draw_unit_ties_page, from that number on.
std::size_t draw_unit_page(cairo_t* cr, const ReportInput& in, std::uint32_t unit, const UnitTieIndex* index = nullptr);
std::size_t render_unit_page(const ReportInput& in, std::uint32_t unit, Format, const std::string& path,
                             const UnitTieIndex* index = nullptr);
// A continuation page of the unit's tie list: the unit's label, "Ties,
// weakest first · `page`", and the ties from the `first` on in two columns.
// Returns the index after the last tie listed (the unit's tie count when
// the list is complete). O(ties of the unit).
std::size_t draw_unit_ties_page(cairo_t* cr, const ReportInput& in, std::uint32_t unit, const UnitTieIndex& index,
                                std::size_t first, int page);
std::size_t render_unit_ties_page(const ReportInput& in, std::uint32_t unit, const UnitTieIndex& index,
                                  std::size_t first, int page, Format, const std::string& path);

// The unit's dimension profile: respondent-weighted mean of each dimension
// over its shown incoming (received) and outgoing (given) between-unit ties,
// and over all shown between-unit ties (average); NaN where there is none.
struct UnitProfile {
  std::array<double, kDimensionCount> received{}, given{}, average{};
  int received_n = 0, given_n = 0, average_n = 0;
};
UnitProfile unit_profile(const Aggregate& a, std::uint32_t unit);
// The same from an index of `a` (bit-identical: the same sums in the same order).
UnitProfile unit_profile(const Aggregate& a, std::uint32_t unit, const UnitTieIndex& index);

}  // namespace rcmap::render
