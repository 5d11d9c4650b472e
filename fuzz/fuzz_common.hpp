#pragma once
// Shared helpers of the libFuzzer targets (docs/hardening.md). A target is a
// function `int NAME(const std::uint8_t*, std::size_t)` in fuzz/fuzz_NAME.cpp;
// it must accept every byte string, may throw only the documented input
// errors (caught inside), and checks invariants with RCMAP_FUZZ_ASSERT.
// Built with RCMAP_FUZZ_REPLAY defined (tests/io/test_fuzz_regressions.cpp),
// the same functions replay tests/data/fuzz-regressions/NAME/* in Catch2,
// where a broken invariant throws instead of aborting.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace rcmap::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
#ifdef RCMAP_FUZZ_REPLAY
  throw std::logic_error(std::string(file) + ":" + std::to_string(line) + ": invariant broken: " + what);
#else
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
  std::abort();
#endif
}

}  // namespace rcmap::fuzz

#define RCMAP_FUZZ_ASSERT(cond) ((cond) ? (void)0 : ::rcmap::fuzz::fail(#cond, __FILE__, __LINE__))

// Defines the libFuzzer entry point for target function `fn`, except when
// the file is compiled into the Catch2 replay test.
#ifdef RCMAP_FUZZ_REPLAY
#define RCMAP_FUZZ_ENTRY(fn)
#else
#define RCMAP_FUZZ_ENTRY(fn) \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { return fn(data, size); }
#endif
