#include "rcmap/palette.hpp"

#include <algorithm>
#include <cmath>

namespace rcmap {

Rgb rc_colour(double rc, double weak, double strong) {
  const double mid = (weak + strong) / 2;
  const std::array<double, 5> at = {1.0, weak, mid, strong, 5.0};
  const std::array<Rgb, 5> col = {Rgb{0xd7, 0x30, 0x27}, Rgb{0xfc, 0x8d, 0x59}, Rgb{0xff, 0xff, 0xbf},
                                  Rgb{0x91, 0xbf, 0xdb}, Rgb{0x45, 0x75, 0xb4}};
  if (std::isnan(rc)) return {0xdd, 0xdd, 0xdd};
  if (rc <= at[0]) return col[0];
  for (std::size_t k = 1; k < at.size(); ++k) {
    if (rc > at[k] && k + 1 < at.size()) continue;
    double span = at[k] - at[k - 1];
    double t = span > 0 ? std::clamp((rc - at[k - 1]) / span, 0.0, 1.0) : 1.0;
    auto mix = [t](std::uint8_t a, std::uint8_t b) {
      return static_cast<std::uint8_t>(std::lround(a + (b - a) * t));
    };
    return {mix(col[k - 1].r, col[k].r), mix(col[k - 1].g, col[k].g), mix(col[k - 1].b, col[k].b)};
  }
  return col.back();
}

Rgb side_colour(std::size_t i) {
  static const Rgb okabe_ito[] = {{0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73},
                                  {0xF0, 0xE4, 0x42}, {0x00, 0x72, 0xB2}, {0xD5, 0x5E, 0x00},
                                  {0xCC, 0x79, 0xA7}};
  return i < 7 ? okabe_ito[i] : Rgb{0x99, 0x99, 0x99};
}

}  // namespace rcmap
