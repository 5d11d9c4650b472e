#pragma once
// Fixed words and sentence templates of compare's report.pdf in English,
// Danish and Norwegian Bokmål (internal to render/); {0}..{9} as fmt().
#include "rcmap/render/figures/figures.hpp"

namespace rcmap::render::detail {

struct ChangeReportWords {
  const char *title, *subtitle, *waves_compared, *respondents_wave;
  const char *counts, *not_compared, *top_improved, *top_declined, *none_improved, *none_declined, *tie_item;
  const char *sides_intro, *no_sides, *improved, *worse, *no_change;
  const char *table_heading, *table_note, *no_credible, *col_before, *col_after, *col_delta, *col_interval,
      *col_direction;
  const char *method_heading, *welch, *bh, *bootstrap, *credible_rule, *anonymity, *positions;
  // One direction changed credibly and the reverse did not; changes per direction.
  const char *one_way_side, *per_direction, *none_direction, *one_way_tie;
};
const ChangeReportWords &change_report_words(Lang lang);

}  // namespace rcmap::render::detail
