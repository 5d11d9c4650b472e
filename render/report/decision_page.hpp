#pragma once
// The decision page (page 2 of report.pdf) and the profile pages of the
// clearly weakest pairs (docs/figures.md "Report"); internal to render/.
#include "rcmap/render/report/report.hpp"
#include "rcmap/render/report/report_layout.hpp"

namespace rcmap::render::detail {

// Three to five messages from Findings (clearly weak and borderline ties
// between the gap sides, the clearly weakest pairs, the dimension(s) that
// separate the sides, the best-placed bridges), the 2 x 2 chart of RC within
// and between the two sides (sides.csv), the certainty and bridge sentences
// and the dialogue questions of the driving dimension. Only shown ties.
void decision_page(ReportDocument& doc, const ReportInput& in);

// Certainty behind one cell of the decision page's 2 x 2 chart: the shown
// between-unit ties from units of `source_side` to units of `target_side`,
// those with a 95 % interval, the clearly weak ones (weak, interval below
// weak_below) and the borderline ones (interval contains weak_below, weak or
// not): threshold_certainty, the rule of Findings::cross_clearly_weak and
// cross_borderline. Suppressed ties are never read. O(T).
struct ChartCertainty {
  int ties = 0, with_interval = 0, clearly_weak = 0, borderline = 0;
};
ChartCertainty chart_certainty(const Survey& s, const Aggregate& a, const std::string& source_side,
                               const std::string& target_side);

// One page per clearly weak pair of Findings::weakest_cross (unordered, at
// most 3): both directions on the seven dimensions (n = respondents), and the
// dialogue questions of the pair's lowest dimension. A suppressed direction
// is named "not enough answers", never drawn.
void pair_pages(ReportDocument& doc, const ReportInput& in);

// The sentence on the dimension(s) separating the gap sides: one, or every
// dimension within kDimensionGapTolerance of the largest gap.
std::string dimension_message(const ReportInput& in);
// A table of those dimensions: mean in each direction across the sides,
// within each side, and the gap (docs/metrics.md "Dimension gaps").
void dimension_table(ReportDocument& doc, const ReportInput& in);
// Header and one-sentence explanation of the units table's bridge column.
std::string bridge_column(Lang lang);
std::string bridge_note(Lang lang);

}  // namespace rcmap::render::detail
