#pragma once
// Internal: memory advice for the large buffers of the ingest.
#include <cstddef>

namespace rcmap {

// Asks for transparent huge pages (Linux madvise(MADV_HUGEPAGE)) on a large
// buffer before it is first touched: a 30 MB buffer then costs ~15 page
// faults instead of ~7,500. Advisory only: ignored for buffers under 8 MB
// and where unsupported.
void advise_huge_pages(void* p, std::size_t n);

}  // namespace rcmap
