#include "rcmap/outputs/method_text.hpp"

#include <cmath>

#include "rcmap/io/csv.hpp"

namespace rcmap {

namespace {
std::string num(double v, int decimals, bool comma) {
  std::string s = format_fixed(v, decimals);
  if (comma)
    for (char& c : s)
      if (c == '.') c = ',';
  return s;
}
}  // namespace

std::vector<std::pair<std::string, std::string>> method_rows(const Aggregate& a, std::string_view lang) {
  const auto& o = a.options;
  const bool comma = lang == "da" || lang == "nb";
  const std::string weak = num(o.weak_below, 2, comma), strong = num(o.strong_from, 2, comma);
  const std::string min_answers = std::to_string(o.min_answers), min_n = std::to_string(o.min_n);
  const std::string excl = std::to_string(a.rows_excluded), read = std::to_string(a.rows_read);
  const std::string alpha_n = std::to_string(a.alpha.n);
  const bool alpha_ok = std::isfinite(a.alpha.value);
  const bool alpha_few = !alpha_ok && a.alpha.n >= 2 && a.alpha.n < o.min_n;  // defined, but not shown
  const std::string alpha = alpha_ok ? num(a.alpha.value, 3, comma) : "";
  // Said only when it happened, so that other runs' texts stay as they were.
  bool left_out = false;
  for (const Tie& t : a.ties) left_out |= t.left_out != 0;
  if (lang == "da")
    return {
        {"Undersøgelse", "Gittells spørgeskema om relationel koordinering: respondenterne i enhed A vurderer enhed B "
                         "på syv dimensioner, hver 1–5: hyppig, rettidig, præcis og problemløsende kommunikation "
                         "(kommunikationsindeks) samt fælles mål, fælles viden og gensidig respekt (relationsindeks)."},
        {"Score pr. besvarelse", "Gennemsnittet af de besvarede dimensioner; en besvarelse skal have mindst " +
                                     min_answers + " af 7 svar, ellers udelades den (" + excl + " af " + read +
                                     " besvarelser)."},
        {"Score pr. relation", "RC for A→B: gennemsnittet af de scorer, som respondenterne i A giver B, med "
                               "standardafvigelse og 95 %-konfidensinterval (t-fordeling). A→A er koordineringen "
                               "internt i enheden."},
        {"Styrke", "svag under " + weak + ", stærk fra " + strong +
                       ", moderat derimellem. En udbredt konvention, ikke en publiceret standard."},
        {"Anonymitet", "Ethvert tal, der bygger på færre end " + min_n +
                           " respondenter, skjules (tomt) og indgår ikke i andre tal; tal for enheder, sider og "
                           "helheden beregnes kun ud fra viste relationer, så en skjult relation ikke kan "
                           "genskabes ved at trække tal fra hinanden." +
                           (left_out ? std::string(" En dimension, som færre end ") + min_n +
                                           " i en vist relation har besvaret, udelades helt af den relation: "
                                           "dens gennemsnit og det indeks, den indgår i, er tomme, og relationens "
                                           "RC beregnes uden den."
                                     : std::string())},
        {"Reliabilitet", alpha_ok ? "Cronbachs alfa for de 7 spørgsmål over " + alpha_n +
                                        " komplette besvarelser af viste relationer: " + alpha + "."
                         : alpha_few ? "Cronbachs alfa vises ikke: kun " + alpha_n + " komplette besvarelser, færre end " +
                                           min_n + "."
                                  : "Cronbachs alfa er ikke defineret (" + alpha_n + " komplette besvarelser)."},
    };
  if (lang == "nb")
    return {
        {"Undersøkelse", "Gittells spørreskjema om relasjonell koordinering: respondentene i enhet A vurderer enhet "
                         "B på sju dimensjoner, hver 1–5: hyppig, tidsriktig, presis og problemløsende "
                         "kommunikasjon (kommunikasjonsindeks) og felles mål, felles kunnskap og gjensidig respekt "
                         "(relasjonsindeks)."},
        {"Skår per svar", "Gjennomsnittet av de besvarte dimensjonene; et svar må ha minst " + min_answers +
                              " av 7 besvarte dimensjoner, ellers utelates det (" + excl + " av " + read +
                              " svar)."},
        {"Skår per relasjon", "RC for A→B: gjennomsnittet av skårene som respondentene i A gir B, med "
                              "standardavvik og 95 % konfidensintervall (t-fordeling). A→A er koordineringen "
                              "internt i enheten."},
        {"Styrke", "svak under " + weak + ", sterk fra " + strong +
                       ", moderat imellom. En vanlig konvensjon, ikke en publisert standard."},
        {"Anonymitet", "Alle tall som bygger på færre enn " + min_n +
                           " respondenter, skjules (tomme) og inngår ikke i andre tall; tall for enheter, sider og "
                           "helheten beregnes bare fra viste relasjoner, slik at en skjult relasjon ikke kan "
                           "gjenskapes ved å trekke tall fra hverandre." +
                           (left_out ? std::string(" En dimensjon som færre enn ") + min_n +
                                           " i en vist relasjon har besvart, utelates helt fra den relasjonen: "
                                           "gjennomsnittet og indeksen den inngår i, er tomme, og relasjonens "
                                           "RC beregnes uten den."
                                     : std::string())},
        {"Reliabilitet", alpha_ok ? "Cronbachs alfa for de 7 spørsmålene over " + alpha_n +
                                        " komplette svar på viste relasjoner: " + alpha + "."
                         : alpha_few ? "Cronbachs alfa vises ikke: bare " + alpha_n + " komplette svar, færre enn " +
                                           min_n + "."
                                  : "Cronbachs alfa er ikke definert (" + alpha_n + " komplette svar)."},
    };
  return {
      {"Survey", "Gittell's Relational Coordination survey: respondents of unit A rate unit B on seven "
                 "dimensions, each 1-5: frequent, timely, accurate and problem-solving communication "
                 "(communication index) and shared goals, shared knowledge and mutual respect "
                 "(relationship index)."},
      {"Row score", "Mean of the answered dimensions; a row needs at least " + min_answers +
                        " of 7 answers, otherwise it is excluded (" + excl + " of " + read + " rows)."},
      {"Tie score", "RC of A->B: mean of the row scores of A's respondents about B, with sample standard "
                    "deviation and 95% t confidence interval. A->A is coordination within the unit."},
      {"Strength", "weak below " + weak + ", strong from " + strong +
                       ", moderate between. A common convention, not a published standard."},
      {"Anonymity", "Any figure from fewer than " + min_n +
                        " respondents is suppressed (blank) and used in no other figure; unit, side and "
                        "overall figures are computed from shown ties only, so no hidden tie can be "
                        "recovered by subtraction." +
                        (left_out ? std::string(" A dimension answered by fewer than ") + min_n +
                                        " respondents of a shown tie is left out of that tie altogether: its mean "
                                        "and the index containing it are blank, and the tie's RC is computed "
                                        "without it."
                                  : std::string())},
      {"Reliability", alpha_ok ? "Cronbach's alpha of the 7 items over " + alpha_n +
                                     " complete rows of shown ties: " + alpha + "."
                      : alpha_few ? "Cronbach's alpha is not shown: only " + alpha_n + " complete rows, fewer than " +
                                        min_n + "."
                               : "Cronbach's alpha is not defined (" + alpha_n + " complete rows)."},
  };
}

const WorkbookWords& workbook_words(std::string_view lang) {
  static const WorkbookWords en{"topic", "text", "rating unit \\ rated unit"};
  static const WorkbookWords da{"emne", "tekst", "vurderende enhed \\ vurderet enhed"};
  static const WorkbookWords nb{"emne", "tekst", "vurderende enhet \\ vurdert enhet"};
  return lang == "da" ? da : lang == "nb" ? nb : en;
}

}  // namespace rcmap
