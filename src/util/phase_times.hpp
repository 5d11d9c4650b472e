#pragma once
// Internal: wall and CPU milliseconds at named points of a run, printed to
// stderr, for finding where the ingest spends its time (bench/README.md).
// Compiled in only with -DRCMAP_PHASE_TIMES=ON at configure time; otherwise
// RCMAP_PHASE(name) expands to nothing.
#ifdef RCMAP_PHASE_TIMES
#include <cstdio>
#include <ctime>

namespace rcmap {
inline void phase_time(const char* name) {
  static const timespec t0 = [] {
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t;
  }();
  timespec t, c;
  clock_gettime(CLOCK_MONOTONIC, &t);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
  std::fprintf(stderr, "phase %8.2f ms wall %8.2f ms cpu  %s\n",
               (t.tv_sec - t0.tv_sec) * 1e3 + (t.tv_nsec - t0.tv_nsec) / 1e6, c.tv_sec * 1e3 + c.tv_nsec / 1e6, name);
}
}  // namespace rcmap
#define RCMAP_PHASE(name) ::rcmap::phase_time(name)
#else
#define RCMAP_PHASE(name) ((void)0)
#endif
