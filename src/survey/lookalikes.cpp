// Look-alike unit ids and labels, and invisible characters made visible
// (include/rcmap/survey/lookalikes.hpp). utf8proc (Debian libutf8proc-dev) does NFC,
// case folding and the default-ignorable property; it is far smaller than
// ICU and these three are all that is needed here.
#include "rcmap/survey/lookalikes.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>

#include "util/text.hpp"

namespace rcmap {

namespace {

// Stages of lookalike_key; a reason is a stage the two texts need to match.
enum Stage : unsigned { kCompose = 1, kIgnore = 2, kSpace = 4, kFold = 8, kAll = 15 };

std::string code_point_text(utf8proc_int32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

bool is_bidi_control(utf8proc_int32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool is_space(utf8proc_int32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r' || cp == 0x85) return true;
  const utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

// Calls f(code point, its bytes) for each UTF-8 sequence of `s`; an invalid
// byte is passed as code point -1.
template <class F>
void each_code_point(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) n = 1, cp = -1;
    f(cp, s.substr(i, static_cast<std::size_t>(n)));
    i += static_cast<std::size_t>(n);
  }
}

// `s` with `show(cp)` code points written as "⟨U+XXXX⟩".
template <class Show>
std::string show_code_points(std::string_view s, Show show) {
  std::string out;
  out.reserve(s.size());
  each_code_point(s, [&](utf8proc_int32_t cp, std::string_view bytes) {
    if (cp >= 0 && show(cp))
      out += "\u27E8" + code_point_text(cp) + "\u27E9";
    else
      out += bytes;
  });
  return out;
}

std::string key(std::string_view s, unsigned stages) {
  int options = UTF8PROC_STABLE;
  if (stages & kCompose) options |= UTF8PROC_COMPOSE;
  if (stages & kIgnore) options |= UTF8PROC_IGNORE;
  if (stages & kFold) options |= UTF8PROC_CASEFOLD;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                   &mapped, static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(s);  // not UTF-8: no look-alike but itself
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> hold(mapped, &std::free);
  std::string_view t(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  if (!(stages & kSpace)) return std::string(t);
  std::string out;
  bool pending = false;
  each_code_point(t, [&](utf8proc_int32_t cp, std::string_view bytes) {
    if (cp >= 0 && is_space(cp)) {
      pending = !out.empty();
      return;
    }
    if (pending) out += ' ', pending = false;
    out += bytes;
  });
  return out;
}

// What makes `a` and `b` (same full key) alike: the stages they need.
std::string alike_because(const std::string& a, const std::string& b) {
  std::vector<std::string> why;
  auto needs = [&](Stage st) { return key(a, kAll & ~st) != key(b, kAll & ~st); };
  if (needs(kFold)) why.push_back("letter case");
  if (needs(kCompose)) why.push_back("Unicode composition (NFC: a letter with a combining accent, or precomposed)");
  if (needs(kIgnore)) {
    std::string cps;
    for (const std::string* s : {&a, &b})
      each_code_point(*s, [&](utf8proc_int32_t cp, std::string_view) {
        if (cp < 0 || !utf8proc_get_property(cp)->ignorable) return;
        const std::string t = code_point_text(cp);
        if (cps.find(t) == std::string::npos) cps += (cps.empty() ? "" : ", ") + t;
      });
    why.push_back("invisible characters (" + cps + ")");
  }
  if (needs(kSpace)) why.push_back("spacing");
  if (why.empty()) return "Unicode normalisation and letter case";
  std::string s;
  for (std::size_t i = 0; i < why.size(); ++i) s += (i == 0 ? "" : i + 1 == why.size() ? " and " : ", ") + why[i];
  return s;
}

}  // namespace

std::string lookalike_key(std::string_view s) { return key(s, kAll); }

std::string show_bidi_controls(std::string_view s) {
  // Every Bidi_Control code point is U+061C (D8 9C) or in U+200E..U+2069 (E2 80/81 ..).
  if (s.find("\xE2\x80") == std::string_view::npos && s.find("\xE2\x81") == std::string_view::npos &&
      s.find("\xD8\x9C") == std::string_view::npos)
    return std::string(s);
  return show_code_points(s, is_bidi_control);
}

std::string show_invisible(std::string_view s) {
  return show_code_points(
      s, [](utf8proc_int32_t cp) { return is_bidi_control(cp) || utf8proc_get_property(cp)->ignorable; });
}

void lookalike_warnings(const std::vector<Unit>& units, const std::string& path, std::size_t id_column,
                        std::size_t label_column, Diagnostics& diags) {
  // No label drawn in a figure is this long; a 20 MB label would otherwise
  // cost utf8proc ~4 bytes per character, and a copy per stage.
  constexpr std::size_t kMaxCompared = 4096;
  std::unordered_map<std::string, std::size_t> by_id, by_label;  // key -> first unit
  const std::string tail = "; expected ids and labels a reader can tell apart in figures and the report";
  auto shown = [](const std::string& s) { return detail::quoted(show_invisible(s)); };
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (u.id.size() <= kMaxCompared) {
      auto [it, fresh] = by_id.emplace(lookalike_key(u.id), i);
      if (!fresh) {
        const Unit& v = units[it->second];
        diags.warning(path, u.line, id_column, "unit",
                      "unit id " + shown(u.id) + " looks like unit id " + shown(v.id) + " (line " +
                          std::to_string(v.line) + "): they differ only in " + alike_because(u.id, v.id) + tail);
      }
    }
    if (u.label.size() > kMaxCompared) continue;
    auto [lt, lfresh] = by_label.emplace(lookalike_key(u.label), i);
    if (lfresh) continue;
    const Unit& v = units[lt->second];
    if (u.label == u.id && v.label == v.id) continue;  // both labels blank: the ids were compared
    const std::string first = "unit " + shown(u.id) + " has ";
    const std::string other = " unit " + shown(v.id) + " (line " + std::to_string(v.line) + ")";
    if (u.label == v.label)
      diags.warning(path, u.line, label_column, "label",
                    first + "the same label as" + other + ": " + shown(u.label) + tail);
    else
      diags.warning(path, u.line, label_column, "label",
                    first + "the label " + shown(u.label) + ", which looks like the label " + shown(v.label) + " of" +
                        other + ": they differ only in " + alike_because(u.label, v.label) + tail);
  }
}

}  // namespace rcmap
