// Words of compare's report.pdf (render/report/change_report_words.hpp). RC terms
// as report_words.cpp; "troværdig/troverdig endring" for a credible change.
#include "change_report_words.hpp"

namespace rcmap::render::detail {

namespace {
const ChangeReportWords kEn{
    "Change in relational coordination", "Report on change in relational coordination between units",
    "Waves compared: {0} (baseline) and {1}", "Wave {0}: {1} respondents",
    "Of the {0} ties compared in both waves (at least {1} respondents in each), {2} improved credibly, "
    "{3} became credibly worse and {4} show no credible change.",
    "{0} further ties have fewer than {1} respondents in one of the waves; no change is reported for them.",
    "Largest credible improvements between {0} and {1}:", "Largest credible declines between {0} and {1}:",
    "No tie between {0} and {1} improved credibly.", "No tie between {0} and {1} became credibly worse.",
    "{0} → {1}: RC {2} → {3} (change {4}, 95 % interval {5} to {6})",
    "Change between sides (ratings between different units)",
    "No side pair has at least {0} respondents in both waves.", "improved", "worse", "no credible change",
    "Credible changes, largest first",
    "Ties whose change is credible (q below {0} and the 95 % interval excludes 0). Delta = {2} − {1}.",
    "No tie changed credibly.", "Before", "After", "Change", "95 % interval", "Direction",
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
    "Credible changes from {0} to {1}:", "No credible change of a tie from {0} to {1}.",
    "{0} \u2192 {1} changed credibly ({2}), the reverse tie did not ({3})."};

const ChangeReportWords kDa{
    "Ændring i relationel koordinering", "Rapport om ændring i relationel koordinering mellem enheder",
    "Sammenlignede målinger: {0} (udgangspunkt) og {1}", "Måling {0}: {1} respondenter",
    "Af de {0} relationer, der kan sammenlignes i begge målinger (mindst {1} besvarelser i hver), er {2} troværdigt "
    "forbedret, {3} troværdigt forværret, og {4} viser ingen troværdig ændring.",
    "{0} andre relationer har færre end {1} besvarelser i en af målingerne; for dem vises ingen ændring.",
    "Største troværdige forbedringer mellem {0} og {1}:", "Største troværdige forværringer mellem {0} og {1}:",
    "Ingen relation mellem {0} og {1} er troværdigt forbedret.",
    "Ingen relation mellem {0} og {1} er troværdigt forværret.",
    "{0} → {1}: RC {2} → {3} (ændring {4}, 95 %-interval {5} til {6})",
    "Ændring mellem sider (vurderinger mellem forskellige enheder)",
    "Intet sidepar har mindst {0} besvarelser i begge målinger.", "forbedret", "forværret",
    "ingen troværdig ændring",
    "Troværdige ændringer, største først",
    "Relationer med en troværdig ændring (q under {0}, og 95 %-intervallet indeholder ikke 0). Ændring = {2} − {1}.",
    "Ingen relation har ændret sig troværdigt.", "Før", "Efter", "Ændring", "95 %-interval", "Retning",
    "Metode",
    "For hver relation er en respondents score gennemsnittet af de besvarede dimensioner; relationens RC i en "
    "måling er gennemsnittet over dens respondenter. Om RC har ændret sig, testes med Welchs t-test på "
    "respondenternes scorer i de to målinger (ulige varianser; Welch 1947).",
    "p-værdierne for alle sammenlignede relationer korrigeres for mange test med Benjamini–Hochberg-metoden "
    "(q-værdier; Benjamini & Hochberg 1995); sidepar korrigeres for sig.",
    "95 %-intervallet for hver ændring er et percentil-bootstrap: respondenterne i hver måling trækkes med "
    "tilbagelægning {0} gange (frø {1}; samme frø giver samme intervaller).",
    "En ændring er troværdig, når q er under {0}, og intervallet ikke indeholder 0: forbedret, hvis RC steg, "
    "forværret, hvis den faldt; ellers er der ingen troværdig ændring.",
    "Anonymitet gælder for hver måling: en relation eller et sidepar med færre end {0} besvarelser i en måling har "
    "ingen værdi i den måling og ingen ændring; den vises, tegnes og indgår ikke i nogen sum. Besvarelser med færre "
    "end {1} af de 7 dimensioner besvaret udelades.",
    "Ændringskortet bruger enhedernes placering fra udgangskortet ({0}), så målingernes kort kan lægges side om side.",
    "{0} \u2192 {1} ændrede sig troværdigt ({2}); den modsatte retning, {1} \u2192 {0}, gjorde ikke ({3}).",
    "Troværdige ændringer fra {0} til {1}:", "Ingen troværdig ændring af en relation fra {0} til {1}.",
    "{0} \u2192 {1} ændrede sig troværdigt ({2}), den modsatte relation gjorde ikke ({3})."};

const ChangeReportWords kNb{
    "Endring i relasjonell koordinering", "Rapport om endring i relasjonell koordinering mellom enheter",
    "Sammenlignede målinger: {0} (utgangspunkt) og {1}", "Måling {0}: {1} respondenter",
    "Av de {0} relasjonene som kan sammenlignes i begge målingene (minst {1} svar i hver), er {2} troverdig "
    "forbedret, {3} troverdig forverret, og {4} viser ingen troverdig endring.",
    "{0} andre relasjoner har færre enn {1} svar i en av målingene; for dem vises ingen endring.",
    "Største troverdige forbedringer mellom {0} og {1}:", "Største troverdige forverringer mellom {0} og {1}:",
    "Ingen relasjon mellom {0} og {1} er troverdig forbedret.",
    "Ingen relasjon mellom {0} og {1} er troverdig forverret.",
    "{0} → {1}: RC {2} → {3} (endring {4}, 95 %-intervall {5} til {6})",
    "Endring mellom sider (vurderinger mellom ulike enheter)",
    "Ingen sidepar har minst {0} svar i begge målingene.", "forbedret", "forverret", "ingen troverdig endring",
    "Troverdige endringer, største først",
    "Relasjoner med en troverdig endring (q under {0}, og 95 %-intervallet inneholder ikke 0). Endring = {2} − {1}.",
    "Ingen relasjon har endret seg troverdig.", "Før", "Etter", "Endring", "95 %-intervall", "Retning",
    "Metode",
    "For hver relasjon er en respondents skår gjennomsnittet av de besvarte dimensjonene; relasjonens RC i en "
    "måling er gjennomsnittet over respondentene. Om RC har endret seg, testes med Welchs t-test på "
    "respondentenes skårer i de to målingene (ulike varianser; Welch 1947).",
    "p-verdiene for alle sammenlignede relasjoner korrigeres for mange tester med Benjamini–Hochberg-metoden "
    "(q-verdier; Benjamini & Hochberg 1995); sidepar korrigeres for seg.",
    "95 %-intervallet for hver endring er en persentil-bootstrap: respondentene i hver måling trekkes med "
    "tilbakelegging {0} ganger (frø {1}; samme frø gir samme intervaller).",
    "En endring er troverdig når q er under {0} og intervallet ikke inneholder 0: forbedret hvis RC steg, "
    "forverret hvis den falt; ellers er det ingen troverdig endring.",
    "Anonymitet gjelder for hver måling: en relasjon eller et sidepar med færre enn {0} svar i en måling har "
    "ingen verdi i den målingen og ingen endring; den vises, tegnes og inngår ikke i noen sum. Svar med færre "
    "enn {1} av de 7 dimensjonene besvart utelates.",
    "Endringskartet bruker enhetenes plassering fra utgangskartet ({0}), slik at målingenes kart kan legges side "
    "om side.",
    "{0} \u2192 {1} endret seg troverdig ({2}); motsatt retning, {1} \u2192 {0}, gjorde det ikke ({3}).",
    "Troverdige endringer fra {0} til {1}:", "Ingen troverdig endring av en relasjon fra {0} til {1}.",
    "{0} \u2192 {1} endret seg troverdig ({2}), den motsatte relasjonen gjorde det ikke ({3})."};
}  // namespace

const ChangeReportWords& change_report_words(Lang lang) {
  return lang == Lang::da ? kDa : lang == Lang::nb ? kNb : kEn;
}

}  // namespace rcmap::render::detail
