#pragma once
// Bloom filter over 32-bit id hashes: rules out new respondents before the
// respondent index is asked (src/survey/responses_builder.cpp). Internal to
// rcmap_core.
#include <cstdint>
#include <vector>

namespace rcmap::detail {

// Bloom filter (Bloom 1970) over 32-bit id hashes: 2^20 bits (128 KB, fits
// a core's L2 cache), two bits per id. "No" is certain; with 35,000 ids a
// "maybe" is wrong about 1% of the time.
class BloomFilter {
 public:
  BloomFilter() : bits_(kWords, 0) {}
  void add(std::uint32_t h) {
    bits_[a(h) / 64] |= std::uint64_t{1} << (a(h) % 64);
    bits_[b(h) / 64] |= std::uint64_t{1} << (b(h) % 64);
  }
  bool may_contain(std::uint32_t h) const {
    return (bits_[a(h) / 64] >> (a(h) % 64) & 1) && (bits_[b(h) / 64] >> (b(h) % 64) & 1);
  }

 private:
  static constexpr std::uint32_t kBits = std::uint32_t{1} << 20, kWords = kBits / 64;
  static std::uint32_t a(std::uint32_t h) { return h & (kBits - 1); }
  static std::uint32_t b(std::uint32_t h) { return (h * 0x9E3779B1u) >> 12; }  // Fibonacci hashing, top 20 bits
  std::vector<std::uint64_t> bits_;
};

}  // namespace rcmap::detail
