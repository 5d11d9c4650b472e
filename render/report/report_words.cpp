// Report text in en, da and nb (render/report/report_words.hpp). Danish and Norwegian
// RC terms follow the Danish and Norwegian translations of Gittell's survey:
// hyppig/rettidig/præcis/problemløsende kommunikation, fælles mål, fælles
// viden, gensidig respekt; hyppig/tidsriktig/presis/problemløsende
// kommunikasjon, felles mål, felles kunnskap, gjensidig respekt.
#include "report_words.hpp"

namespace rcmap::render::detail {

namespace {
const ReportWords kEn{
    "Relational coordination", "Report on relational coordination between units",
    "{0} units", "Response rate {0} %", "Data from {0}", "Made with rcmap {0}",
    "Key findings",
    "Overall RC is {0} (respondent-weighted mean over {1} ratings of shown ties).",
    "{0} of the {1} shown ties between {2} and {3} are weak (RC below {4}). The weakest:",
    "{0} → {1}: RC {2} (n = {3})",
    "{0} ordered pairs of units between {1} and {2} have no shown tie: not rated, or rated by fewer than {3} respondents.",
    "There are no shown ties between {0} and {1}.",
    "The most central units (PageRank on the RC network) are {0}.",
    "The dimension that drives the gaps is {0}: {1} between {2} and {3}, against {4} within the two sides (difference {5}).",
    "No dimension can be singled out: there are no shown ties both between and within {0} and {1}.",
    "{0} pairs of units are one-sided (the two directions differ by {1} or more). The largest differences:",
    "One pair of units is one-sided (the two directions differ by {1} or more):",
    "{0} → {1}: RC {2}, but {1} → {0}: RC {3}",
    "No pair of units is one-sided (the two directions differ by less than {0} everywhere).",
    "Figures",
    "The figures are left out: the survey has {0} units, and figures are drawn for at most {1} units. The CSV tables are complete.",
    "Coordination gaps, most severe first",
    "Every ordered pair of units between {0} and {1}. Unmeasured pairs show no value.",
    "From", "To", "RC", "n", "Reverse RC", "Kind",
    "unmeasured", "weak", "one-sided", "ok",
    "Units", "Unit", "Side", "Respondents", "Response rate", "RC given", "RC received", "RC within",
    "PageRank", "Betweenness",
    "RC given: mean RC of the unit's shown ties to other units; received: from other units; within: inside the unit.",
    "Method", "The seven dimensions", "Communication", "Relationships",
    "Each dimension is rated 1 (lowest) to 5 (highest). The thresholds below are conventions, not published standards.",
    "Unit pages", "One page per unit, for its manager: the unit's ties to and from other units, weakest first, and its dimension profile.",
    "Ties to and from the unit", "RC by dimension", "received (others about the unit)",
    "given (the unit about others)", "average of all shown ties",
    "Ties, weakest first", "… and {0} more (see ties.csv)", "No shown ties.",
    "The unit has fewer than {0} respondents: its own ratings are hidden; only ratings from other units are shown.",
    "{0} respondents",
    "The {0} most severe of {1} pairs are shown; all {1} are in gaps.csv, in the same order.",
    "The {0} units with the lowest RC received are shown (units without it last), of {1}; all {1} are in units.csv.",
    "The survey has {0} units: above {2} units the unit pages are not part of this report. "
    "Each unit's page is in the folder units/, one PNG per unit named after its label.",
    "The {0} largest of {1} credible changes are shown; every tie's change is in changes.csv.",
    "There are {1} such pairs, more than {2}: only the measured ones are listed, here and in gaps.csv; the {0} unmeasured pairs are left out."};

const ReportWords kDa{
    "Relationel koordinering", "Rapport om relationel koordinering mellem enheder",
    "{0} enheder", "Svarprocent {0} %", "Data fra {0}", "Lavet med rcmap {0}",
    "Hovedresultater",
    "Den samlede RC er {0} (gennemsnit vægtet med respondenter over {1} vurderinger af viste relationer).",
    "{0} af de {1} viste relationer mellem {2} og {3} er svage (RC under {4}). De svageste:",
    "{0} → {1}: RC {2} (n = {3})",
    "{0} par af enheder (i hver retning) mellem {1} og {2} har ingen vist relation: ikke vurderet, eller vurderet af færre end {3} respondenter.",
    "Der er ingen viste relationer mellem {0} og {1}.",
    "De mest centrale enheder (PageRank i RC-netværket) er {0}.",
    "Den dimension, der driver forskellene, er {0}: {1} mellem {2} og {3} mod {4} inden for de to sider (forskel {5}).",
    "Ingen dimension kan udpeges: der er ikke viste relationer både mellem og inden for {0} og {1}.",
    "{0} par af enheder er ensidige (de to retninger afviger med {1} eller mere). De største forskelle:",
    "Ét par af enheder er ensidigt (de to retninger afviger med {1} eller mere):",
    "{0} → {1}: RC {2}, men {1} → {0}: RC {3}",
    "Ingen par af enheder er ensidige (de to retninger afviger overalt med mindre end {0}).",
    "Figurer",
    "Figurerne er udeladt: undersøgelsen har {0} enheder, og figurer tegnes for højst {1} enheder. CSV-tabellerne er komplette.",
    "Koordineringshuller, de alvorligste først",
    "Alle par af enheder (i hver retning) mellem {0} og {1}. Ikke målte par vises uden værdi.",
    "Fra", "Til", "RC", "n", "Modsat RC", "Type",
    "ikke målt", "svag", "ensidig", "ok",
    "Enheder", "Enhed", "Side", "Respondenter", "Svarprocent", "RC givet", "RC modtaget", "RC internt",
    "PageRank", "Betweenness",
    "RC givet: gennemsnitlig RC af enhedens viste relationer til andre enheder; modtaget: fra andre enheder; internt: inden for enheden.",
    "Metode", "De syv dimensioner", "Kommunikation", "Relationer",
    "Hver dimension vurderes fra 1 (lavest) til 5 (højest). Grænserne nedenfor er konventioner, ikke publicerede standarder.",
    "Enhedssider", "Én side pr. enhed til lederen: enhedens relationer til og fra andre enheder, de svageste først, og dens profil på dimensionerne.",
    "Relationer til og fra enheden", "RC pr. dimension", "modtaget (andre om enheden)",
    "givet (enheden om andre)", "gennemsnit af alle viste relationer",
    "Relationer, de svageste først", "… og {0} flere (se ties.csv)", "Ingen viste relationer.",
    "Enheden har færre end {0} respondenter: dens egne vurderinger er skjult; kun andre enheders vurderinger vises.",
    "{0} respondenter",
    "De {0} alvorligste af {1} par vises; alle {1} står i gaps.csv i samme rækkefølge.",
    "De {0} enheder med lavest modtaget RC vises (enheder uden værdi sidst), ud af {1}; alle {1} står i units.csv.",
    "Undersøgelsen har {0} enheder: over {2} enheder er enhedssiderne ikke med i denne rapport. "
    "Hver enheds side ligger i mappen units/, én PNG pr. enhed, navngivet efter enheden.",
    "De {0} største af {1} troværdige ændringer vises; alle relationers ændringer står i changes.csv.",
    "Der er {1} sådanne par, flere end {2}: kun de målte er listet, her og i gaps.csv; de {0} ikke målte par er udeladt."};

const ReportWords kNb{
    "Relasjonell koordinering", "Rapport om relasjonell koordinering mellom enheter",
    "{0} enheter", "Svarprosent {0} %", "Data fra {0}", "Laget med rcmap {0}",
    "Hovedfunn",
    "Samlet RC er {0} (gjennomsnitt vektet med respondenter over {1} vurderinger av viste relasjoner).",
    "{0} av de {1} viste relasjonene mellom {2} og {3} er svake (RC under {4}). De svakeste:",
    "{0} → {1}: RC {2} (n = {3})",
    "{0} par av enheter (i hver retning) mellom {1} og {2} har ingen vist relasjon: ikke vurdert, eller vurdert av færre enn {3} respondenter.",
    "Det finnes ingen viste relasjoner mellom {0} og {1}.",
    "De mest sentrale enhetene (PageRank i RC-nettverket) er {0}.",
    "Dimensjonen som driver forskjellene, er {0}: {1} mellom {2} og {3} mot {4} innenfor de to sidene (forskjell {5}).",
    "Ingen dimensjon kan pekes ut: det finnes ikke viste relasjoner både mellom og innenfor {0} og {1}.",
    "{0} par av enheter er ensidige (de to retningene avviker med {1} eller mer). De største forskjellene:",
    "Ett par av enheter er ensidig (de to retningene avviker med {1} eller mer):",
    "{0} → {1}: RC {2}, men {1} → {0}: RC {3}",
    "Ingen par av enheter er ensidige (de to retningene avviker overalt med mindre enn {0}).",
    "Figurer",
    "Figurene er utelatt: undersøkelsen har {0} enheter, og figurer tegnes for høyst {1} enheter. CSV-tabellene er komplette.",
    "Koordineringsgap, de alvorligste først",
    "Alle par av enheter (i hver retning) mellom {0} og {1}. Par som ikke er målt, vises uten verdi.",
    "Fra", "Til", "RC", "n", "Motsatt RC", "Type",
    "ikke målt", "svak", "ensidig", "ok",
    "Enheter", "Enhet", "Side", "Respondenter", "Svarprosent", "RC gitt", "RC mottatt", "RC internt",
    "PageRank", "Betweenness",
    "RC gitt: gjennomsnittlig RC for enhetens viste relasjoner til andre enheter; mottatt: fra andre enheter; internt: innenfor enheten.",
    "Metode", "De sju dimensjonene", "Kommunikasjon", "Relasjoner",
    "Hver dimensjon vurderes fra 1 (lavest) til 5 (høyest). Grensene nedenfor er konvensjoner, ikke publiserte standarder.",
    "Enhetssider", "Én side per enhet til lederen: enhetens relasjoner til og fra andre enheter, de svakeste først, og profilen på dimensjonene.",
    "Relasjoner til og fra enheten", "RC per dimensjon", "mottatt (andre om enheten)",
    "gitt (enheten om andre)", "gjennomsnitt av alle viste relasjoner",
    "Relasjoner, de svakeste først", "… og {0} flere (se ties.csv)", "Ingen viste relasjoner.",
    "Enheten har færre enn {0} respondenter: enhetens egne vurderinger er skjult; bare vurderinger fra andre enheter vises.",
    "{0} respondenter",
    "De {0} alvorligste av {1} par vises; alle {1} står i gaps.csv i samme rekkefølge.",
    "De {0} enhetene med lavest mottatt RC vises (enheter uten verdi sist), av {1}; alle {1} står i units.csv.",
    "Undersøkelsen har {0} enheter: over {2} enheter er enhetssidene ikke med i denne rapporten. "
    "Hver enhets side ligger i mappen units/, én PNG per enhet, oppkalt etter enheten.",
    "De {0} største av {1} troverdige endringene vises; alle relasjonenes endringer står i changes.csv.",
    "Det finnes {1} slike par, flere enn {2}: bare de målte er listet, her og i gaps.csv; de {0} parene som ikke er målt, er utelatt."};
}  // namespace

const ReportWords& report_words(Lang lang) {
  return lang == Lang::da ? kDa : lang == Lang::nb ? kNb : kEn;
}

std::string fmt(std::string_view tmpl, std::initializer_list<std::string_view> args) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '0' &&
        tmpl[i + 1] <= '9' && static_cast<std::size_t>(tmpl[i + 1] - '0') < args.size()) {
      out += *(args.begin() + (tmpl[i + 1] - '0'));
      i += 2;
    } else {
      out += tmpl[i];
    }
  }
  return out;
}

}  // namespace rcmap::render::detail
