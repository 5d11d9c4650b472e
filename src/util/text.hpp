#pragma once
// Small text helpers shared by the survey-export readers (xlsx, spss, wide,
// convert). Internal to rcmap_core: not installed, not part of the API.
#include <charconv>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace rcmap::detail {

// Removes ASCII whitespace (space, TAB, CR, LF) and U+00A0 from both ends.
std::string trim(std::string_view s);

// Without the spaces and TABs at both ends: ids and scores of CSV fields (a
// view into `s`; inline, it runs for every field of a million-row file).
[[gnu::always_inline]] inline std::string_view trim_blanks(std::string_view s) {
  if (s.empty() || (s.front() != ' ' && s.front() != '\t' && s.back() != ' ' && s.back() != '\t')) return s;
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return s.substr(a, b - a);
}

// ASCII letters A-Z lower-cased, every other byte kept (UTF-8 safe; unlike
// std::tolower it does not depend on the C locale).
inline std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

// A value quoted for a message, cut to 60 bytes (at a UTF-8 character
// boundary) so a 100 MB field gives a readable one-line error:
// "'abc'", or "'abc...' (104857600 bytes)".
std::string quoted(std::string_view s);

// Key for "case- and whitespace-insensitive" comparison: trimmed, inner
// whitespace runs collapsed to one space, ASCII and Latin-1 letters
// (Æ Ø Å Ä Ö Ü É ...) lower-cased. "  Myndighed   NORD " -> "myndighed nord".
std::string fold_key(std::string_view s);

// A number as a table cell: integral values without ".0" ("3", "-1"), others
// as the shortest text that reads back to the same double ("3.5", "0.1").
std::string format_number(double v);

// Whole-field parses; surrounding whitespace allowed. parse_double accepts a
// decimal point or a decimal comma ("3,5").
bool parse_double(std::string_view s, double& out);
bool parse_int(std::string_view s, long long& out);
// The whole of `s` as a decimal integer, nothing around it (std::from_chars:
// no blanks, no '+'); false if `s` is not one. The survey reader's headcounts
// and scores, whose blanks it trims itself.
inline bool parse_int_exact(std::string_view s, long long& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Index of the header field equal to `name` under fold_key, or -1.
int find_column(const std::vector<std::string>& header, std::string_view name);

// "'a', 'b', 'c'"
std::string quoted_list(const std::vector<std::string>& items);

}  // namespace rcmap::detail
