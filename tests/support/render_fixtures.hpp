#pragma once
// Synthetic, realistic Survey + Aggregate for the figure and layout tests:
// Danish unit labels, four sides, ties for most ordered pairs with RC in
// [2.4, 4.7], a few suppressed (n < min_n). Built by hand: no core I/O.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap::test {

struct Fixture {
  Survey survey;
  Aggregate agg;
};

// Deterministic pseudo-random numbers in [0, 1) (Knuth MMIX LCG).
struct Lcg {
  std::uint64_t s;
  double next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(s >> 11) / 9007199254740992.0;
  }
};

inline Tie make_tie(std::uint32_t a, std::uint32_t b, int n, double rc, int min_n, const AggregateOptions& o,
                    double planted = kNaN) {
  Tie t;
  t.source = a, t.target = b, t.n = n;
  if (n < min_n) {
    t.suppressed = true;
    // Suppressed: NaN by contract; `planted` puts a distinctive value in
    // every field instead, to prove the renderer never reads it.
    t.rc = t.sd = t.ci_low = t.ci_high = t.communication = t.relationship = planted;
    t.dim_mean.fill(planted);
    t.dim_n.fill(std::isfinite(planted) ? n : 0);
    return t;
  }
  t.rc = rc;
  t.sd = 0.6;
  for (int d = 0; d < kDimensionCount; ++d) {
    t.dim_mean[d] = std::clamp(rc + 0.25 * std::sin(1.7 * d + a + 0.3 * b), 1.0, 5.0);
    t.dim_n[d] = n - (d == 3 ? 1 : 0);
  }
  t.strength = rc < o.weak_below ? Strength::weak : rc >= o.strong_from ? Strength::strong : Strength::moderate;
  return t;
}

inline void add_unit(Survey& s, const std::string& id, const std::string& label, const std::string& side) {
  Unit u;
  u.id = id, u.label = label, u.side = side;
  s.unit_by_id[id] = static_cast<std::uint32_t>(s.units.size());
  s.units.push_back(u);
  if (std::find(s.sides.begin(), s.sides.end(), side) == s.sides.end()) s.sides.push_back(side);
}

// Fills ties for every ordered pair except ~6% missing; pairs listed in
// `suppress` get n = 3 (suppressed at min_n = 5).
inline void fill_ties(Fixture& f, std::uint64_t seed, double planted,
                      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& suppress) {
  Lcg rng{seed};
  const auto n = static_cast<std::uint32_t>(f.survey.units.size());
  const AggregateOptions& o = f.agg.options;
  f.agg.units.assign(n, UnitResult{});
  int total = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    f.agg.units[i].respondents = 5 + static_cast<int>(rng.next() * 30);
    total += f.agg.units[i].respondents;
  }
  // Pair level base RC in [3.5, 4.6] (a little lower between authority and
  // provider), each direction +-0.1 around it; every 9th pair one-sided
  // (one direction 0.8 lower); clamped to [2.4, 4.7].
  std::vector<double> base(static_cast<std::size_t>(n) * n);
  for (std::uint32_t a = 0; a < n; ++a)
    for (std::uint32_t b = a; b < n; ++b) {
      const std::string &sa = f.survey.units[a].side, &sb = f.survey.units[b].side;
      const bool gap = (sa == "authority" && sb == "provider") || (sa == "provider" && sb == "authority");
      base[a * n + b] = base[b * n + a] = 3.5 + 1.1 * rng.next() - (gap ? 0.25 : 0.0);
    }
  for (std::uint32_t a = 0; a < n; ++a) {
    for (std::uint32_t b = 0; b < n; ++b) {
      const double r = rng.next();
      double rc = base[a * n + b] + 0.2 * (rng.next() - 0.5);
      if (a != b && (a * 7 + b * 3) % 9 == 0) rc -= 0.8;
      rc = std::clamp(rc, 2.4, 4.7);
      int nn = std::max(5, static_cast<int>(f.agg.units[a].respondents * (0.5 + 0.5 * rng.next())));
      bool suppressed = false;
      for (auto [x, y] : suppress)
        if (x == a && y == b) nn = 3, suppressed = true;
      if (a != b && r < 0.06 && !suppressed) continue;  // unmeasured pair
      f.agg.ties.push_back(make_tie(a, b, nn, rc, o.min_n, o, planted));
      if (f.agg.ties.back().suppressed) ++f.agg.suppressed_ties;
    }
  }
  f.agg.respondents = total;
}

// 16 units over authority / provider / general / health.
inline Fixture sixteen_units(double planted = kNaN) {
  Fixture f;
  Survey& s = f.survey;
  add_unit(s, "mbu-n", "Myndighed Børn og Unge Nord", "authority");
  add_unit(s, "mbu-s", "Myndighed Børn og Unge Syd", "authority");
  add_unit(s, "hand", "Handicapteamet", "authority");
  add_unit(s, "ung", "Ungeteamet (myndighed)", "authority");
  add_unit(s, "fam-v", "Familiebehandling Vest", "provider");
  add_unit(s, "fam-o", "Familiebehandling Øst", "provider");
  add_unit(s, "dogn", "Døgninstitutionen Solsikken", "provider");
  add_unit(s, "pleje", "Plejefamilieteamet", "provider");
  add_unit(s, "sspk", "SSP-konsulenterne", "provider");
  add_unit(s, "ppr", "PPR", "general");
  add_unit(s, "skole", "Skole og Dagtilbud", "general");
  add_unit(s, "klub", "Fritidsklubberne Ålykke", "general");
  add_unit(s, "dag", "Dagplejen", "general");
  add_unit(s, "sund", "Sundhedsplejen Ærø", "health");
  add_unit(s, "bup", "Børne- og ungdomspsykiatrien Region Syddanmark", "health");
  add_unit(s, "tand", "Kommunal tandpleje", "health");
  fill_ties(f, 20240611, planted, {{0, 5}, {4, 1}, {9, 13}, {14, 2}, {6, 6}});
  return f;
}

// 40 units: 10 authority, 14 provider, 9 general, 7 health.
inline Fixture forty_units() {
  Fixture f;
  Survey& s = f.survey;
  const char* auth[] = {"Myndighed Børn og Unge Nord",
                        "Myndighed Børn og Unge Syd",
                        "Myndighed Børn og Unge Øst",
                        "Myndighed Børn og Unge Vest",
                        "Handicapteamet",
                        "Ungeteamet",
                        "Familierådgivningen",
                        "Modtagelsen og Underretninger",
                        "Anbringelsesteamet",
                        "Tværfagligt team"};
  const char* prov[] = {"Familiebehandling Vest",
                        "Familiebehandling Øst",
                        "Familiehuset Ærø",
                        "Døgninstitutionen Solsikken",
                        "Opholdsstedet Lærkereden",
                        "Plejefamilieteamet",
                        "SSP-konsulenterne",
                        "Kontaktpersonkorpset",
                        "Misbrugsbehandling for unge",
                        "Efterværn 18–23",
                        "Netværksanbringelser",
                        "Specialbørnehaven Mælkebøtten",
                        "Aflastningshuset",
                        "Ungdommens Uddannelsesvejledning"};
  const char* gen[] = {"PPR",           "Skole og Dagtilbud",    "Fritidsklubberne Ålykke", "Dagplejen",
                       "Ungdomsskolen", "Skolesocialrådgiverne", "Børnehusene Syd",         "Specialskolen Åbrinken",
                       "Tandplejen"};
  const char* hea[] = {"Sundhedsplejen Ærø", "Børne- og ungdomspsykiatrien",           "Praktiserende læger",
                       "Jordemødrene",       "Sygehus Sønderjylland, børneafdelingen", "Sundhedshuset",
                       "Rusmiddelcentret"};
  int k = 0;
  for (auto l : auth) add_unit(s, std::string("a").append(std::to_string(k++)), l, "authority");
  for (auto l : prov) add_unit(s, std::string("p").append(std::to_string(k++)), l, "provider");
  for (auto l : gen) add_unit(s, std::string("g").append(std::to_string(k++)), l, "general");
  for (auto l : hea) add_unit(s, std::string("h").append(std::to_string(k++)), l, "health");
  fill_ties(f, 99, kNaN, {{0, 12}, {3, 30}, {20, 1}, {33, 35}, {7, 7}});
  return f;
}

}  // namespace rcmap::test
