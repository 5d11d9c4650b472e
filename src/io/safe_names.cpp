// Safe output file names from input text (include/rcmap/io/safe_names.hpp).
// Character set: the POSIX portable file name character set
// (POSIX.1-2017, 3.282: A-Z a-z 0-9 . _ -).
#include "rcmap/io/safe_names.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace rcmap {

namespace {

bool portable(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// ASCII folding of the Latin-1 letters met in Nordic names (UTF-8 C3 xx).
const char* fold_latin1(unsigned char second) {
  switch (second) {
    case 0x86:
      return "Ae";  // Æ
    case 0xA6:
      return "ae";  // æ
    case 0x98:
      return "Oe";  // Ø
    case 0xB8:
      return "oe";  // ø
    case 0x85:
      return "Aa";  // Å
    case 0xA5:
      return "aa";  // å
    case 0x84:
      return "Ae";  // Ä
    case 0xA4:
      return "ae";  // ä
    case 0x96:
      return "Oe";  // Ö
    case 0xB6:
      return "oe";  // ö
    case 0x9C:
      return "Ue";  // Ü
    case 0xBC:
      return "ue";  // ü
    case 0x9F:
      return "ss";  // ß
    case 0x89:
    case 0x88:
      return "E";  // É È
    case 0xA9:
    case 0xA8:
      return "e";  // é è
    default:
      return nullptr;
  }
}

bool reserved_windows_name(const std::string& name) {
  std::string stem = detail::ascii_lower(name.substr(0, name.find('.')));
  static const std::array<const char*, 22> kReserved = {"con",  "prn",  "aux",  "nul",  "com1", "com2", "com3", "com4",
                                                        "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3",
                                                        "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
  return std::find(kReserved.begin(), kReserved.end(), stem) != kReserved.end();
}

}  // namespace

std::string safe_file_name(std::string_view text, std::size_t max_length) {
  max_length = std::max<std::size_t>(max_length, 8);
  std::string out;
  out.reserve(std::min(text.size(), max_length + 8));
  auto underscore = [&] {
    if (!out.empty() && out.back() != '_') out += '_';
  };
  for (std::size_t i = 0; i < text.size() && out.size() < max_length + 8; ++i) {
    char c = text[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (portable(c)) {
      if (!out.empty() || (c != '.' && c != '_' && c != '-')) out += c;  // no leading . _ -
    } else if (u == 0xC3 && i + 1 < text.size()) {
      if (const char* f = fold_latin1(static_cast<unsigned char>(text[i + 1]))) {
        out += f;
        ++i;
      } else {
        underscore();
        ++i;
      }
    } else {
      // Skip the rest of a multi-byte UTF-8 sequence: one '_' per character.
      if (u >= 0xC0)
        while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
      underscore();
    }
  }
  if (out.size() > max_length) out.resize(max_length);
  while (!out.empty() && (out.back() == '.' || out.back() == '_')) out.pop_back();
  if (out.empty()) out = "unnamed";
  if (reserved_windows_name(out)) out += '_';
  return out;
}

std::string SafeNames::unique(std::string_view text, std::string_view extension) {
  std::string base = safe_file_name(text, max_length_);
  std::string name = base + std::string(extension);
  for (int k = 2; used_.count(detail::ascii_lower(name)); ++k)
    name = base + "-" + std::to_string(k) + std::string(extension);
  used_.insert(detail::ascii_lower(name));
  return name;
}

}  // namespace rcmap
