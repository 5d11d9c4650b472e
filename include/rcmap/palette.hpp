#pragma once
// Colours shared by figures and the workbook, so a cell in the workbook's
// Matrix sheet has the colour of the same tie in the figures.
#include <array>
#include <cstdint>
#include <string>

namespace rcmap {

struct Rgb {
  std::uint8_t r, g, b;
  std::uint32_t hex() const { return (std::uint32_t(r) << 16) | (std::uint32_t(g) << 8) | b; }
};

// RC on ColorBrewer's 5-class RdYlBu scale (Brewer & Harrower 2003; marked
// colour-blind safe there), anchored at the thresholds: 1 -> #d73027,
// weak -> #fc8d59, midway -> #ffffbf, strong -> #91bfdb, 5 -> #4575b4,
// linear in RGB between anchors.
Rgb rc_colour(double rc, double weak_below, double strong_from);

// Okabe & Ito (2008) colour-blind-safe qualitative palette for sides, in
// order: orange, sky blue, bluish green, yellow, blue, vermillion, reddish
// purple, then grey for any further side.
Rgb side_colour(std::size_t side_index);

}  // namespace rcmap
