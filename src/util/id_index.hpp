#pragma once
// Open-addressing hash index from short ids to their positions in a list
// held elsewhere: the survey reader's unit and respondent lookups
// (src/survey/responses_builder.cpp). Internal to rcmap_core.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace rcmap::detail {

// Equality of short ids without a call to memcmp.
inline bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return std::memcmp(a.data(), b.data(), a.size()) == 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Open-addressing hash index from an id to its position in a list of ids
// held elsewhere (`key(i)` gives id i), so lookups by string_view need no
// std::string. Linear probing, load at most 1/2.
template <class Key>
class IdIndex {
 public:
  static constexpr std::uint32_t npos = static_cast<std::uint32_t>(-1);
  explicit IdIndex(Key key, std::size_t expected = 8) : key_(key) {
    std::size_t cap = 16;
    while (cap < 2 * expected) cap *= 2;
    slots_.assign(cap, Slot{npos, 0});
  }
  // FNV-1a (Fowler, Noll, Vo): ids are short, so a byte loop beats
  // std::hash; the 64-bit state is folded to 32 bits.
  static std::uint32_t hash(std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : id) h = (h ^ c) * 0x100000001b3ull;
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::uint32_t find(std::string_view id, std::uint32_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& sl = slots_[i];
      if (sl.index == npos) return npos;
      if (sl.hash == h && same(key_(sl.index), id)) return sl.index;
    }
  }
  void insert(std::uint32_t index, std::uint32_t h) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(Slot{index, h});
    ++count_;
  }

 private:
  struct Slot {
    std::uint32_t index, hash;
  };
  void place(Slot s) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = s.hash & mask;
    while (slots_[i].index != npos) i = (i + 1) & mask;
    slots_[i] = s;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{npos, 0});
    old.swap(slots_);
    for (const Slot& sl : old)
      if (sl.index != npos) place(sl);
  }
  Key key_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace rcmap::detail
