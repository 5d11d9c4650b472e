// Words of compare's report.pdf (render/report/change_report_words.hpp). Terms
// as docs/glossary.tsv: "klar ændring / klar endring" for a credible change.
#include "change_report_words.hpp"

namespace rcmap::render::detail {

namespace {
const ChangeReportWords kEn{
    "Change in relational coordination",
    "Report on change in relational coordination between units",
    "Waves compared: {0} (baseline) and {1}",
    "Wave {0}: {1} respondents",
    "Of the {0} ties compared in both waves (at least {1} respondents in each), {2} improved credibly, "
    "{3} became credibly worse and {4} show no credible change.",
    "{0} further ties have fewer than {1} respondents in one of the waves; no change is reported for them.",
    "Largest credible improvements between {0} and {1}:",
    "Largest credible declines between {0} and {1}:",
    "No tie between {0} and {1} improved credibly.",
    "No tie between {0} and {1} became credibly worse.",
    "{0} → {1}: RC {2} → {3} (change {4}, 95 % interval {5} to {6})",
    "Change between sides (ratings between different units)",
    "No side pair has at least {0} respondents in both waves.",
    "improved",
    "worse",
    "no credible change",
    "Credible changes, largest first",
    "Ties whose change is credible (q below {0} and the 95 % interval excludes 0). Delta = {2} − {1}.",
    "No tie changed credibly.",
    "Before",
    "After",
    "Change",
    "95 % interval",
    "Direction",
    "Method",
    "Per tie, each respondent's score is the mean of the answered dimensions of their rating; the tie's RC in a "
    "wave is the mean over its respondents. Whether RC changed is tested with Welch's t-test on the respondent "
    "scores of the two waves (unequal variances; Welch 1947).",
    "The p-values of all compared ties are corrected for multiple testing with the Benjamini–Hochberg procedure "
    "(q-values; Benjamini & Hochberg 1995); side pairs are corrected separately.",
    "The 95 % interval of each change is a percentile bootstrap: the respondents of each wave are resampled with "
    "replacement {0} times (seed {1}; the same seed gives the same intervals).",
    "A change is credible when q is below {0} and the interval excludes 0: improved if RC rose, worse if it fell; "
    "otherwise there is no credible change.",
    "Anonymity applies per wave: a tie or side pair rated by fewer than {0} respondents in a wave has no score in "
    "that wave and no change; it is not drawn, listed or used in any total. Ratings answering fewer than {1} of the "
    "7 dimensions are excluded.",
    "The change map keeps the node positions of the baseline map ({0}) so the waves' maps can be laid side by side.",
    "{0} \u2192 {1} changed credibly ({2}); the reverse direction, {1} \u2192 {0}, did not ({3}).",
    "Credible changes from {0} to {1}:",
    "No credible change of a tie from {0} to {1}.",
    "{0} \u2192 {1} changed credibly ({2}), the reverse tie did not ({3})."};

const ChangeReportWords kDa{
    "Ændring i relationel koordinering",
    "Rapport om ændring i relationel koordinering mellem enheder",
    "Sammenlignede målinger: {0} (udgangspunkt) og {1}",
    "Måling {0}: {1} respondenter",
    "Af de {0} relationer, der kan sammenlignes i begge målinger (mindst {1} respondenter i hver), er {2} klart "
    "forbedret, {3} klart forværret, og {4} viser ingen klar ændring.",
    "{0} andre relationer har færre end {1} respondenter i en af målingerne; for dem vises ingen ændring.",
    "Største klare forbedringer mellem {0} og {1}:",
    "Største klare forværringer mellem {0} og {1}:",
    "Ingen relation mellem {0} og {1} er klart forbedret.",
    "Ingen relation mellem {0} og {1} er klart forværret.",
    "{0} → {1}: RK {2} → {3} (ændring {4}, 95 %-interval {5} til {6})",
    "Ændring mellem områderne (vurderinger mellem forskellige enheder)",
    "Intet par af områder har mindst {0} respondenter i begge målinger.",
    "forbedret",
    "forværret",
    "ingen klar ændring",
    "Klare ændringer, største først",
    "Relationer med en klar ændring (q under {0}, og 95 %-intervallet indeholder ikke 0). Ændring = {2} − {1}.",
    "Ingen relation har ændret sig klart.",
    "Før",
    "Efter",
    "Ændring",
    "95 %-interval",
    "Retning",
    "Metode",
    "For hver relation er en respondents score gennemsnittet af de besvarede dimensioner; relationens relationelle "
    "koordinering (RK) i en måling er gennemsnittet over dens respondenter. Om RK har ændret sig, testes med Welchs "
    "t-test på respondenternes scorer i de to målinger (ulige varianser; Welch 1947).",
    "p-værdierne for alle sammenlignede relationer korrigeres for multipel testning med Benjamini–Hochberg-metoden "
    "(q-værdier; Benjamini & Hochberg 1995); par af områder korrigeres for sig.",
    "95 %-intervallet for hver ændring er et percentil-bootstrap: respondenterne i hver måling trækkes med "
    "tilbagelægning {0} gange (startværdi (seed) {1}; samme startværdi giver samme intervaller).",
    "En ændring er klar, når q er under {0}, og intervallet ikke indeholder 0: forbedret, hvis RK steg, "
    "forværret, hvis den faldt; ellers er der ingen klar ændring.",
    "Anonymitet gælder for hver måling: en relation eller et par af områder med færre end {0} respondenter i en "
    "måling har ingen værdi i den måling og ingen ændring; den vises, tegnes og indgår ikke i nogen sum. "
    "Vurderinger med færre end {1} af de 7 dimensioner besvaret udelades.",
    "Ændringskortet bruger enhedernes placering fra udgangskortet ({0}), så målingernes kort kan lægges side om side.",
    "{0} \u2192 {1} ændrede sig klart ({2}); den modsatte retning, {1} \u2192 {0}, gjorde ikke ({3}).",
    "Klare ændringer fra {0} til {1}:",
    "Ingen klar ændring af en relation fra {0} til {1}.",
    "{0} \u2192 {1} ændrede sig klart ({2}), den modsatte relation gjorde ikke ({3})."};

const ChangeReportWords kNb{
    "Endring i relasjonell koordinering",
    "Rapport om endring i relasjonell koordinering mellom enheter",
    "Sammenlignede målinger: {0} (utgangspunkt) og {1}",
    "Måling {0}: {1} respondenter",
    "Av de {0} relasjonene som kan sammenlignes i begge målingene (minst {1} respondenter i hver), er {2} klart "
    "forbedret, {3} klart forverret, og {4} viser ingen klar endring.",
    "{0} andre relasjoner har færre enn {1} respondenter i en av målingene; for dem vises ingen endring.",
    "Største klare forbedringer mellom {0} og {1}:",
    "Største klare forverringer mellom {0} og {1}:",
    "Ingen relasjon mellom {0} og {1} er klart forbedret.",
    "Ingen relasjon mellom {0} og {1} er klart forverret.",
    "{0} → {1}: RK {2} → {3} (endring {4}, 95 %-intervall {5} til {6})",
    "Endring mellom områdene (vurderinger mellom ulike enheter)",
    "Ingen par av områder har minst {0} respondenter i begge målingene.",
    "forbedret",
    "forverret",
    "ingen klar endring",
    "Klare endringer, største først",
    "Relasjoner med en klar endring (q under {0}, og 95 %-intervallet inneholder ikke 0). Endring = {2} − {1}.",
    "Ingen relasjon har endret seg klart.",
    "Før",
    "Etter",
    "Endring",
    "95 %-intervall",
    "Retning",
    "Metode",
    "For hver relasjon er en respondents skår gjennomsnittet av de besvarte dimensjonene; relasjonens relasjonelle "
    "koordinering (RK) i en måling er gjennomsnittet over respondentene. Om RK har endret seg, testes med Welchs "
    "t-test på respondentenes skårer i de to målingene (ulike varianser; Welch 1947).",
    "p-verdiene for alle sammenlignede relasjoner korrigeres for multippel testing med Benjamini–Hochberg-metoden "
    "(q-verdier; Benjamini & Hochberg 1995); par av områder korrigeres for seg.",
    "95 %-intervallet for hver endring er en persentil-bootstrap: respondentene i hver måling trekkes med "
    "tilbakelegging {0} ganger (startverdi (seed) {1}; samme startverdi gir samme intervaller).",
    "En endring er klar når q er under {0} og intervallet ikke inneholder 0: forbedret hvis RK steg, "
    "forverret hvis den falt; ellers er det ingen klar endring.",
    "Anonymitet gjelder for hver måling: en relasjon eller et par av områder med færre enn {0} respondenter i en "
    "måling har ingen verdi i den målingen og ingen endring; den vises, tegnes og inngår ikke i noen sum. "
    "Vurderinger med færre enn {1} av de 7 dimensjonene besvart utelates.",
    "Endringskartet bruker enhetenes plassering fra utgangskartet ({0}), slik at målingenes kart kan legges side "
    "om side.",
    "{0} \u2192 {1} endret seg klart ({2}); motsatt retning, {1} \u2192 {0}, gjorde det ikke ({3}).",
    "Klare endringer fra {0} til {1}:",
    "Ingen klar endring av en relasjon fra {0} til {1}.",
    "{0} \u2192 {1} endret seg klart ({2}), den motsatte relasjonen gjorde det ikke ({3})."};
}  // namespace

const ChangeReportWords& change_report_words(Lang lang) {
  return lang == Lang::da ? kDa : lang == Lang::nb ? kNb : kEn;
}

}  // namespace rcmap::render::detail
