#include "rcmap/outputs/palette.hpp"

#include <algorithm>
#include <cmath>

namespace rcmap {

namespace {
Colour hex(unsigned v) { return {((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0}; }
Colour mix(Colour a, Colour b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
}  // namespace

std::uint32_t Colour::hex() const {
  auto c = [](double v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return (c(r) << 16) | (c(g) << 8) | c(b);
}

Colour rc_scale_colour(double rc, const AggregateOptions& o) {
  if (!std::isfinite(rc)) return {0.6, 0.6, 0.6};
  if (rc < o.weak_below) return mix(hex(0x7f3b08), hex(0xf1a340), 1.0 - (o.weak_below - rc) / 1.0);
  if (rc < o.strong_from) {
    const double span = std::max(1e-9, o.strong_from - o.weak_below);
    return mix(hex(0xb8b8b8), hex(0x9a9a9a), (rc - o.weak_below) / span);
  }
  const double span = std::max(1e-9, 5.0 - o.strong_from);
  return mix(hex(0x998ec3), hex(0x542788), (rc - o.strong_from) / span);
}

Colour delta_scale_colour(double delta, double limit) {
  if (!std::isfinite(delta) || !(limit > 0)) return {0.6, 0.6, 0.6};
  static const unsigned k[] = {0xb35806, 0xf1a340, 0xfee0b6, 0xf7f7f7, 0xd8daeb, 0x998ec3, 0x542788};
  const double x = (std::clamp(delta / limit, -1.0, 1.0) + 1.0) * 3.0;  // 0 .. 6
  const int i = std::min(5, static_cast<int>(std::floor(x)));
  return mix(hex(k[i]), hex(k[i + 1]), x - i);
}

Colour side_palette_colour(std::size_t rank) {
  static const unsigned k[] = {0x0072B2, 0x009E73, 0xCC79A7, 0x56B4E9, 0xE69F00, 0xD55E00, 0x000000, 0xF0E442};
  return hex(k[rank % 8]);
}

}  // namespace rcmap
