// Report text in en, da and nb (render/report/report_words.hpp). Every term
// follows docs/glossary.tsv (sources and reasons in docs/glossary.md); the
// terms with a glossary key are checked against it by
// tests/render/test_glossary.cpp.
#include "report_words.hpp"

namespace rcmap::render::detail {

namespace {
const ReportWords kEn{
    "Relational coordination",
    "Report on relational coordination between units",
    "{0} units",
    "Response rate {0} %",
    "Data from {0}",
    "Made with rcmap {0}",
    "Key findings",
    "Overall RC is {0} (respondent-weighted mean over {1} ratings of shown ties).",
    "{0} of the {1} shown ties between {2} and {3} are weak (RC below {4}), {5} of them clearly (the whole 95 % "
    "interval below {4}). The weakest:",
    "{0} → {1}: RC {2} (n = {3})",
    "{0} ordered pairs of units between {1} and {2} have no shown tie: not rated, or rated by fewer than {3} "
    "respondents.",
    "There are no shown ties between {0} and {1}.",
    "The most central units in the collaboration are {0} (measured with PageRank, see Method).",
    "The dimension that drives the gaps is {0}: {1} between {2} and {3}, against {4} within the two sides (difference "
    "{5}).",
    "No dimension can be singled out: there are no shown ties both between and within {0} and {1}.",
    "{0} pairs of units are one-sided (the two directions differ by {1} or more). The largest differences:",
    "One pair of units is one-sided (the two directions differ by {1} or more):",
    "{0} → {1}: RC {2}, but {1} → {0}: RC {3}",
    "No pair of units is one-sided (the two directions differ by less than {0} everywhere).",
    "Figures",
    "The figures are left out: the survey has {0} units, and figures are drawn for at most {1} units. The CSV tables "
    "are complete.",
    "Coordination gaps, most severe first",
    "Every ordered pair of units between {0} and {1}. Unmeasured pairs show no value.",
    "From",
    "To",
    "RC",
    "n",
    "Reverse RC",
    "Kind",
    "unmeasured",
    "weak",
    "one-sided",
    "ok",
    "Units",
    "Unit",
    "Side",
    "Respondents",
    "Response rate",
    "RC given",
    "RC received",
    "RC within",
    "PageRank",
    "Betweenness",
    "RC given: mean RC of the unit's shown ties to other units; received: from other units; within: inside the unit. "
    "Centrality (PageRank): a unit is central when many units rate their collaboration with it highly, especially "
    "units that are central themselves. "
    "Betweenness: how often the unit lies on the shortest path between two other units in the network of working ties.",
    "Method",
    "The seven dimensions",
    "Communication",
    "Relationships",
    "Each dimension is rated 1 (lowest) to 5 (highest). The thresholds below are conventions, not published standards.",
    "Unit pages",
    "One page per unit, for its manager: the unit's ties to and from other units, weakest first, and its dimension "
    "profile.",
    "Ties to and from the unit",
    "RC by dimension",
    "received (others about the unit)",
    "given (the unit about others)",
    "average of all shown ties",
    "Ties, weakest first",
    "… and {0} more on the next page",
    "No shown ties.",
    "The unit has fewer than {0} respondents: its own ratings are hidden; only ratings from other units are shown.",
    "{0} respondents",
    "The {0} most severe of {1} pairs are shown; all {1} are in gaps.csv, in the same order.",
    "The {0} units with the lowest RC received are shown (units without it last), of {1}; all {1} are in units.csv.",
    "The survey has {0} units: above {2} units the unit pages are not part of this report. "
    "Each unit's page is in the folder units/, one PNG per unit named after its label.",
    "The {0} largest of {1} credible changes are shown; every tie's change is in changes.csv.",
    "There are {1} such pairs, more than {2}: only the measured ones are listed, here and in gaps.csv; the {0} "
    "unmeasured pairs are left out."};

const ReportWords kDa{
    "Relationel koordinering",
    "Rapport om relationel koordinering mellem enheder",
    "{0} enheder",
    "Svarprocent {0} %",
    "Data fra {0}",
    "Lavet med rcmap {0}",
    "Hovedresultater",
    "Den samlede relationelle koordinering (RK) er {0} (gennemsnit vægtet med respondenter over {1} vurderinger af de "
    "relationer, der vises).",
    "{0} af de {1} relationer, der vises mellem {2} og {3}, er svage (RK under {4}), heraf {5} klart svage (hele 95 "
    "%-intervallet under {4}). De svageste:",
    "{0} → {1}: RK {2} (n = {3})",
    "{0} par af enheder (i hver retning) mellem {1} og {2} er ikke målt: der vises ingen relation, fordi de ikke er "
    "vurderet eller er vurderet af færre end {3} respondenter.",
    "Der vises ingen relationer mellem {0} og {1}.",
    "De mest centrale enheder i samarbejdet er {0} (målt med PageRank, se Metode).",
    "Forskellen ses især i {0}: {1} mellem {2} og {3} mod {4} inden for de to områder (forskel {5}).",
    "Ingen dimension kan udpeges: der vises ikke relationer både mellem og inden for {0} og {1}.",
    "{0} par af enheder oplever samarbejdet forskelligt (de to retninger afviger med {1} eller mere). De største "
    "forskelle:",
    "Ét par af enheder oplever samarbejdet forskelligt (de to retninger afviger med {1} eller mere):",
    "{0} → {1}: RK {2}, men {1} → {0}: RK {3}",
    "Intet par af enheder oplever samarbejdet forskelligt (de to retninger afviger overalt med mindre end {0}).",
    "Figurer",
    "Figurerne er udeladt: undersøgelsen har {0} enheder, og figurer tegnes for højst {1} enheder. CSV-tabellerne er "
    "komplette.",
    "Udviklingspunkter, de vigtigste først",
    "Alle par af enheder (i hver retning) mellem {0} og {1}. Par, der ikke er målt, vises uden værdi.",
    "Fra",
    "Til",
    "RK",
    "n",
    "RK den anden vej",
    "Type",
    "ikke målt",
    "svag",
    "forskelligt oplevet",
    "ok",
    "Enheder",
    "Enhed",
    "Område",
    "Respondenter",
    "Svarprocent",
    "RK givet til andre",
    "RK fra andre",
    "RK internt",
    "Centralitet (PageRank)",
    "Mellemled",
    "RK givet til andre: gennemsnitlig RK af enhedens relationer til andre enheder, der vises; RK fra andre: andre "
    "enheders relationer til enheden; internt: inden for enheden. "
    "Centralitet (PageRank): en enhed er central, når mange enheder vurderer samarbejdet med den højt – især enheder, "
    "der selv er centrale. "
    "Mellemled (betweenness): hvor ofte enheden ligger på den korteste vej mellem to andre enheder i netværket af "
    "fungerende relationer.",
    "Metode",
    "De syv dimensioner",
    "Kommunikation",
    "Relationer",
    "Hver dimension vurderes fra 1 (lavest) til 5 (højest). Grænserne nedenfor er en udbredt konvention, ikke en "
    "publiceret standard.",
    "Enhedssider",
    "Én side pr. enhed til lederen: enhedens relationer til og fra andre enheder, lavest RK først, og dens profil på "
    "dimensionerne.",
    "Relationer til og fra enheden",
    "RK pr. dimension",
    "modtaget (andre om enheden)",
    "givet (enheden om andre)",
    "gennemsnit af alle relationer, der vises",
    "Relationer, lavest RK først",
    "… og {0} flere på næste side",
    "Der vises ingen relationer.",
    "Enheden har færre end {0} respondenter: dens egne vurderinger er skjult; kun andre enheders vurderinger vises.",
    "{0} respondenter",
    "De {0} vigtigste af {1} par vises; alle {1} står i gaps.csv i samme rækkefølge.",
    "De {0} enheder med lavest RK fra andre vises (enheder uden værdi sidst), ud af {1}; alle {1} står i units.csv.",
    "Undersøgelsen har {0} enheder: over {2} enheder er enhedssiderne ikke med i denne rapport. "
    "Hver enheds side ligger i mappen units/, én PNG pr. enhed, navngivet efter enheden.",
    "De {0} største af {1} klare ændringer vises; alle relationers ændringer står i changes.csv.",
    "Der er {1} sådanne par, flere end {2}: kun de målte er listet, her og i gaps.csv; de {0} par, der ikke er målt, "
    "er udeladt."};

const ReportWords kNb{
    "Relasjonell koordinering",
    "Rapport om relasjonell koordinering mellom enheter",
    "{0} enheter",
    "Svarprosent {0} %",
    "Data fra {0}",
    "Laget med rcmap {0}",
    "Hovedfunn",
    "Samlet relasjonell koordinering (RK) er {0} (gjennomsnitt vektet med respondenter over {1} vurderinger av "
    "relasjonene som vises).",
    "{0} av de {1} relasjonene som vises mellom {2} og {3}, er svake (RK under {4}), av dem {5} klart svake (hele 95 "
    "%-intervallet under {4}). De svakeste:",
    "{0} → {1}: RK {2} (n = {3})",
    "{0} par av enheter (i hver retning) mellom {1} og {2} er ikke målt: det vises ingen relasjon fordi de ikke er "
    "vurdert eller er vurdert av færre enn {3} respondenter.",
    "Det vises ingen relasjoner mellom {0} og {1}.",
    "De mest sentrale enhetene i samarbeidet er {0} (målt med PageRank, se Metode).",
    "Forskjellen ses særlig i {0}: {1} mellom {2} og {3} mot {4} innenfor de to områdene (forskjell {5}).",
    "Ingen dimensjon kan pekes ut: det vises ikke relasjoner både mellom og innenfor {0} og {1}.",
    "{0} par av enheter opplever samarbeidet ulikt (de to retningene avviker med {1} eller mer). De største "
    "forskjellene:",
    "Ett par av enheter opplever samarbeidet ulikt (de to retningene avviker med {1} eller mer):",
    "{0} → {1}: RK {2}, men {1} → {0}: RK {3}",
    "Ingen par av enheter opplever samarbeidet ulikt (de to retningene avviker overalt med mindre enn {0}).",
    "Figurer",
    "Figurene er utelatt: undersøkelsen har {0} enheter, og figurer tegnes for høyst {1} enheter. CSV-tabellene er "
    "komplette.",
    "Forbedringsområder, de viktigste først",
    "Alle par av enheter (i hver retning) mellom {0} og {1}. Par som ikke er målt, vises uten verdi.",
    "Fra",
    "Til",
    "RK",
    "n",
    "RK motsatt vei",
    "Type",
    "ikke målt",
    "svak",
    "ulikt opplevd",
    "ok",
    "Enheter",
    "Enhet",
    "Område",
    "Respondenter",
    "Svarprosent",
    "RK gitt til andre",
    "RK fra andre",
    "RK internt",
    "Sentralitet (PageRank)",
    "Mellomledd",
    "RK gitt til andre: gjennomsnittlig RK for enhetens relasjoner til andre enheter som vises; RK fra andre: andre "
    "enheters relasjoner til enheten; internt: innenfor enheten. "
    "Sentralitet (PageRank): en enhet er sentral når mange enheter vurderer samarbeidet med den høyt – særlig enheter "
    "som selv er sentrale. "
    "Mellomledd (betweenness): hvor ofte enheten ligger på den korteste veien mellom to andre enheter i nettverket av "
    "fungerende relasjoner.",
    "Metode",
    "De sju dimensjonene",
    "Kommunikasjon",
    "Relasjoner",
    "Hver dimensjon vurderes fra 1 (lavest) til 5 (høyest). Grensene nedenfor er en vanlig konvensjon, ikke en "
    "publisert standard.",
    "Enhetssider",
    "Én side per enhet til lederen: enhetens relasjoner til og fra andre enheter, lavest RK først, og profilen på "
    "dimensjonene.",
    "Relasjoner til og fra enheten",
    "RK per dimensjon",
    "mottatt (andre om enheten)",
    "gitt (enheten om andre)",
    "gjennomsnitt av alle relasjoner som vises",
    "Relasjoner, lavest RK først",
    "… og {0} flere på neste side",
    "Det vises ingen relasjoner.",
    "Enheten har færre enn {0} respondenter: enhetens egne vurderinger er skjult; bare vurderinger fra andre enheter "
    "vises.",
    "{0} respondenter",
    "De {0} viktigste av {1} par vises; alle {1} står i gaps.csv i samme rekkefølge.",
    "De {0} enhetene med lavest RK fra andre vises (enheter uten verdi sist), av {1}; alle {1} står i units.csv.",
    "Undersøkelsen har {0} enheter: over {2} enheter er enhetssidene ikke med i denne rapporten. "
    "Hver enhets side ligger i mappen units/, én PNG per enhet, oppkalt etter enheten.",
    "De {0} største av {1} klare endringene vises; alle relasjonenes endringer står i changes.csv.",
    "Det finnes {1} slike par, flere enn {2}: bare de målte er listet, her og i gaps.csv; de {0} parene som ikke er "
    "målt, er utelatt."};
}  // namespace

const ReportWords& report_words(Lang lang) { return lang == Lang::da ? kDa : lang == Lang::nb ? kNb : kEn; }

std::string fmt(std::string_view tmpl, std::initializer_list<std::string_view> args) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9' &&
        static_cast<std::size_t>(tmpl[i + 1] - '0') < args.size()) {
      out += *(args.begin() + (tmpl[i + 1] - '0'));
      i += 2;
    } else {
      out += tmpl[i];
    }
  }
  return out;
}

}  // namespace rcmap::render::detail
