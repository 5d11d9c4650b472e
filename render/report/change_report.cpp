// Content of compare's report.pdf (change_figures.hpp), laid out with
// ReportDocument; sentences are built from ChangeFindings
// (src/waves/change_findings.cpp), words from change_report_words.cpp.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "canvas/canvas.hpp"
#include "change_report_words.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "rcmap/render/report/report_layout.hpp"
#include "report_ink.hpp"
#include "report_words.hpp"

namespace rcmap::render {
using namespace detail;

namespace {

std::string num(double v, Lang lang, int d = 2) { return std::isfinite(v) ? format_number(v, d, lang) : ""; }
std::string signed_num(double v, Lang lang) { return (v > 0 ? "+" : "") + num(v, lang); }

std::string interval(const Change& x, Lang lang) {
  return signed_num(x.ci_low, lang) + " … " + signed_num(x.ci_high, lang);
}
// q to 3 decimals; below 0.0005 "< 0.001" rather than a misleading 0.000.
std::string q_value(double q, Lang lang) { return q < 0.0005 ? "< " + num(0.001, lang, 3) : num(q, lang, 3); }

const char* direction_word(Direction d, const ChangeReportWords& w) {
  return d == Direction::improved ? w.improved : d == Direction::worse ? w.worse : w.no_change;
}

void title_page(ReportDocument& doc, const ChangeReportInput& in) {
  const Lang lang = in.figure.lang;
  const ChangeReportWords& w = change_report_words(lang);
  const Comparison& c = *in.comparison;
  const ChangeFindings& f = *in.findings;
  std::vector<std::string> facts;
  if (!in.figure.subtitle_date.empty()) facts.push_back(fmt(report_words(lang).data_from, {in.figure.subtitle_date}));
  facts.push_back(fmt(w.waves_compared, {c.before_label, c.after_label}));
  for (std::size_t k = 0; k < f.wave_labels.size() && k < f.wave_respondents.size(); ++k)
    facts.push_back(fmt(w.respondents_wave,
                        {f.wave_labels[k], format_count(static_cast<std::size_t>(f.wave_respondents[k]), lang)}));
  doc.title_page(in.figure.title.empty() ? w.title : in.figure.title, w.subtitle, facts, 160,
                 fmt(report_words(lang).generated, {in.version}));
}

void key_findings(ReportDocument& doc, const ChangeReportInput& in) {
  const Lang lang = in.figure.lang;
  const ChangeReportWords& w = change_report_words(lang);
  const Comparison& c = *in.comparison;
  const ChangeFindings& f = *in.findings;
  const std::string min_n = std::to_string(c.options.agg.min_n);
  const std::string sa = side_name(lang, f.side_a), sb = side_name(lang, f.side_b);
  doc.heading(report_words(lang).key_findings);
  doc.paragraph(fmt(w.counts, {format_count(static_cast<std::size_t>(f.compared), lang), min_n,
                               format_count(static_cast<std::size_t>(f.improved), lang),
                               format_count(static_cast<std::size_t>(f.worse), lang),
                               format_count(static_cast<std::size_t>(f.no_credible), lang)}));
  if (f.not_compared > 0)
    doc.paragraph(fmt(w.not_compared, {format_count(static_cast<std::size_t>(f.not_compared), lang), min_n}));
  auto tie_items = [&](const std::vector<std::size_t>& idx) {
    std::vector<std::string> items;
    for (std::size_t i : idx) {
      const TieChange& t = c.ties[i];
      items.push_back(fmt(w.tie_item, {label_text(c.units[t.source].label), label_text(c.units[t.target].label),
                                       num(t.rc_before, lang), num(t.rc_after, lang), signed_num(t.delta, lang),
                                       signed_num(t.ci_low, lang), signed_num(t.ci_high, lang)}));
    }
    doc.bullets(items);
  };
  if (f.top_improved.empty()) {
    doc.paragraph(fmt(w.none_improved, {sa, sb}));
  } else {
    doc.paragraph(fmt(w.top_improved, {sa, sb}));
    tie_items(f.top_improved);
  }
  if (f.top_declined.empty()) {
    doc.paragraph(fmt(w.none_declined, {sa, sb}));
  } else {
    doc.paragraph(fmt(w.top_declined, {sa, sb}));
    tie_items(f.top_declined);
  }
  // One direction changed credibly, the reverse did not (side pairs, then ties).
  for (std::size_t i : f.one_way_sides) {
    const SideChange& x = c.sides[i];
    for (const SideChange& r : c.sides)
      if (r.source_side == x.target_side && r.target_side == x.source_side)
        doc.paragraph(fmt(w.one_way_side, {side_name(lang, x.source_side), side_name(lang, x.target_side),
                                           signed_num(x.delta, lang), signed_num(r.delta, lang)}));
  }
  for (std::size_t k = 0; k < f.one_way_ties.size() && k < 5; ++k) {
    const TieChange& t = c.ties[f.one_way_ties[k]];
    for (const TieChange& r : c.ties)
      if (r.source == t.target && r.target == t.source)
        doc.paragraph(fmt(w.one_way_tie, {label_text(c.units[t.source].label), label_text(c.units[t.target].label),
                                          signed_num(t.delta, lang), signed_num(r.delta, lang)}));
  }
  // Credible changes per direction across the gap sides (at most 5 each listed).
  if (f.side_a != f.side_b)
    for (const auto& [list, from, to] :
         {std::tuple{&f.credible_a_to_b, sa, sb}, std::tuple{&f.credible_b_to_a, sb, sa}}) {
      if (list->empty()) {
        doc.paragraph(fmt(w.none_direction, {from, to}));
        continue;
      }
      doc.paragraph(fmt(w.per_direction, {from, to}));
      tie_items(std::vector<std::size_t>(list->begin(),
                                         list->begin() + static_cast<long>(std::min<std::size_t>(5, list->size()))));
    }
  if (f.side_pairs.empty()) {
    doc.paragraph(fmt(w.no_sides, {min_n}));
    return;
  }
  doc.heading(w.sides_intro, 2);
  ReportTable t;
  const ReportWords& rw = report_words(lang);
  t.header = {rw.col_from, rw.col_to, w.col_before, w.col_after, w.col_delta, w.col_interval, w.col_direction};
  t.right_aligned = {false, false, true, true, true, true, false};
  for (std::size_t i : f.side_pairs) {
    const SideChange& s = c.sides[i];
    t.rows.push_back({side_name(lang, s.source_side), side_name(lang, s.target_side), num(s.rc_before, lang),
                      num(s.rc_after, lang), signed_num(s.delta, lang), interval(s, lang),
                      direction_word(s.direction, w)});
  }
  doc.table(t);
}

void figures(ReportDocument& doc, const ChangeReportInput& in) {
  const Comparison& c = *in.comparison;
  if (in.before_layout.empty()) {
    doc.heading(report_words(in.figure.lang).figures);
    doc.paragraph(
        fmt(report_words(in.figure.lang).figures_skipped,
            {std::to_string(std::max(in.before->units.size(), c.units.size())), std::to_string(in.max_figure_units)}));
    return;
  }
  doc.landscape_page(
      [&](cairo_t* cr) { draw_change_map_page(cr, *in.before, *in.before_agg, in.before_layout, c, in.figure); });
  doc.landscape_page([&](cairo_t* cr) { draw_change_matrix_page(cr, c, in.figure); });
  doc.landscape_page([&](cairo_t* cr) { draw_trend_page(cr, *in.series, c.options.agg.min_n, in.figure); });
}

void changes_table(ReportDocument& doc, const ChangeReportInput& in) {
  const Lang lang = in.figure.lang;
  const ChangeReportWords& w = change_report_words(lang);
  const ReportWords& rw = report_words(lang);
  const Comparison& c = *in.comparison;
  doc.heading(w.table_heading);
  doc.paragraph(fmt(w.table_note, {num(c.options.fdr, lang), c.before_label, c.after_label}), 9);
  if (in.findings->ranked.empty()) {
    doc.paragraph(w.no_credible);
    return;
  }
  // Largest |change| first (ChangeFindings::ranked); a long list is cut, as said above the table.
  const std::vector<std::size_t>& ranked = in.findings->ranked;
  const std::size_t shown = std::min(ranked.size(), in.max_table_rows);
  if (shown < ranked.size())
    doc.paragraph(fmt(rw.changes_shown, {format_count(shown, lang), format_count(ranked.size(), lang)}), 9);
  ReportTable t;
  t.header = {rw.col_from, rw.col_to, w.col_before, w.col_after, w.col_delta, w.col_interval, "q"};
  t.right_aligned = {false, false, true, true, true, true, true};
  std::vector<double> delta;
  for (std::size_t k = 0; k < shown; ++k) {
    const TieChange& x = c.ties[ranked[k]];
    t.rows.push_back({label_text(c.units[x.source].label), label_text(c.units[x.target].label), num(x.rc_before, lang),
                      num(x.rc_after, lang), signed_num(x.delta, lang), interval(x, lang), q_value(x.q, lang)});
    delta.push_back(x.delta);
  }
  t.fill = [&](std::size_t r, std::size_t col) -> std::optional<ReportColour> {
    if (col != 4) return std::nullopt;
    const Colour d = delta_scale_colour(delta[r], kDeltaLimit);
    return report_colour(tint(Rgb{d.r, d.g, d.b}, 0.35));
  };
  doc.table(t);
}

void method_page(ReportDocument& doc, const ChangeReportInput& in) {
  const Lang lang = in.figure.lang;
  const ChangeReportWords& w = change_report_words(lang);
  const CompareOptions& o = in.comparison->options;
  doc.heading(w.method_heading);
  doc.paragraph(w.welch, 9.5);
  doc.paragraph(w.bh, 9.5);
  doc.paragraph(fmt(w.bootstrap, {format_count(static_cast<std::size_t>(o.bootstrap), lang), std::to_string(o.seed)}),
                9.5);
  doc.paragraph(fmt(w.credible_rule, {num(o.fdr, lang)}), 9.5);
  doc.paragraph(fmt(w.anonymity, {std::to_string(o.agg.min_n), std::to_string(o.agg.min_answers)}), 9.5);
  if (!in.before_layout.empty()) doc.paragraph(fmt(w.positions, {in.comparison->before_label}), 9.5);
}

}  // namespace

void render_change_report(const ChangeReportInput& in, const std::string& path) {
  const ChangeReportWords& w = change_report_words(in.figure.lang);
  ReportDocument doc(path, {in.figure.title.empty() ? w.title : in.figure.title, in.figure.subtitle_date});
  title_page(doc, in);
  key_findings(doc, in);
  figures(doc, in);
  changes_table(doc, in);
  method_page(doc, in);
  doc.finish();
}

}  // namespace rcmap::render
