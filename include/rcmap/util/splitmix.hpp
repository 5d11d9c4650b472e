#pragma once
// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
// generators", OOPSLA): tiny, fast and identical on every platform, so every
// seeded output of rcmap (sample files, bootstrap intervals, sampled
// centralities, change intervals) has the same bytes everywhere. The one
// generator of rcmap; it has two integer mappings because the sample files
// were generated with the first and must stay byte-identical:
//  - below(n): Lemire (2019, "Fast random integer generation in an interval",
//    ACM TOMACS 29(1)) multiply-shift with rejection, unbiased;
//  - scaled_below(n): floor(uniform() * n), the sample generators' mapping
//    (bias below 2^-53 relative, irrelevant for synthetic data).
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace rcmap {

struct SplitMix64 {
  std::uint64_t state;
  explicit SplitMix64(std::uint64_t seed) : state(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n), n >= 1; unbiased (Lemire 2019, with rejection).
  std::uint64_t below(std::uint64_t n) {
    unsigned __int128 m = static_cast<unsigned __int128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
      while (low < threshold) {
        m = static_cast<unsigned __int128>(next()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  // Uniform double in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Standard normal (Box & Muller 1958), one value per two uniforms.
  double normal() {
    double u = uniform(), v = uniform();
    if (u < 1e-300) u = 1e-300;
    return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
  }

  // floor(uniform() * n) in [0, n), n > 0: the sample files' mapping.
  std::size_t scaled_below(std::size_t n) { return static_cast<std::size_t>(uniform() * double(n)) % n; }
};

}  // namespace rcmap
