#include "huge_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace rcmap {

void advise_huge_pages(void* p, std::size_t n) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  if (n < 4 * kHuge) return;
  // Only whole 2 MB pages inside the buffer.
  std::uintptr_t a = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  std::uintptr_t e = (reinterpret_cast<std::uintptr_t>(p) + n) & ~(kHuge - 1);
  if (e > a) ::madvise(reinterpret_cast<void*>(a), e - a, MADV_HUGEPAGE);
#else
  (void)p;
  (void)n;
#endif
}

void prefault(void* p, std::size_t n) {
#ifdef MADV_POPULATE_WRITE
  const long page = ::sysconf(_SC_PAGESIZE);
  if (page <= 0 || n == 0) return;
  const auto pg = static_cast<std::uintptr_t>(page);
  std::uintptr_t a = reinterpret_cast<std::uintptr_t>(p) & ~(pg - 1);
  std::uintptr_t e = (reinterpret_cast<std::uintptr_t>(p) + n) & ~(pg - 1);  // whole pages inside
  if (e > a) ::madvise(reinterpret_cast<void*>(a), e - a, MADV_POPULATE_WRITE);
#else
  (void)p;
  (void)n;
#endif
}

}  // namespace rcmap
