#pragma once
// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, identical on every
// platform; the generator of the sample files. Internal to rcmap_core.
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace rcmap::detail {

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return (next() >> 11) * 0x1.0p-53; }
  double normal() {  // Box-Muller
    double u = uniform(), v = uniform();
    if (u < 1e-300) u = 1e-300;
    return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
  // Uniform integer in [0, n), n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * double(n)) % n; }
};

}  // namespace rcmap::detail
