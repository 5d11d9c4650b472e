// Content of report.pdf (rcmap/render/report/report.hpp), laid out with
// ReportDocument; sentences are built from Findings (src/outputs/findings.cpp).
#include "rcmap/render/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "canvas/canvas.hpp"
#include "rcmap/outputs/method_text.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "rcmap/render/report/report_layout.hpp"
#include "decision_page.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "report_words.hpp"
#include "wording.hpp"

namespace rcmap::render {
using namespace detail;

namespace {

std::string lang_code(Lang l) { return l == Lang::da ? "da" : l == Lang::nb ? "nb" : "en"; }

ReportColour colour_of(Rgb c) { return {c.r, c.g, c.b}; }

void title_page(ReportDocument& doc, const ReportInput& in) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const Lang lang = in.figure.lang;
  const ReportWords& rw = report_words(lang);
  doc.space(120);
  doc.figure(ReportDocument::kTextWidth, 60, [&](cairo_t* cr) {
    Text t(in.figure.title.empty() ? rw.default_title : in.figure.title, 26, true, ReportDocument::kTextWidth);
    set_colour(cr, {0.1, 0.1, 0.1});
    t.draw(cr, 0, 0);
  });
  doc.paragraph(rw.subtitle, 14, false, {0.3, 0.3, 0.3});
  doc.space(30);
  std::vector<std::string> facts;
  if (!in.figure.subtitle_date.empty()) facts.push_back(fmt(rw.data_from, {in.figure.subtitle_date}));
  facts.push_back(fmt(rw.units_count, {format_count(static_cast<std::size_t>(s.units.size()), lang)}));
  facts.push_back(fill(words(lang).respondents, format_count(static_cast<std::size_t>(total_respondents(s, a)), lang)));
  // Response rate over the units that gave a headcount.
  long resp = 0, head = 0;
  const auto per_unit = respondents_per_unit(s, a);
  for (std::size_t i = 0; i < s.units.size(); ++i)
    if (s.units[i].headcount && *s.units[i].headcount > 0) resp += per_unit[i], head += *s.units[i].headcount;
  if (head > 0) facts.push_back(fmt(rw.response_rate, {format_number(100.0 * resp / head, 0, lang)}));
  for (const std::string& f : facts) doc.paragraph(f, 12);
  doc.space(200);
  doc.paragraph(fmt(rw.generated, {in.version}), 8, false, {0.5, 0.5, 0.5});
}

void key_findings(ReportDocument& doc, const ReportInput& in) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const Findings& f = *in.findings;
  const Lang lang = in.figure.lang;
  const ReportWords& rw = report_words(lang);
  auto label = [&](std::uint32_t u) { return s.units[u].label; };
  auto num = [&](double v, int d = 2) { return format_number(v, d, lang); };
  const std::string sa = side_name(lang, f.side_a), sb = side_name(lang, f.side_b);
  doc.heading(rw.key_findings);
  if (std::isfinite(a.overall_rc))
    doc.paragraph(fmt(rw.overall, {num(a.overall_rc), format_count(static_cast<std::size_t>(a.overall_n), lang)}));
  if (f.cross_shown == 0) {
    doc.paragraph(fmt(rw.no_cross, {sa, sb}));
  } else {
    doc.paragraph(fmt(rw.weakest_intro, {format_count(static_cast<std::size_t>(f.cross_weak), lang),
                                         format_count(static_cast<std::size_t>(f.cross_shown), lang), sa, sb,
                                         num(a.options.weak_below, 1),
                                         format_count(static_cast<std::size_t>(f.cross_clearly_weak), lang)}));
    std::vector<std::string> items;
    for (const TieFinding& t : f.weakest_cross) {
      // The certainty class of each tie (docs/metrics.md "Certainty"), RC
      // printed so that it never reads as another class.
      std::string item = fmt(rw.tie_item, {label(t.source), label(t.target), num(t.rc, rc_decimals(t.rc, 2, a.options)),
                                           std::to_string(t.n)});
      if (t.rc < a.options.weak_below && t.certainty != Certainty::unknown)
        item += " \u2013 " +
                std::string(glossary_text(t.certainty == Certainty::clear ? "clearly_weak" : "borderline", lang));
      items.push_back(item);
    }
    doc.bullets(items);
  }
  if (f.cross_unmeasured > 0)
    doc.paragraph(fmt(rw.unmeasured, {format_count(static_cast<std::size_t>(f.cross_unmeasured), lang), sa, sb,
                                      std::to_string(a.options.min_n)}));
  if (f.gap_dimension >= 0) {
    const auto k = static_cast<std::size_t>(f.gap_dimension);
    if (f.gap_dimensions.size() > 1)
      doc.paragraph(dimension_message(in));  // several, indistinguishable
    else
      doc.paragraph(fmt(rw.gap_dimension, {std::string(dimension_name(lang, f.gap_dimension)), num(f.cross_mean[k]), sa,
                                           sb, num(f.within_mean[k]), num(f.within_mean[k] - f.cross_mean[k])}));
    dimension_table(doc, in);
  } else {
    doc.paragraph(fmt(rw.gap_undefined, {sa, sb}));
  }
  if (!f.central.empty()) {
    std::vector<std::string> names;
    for (const CentralFinding& c : f.central) names.push_back(label(c.unit) + " (" + num(c.pagerank, 3) + ")");
    doc.paragraph(fmt(rw.central, {join_list(names, lang)}));
  }
  if (f.one_sided_total == 0) {
    doc.paragraph(fmt(rw.no_one_sided, {num(in.figure.asymmetry, 1)}));
  } else {
    doc.paragraph(fmt(f.one_sided_total == 1 ? rw.one_sided_intro_one : rw.one_sided_intro,
                      {format_count(static_cast<std::size_t>(f.one_sided_total), lang), num(in.figure.asymmetry, 1)}));
    std::vector<std::string> items;
    for (const OneSidedFinding& o : f.one_sided)
      items.push_back(fmt(rw.one_sided_item, {label(o.source), label(o.target), num(o.rc), num(o.reverse_rc)}));
    doc.bullets(items);
  }
}

void figures(ReportDocument& doc, const ReportInput& in) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const ReportWords& rw = report_words(in.figure.lang);
  if (s.units.size() > in.max_figure_units || in.layout.size() != s.units.size()) {
    doc.heading(rw.figures);
    doc.paragraph(fmt(rw.figures_skipped, {format_count(static_cast<std::size_t>(s.units.size()), in.figure.lang),
                                           std::to_string(in.max_figure_units)}));
    return;
  }
  doc.landscape_page([&](cairo_t* cr) { draw_map_page(cr, s, a, in.layout, in.figure, in.findings); });
  doc.landscape_page([&](cairo_t* cr) { draw_gap_map_page(cr, s, a, in.layout, in.figure, in.findings); });
  doc.landscape_page([&](cairo_t* cr) { draw_matrix_page(cr, s, a, in.figure); });
  doc.landscape_page([&](cairo_t* cr) { draw_profile_page(cr, s, a, in.figure); });
}

void gaps_table(ReportDocument& doc, const ReportInput& in) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const Lang lang = in.figure.lang;
  const ReportWords& rw = report_words(lang);
  doc.heading(rw.gaps_heading);
  doc.paragraph(fmt(rw.gaps_note, {side_name(lang, in.findings->side_a), side_name(lang, in.findings->side_b)}), 9);
  // The most severe first, as in gaps.csv; a long list is cut (said above the table).
  const std::vector<Gap>& gaps = in.metrics->gaps;
  if (const std::size_t unlisted = in.metrics->unlisted_gaps; unlisted > 0)
    doc.paragraph(fmt(rw.gaps_unlisted, {format_count(unlisted, lang), format_count(unlisted + gaps.size(), lang),
                                         format_count(in.max_gap_pairs, lang)}),
                  9);
  const std::size_t shown = std::min(gaps.size(), in.max_table_rows);
  if (shown < gaps.size())
    doc.paragraph(fmt(rw.gaps_shown, {format_count(shown, lang), format_count(gaps.size(), lang)}), 9);
  ReportTable t;
  t.header = {rw.col_from, rw.col_to, rw.col_rc, rw.col_n, rw.col_reverse, rw.col_kind};
  t.right_aligned = {false, false, true, true, true, false};
  std::vector<double> rc;
  for (std::size_t i = 0; i < shown; ++i) {
    const Gap& g = gaps[i];
    // Gap::rc and reverse_rc are NaN for unmeasured (incl. suppressed) directions.
    // The group (clearly weak, borderline, not enough answers) where it says
    // more than the kind (docs/metrics.md "Coordination gaps").
    const std::string kind = g.group == "clearly_weak" || g.group == "borderline" || g.group == "not_enough_answers"
                                 ? std::string(glossary_text(g.group, lang))
                             : g.kind == "weak"      ? rw.kind_weak
                             : g.kind == "one-sided" ? rw.kind_one_sided
                                                     : rw.kind_ok;
    t.rows.push_back(
        {s.units[g.source].label, s.units[g.target].label,
         std::isfinite(g.rc) ? format_number(g.rc, rc_decimals(g.rc, 2, a.options), lang) : "",
         g.n > 0 ? std::to_string(g.n) : "",
         std::isfinite(g.reverse_rc) ? format_number(g.reverse_rc, rc_decimals(g.reverse_rc, 2, a.options), lang) : "",
         kind});
    rc.push_back(g.rc);
  }
  t.fill = [&](std::size_t r, std::size_t c) -> std::optional<ReportColour> {
    if (c != 2 || !std::isfinite(rc[r])) return std::nullopt;
    return colour_of(tint(rc_colour(rc[r], a.options), 0.35));
  };
  doc.table(t);
}

void units_table(ReportDocument& doc, const ReportInput& in) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const MetricsResult& m = *in.metrics;
  const Lang lang = in.figure.lang;
  const ReportWords& rw = report_words(lang);
  doc.heading(rw.units_heading);
  doc.paragraph(std::string(rw.units_note) + " " + bridge_note(lang), 9);
  ReportTable t;
  // PageRank and betweenness hardly vary on dense RC networks (docs/metrics.md
  // "Rankings and noise"): the table shows what a unit can do instead, the
  // weak or borderline pairs it can bridge.
  t.header = {rw.col_unit,  rw.col_side,     rw.col_respondents, rw.col_rate,
              rw.col_given, rw.col_received, rw.col_within,      bridge_column(lang)};
  t.right_aligned = {false, false, true, true, true, true, true, true};
  t.font_size = 7;
  auto num = [&](double v, int d) { return std::isfinite(v) ? format_number(v, d, lang) : std::string(); };
  const auto order = side_order(s, in.figure);
  std::vector<std::uint32_t> rows(s.units.size());
  for (std::uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
  std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t x, std::uint32_t y) {
    return side_rank(order, s.units[x].side) < side_rank(order, s.units[y].side);
  });
  if (rows.size() > in.max_table_rows) {
    // Too many to list: the units others rate lowest first (no value last),
    // side order among equals; the sentence above the table says so.
    const auto key = [&](std::uint32_t u) {
      const double r = a.units[u].rc_received;
      return std::isfinite(r) ? r : std::numeric_limits<double>::infinity();
    };
    std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t x, std::uint32_t y) { return key(x) < key(y); });
    doc.paragraph(fmt(rw.units_shown, {format_count(in.max_table_rows, lang), format_count(rows.size(), lang)}), 9);
    rows.resize(in.max_table_rows);
  }
  const auto resp = respondents_per_unit(s, a);
  for (std::uint32_t i : rows) {
    const UnitResult& u = a.units[i];
    const bool has_metrics = m.units.size() == s.units.size();
    t.rows.push_back({s.units[i].label, side_name(lang, s.units[i].side), std::to_string(resp[i]),
                      num(100 * u.response_rate, 0), num(u.rc_given, 2), num(u.rc_received, 2), num(u.rc_within, 2),
                      has_metrics && m.units[i].bridge_pairs >= 0 ? std::to_string(m.units[i].bridge_pairs) : ""});
  }
  doc.table(t);
}

void method_page(ReportDocument& doc, const ReportInput& in) {
  const Lang lang = in.figure.lang;
  const ReportWords& rw = report_words(lang);
  doc.heading(rw.method);
  doc.heading(rw.dimensions_heading, 2);
  doc.paragraph(rw.scale_note, 9.5);
  std::vector<std::string> comm, rel;
  for (int d = 0; d < kDimensionCount; ++d)
    (d < kCommunicationDimensions ? comm : rel).push_back(std::string(dimension_name(lang, d)));
  doc.bullets({std::string(rw.communication) + ": " + join_list(comm, lang),
               std::string(rw.relationship) + ": " + join_list(rel, lang)},
              9.5);
  for (const auto& [topic, text] : method_rows(*in.aggregate, lang_code(lang))) {
    doc.heading(topic, 2);
    doc.paragraph(text, 9.5);
  }
}

}  // namespace

void render_report(const ReportInput& in, const std::string& path) {
  const ReportWords& rw = report_words(in.figure.lang);
  ReportDocument doc(path, {in.figure.title.empty() ? rw.default_title : in.figure.title, in.figure.subtitle_date});
  title_page(doc, in);
  decision_page(doc, in);
  pair_pages(doc, in);
  key_findings(doc, in);
  figures(doc, in);
  gaps_table(doc, in);
  units_table(doc, in);
  method_page(doc, in);
  if (in.per_unit) {
    const std::size_t n = in.survey->units.size();
    doc.heading(rw.unit_pages, 2);
    doc.paragraph(rw.unit_pages_note, 9.5);
    if (n > in.max_unit_pages) {  // one PNG per unit only (written by the caller)
      doc.paragraph(fmt(rw.unit_pages_elsewhere,
                        {format_count(n, in.figure.lang), "", format_count(in.max_unit_pages, in.figure.lang)}),
                    9.5);
    } else {
      const UnitTieIndex index(*in.aggregate, n);
      for (std::uint32_t u = 0; u < n; ++u) {
        // Every tie of the unit: those the page cannot hold continue on the next.
        const std::size_t ties = index.start[u + 1] - index.start[u];
        std::size_t shown = 0;
        doc.landscape_page([&](cairo_t* cr) { shown = draw_unit_page(cr, in, u, &index); });
        for (int page = 2; shown < ties; ++page)
          doc.landscape_page([&](cairo_t* cr) { shown = draw_unit_ties_page(cr, in, u, index, shown, page); });
      }
    }
  }
  doc.finish();
}

}  // namespace rcmap::render
