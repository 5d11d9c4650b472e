// Content of the top-level report.pdf of analyze --by-site (change_figures.hpp;
// docs/waves.md "Sites"), laid out with ReportDocument: title page, the sites
// benchmark figure, the table of sites.csv's figures per site.
#include <algorithm>
#include <cmath>

#include "canvas/canvas.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "rcmap/render/report/report_layout.hpp"
#include "report_words.hpp"

namespace rcmap::render {
using namespace detail;

namespace {

// Terms as docs/glossary.tsv: site = kommune (da, nb), RC = RK.
struct SitesReportWords {
  const char *title, *subtitle, *counts, *table_heading, *col_site, *col_overall, *col_within, *rows_shown, *table_note;
};
const SitesReportWords kSitesEn{
    "Relational coordination across sites",
    "Cross-site summary of rcmap analyze --by-site",
    "{0} sites, {1} respondents",
    "Sites",
    "Site",
    "Overall RC",
    "Within sides",
    "The first {0} of {1} sites are listed; sites.csv holds every site.",
    "Blank: the site has fewer than {0} respondents. Each site's folder holds its own report.pdf."};
const SitesReportWords kSitesDa{
    "Relationel koordinering på tværs af kommuner",
    "Samlet oversigt fra rcmap analyze --by-site",
    "{0} kommuner, {1} respondenter",
    "Kommuner",
    "Kommune",
    "Samlet RK",
    "Inden for områderne",
    "De første {0} af {1} kommuner er vist; sites.csv rummer alle kommuner.",
    "Tom: kommunen har færre end {0} respondenter. Hver kommunes mappe har sin egen report.pdf."};
const SitesReportWords kSitesNb{
    "Relasjonell koordinering på tvers av kommuner",
    "Samlet oversikt fra rcmap analyze --by-site",
    "{0} kommuner, {1} respondenter",
    "Kommuner",
    "Kommune",
    "Samlet RK",
    "Innenfor områdene",
    "De første {0} av {1} kommunene er vist; sites.csv inneholder alle kommunene.",
    "Tom: kommunen har færre enn {0} respondenter. Hver kommunes mappe har sin egen report.pdf."};
const SitesReportWords& sites_words(Lang lang) {
  return lang == Lang::da ? kSitesDa : lang == Lang::nb ? kSitesNb : kSitesEn;
}

std::string num(double v, Lang lang, int d = 2) { return std::isfinite(v) ? format_number(v, d, lang) : ""; }

}  // namespace

void render_sites_report(const SitesReportInput& in, const std::string& path) {
  const Lang lang = in.figure.lang;
  const SitesReportWords& w = sites_words(lang);
  const ReportWords& rw = report_words(lang);
  const Words& ww = words(lang);
  const SitesBenchmark& b = *in.bench;
  const std::string title = in.figure.title.empty() ? w.title : in.figure.title;
  ReportDocument doc(path, {title, in.figure.subtitle_date});
  std::vector<std::string> facts;
  if (!in.figure.subtitle_date.empty()) facts.push_back(fmt(rw.data_from, {in.figure.subtitle_date}));
  std::size_t respondents = 0;
  for (const SiteResult& s : b.sites) respondents += static_cast<std::size_t>(s.respondents);
  facts.push_back(fmt(w.counts, {format_count(b.sites.size(), lang), format_count(respondents, lang)}));
  doc.title_page(title, w.subtitle, facts, 160, fmt(rw.generated, {in.version}));
  // The benchmark figure.
  doc.landscape_page([&](cairo_t* cr) { draw_sites_page(cr, b, in.highlight, in.min_n, in.figure); });
  // One row per site, in sites.csv's order; a long list is cut, as said above the table.
  doc.heading(w.table_heading);
  const std::size_t shown = std::min(b.sites.size(), in.max_table_rows);
  if (shown < b.sites.size())
    doc.paragraph(fmt(w.rows_shown, {format_count(shown, lang), format_count(b.sites.size(), lang)}), 9);
  doc.paragraph(fmt(w.table_note, {std::to_string(in.min_n)}), 9);
  const std::string sa = side_name(lang, in.figure.side_a), sb = side_name(lang, in.figure.side_b);
  ReportTable t;
  t.header = {w.col_site,    rw.col_respondents,     rw.col_rate,
              w.col_overall, fill(ww.arrow, sa, sb), fill(ww.arrow, sb, sa),
              w.col_within};
  t.right_aligned = {false, true, true, true, true, true, true};
  t.font_size = 8;
  for (std::size_t i = 0; i < shown; ++i) {
    const SiteResult& s = b.sites[i];
    t.rows.push_back({s.site, std::to_string(s.respondents), num(100 * s.response_rate, lang, 0),
                      num(s.overall_rc, lang), num(s.authority_provider, lang), num(s.provider_authority, lang),
                      num(s.within_side, lang)});
  }
  doc.table(t);
  doc.finish();
}

}  // namespace rcmap::render
