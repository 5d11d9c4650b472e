// Localised words for the figures. Every term follows docs/glossary.tsv
// (sources in docs/glossary.md); tests/render/test_glossary.cpp fails when a
// table drifts from it.
#include "rcmap/render/i18n/i18n.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace rcmap::render {
namespace {

constexpr std::array<std::array<std::string_view, kDimensionCount>, 3> kDims = {{
    {"frequent communication", "timely communication", "accurate communication", "problem-solving communication",
     "shared goals", "shared knowledge", "mutual respect"},
    {"hyppig kommunikation", "rettidig kommunikation", "præcis kommunikation", "problemløsende kommunikation",
     "fælles mål", "fælles viden", "gensidig respekt"},
    {"hyppig kommunikasjon", "rettidig kommunikasjon", "presis kommunikasjon", "problemløsende kommunikasjon",
     "felles mål", "felles kunnskap", "gjensidig respekt"},
}};

const Words kEn = {
    "Coordination map",
    "Coordination gaps: {0} and {1}",
    "Relational coordination between units",
    "Relational coordination by dimension",
    "{0} respondents",
    "data from {0}",
    "Sides",
    "Relational coordination (RC, 1–5)",
    "weak",
    "moderate",
    "strong",
    "Ties from fewer than {0} respondents are hidden",
    "Node area: respondents",
    "Line width: respondents behind the tie",
    "Thin, light: other ties",
    "one-sided",
    "unmeasured (no tie or hidden)",
    "Faded: other ties",
    "Rating unit",
    "Rated unit",
    "n<{0}",
    "Hatched: fewer than {0} respondents (hidden)",
    "Outlined: within the unit",
    "within {0}",
    "{0} → {1}",
    "Mean RC",
    "Shown: {0}",
    "all ties",
    "ties between sides",
    "weak ties",
    "no data",
};

const Words kDa = {
    "Koordineringskort",
    "Udviklingspunkter mellem {0} og {1}",
    "Relationel koordinering mellem enheder",
    "Relationel koordinering pr. dimension",
    "{0} respondenter",
    "data fra {0}",
    "Områder",
    "Relationel koordinering (RK, 1–5)",
    "svag",
    "moderat",
    "stærk",
    "Relationer med færre end {0} respondenter er skjult",
    "Cirklens areal: respondenter",
    "Stregens bredde: respondenter bag relationen",
    "Tynd, lys: øvrige relationer",
    "forskelligt oplevet",
    "ikke målt (ingen vurdering, eller skjult)",
    "Nedtonet: øvrige relationer",
    "Vurderende enhed",
    "Vurderet enhed",
    "n<{0}",
    "Skraveret: færre end {0} respondenter (skjult)",
    "Indrammet: internt i enheden",
    "internt i {0}",
    "{0} → {1}",
    "Gennemsnitlig RK",
    "Vist: {0}",
    "alle relationer",
    "relationer mellem områder",
    "svage relationer",
    "ingen data",
};

const Words kNb = {
    "Koordineringskart",
    "Forbedringsområder mellom {0} og {1}",
    "Relasjonell koordinering mellom enheter",
    "Relasjonell koordinering per dimensjon",
    "{0} respondenter",
    "data fra {0}",
    "Områder",
    "Relasjonell koordinering (RK, 1–5)",
    "svak",
    "middels",
    "sterk",
    "Relasjoner med færre enn {0} respondenter er skjult",
    "Sirkelens areal: respondenter",
    "Strekens bredde: respondenter bak relasjonen",
    "Tynn, lys: øvrige relasjoner",
    "ulikt opplevd",
    "ikke målt (ingen vurdering, eller skjult)",
    "Nedtonet: øvrige relasjoner",
    "Vurderende enhet",
    "Vurdert enhet",
    "n<{0}",
    "Skravert: færre enn {0} respondenter (skjult)",
    "Innrammet: internt i enheten",
    "internt i {0}",
    "{0} → {1}",
    "Gjennomsnittlig RK",
    "Vist: {0}",
    "alle relasjoner",
    "relasjoner mellom områder",
    "svake relasjoner",
    "ingen data",
};

}  // namespace

std::string_view dimension_name(Lang lang, int d) {
  if (d < 0 || d >= kDimensionCount) return {};
  return kDims[static_cast<std::size_t>(lang)][static_cast<std::size_t>(d)];
}

std::string side_name(Lang lang, const std::string& side) {
  struct Entry {
    const char *key, *en, *da, *nb;
  };
  static constexpr Entry kSides[] = {
      {"authority", "authority", "myndighed", "myndighet"},
      {"provider", "provider", "udfører", "utfører"},
      {"general", "general services", "almenområdet", "universelle tjenester"},
      {"health", "health", "sundhedsområdet", "helse"},
  };
  for (const Entry& e : kSides)
    if (side == e.key) return lang == Lang::da ? e.da : lang == Lang::nb ? e.nb : e.en;
  return side;
}

std::string format_number(double v, int decimals, Lang lang) {
  if (!std::isfinite(v)) return "–";
  char buf[64];
  const double mag = std::fabs(v);
  auto r = std::to_chars(buf, buf + sizeof buf, mag, std::chars_format::fixed, decimals);
  std::string s(buf, r.ptr);
  if (lang != Lang::en)
    for (char& c : s)
      if (c == '.') c = ',';
  // Negative unless it rounds to zero.
  if (v < 0 && s.find_first_not_of("0.,") != std::string::npos) s = "−" + s;
  return s;
}

std::string format_count(std::size_t n, Lang lang) {
  const std::string digits = std::to_string(n);
  const char* sep = lang == Lang::en ? "," : lang == Lang::da ? "." : "\u00a0";
  std::string s;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += sep;
    s += digits[i];
  }
  return s;
}

std::string join_list(const std::vector<std::string>& items, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? (lang == Lang::en ? " and " : " og ") : ", ";
    out += items[i];
  }
  return out;
}

const Words& words(Lang lang) {
  switch (lang) {
    case Lang::da:
      return kDa;
    case Lang::nb:
      return kNb;
    default:
      return kEn;
  }
}

std::string fill(std::string_view tmpl, std::string_view a0, std::string_view a1) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && (tmpl[i + 1] == '0' || tmpl[i + 1] == '1')) {
      out += tmpl[i + 1] == '0' ? a0 : a1;
      i += 2;
    } else {
      out += tmpl[i];
    }
  }
  return out;
}

}  // namespace rcmap::render
