// Localised words of the change, trend and sites figures (en, da, nb); terms
// as docs/glossary.tsv (checked by tests/render/test_glossary.cpp).
#include "rcmap/render/i18n/change_words.hpp"

namespace rcmap::render {
namespace {

const ChangeWords kEn = {
    "Change in coordination: {0} → {1}",
    "Change in RC between units: {0} → {1}",
    "Relational coordination between sides across waves",
    "Relational coordination by site",
    "Change in RC ({1} − {0})",
    "worse",
    "better",
    "Faded: no credible change (q ≥ 0.05 or the interval includes 0)",
    "Not drawn: ties with fewer than {0} respondents in either wave",
    "Positions as on the {0} map",
    "Blank: not compared (fewer than {0} respondents in a wave, or no tie)",
    "Pale, hatched: no credible change",
    "Wave",
    "Bars: 95 % interval. No point: fewer than {0} respondents in that wave",
    "overall",
    "within sides",
    "Highlighted: {0}",
    "Sites with fewer than {0} respondents have no values",
};

const ChangeWords kDa = {
    "Ændring i koordinering: {0} → {1}",
    "Ændring i RK mellem enheder: {0} → {1}",
    "Relationel koordinering mellem områderne over målingerne",
    "Relationel koordinering pr. kommune",
    "Ændring i RK ({1} − {0})",
    "dårligere",
    "bedre",
    "Nedtonet: ingen klar ændring (q ≥ 0,05 eller intervallet indeholder 0)",
    "Ikke vist: relationer med færre end {0} respondenter i en af målingerne",
    "Placering som på kortet fra {0}",
    "Tom: ikke sammenlignet (færre end {0} respondenter i en måling, eller ingen relation)",
    "Bleg, skraveret: ingen klar ændring",
    "Måling",
    "Streger: 95 %-interval. Intet punkt: færre end {0} respondenter i målingen",
    "samlet",
    "inden for områderne",
    "Fremhævet: {0}",
    "Kommuner med færre end {0} respondenter har ingen værdier",
};

const ChangeWords kNb = {
    "Endring i koordinering: {0} → {1}",
    "Endring i RK mellom enheter: {0} → {1}",
    "Relasjonell koordinering mellom områdene over målingene",
    "Relasjonell koordinering per kommune",
    "Endring i RK ({1} − {0})",
    "dårligere",
    "bedre",
    "Nedtonet: ingen klar endring (q ≥ 0,05 eller intervallet inneholder 0)",
    "Ikke vist: relasjoner med færre enn {0} respondenter i en av målingene",
    "Plassering som på kartet fra {0}",
    "Tom: ikke sammenlignet (færre enn {0} respondenter i en måling, eller ingen relasjon)",
    "Blek, skravert: ingen klar endring",
    "Måling",
    "Streker: 95 %-intervall. Intet punkt: færre enn {0} respondenter i målingen",
    "samlet",
    "innenfor områdene",
    "Uthevet: {0}",
    "Kommuner med færre enn {0} respondenter har ingen verdier",
};

}  // namespace

const ChangeWords& change_words(Lang lang) {
  switch (lang) {
    case Lang::da:
      return kDa;
    case Lang::nb:
      return kNb;
    case Lang::en:
      break;
  }
  return kEn;
}

}  // namespace rcmap::render
