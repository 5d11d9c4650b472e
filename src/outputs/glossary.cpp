#include "rcmap/outputs/glossary.hpp"

#include <algorithm>
#include <iterator>

namespace rcmap {

namespace {
struct Term {
  std::string_view key, en, da, nb;
};
constexpr Term kTerms[] = {
#include "glossary_terms.inc"
};
}  // namespace

std::string_view glossary_term(std::string_view key, std::string_view lang) {
  const Term* end = std::end(kTerms);
  const Term* it =
      std::lower_bound(std::begin(kTerms), end, key, [](const Term& t, std::string_view k) { return t.key < k; });
  if (it == end || it->key != key) return {};
  return lang == "da" ? it->da : lang == "nb" ? it->nb : it->en;
}

std::size_t glossary_size() { return std::size(kTerms); }
std::string_view glossary_key(std::size_t i) { return i < std::size(kTerms) ? kTerms[i].key : std::string_view{}; }

std::string group_thousands(std::size_t n, std::string_view lang) {
  const std::string digits = std::to_string(n);
  const char* sep = lang == "da" ? "." : lang == "nb" ? "\u00a0" : ",";
  std::string s;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += sep;
    s += digits[i];
  }
  return s;
}

std::string fill_term(std::string_view t, std::string_view a0, std::string_view a1) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}' && (t[i + 1] == '0' || t[i + 1] == '1')) {
      out += t[i + 1] == '0' ? a0 : a1;
      i += 2;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace rcmap
