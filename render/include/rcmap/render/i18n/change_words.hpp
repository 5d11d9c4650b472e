#pragma once
// Fixed words of the change figures and the change report of `rcmap compare`
// and `rcmap analyze --by-site` (en, da, nb; render/i18n/i18n_change.cpp).
#include "rcmap/render/canvas/figure_options.hpp"

namespace rcmap::render {

// Fixed words of the change figures (en, da, nb); templates with {0}, {1}.
struct ChangeWords {
  const char* change_map_title;  // "Change in coordination: {0} → {1}"
  const char* change_matrix_title;
  const char* trend_title;
  const char* sites_title;
  const char* delta_scale;  // "Change in RC ({1} − {0})"
  const char* worse;
  const char* better;
  const char* faded_note;
  const char* not_compared_note;  // {0} = min_n
  const char* positions_note;     // {0} = baseline wave
  const char* blank_cell_note;    // {0} = min_n
  const char* pale_cell_note;
  const char* wave_axis;
  const char* interval_note;  // {0} = min_n
  const char* overall;
  const char* within_sides;
  const char* highlight_note;    // {0} = site
  const char* site_hidden_note;  // {0} = min_n
};
const ChangeWords& change_words(Lang lang);

}  // namespace rcmap::render
