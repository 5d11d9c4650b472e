#pragma once
// Internal (not installed): the shape of a plain CSV record, found without
// building field views, for readers that take the common record themselves
// and leave every other one to CsvReader (src/survey/responses_builder.cpp).
//
// A record is plain when it is at most 63 bytes, holds no quote, NUL or CR
// and ends in LF or CRLF. Its fields are then exactly the text between the
// delimiters (RFC 4180, Shafranovich 2005: only quoted fields need
// decoding), and it spans one line.
#include <cstddef>
#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace rcmap::detail {

struct PlainRecord {
  std::uint64_t delimiters = 0;  // bit i: byte i is the delimiter (i < length)
  unsigned length = 0;           // bytes before the line end
  unsigned taken = 0;            // bytes including the line end
  bool ascii = true;             // no byte beyond ASCII before the line end
};

// Whether the record at `p` is plain; fills `r` if so. Reads only bytes in
// [p, end), and only 64 of them: false when fewer than 65 remain (the
// caller's general reader takes the last records). Scans 16 bytes at a
// time (SSE2, part of x86-64); false everywhere else.
[[gnu::always_inline]] inline bool scan_plain(const char* p, const char* end, char delimiter, PlainRecord& r) {
#ifdef __SSE2__
  if (end - p <= 64) return false;
  const __m128i vd = _mm_set1_epi8(delimiter), vq = _mm_set1_epi8('"'), vn = _mm_set1_epi8('\n'),
                vr = _mm_set1_epi8('\r'), vz = _mm_setzero_si128();
  std::uint64_t dm = 0;
  unsigned high = 0;
  for (unsigned off = 0; off < 64; off += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + off));
    const auto md = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd)));
    const auto ms = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vn), _mm_cmpeq_epi8(x, vr)),
                                       _mm_or_si128(_mm_cmpeq_epi8(x, vq), _mm_cmpeq_epi8(x, vz)))));
    const auto mh = static_cast<unsigned>(_mm_movemask_epi8(x));  // bytes beyond ASCII
    if (!ms) {
      dm |= static_cast<std::uint64_t>(md) << off;
      high |= mh;
      continue;
    }
    const auto stop = static_cast<unsigned>(__builtin_ctz(ms));
    const unsigned len = off + stop;
    dm |= static_cast<std::uint64_t>(md & ((1u << stop) - 1)) << off;
    high |= mh & ((1u << stop) - 1);
    if (p[len] == '\n') {
      r.taken = len + 1;
    } else if (p[len] == '\r' && p[len + 1] == '\n') {  // len + 1 <= 64 < end - p
      r.taken = len + 2;
    } else {
      return false;  // a quote, a NUL or a lone CR
    }
    r.delimiters = dm;
    r.length = len;
    r.ascii = high == 0;
    return true;
  }
#else
  (void)p, (void)end, (void)delimiter, (void)r;
#endif
  return false;
}

}  // namespace rcmap::detail
