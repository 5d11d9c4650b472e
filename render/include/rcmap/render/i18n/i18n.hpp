#pragma once
// Localised fixed words and number formatting of the figures (en, da, nb).
#include <cstddef>
#include <string>
#include <vector>
#include <string_view>

#include "rcmap/render/canvas/figure_options.hpp"

namespace rcmap::render {

// Name of RC dimension d (0..6, Gittell's order as rcmap::kDimensions).
std::string_view dimension_name(Lang lang, int d);

// Display name of a side: the known sides authority, provider, general and
// health are translated; any other side name is returned as given.
std::string side_name(Lang lang, const std::string& side);

// Fixed-point number, locale-independent; decimal comma for da and nb,
// U+2212 minus sign for negatives. NaN gives "–".
std::string format_number(double v, int decimals, Lang lang);

// A count with thousands grouped: 3,912 (en), 3.912 (da), 3 912 with a
// no-break space (nb, as the Norwegian Language Council writes it).
std::string format_count(std::size_t n, Lang lang);

// "a, b and c" ("a, b og c" in da and nb).
std::string join_list(const std::vector<std::string>& items, Lang lang);

// Fixed words of the figures. Templates contain {0}, {1} placeholders.
struct Words {
  const char* map_title;      // "Coordination map"
  const char* gap_title;      // "Coordination gaps: {0} and {1}"
  const char* matrix_title;   // "Relational coordination between units"
  const char* profile_title;  // "RC by dimension"
  const char* respondents;    // "{0} respondents"
  const char* data_from;      // "data from {0}"
  const char* sides;          // legend heading
  const char* rc_scale;       // "Relational coordination (RC, 1–5)"
  const char* weak;           // "weak"
  const char* moderate;
  const char* strong;
  const char* hidden_note;      // "Ties from fewer than {0} respondents are hidden"
  const char* node_area;        // "Node area: respondents"
  const char* line_width;       // "Line width: respondents behind the tie"
  const char* routine;          // "thin, light: strong or routine ties"
  const char* one_sided;        // "one-sided"
  const char* unmeasured;       // "unmeasured (no tie or hidden)"
  const char* faded;            // "faded: other ties"
  const char* rating_unit;      // matrix rows
  const char* rated_unit;       // matrix columns
  const char* suppressed_cell;  // "n<{0}"
  const char* hatched_note;     // "Hatched: fewer than {0} respondents (hidden)"
  const char* diagonal_note;    // "Outlined: within the unit"
  const char* within;           // "within {0}"
  const char* arrow;            // "{0} → {1}"
  const char* axis_rc;          // "Mean RC"
  const char* ties_filtered;    // "Shown: {0}"
  const char* filter_all;
  const char* filter_cross;
  const char* filter_weak;
  const char* no_data;  // "no data"
};
const Words& words(Lang lang);

// Replaces {0} and {1} in `tmpl`.
std::string fill(std::string_view tmpl, std::string_view a0, std::string_view a1 = {});

}  // namespace rcmap::render
