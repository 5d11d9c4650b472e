#pragma once
// The allocator of Survey::rows (include/rcmap/survey/survey.hpp).
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace rcmap {

// Allocator of Survey::rows: resize() leaves the rows it adds as the memory
// holds them instead of zeroing them, so that a reader can write rows in
// place and from two threads first (read_in_halves in src/survey/survey.cpp).
// Otherwise as std::allocator.
template <class T>
struct RowAllocator : std::allocator<T> {
  RowAllocator() noexcept = default;
  template <class U>
  RowAllocator(const RowAllocator<U>&) noexcept {}
  template <class U>
  void construct(U*) noexcept {
    static_assert(std::is_trivially_copyable_v<U> && std::is_trivially_destructible_v<U>);
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

}  // namespace rcmap
