// The decision page of report.pdf (right after the title page) and the
// profile pages of the clearly weakest pairs (decision_page.hpp,
// docs/figures.md "Report"). Every sentence is built from Findings
// (src/outputs/findings.cpp); the reviewed wording of the certainty classes,
// bridges and dialogue questions comes from docs/glossary.tsv and
// docs/dialogue-questions.tsv (wording.hpp).
#include "decision_page.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "canvas/canvas.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "report_words.hpp"
#include "wording.hpp"

namespace rcmap::render::detail {

namespace {

// Sentences of the decision page and the pair pages: {0}..{9} as fmt().
struct DecisionWords {
  const char *weak_counts, *weakest, *no_clear, *dimension_one, *dimension_many, *bridges, *bridges_map, *bridge_item,
      *no_bridges, *no_weak_pairs, *chart_title, *chart_rating, *chart_rated, *chart_n, *chart_certainty, *pair_heading,
      *pair_note, *direction, *direction_hidden;
};

const DecisionWords kEn{
    "Of the {1} shown ties between {2} and {3}, {0} are clearly weak and {4} borderline; {5} pairs have not enough "
    "answers.",
    "Clearly weakest: {0}.",
    "No tie between {0} and {1} is clearly weak.",
    "{0} separates {1} and {2} most: {3} across the sides against {4} within them.",
    "{0} separate {1} and {2} about equally (gaps within {3} of the largest, {4}).",
    "Best placed to carry the ball between them: {0}.",
    "Best placed to carry the ball between them (black ring on the coordination map): {0}.",
    "{0} (can bridge {1} of {2} weak or borderline pairs)",
    "No unit coordinates well in both directions with both units of a weak pair.",
    "No pair between {0} and {1} is weak or borderline.",
    "RC within and between {0} and {1}",
    "rating side",
    "rated side",
    "n = {0} ratings",
    "{0} ties: {1} clearly weak, {2} borderline",
    "{0} and {1}",
    "Both directions of the pair on the seven dimensions (RC 1–5; n counts respondents behind each direction).",
    "{0} \u2192 {1}: RC {2} (n = {3} respondents, {4})",
    "{0} \u2192 {1}: not enough answers"};

const DecisionWords kDa{
    "Af de {1} viste relationer mellem {2} og {3} er {0} klart svage og {4} på grænsen; {5} par har for få svar.",
    "Klart svagest: {0}.",
    "Ingen relation mellem {0} og {1} er klart svag.",
    "{0} adskiller {1} og {2} mest: {3} på tværs af områderne mod {4} inden for dem.",
    "{0} adskiller {1} og {2} omtrent lige meget (forskelle inden for {3} af den største, {4}).",
    "Bedst placeret til at bygge bro mellem dem: {0}.",
    "Bedst placeret til at bygge bro mellem dem (sort ring på koordineringskortet): {0}.",
    "{0} (kan bygge bro for {1} af {2} svage par eller par på grænsen)",
    "Ingen enhed samarbejder godt begge veje med begge enheder i et svagt par.",
    "Intet par mellem {0} og {1} er svagt eller på grænsen.",
    "RK inden for og mellem {0} og {1}",
    "vurderende område",
    "vurderet område",
    "n = {0} vurderinger",
    "{0} relationer: {1} klart svage, {2} på grænsen",
    "{0} og {1}",
    "Parrets to retninger på de syv dimensioner (RK 1–5; n tæller respondenter bag hver retning).",
    "{0} \u2192 {1}: RK {2} (n = {3} respondenter, {4})",
    "{0} \u2192 {1}: for få svar"};

const DecisionWords kNb{
    "Av de {1} viste relasjonene mellom {2} og {3} er {0} klart svake og {4} på grensen; {5} par har for få svar.",
    "Klart svakest: {0}.",
    "Ingen relasjon mellom {0} og {1} er klart svak.",
    "{0} skiller {1} og {2} mest: {3} på tvers av områdene mot {4} innenfor dem.",
    "{0} skiller {1} og {2} omtrent like mye (forskjeller innenfor {3} av den største, {4}).",
    "Best plassert til å bygge bro mellom dem: {0}.",
    "Best plassert til å bygge bro mellom dem (svart ring på koordineringskartet): {0}.",
    "{0} (kan bygge bro for {1} av {2} svake par eller par på grensen)",
    "Ingen enhet samarbeider godt begge veier med begge enhetene i et svakt par.",
    "Ingen par mellom {0} og {1} er svake eller på grensen.",
    "RK innenfor og mellom {0} og {1}",
    "vurderende område",
    "vurdert område",
    "n = {0} vurderinger",
    "{0} relasjoner: {1} klart svake, {2} på grensen",
    "{0} og {1}",
    "Parets to retninger på de sju dimensjonene (RK 1–5; n teller respondenter bak hver retning).",
    "{0} \u2192 {1}: RK {2} (n = {3} respondenter, {4})",
    "{0} \u2192 {1}: for få svar"};

const DecisionWords& decision_words(Lang l) { return l == Lang::da ? kDa : l == Lang::nb ? kNb : kEn; }

std::string glossary(std::string_view key, Lang lang) { return std::string(glossary_text(key, lang)); }

// "Decision page" from "decision page": the first letter upper case (ASCII only).
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// RC as printed on this page: two decimals, more where rounding would cross
// a threshold (rc_decimals).
std::string rc_text(double rc, const AggregateOptions& o, Lang lang) {
  return format_number(rc, rc_decimals(rc, 2, o), lang);
}

// The unordered clearly weak pairs of the findings, weakest first, at most 3.
std::vector<std::pair<std::uint32_t, std::uint32_t>> clearly_weakest_pairs(const Findings& f, double weak_below) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const TieFinding& t : f.weakest_cross) {
    if (!(t.rc < weak_below) || t.certainty != Certainty::clear) continue;
    const auto key = std::minmax(t.source, t.target);
    if (!seen.insert(key).second) continue;
    out.emplace_back(t.source, t.target);
    if (out.size() == 3) break;
  }
  return out;
}

// The 2 x 2 chart: rows = rating side, columns = rated side (side_a, side_b),
// each cell the side pair's RC (sides.csv) in its colour, with n ratings and
// the certainty of the ties behind it (chart_certainty).
}  // namespace

ChartCertainty chart_certainty(const Survey& s, const Aggregate& a, const std::string& source_side,
                               const std::string& target_side) {
  ChartCertainty c;
  for (const Tie& t : a.ties) {
    if (t.suppressed || t.within() || !std::isfinite(t.rc)) continue;
    if (s.units[t.source].side != source_side || s.units[t.target].side != target_side) continue;
    ++c.ties;
    const Certainty k = threshold_certainty(t.ci_low, t.ci_high, a.options.weak_below);
    c.with_interval += k != Certainty::unknown;
    c.clearly_weak += k == Certainty::clear && t.rc < a.options.weak_below;
    c.borderline += k == Certainty::borderline;
  }
  return c;
}

namespace {

void draw_sides_chart(cairo_t* cr, const ReportInput& in, double width, double height) {
  const Aggregate& a = *in.aggregate;
  const Findings& f = *in.findings;
  const Lang lang = in.figure.lang;
  const DecisionWords& w = decision_words(lang);
  const std::string sides[2] = {f.side_a, f.side_b};
  Text title(fmt(w.chart_title, {side_name(lang, f.side_a), side_name(lang, f.side_b)}), 10, true);
  set_colour(cr, {0.1, 0.1, 0.1});
  title.draw(cr, 0, 0);
  const double label_w = 110, top = title.height() + 22;
  const double cell_w = std::min(150.0, (width - label_w) / 2), cell_h = std::min(58.0, (height - top) / 2);
  Text rated(w.chart_rated, 7.5);
  set_colour(cr, {0.35, 0.35, 0.35});
  rated.draw(cr, label_w + cell_w - rated.width() / 2, title.height() + 2);
  for (int c = 0; c < 2; ++c) {
    Text t(side_name(lang, sides[c]), 8.5, true);
    set_colour(cr, {0.15, 0.15, 0.15});
    t.draw(cr, label_w + c * cell_w + (cell_w - t.width()) / 2, top - t.height() - 1);
  }
  for (int r = 0; r < 2; ++r) {
    Text t(side_name(lang, sides[r]), 8.5, true, label_w - 8);
    set_colour(cr, {0.15, 0.15, 0.15});
    t.draw(cr, 0, top + r * cell_h + (cell_h - t.height()) / 2);
    for (int c = 0; c < 2; ++c) {
      const double x = label_w + c * cell_w, y = top + r * cell_h;
      const SideResult* sr = nullptr;
      for (const SideResult& s : a.sides)
        if (s.source_side == sides[r] && s.target_side == sides[c]) sr = &s;
      const bool shown = sr && std::isfinite(sr->rc);
      const Rgb fillc = shown ? rc_colour(sr->rc, a.options) : Rgb{0.95, 0.95, 0.95};
      set_colour(cr, fillc);
      cairo_rectangle(cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
      cairo_fill(cr);
      const Rgb ink = shown ? text_on(fillc) : Rgb{0.3, 0.3, 0.3};
      Text v(shown ? rc_text(sr->rc, a.options, lang) : glossary("not_enough_answers", lang), shown ? 15 : 8, shown);
      Text n(shown ? fmt(w.chart_n, {std::to_string(sr->n)}) : std::string(), 7);
      // How certain the cell's weakness is: its ties by class, as on the map
      // (a cell of borderline ties must not read as clearly weak).
      const ChartCertainty cc = chart_certainty(*in.survey, a, sides[r], sides[c]);
      const bool certainty = shown && cc.with_interval > 0;
      Text k(certainty ? fmt(w.chart_certainty,
                             {std::to_string(cc.ties), std::to_string(cc.clearly_weak), std::to_string(cc.borderline)})
                       : std::string(),
             6.5, false, cell_w - 8, PANGO_ALIGN_CENTER);
      set_colour(cr, ink);
      const double h = v.height() + (shown ? n.height() : 0) + (certainty ? k.height() : 0);
      v.draw(cr, x + (cell_w - v.width()) / 2, y + (cell_h - h) / 2);
      if (shown) n.draw(cr, x + (cell_w - n.width()) / 2, y + (cell_h - h) / 2 + v.height());
      if (certainty) k.draw(cr, x + (cell_w - k.width()) / 2, y + (cell_h - h) / 2 + v.height() + n.height());
    }
  }
  Text rating(w.chart_rating, 7.5);
  set_colour(cr, {0.35, 0.35, 0.35});
  rating.draw(cr, 0, top + 2 * cell_h + 4);
  draw_rc_scale(cr, label_w, top + 2 * cell_h + 4, std::min(2 * cell_w, 260.0), a.options, lang);
}

// The questions of dimension d, as bullets under a heading naming the pair.
void questions(ReportDocument& doc, int d, const std::string& heading, Lang lang) {
  const auto qs = dialogue_questions(d, lang);
  if (qs.empty()) return;
  doc.paragraph(heading + " (" + std::string(dimension_name(lang, d)) + ")", 9.5, true);
  std::vector<std::string> items(qs.begin(), qs.end());
  doc.bullets(items, 9);
}

}  // namespace

void decision_page(ReportDocument& doc, const ReportInput& in) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const Findings& f = *in.findings;
  const Lang lang = in.figure.lang;
  const DecisionWords& w = decision_words(lang);
  const std::string sa = side_name(lang, f.side_a), sb = side_name(lang, f.side_b);
  auto label = [&](std::uint32_t u) { return s.units[u].label; };
  doc.heading(capitalised(glossary("decision_page", lang)));
  std::vector<std::string> messages;
  // 1. How many cross-side ties are clearly weak, borderline, without answers.
  if (f.cross_shown > 0)
    messages.push_back(fmt(w.weak_counts, {std::to_string(f.cross_clearly_weak), std::to_string(f.cross_shown), sa, sb,
                                           std::to_string(f.cross_borderline), std::to_string(f.cross_unmeasured)}));
  // 2. The clearly weakest pairs.
  std::vector<std::string> weakest;
  for (const TieFinding& t : f.weakest_cross)
    if (t.rc < a.options.weak_below && t.certainty == Certainty::clear && weakest.size() < 3)
      weakest.push_back(label(t.source) + " \u2192 " + label(t.target) + " (" + rc_text(t.rc, a.options, lang) + ")");
  messages.push_back(weakest.empty() ? fmt(w.no_clear, {sa, sb}) : fmt(w.weakest, {join_list(weakest, lang)}));
  // 3. The dimension(s) separating the sides.
  if (f.gap_dimension >= 0) messages.push_back(dimension_message(in));
  // 4. Who can carry the ball.
  if (f.bridge_gap_pairs == 0) {
    messages.push_back(fmt(w.no_weak_pairs, {sa, sb}));
  } else if (f.bridges.empty()) {
    messages.push_back(w.no_bridges);
  } else {
    std::vector<std::string> names;
    for (const BridgeFinding& b : f.bridges)
      names.push_back(fmt(w.bridge_item, {label(b.unit), std::to_string(b.pairs), std::to_string(f.bridge_gap_pairs)}));
    // The maps ring the same units (render/figures/map.cpp) when report.pdf has them.
    const bool maps = s.units.size() <= in.max_figure_units && in.layout.size() == s.units.size();
    messages.push_back(fmt(maps ? w.bridges_map : w.bridges, {join_list(names, lang)}));
  }
  doc.bullets(messages, 10.5);
  doc.space(6);
  doc.figure(ReportDocument::kTextWidth, 200,
             [&](cairo_t* cr) { draw_sides_chart(cr, in, ReportDocument::kTextWidth, 200); });
  doc.paragraph(glossary("certainty_explained", lang), 8.5, false, {0.3, 0.3, 0.3});
  if (!f.bridges.empty()) doc.paragraph(glossary("bridge_explained", lang), 8.5, false, {0.3, 0.3, 0.3});
  // Dialogue questions for the dimension that separates the sides most.
  if (f.gap_dimension >= 0) {
    doc.space(4);
    questions(doc, f.gap_dimension, fmt(glossary("dialogue_intro", lang), {sa, sb}), lang);
  }
}

std::string dimension_message(const ReportInput& in) {
  const Findings& f = *in.findings;
  const Lang lang = in.figure.lang;
  const DecisionWords& w = decision_words(lang);
  const std::string sa = side_name(lang, f.side_a), sb = side_name(lang, f.side_b);
  if (f.gap_dimension < 0) return {};
  const auto k = static_cast<std::size_t>(f.gap_dimension);
  if (f.gap_dimensions.size() <= 1)
    return fmt(w.dimension_one, {capitalised(std::string(dimension_name(lang, f.gap_dimension))), sa, sb,
                                 format_number(f.cross_mean[k], 2, lang), format_number(f.within_mean[k], 2, lang)});
  std::vector<std::string> dims;
  for (int d : f.gap_dimensions) {
    const auto j = static_cast<std::size_t>(d);
    dims.push_back(std::string(dimension_name(lang, d)) + " (" +
                   format_number(f.within_mean[j] - f.cross_mean[j], 2, lang) + ")");
  }
  return fmt(w.dimension_many,
             {capitalised(join_list(dims, lang)), sa, sb, format_number(kDimensionGapTolerance, 2, lang),
              format_number(f.within_mean[k] - f.cross_mean[k], 2, lang)});
}

void dimension_table(ReportDocument& doc, const ReportInput& in) {
  const Findings& f = *in.findings;
  const Lang lang = in.figure.lang;
  if (f.gap_dimensions.empty() || f.side_a == f.side_b) return;
  const std::string sa = side_name(lang, f.side_a), sb = side_name(lang, f.side_b);
  const std::string within = glossary("within_named", lang);
  ReportTable t;
  t.header = {capitalised(glossary("dimension", lang)),
              sa + " \u2192 " + sb,
              sb + " \u2192 " + sa,
              fmt(within, {sa}),
              fmt(within, {sb}),
              capitalised(glossary("gap", lang))};
  t.right_aligned = {false, true, true, true, true, true};
  t.font_size = 8;
  auto num = [&](double v) { return std::isfinite(v) ? format_number(v, 2, lang) : std::string(); };
  for (int d : f.gap_dimensions) {
    const auto j = static_cast<std::size_t>(d);
    t.rows.push_back({std::string(dimension_name(lang, d)), num(f.a_to_b_mean[j]), num(f.b_to_a_mean[j]),
                      num(f.within_a_mean[j]), num(f.within_b_mean[j]), num(f.within_mean[j] - f.cross_mean[j])});
  }
  doc.table(t);
}

std::string bridge_column(Lang lang) {
  return lang == Lang::da ? "Kan bygge bro (par)" : lang == Lang::nb ? "Kan bygge bro (par)" : "Can bridge (pairs)";
}

std::string bridge_note(Lang lang) {
  return lang == Lang::da ? "Kan bygge bro: antal svage par eller par på grænsen, hvor enheden samarbejder godt begge "
                            "veje med begge enheder (bridges.csv)."
         : lang == Lang::nb ? "Kan bygge bro: antall svake par eller par på grensen der enheten samarbeider godt begge "
                              "veier med begge enhetene (bridges.csv)."
                            : "Can bridge: the weak or borderline pairs whose two units both coordinate well with "
                              "this unit in both directions (bridges.csv).";
}

void pair_pages(ReportDocument& doc, const ReportInput& in) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const Lang lang = in.figure.lang;
  const DecisionWords& w = decision_words(lang);
  for (const auto& [x, y] : clearly_weakest_pairs(*in.findings, a.options.weak_below)) {
    doc.heading(fmt(w.pair_heading, {s.units[x].label, s.units[y].label}));
    doc.paragraph(w.pair_note, 9);
    const Tie* dir[2] = {a.shown(x, y), a.shown(y, x)};
    const std::uint32_t from[2] = {x, y}, to[2] = {y, x};
    const Rgb bar_colour[2] = {{0.36, 0.23, 0.55}, {0.85, 0.55, 0.15}};
    for (int k = 0; k < 2; ++k) {
      const std::string line =
          dir[k] ? fmt(w.direction, {s.units[from[k]].label, s.units[to[k]].label, rc_text(dir[k]->rc, a.options, lang),
                                     std::to_string(dir[k]->n),
                                     glossary(dir[k]->rc < a.options.weak_below &&
                                                      threshold_certainty(dir[k]->ci_low, dir[k]->ci_high,
                                                                          a.options.weak_below) == Certainty::clear
                                                  ? "clearly_weak"
                                              : threshold_certainty(dir[k]->ci_low, dir[k]->ci_high,
                                                                    a.options.weak_below) == Certainty::borderline
                                                  ? "borderline"
                                                  : strength_name(dir[k]->strength),
                                              lang)})
                 : fmt(w.direction_hidden, {s.units[from[k]].label, s.units[to[k]].label});
      doc.paragraph(line, 9.5, true, {bar_colour[k].r, bar_colour[k].g, bar_colour[k].b});
    }
    // Seven dimensions, one bar per shown direction, on the 1-5 scale.
    const double row_h = 30, label_w = 170, chart_w = ReportDocument::kTextWidth - label_w - 40;
    doc.figure(ReportDocument::kTextWidth, row_h * kDimensionCount + 24, [&](cairo_t* cr) {
      auto xpos = [&](double v) { return label_w + (v - 1) / 4 * chart_w; };
      for (int v = 1; v <= 5; ++v) {
        set_colour(cr, {0.85, 0.85, 0.85});
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, xpos(v), 0);
        cairo_line_to(cr, xpos(v), row_h * kDimensionCount);
        cairo_stroke(cr);
        Text t(std::to_string(v), 7);
        set_colour(cr, {0.4, 0.4, 0.4});
        t.draw(cr, xpos(v) - t.width() / 2, row_h * kDimensionCount + 3);
      }
      // The weak threshold as a dashed line.
      const double dash[] = {3, 2};
      cairo_set_dash(cr, dash, 2, 0);
      set_colour(cr, {0.5, 0.3, 0.1});
      cairo_move_to(cr, xpos(a.options.weak_below), 0);
      cairo_line_to(cr, xpos(a.options.weak_below), row_h * kDimensionCount);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      for (int d = 0; d < kDimensionCount; ++d) {
        const auto j = static_cast<std::size_t>(d);
        Text name(std::string(dimension_name(lang, d)), 8.5, false, label_w - 8);
        set_colour(cr, {0.15, 0.15, 0.15});
        name.draw(cr, 0, d * row_h + (row_h - name.height()) / 2);
        for (int k = 0; k < 2; ++k) {
          if (!dir[k] || !std::isfinite(dir[k]->dim_mean[j])) continue;
          const double v = dir[k]->dim_mean[j], by = d * row_h + 4 + k * 11;
          set_colour(cr, bar_colour[k]);
          cairo_rectangle(cr, xpos(1), by, xpos(v) - xpos(1), 9);
          cairo_fill(cr);
          Text t(format_number(v, rc_decimals(v, 2, a.options), lang), 7);
          set_colour(cr, {0.1, 0.1, 0.1});
          t.draw(cr, xpos(v) + 3, by + (9 - t.height()) / 2);
        }
      }
    });
    // Dialogue questions for the pair's lowest dimension (over both directions).
    const int lowest = lowest_pair_dimension(dir[0], dir[1]);
    if (lowest >= 0)
      questions(doc, lowest, fmt(glossary("dialogue_intro", lang), {s.units[x].label, s.units[y].label}), lang);
  }
}

}  // namespace rcmap::render::detail
