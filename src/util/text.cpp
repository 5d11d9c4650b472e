#include "text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace rcmap::detail {

namespace {
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
}  // namespace

std::string trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_space(s.front()))
      s.remove_prefix(1);
    else if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0")
      s.remove_prefix(2);
    else
      break;
  }
  for (;;) {
    if (!s.empty() && is_space(s.back()))
      s.remove_suffix(1);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
      s.remove_suffix(2);
    else
      break;
  }
  return std::string(s);
}

std::string fold_key(std::string_view s) {
  std::string t = trim(s), out;
  out.reserve(t.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    unsigned char c = t[i];
    if (is_space(c) || (c == 0xC2 && i + 1 < t.size() && (unsigned char)t[i + 1] == 0xA0)) {
      if (c == 0xC2) ++i;
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ', pending_space = false;
    if (c >= 'A' && c <= 'Z') {
      out += char(c + 32);
    } else if (c == 0xC3 && i + 1 < t.size()) {
      // U+00C0..U+00DE (except U+00D7 multiplication sign) are the Latin-1
      // capitals; their small letters are 0x20 higher, same lead byte.
      unsigned char d = t[++i];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;
      out += char(c);
      out += char(d);
    } else {
      out += char(c);
    }
  }
  return out;
}

std::string format_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip
  return std::string(buf, r.ptr);
}

bool parse_double(std::string_view s, double& out) {
  std::string t = trim(s);
  if (t.empty()) return false;
  if (t.find('.') == std::string::npos) {
    auto comma = t.find(',');
    if (comma != std::string::npos && t.find(',', comma + 1) == std::string::npos) t[comma] = '.';
  }
  const char* b = t.data();
  if (*b == '+') ++b;
  auto r = std::from_chars(b, t.data() + t.size(), out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(out);
}

bool parse_int(std::string_view s, long long& out) {
  std::string t = trim(s);
  if (t.empty()) return false;
  const char* b = t.data();
  if (*b == '+') ++b;
  auto r = std::from_chars(b, t.data() + t.size(), out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

int find_column(const std::vector<std::string>& header, std::string_view name) {
  std::string key = fold_key(name);
  for (std::size_t i = 0; i < header.size(); ++i)
    if (fold_key(header[i]) == key) return static_cast<int>(i);
  return -1;
}

std::string quoted(std::string_view s) {
  constexpr std::size_t kMax = 60;
  if (s.size() <= kMax) return "'" + std::string(s) + "'";
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(s.substr(0, cut)) + "...' (" + std::to_string(s.size()) + " bytes)";
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& it : items) {
    if (!s.empty()) s += ", ";
    s += "'" + it + "'";
  }
  return s;
}

}  // namespace rcmap::detail
