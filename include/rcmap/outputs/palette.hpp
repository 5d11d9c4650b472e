#pragma once
// Colours shared by the figures (render/) and the workbook, so a cell in the
// workbook's Matrix sheet has the colour of the same tie in the figures.
#include <cstddef>
#include <cstdint>

#include "rcmap/aggregate/aggregate.hpp"

namespace rcmap {

// Colour with channels in [0, 1].
struct Colour {
  double r, g, b;
  // 0xRRGGBB, channels rounded to 8 bits.
  std::uint32_t hex() const;
};

// RC on a colour-blind-safe diverging scale after ColorBrewer PuOr (Brewer &
// Harrower 2003), anchored at the thresholds: weak ties orange (#7f3b08 one
// point below weak_below .. #f1a340 at it), moderate ties neutral grey
// (#b8b8b8 .. #9a9a9a), strong ties purple (#998ec3 at strong_from ..
// #542788 at 5). NaN (suppressed) -> grey #999999.
Colour rc_scale_colour(double rc, const AggregateOptions& opt);

// Change of RC (after - before) on ColorBrewer's 7-class PuOr (Brewer &
// Harrower 2003, colour-blind safe), centred at 0: #b35806 #f1a340 #fee0b6
// #f7f7f7 #d8daeb #998ec3 #542788 at -limit, -2/3, -1/3, 0, 1/3, 2/3, +limit
// times `limit`, linear in between, clamped beyond +-limit. Worse orange,
// better purple, as on the RC scale. NaN -> grey #999999.
Colour delta_scale_colour(double delta, double limit = 0.5);

// Okabe & Ito (2008) colour-blind-safe qualitative palette for sides, in the
// order blue, bluish green, reddish purple, sky blue, orange, vermillion,
// black, yellow (yellow last: weak on white), repeating.
Colour side_palette_colour(std::size_t side_rank);

}  // namespace rcmap
