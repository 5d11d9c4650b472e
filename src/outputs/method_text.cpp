#include "rcmap/outputs/method_text.hpp"

#include <algorithm>
#include <cmath>

#include "rcmap/io/csv.hpp"
#include "rcmap/outputs/glossary.hpp"

namespace rcmap {

namespace {
std::string term(const char* key, std::string_view lang) { return std::string(glossary_term(key, lang)); }

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
  // Counts with the language's thousands separator (docs/glossary.md "1.4 Numbers").
  const std::string excl = group_thousands(a.rows_excluded, lang), read = group_thousands(a.rows_read, lang);
  const std::string alpha_n = group_thousands(static_cast<std::size_t>(std::max(a.alpha.n, 0)), lang);
  const bool alpha_ok = std::isfinite(a.alpha.value);
  const bool alpha_few = !alpha_ok && a.alpha.n >= 2 && a.alpha.n < o.min_n;  // defined, but not shown
  const std::string alpha = alpha_ok ? num(a.alpha.value, 3, comma) : "";
  // Said only when it happened, so that other runs' texts stay as they were.
  bool left_out = false;
  for (const Tie& t : a.ties) left_out |= t.left_out != 0;
  if (lang == "da")
    return {
        {"Spørgeskema",
         "Gittells spørgeskema om relationel koordinering: respondenterne i enhed A vurderer enhed B "
         "på syv dimensioner, hver 1–5: hyppig, rettidig, præcis og problemløsende kommunikation "
         "(kommunikationsindeks) samt fælles mål, fælles viden og gensidig respekt (relationsindeks)."},
        {"Score pr. vurdering", "Gennemsnittet af de besvarede dimensioner; en vurdering skal have mindst " +
                                    min_answers + " af 7 svar, ellers udelades den (" + excl + " af " + read +
                                    " vurderinger)."},
        {"Score pr. relation",
         "RK for A→B: gennemsnittet af de scorer, som respondenterne i A giver B, med "
         "standardafvigelse og 95 %-konfidensinterval (t-fordeling). A→A er koordineringen "
         "internt i enheden."},
        {"Styrke", "svag under " + weak + ", stærk fra " + strong +
                       ", moderat derimellem. En udbredt konvention, ikke en publiceret standard."},
        {"Anonymitet", "Ethvert tal, der bygger på færre end " + min_n +
                           " respondenter, skjules (tomt) og indgår ikke i andre tal; tal for enheder, områder og "
                           "helheden beregnes kun ud fra de relationer, der vises, så en skjult relation ikke kan "
                           "genskabes ved at trække tal fra hinanden." +
                           (left_out ? std::string(" En dimension, som færre end ") + min_n +
                                           " i en relation, der vises, har besvaret, udelades helt af den relation: "
                                           "dens gennemsnit og det indeks, den indgår i, er tomme, og relationens "
                                           "RK beregnes uden den."
                                     : std::string())},
        {"Reliabilitet",
         alpha_ok ? "Cronbachs alfa for de 7 spørgsmål over " + alpha_n +
                        " komplette vurderinger af de relationer, der vises: " + alpha + "."
         : alpha_few ? "Cronbachs alfa vises ikke: kun " + alpha_n + " komplette vurderinger, færre end " + min_n + "."
                     : "Cronbachs alfa er ikke defineret (" + alpha_n + " komplette vurderinger)."},
        {term("method_abbreviation_topic", lang), term("method_abbreviation", lang)},
        {term("method_network_topic", lang),
         term("pagerank_explained", lang) + " " + term("betweenness_explained", lang)},
    };
  if (lang == "nb")
    return {
        {"Spørreskjema",
         "Gittells spørreskjema om relasjonell koordinering: respondentene i enhet A vurderer enhet "
         "B på sju dimensjoner, hver 1–5: hyppig, rettidig, presis og problemløsende "
         "kommunikasjon (kommunikasjonsindeks) og felles mål, felles kunnskap og gjensidig respekt "
         "(relasjonsindeks)."},
        {"Skår per vurdering", "Gjennomsnittet av de besvarte dimensjonene; en vurdering må ha minst " + min_answers +
                                   " av 7 besvarte dimensjoner, ellers utelates den (" + excl + " av " + read +
                                   " vurderinger)."},
        {"Skår per relasjon",
         "RK for A→B: gjennomsnittet av skårene som respondentene i A gir B, med "
         "standardavvik og 95 % konfidensintervall (t-fordeling). A→A er koordineringen "
         "internt i enheten."},
        {"Styrke", "svak under " + weak + ", sterk fra " + strong +
                       ", middels imellom. En vanlig konvensjon, ikke en publisert standard."},
        {"Anonymitet", "Alle tall som bygger på færre enn " + min_n +
                           " respondenter, skjules (tomme) og inngår ikke i andre tall; tall for enheter, områder og "
                           "helheten beregnes bare fra relasjonene som vises, slik at en skjult relasjon ikke kan "
                           "gjenskapes ved å trekke tall fra hverandre." +
                           (left_out ? std::string(" En dimensjon som færre enn ") + min_n +
                                           " i en relasjon som vises, har besvart, utelates helt fra den relasjonen: "
                                           "gjennomsnittet og indeksen den inngår i, er tomme, og relasjonens "
                                           "RK beregnes uten den."
                                     : std::string())},
        {"Reliabilitet",
         alpha_ok ? "Cronbachs alfa for de 7 spørsmålene over " + alpha_n +
                        " komplette vurderinger av relasjonene som vises: " + alpha + "."
         : alpha_few ? "Cronbachs alfa vises ikke: bare " + alpha_n + " komplette vurderinger, færre enn " + min_n + "."
                     : "Cronbachs alfa er ikke definert (" + alpha_n + " komplette vurderinger)."},
        {term("method_abbreviation_topic", lang), term("method_abbreviation", lang)},
        {term("method_network_topic", lang),
         term("pagerank_explained", lang) + " " + term("betweenness_explained", lang)},
    };
  return {
      {"Survey",
       "Gittell's Relational Coordination survey: respondents of unit A rate unit B on seven "
       "dimensions, each 1-5: frequent, timely, accurate and problem-solving communication "
       "(communication index) and shared goals, shared knowledge and mutual respect "
       "(relationship index)."},
      {"Row score", "Mean of the answered dimensions; a row needs at least " + min_answers +
                        " of 7 answers, otherwise it is excluded (" + excl + " of " + read + " rows)."},
      {"Tie score",
       "RC of A->B: mean of the row scores of A's respondents about B, with sample standard "
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
      {"Reliability",
       alpha_ok    ? "Cronbach's alpha of the 7 items over " + alpha_n + " complete rows of shown ties: " + alpha + "."
       : alpha_few ? "Cronbach's alpha is not shown: only " + alpha_n + " complete rows, fewer than " + min_n + "."
                   : "Cronbach's alpha is not defined (" + alpha_n + " complete rows)."},
      {term("method_abbreviation_topic", lang), term("method_abbreviation", lang)},
      {term("method_network_topic", lang),
       term("pagerank_explained", lang) + " " + term("betweenness_explained", lang)},
  };
}

const WorkbookWords& workbook_words(std::string_view lang) {
  // docs/glossary.tsv: topic, text, matrix_corner (views into the compiled glossary).
  auto words = [](std::string_view l) {
    return WorkbookWords{glossary_term("topic", l).data(), glossary_term("text", l).data(),
                         glossary_term("matrix_corner", l).data()};
  };
  static const WorkbookWords en = words("en"), da = words("da"), nb = words("nb");
  return lang == "da" ? da : lang == "nb" ? nb : en;
}

}  // namespace rcmap
