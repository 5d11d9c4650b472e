#pragma once
// Safe output file names from input text (unit ids, labels, site names), so
// that per-unit or per-site outputs can never leave the output folder or
// clash: "../../etc" becomes "etc", "Sundhedsplejen Ærø" becomes
// "Sundhedsplejen_Aeroe". See docs/hardening.md "Paths".
#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace rcmap {

// One file-name component from arbitrary UTF-8 (or any bytes):
//  - Danish/Norwegian/German letters ASCII-folded (æ→ae, ø→oe, å→aa, ä→ae,
//    ö→oe, ü→ue, ß→ss, é/è→e; capitals likewise: Æ→Ae);
//  - every byte sequence outside [A-Za-z0-9._-] becomes one '_' (runs of
//    them collapse), leading '.', '_' and '-' and trailing '.', '_' removed,
//    so no hidden files, no "..", no option-like names;
//  - capped at `max_length` bytes (at least 8), never empty ("unnamed"),
//    never a reserved Windows device name (CON, NUL, COM1, ... get '_' appended).
// The result is a plain name: no '/', '\\', NUL, control or non-ASCII byte.
std::string safe_file_name(std::string_view text, std::size_t max_length = 100);

// Hands out distinct safe names: the second "A B" becomes "A_B-2", and so on.
// Comparison ignores ASCII case (case-insensitive file systems).
class SafeNames {
 public:
  explicit SafeNames(std::size_t max_length = 100) : max_length_(max_length) {}
  // Safe, unique name for `text`, with `extension` (e.g. ".svg") appended.
  std::string unique(std::string_view text, std::string_view extension = {});

 private:
  std::size_t max_length_;
  std::set<std::string> used_;  // lower-cased
};

}  // namespace rcmap
