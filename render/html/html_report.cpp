// report.html (rcmap/render/html/html_report.hpp): the data object of
// docs/html-report.md "Data model" and the assembly of "Assembly".
#include "rcmap/render/html/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

#include "canvas/canvas.hpp"
#include "canvas/ink.hpp"
#include "figures/map_parts.hpp"
#include "html/html_assets.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/json_reader.hpp"
#include "rcmap/io/json_writer.hpp"
#include "rcmap/outputs/certainty.hpp"
#include "rcmap/outputs/palette.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/i18n/change_words.hpp"
#include "rcmap/render/i18n/i18n.hpp"
#include "report/change_report_words.hpp"
#include "report/decision_page.hpp"
#include "report/wording.hpp"
#include "report/report_words.hpp"

namespace rcmap::render {
using namespace detail;

namespace {

// Compact JSON (RFC 8259) into a string: no spaces, fields in call order.
class Js {
 public:
  std::string out;
  Js& obj() { return open('{'); }
  Js& end_obj() { return close('}'); }
  Js& arr() { return open('['); }
  Js& end_arr() { return close(']'); }
  Js& key(std::string_view k) {
    sep();
    out += json_escape(k);
    out += ':';
    after_key_ = true;
    return *this;
  }
  Js& str(std::string_view s) {
    sep();
    out += json_escape(s);
    return *this;
  }
  // A statistic as the CSV files write it (format_fixed, 6 decimals); NaN: null.
  Js& stat(double v) { return number(v, 6); }
  // A page coordinate: 2 decimals, trailing zeros dropped ("12.5", "300").
  Js& coord(double v) {
    if (!std::isfinite(v)) return null();
    std::string s = format_fixed(v, 2);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    sep();
    out += s;
    return *this;
  }
  Js& number(double v, int decimals) {
    if (!std::isfinite(v)) return null();
    sep();
    out += format_fixed(v, decimals);
    return *this;
  }
  Js& integer(long long v) {
    sep();
    out += std::to_string(v);
    return *this;
  }
  Js& boolean(bool b) {
    sep();
    out += b ? "true" : "false";
    return *this;
  }
  Js& null() {
    sep();
    out += "null";
    return *this;
  }
  // Pre-serialised JSON (a block, the words).
  Js& raw(std::string_view json) {
    sep();
    out += json;
    return *this;
  }

 private:
  Js& open(char c) {
    sep();
    out += c;
    first_.push_back(true);
    return *this;
  }
  Js& close(char c) {
    out += c;
    first_.pop_back();
    return *this;
  }
  void sep() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out += ',';
    first_.back() = false;
  }
  std::vector<bool> first_;
  bool after_key_ = false;
};

const char* lang_code(Lang l) { return l == Lang::da ? "da" : l == Lang::nb ? "nb" : "en"; }

// words.json, parsed once (a function-local static: initialised once, thread-safe).
const JsonValue& all_words() {
  static const JsonValue w = parse_json(html_assets::words, "render/html/words.json");
  return w;
}
// words.json[lang][key], or "" when absent.
std::string word(Lang lang, const char* key) {
  const JsonValue* w = all_words().get(lang_code(lang));
  const JsonValue* v = w ? w->get(key) : nullptr;
  return v ? v->text : std::string();
}

std::string hex(const Colour& c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(c.hex()));
  return buf;
}
std::string hex(const Rgb& c) { return hex(Colour{c.r, c.g, c.b}); }

// The fields every kind shares (docs/html-report.md "Common fields"), up to
// and including "map"; `order` the sides in figure order.
void common_fields(Js& j, const char* kind, const FigureOptions& o, const AggregateOptions& agg,
                   const std::vector<std::string>& order, const std::string& version,
                   const std::string& subtitle_text) {
  const ReportWords& rw = report_words(o.lang);
  j.key("schema").integer(1);
  j.key("kind").str(kind);
  j.key("lang").str(lang_code(o.lang));
  j.key("generator").str("rcmap " + version);
  j.key("title").str(o.title.empty() ? std::string(rw.default_title) : o.title);
  j.key("subtitle").str(subtitle_text);
  j.key("footer").str(fmt(rw.generated, {version}));
  j.key("words").raw(html_words_json(o.lang));
  // docs/glossary.md 1.4: decimal mark and grouping (nb: a no-break space).
  j.key("number_format").obj();
  j.key("decimal").str(o.lang == Lang::en ? "." : ",");
  j.key("group").str(o.lang == Lang::en ? "," : o.lang == Lang::da ? "." : "\u00a0");
  j.key("minus").str("\u2212");
  j.end_obj();
  j.key("thresholds").obj();
  j.key("weak_below").stat(agg.weak_below);
  j.key("strong_from").stat(agg.strong_from);
  j.key("min_n").integer(agg.min_n);
  j.key("asymmetry").stat(o.asymmetry);
  j.end_obj();
  j.key("gap_sides").arr().str(o.side_a).str(o.side_b).end_arr();
  j.key("sides").arr();
  for (std::size_t k = 0; k < order.size(); ++k) {
    j.obj();
    j.key("id").str(order[k]);
    j.key("label").str(side_name(o.lang, order[k]));
    j.key("colour").str(hex(side_palette_colour(k)));
    j.end_obj();
  }
  j.end_arr();
  j.key("dimensions").arr();
  for (int d = 0; d < kDimensionCount; ++d) {
    j.obj();
    j.key("key").str(kDimensions[static_cast<std::size_t>(d)]);
    j.key("label").str(dimension_name(o.lang, d));
    j.key("group").str(((kCommunicationMask >> d) & 1) ? "communication" : "relationship");
    j.end_obj();
  }
  j.end_arr();
  // palette.hpp rc_scale_colour and delta_scale_colour (the anchors they interpolate).
  j.key("palette").obj();
  j.key("rc").obj();
  j.key("weak").arr().str("#7f3b08").str("#f1a340").end_arr();
  j.key("weak_span").number(1.0, 1);
  j.key("moderate").arr().str("#b8b8b8").str("#9a9a9a").end_arr();
  j.key("strong").arr().str("#998ec3").str("#542788").end_arr();
  j.key("missing").str(hex(rc_scale_colour(kNaN, agg)));
  j.end_obj();
  j.key("delta").obj();
  j.key("stops").arr();
  for (int k = -3; k <= 3; ++k) j.str(hex(delta_scale_colour(0.5 * k / 3.0, 0.5)));
  j.end_arr();
  j.key("limit").number(0.5, 1);
  j.key("missing").str(hex(delta_scale_colour(kNaN)));
  j.end_obj();
  // map.png's weak-tie grading and bridge ring (render/figures/map_parts.hpp).
  j.key("weak_ties").obj();
  j.key("clear").str(hex(kClearlyWeakInk)).key("borderline").str(hex(kBorderlineWeakInk));
  j.key("dash").arr().coord(kBorderlineDash[0]).coord(kBorderlineDash[1]).end_arr();
  j.end_obj();
  j.key("bridge_ring").obj();
  j.key("colour").str(hex(kBridgeRingInk)).key("gap").coord(kBridgeRingGap).key("width").coord(kBridgeRingWidth);
  j.end_obj();
  j.end_obj();
}

// Certainty of a shown tie's strength class (docs/metrics.md "Certainty",
// the one rule of ties.csv): clear, borderline or unknown.
void certainty(Js& j, const Tie& t, const AggregateOptions& ao) { j.str(certainty_name(tie_certainty(t, ao))); }

// The key findings of report.pdf (render/report/report.cpp key_findings), as
// sentences with what "Show on the map" highlights.
void findings_field(Js& j, const Survey& s, const Aggregate& a, const MetricsResult* m, const Findings& f,
                    const FigureOptions& o) {
  const Lang lang = o.lang;
  const ReportWords& rw = report_words(lang);
  auto label = [&](std::uint32_t u) { return label_text(s.units[u].label); };
  auto id = [&](std::uint32_t u) { return s.units[u].id; };
  auto num = [&](double v, int d = 2) { return format_number(v, d, lang); };
  const std::string sa = side_name(lang, f.side_a), sb = side_name(lang, f.side_b);
  auto finding = [&](const char* kind, const std::string& text) {
    j.obj();
    j.key("kind").str(kind);
    j.key("text").str(text);
  };
  auto no_highlight = [&] {
    j.key("units").arr().end_arr();
    j.key("ties").arr().end_arr();
  };
  j.key("findings").arr();
  if (std::isfinite(a.overall_rc)) {
    finding("overall", fmt(rw.overall, {num(a.overall_rc), format_count(static_cast<std::size_t>(a.overall_n), lang)}));
    no_highlight();
    j.end_obj();
  }
  if (f.cross_shown > 0) {
    finding("weakest", fmt(rw.weakest_intro, {format_count(static_cast<std::size_t>(f.cross_weak), lang),
                                              format_count(static_cast<std::size_t>(f.cross_shown), lang), sa, sb,
                                              num(a.options.weak_below, 1),
                                              format_count(static_cast<std::size_t>(f.cross_clearly_weak), lang)}));
    j.key("items").arr();
    for (const TieFinding& t : f.weakest_cross) {
      j.str(weakest_tie_item(t, label(t.source), label(t.target), a.options, lang));  // as report.pdf
    }
    j.end_arr();
    j.key("units").arr().end_arr();
    j.key("ties").arr();
    for (const TieFinding& t : f.weakest_cross) j.arr().str(id(t.source)).str(id(t.target)).end_arr();
    j.end_arr();
    j.end_obj();
  }
  if (f.cross_unmeasured > 0) {
    // The units of the ordered side_a<->side_b pairs without a shown tie.
    std::set<std::uint32_t> units;
    auto shown = [&](std::uint32_t u, std::uint32_t v) {
      const long i = a.find(u, v);
      return i >= 0 && !a.ties[static_cast<std::size_t>(i)].suppressed;
    };
    for (std::uint32_t u = 0; u < s.units.size(); ++u)
      for (std::uint32_t v = 0; v < s.units.size(); ++v) {
        const std::string &su = s.units[u].side, &sv = s.units[v].side;
        const bool gp = (su == f.side_a && sv == f.side_b) || (su == f.side_b && sv == f.side_a);
        if (u != v && gp && !shown(u, v)) units.insert(u), units.insert(v);
      }
    finding("unmeasured",
            fmt(rw.unmeasured, {std::to_string(f.cross_unmeasured), sa, sb, std::to_string(a.options.min_n)}));
    j.key("units").arr();
    for (std::uint32_t u : units) j.str(id(u));
    j.end_arr();
    j.key("ties").arr().end_arr();
    j.end_obj();
  }
  if (!f.central.empty()) {
    std::vector<std::string> names;
    for (const CentralFinding& c : f.central) names.push_back(label(c.unit) + " (" + num(c.pagerank, 3) + ")");
    finding("central", fmt(rw.central, {join_list(names, lang)}));
    j.key("units").arr();
    for (const CentralFinding& c : f.central) j.str(id(c.unit));
    j.end_arr();
    j.key("ties").arr().end_arr();
    j.end_obj();
  }
  if (f.gap_dimension >= 0) {
    const auto k = static_cast<std::size_t>(f.gap_dimension);
    if (f.gap_dimensions.size() > 1) {  // several, indistinguishable (report.pdf's sentence)
      ReportInput in;
      in.survey = &s;
      in.aggregate = &a;
      in.metrics = m;
      in.findings = &f;
      in.figure = o;
      finding("dimension", dimension_message(in));
    } else {
      finding("dimension",
              fmt(rw.gap_dimension, {std::string(dimension_name(lang, f.gap_dimension)), num(f.cross_mean[k]), sa, sb,
                                     num(f.within_mean[k]), num(f.within_mean[k] - f.cross_mean[k])}));
    }
    no_highlight();
    j.key("sides").arr().str(f.side_a).str(f.side_b).end_arr();
    j.end_obj();
  }
  if (f.one_sided_total > 0) {
    finding("one_sided", fmt(f.one_sided_total == 1 ? rw.one_sided_intro_one : rw.one_sided_intro,
                             {std::to_string(f.one_sided_total), num(o.asymmetry, 1)}));
    j.key("items").arr();
    for (const OneSidedFinding& x : f.one_sided)
      j.str(fmt(rw.one_sided_item, {label(x.source), label(x.target), num(x.rc), num(x.reverse_rc)}));
    j.end_arr();
    j.key("units").arr().end_arr();
    j.key("ties").arr();
    for (const OneSidedFinding& x : f.one_sided) {
      j.arr().str(id(x.source)).str(id(x.target)).end_arr();
      j.arr().str(id(x.target)).str(id(x.source)).end_arr();
    }
    j.end_arr();
    j.end_obj();
  }
  j.end_arr();
}

void profile_field(Js& j, const Survey& s, const Aggregate& a, const FigureOptions& o) {
  const Words& w = words(o.lang);
  // The profile figure's colours (render/figures/profile.cpp).
  const Rgb colours[4] = {side_colour(0), side_colour(1), tint(side_colour(0), 0.55), tint(side_colour(1), 0.55)};
  j.key("profile").obj().key("groups").arr();
  const std::vector<ProfileGroup> groups = profile_groups(s, a, o);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const ProfileGroup& p = groups[g];
    j.obj();
    j.key("key").str(p.source_side + ">" + p.target_side);
    j.key("label").str(p.source_side == p.target_side
                           ? fill(w.within, side_name(o.lang, p.source_side))
                           : fill(w.arrow, side_name(o.lang, p.source_side), side_name(o.lang, p.target_side)));
    j.key("colour").str(hex(colours[g % 4]));
    j.key("border").str(hex(side_colour(g % 2)));
    j.key("source_side").str(p.source_side);
    j.key("target_side").str(p.target_side);
    j.key("n").integer(p.n);
    j.key("ties").integer(p.ties);
    j.key("means").arr();
    for (double m : p.mean) j.stat(m);
    j.end_arr();
    j.end_obj();
  }
  j.end_arr().end_obj();
}

}  // namespace

std::string html_words_json(Lang lang) {
  const JsonValue* w = all_words().get(lang_code(lang));
  if (!w || w->kind != JsonValue::Kind::object)
    throw OutputError(std::string("render/html/words.json has no object \"") + lang_code(lang) + "\"");
  Js j;
  j.obj();
  for (const JsonMember& m : w->members) j.key(m.first).str(m.second.text);
  j.end_obj();
  return j.out;
}

std::string html_analysis_block(const HtmlAnalysis& in, const FigureOptions& o) {
  const Survey& s = *in.survey;
  const Aggregate& a = *in.aggregate;
  const AggregateOptions& ao = a.options;
  const std::size_t U = s.units.size();
  Js j;
  j.obj();
  // Overall figures, with the response rate of report.pdf's title page.
  const std::vector<int> resp = respondents_per_unit(s, a);
  long r_sum = 0, h_sum = 0;
  for (std::size_t i = 0; i < U; ++i)
    if (s.units[i].headcount && *s.units[i].headcount > 0) r_sum += resp[i], h_sum += *s.units[i].headcount;
  j.key("overall").obj();
  j.key("rc").stat(a.overall_rc);
  j.key("n").integer(a.overall_n);
  j.key("respondents").integer(total_respondents(s, a));
  j.key("response_rate").stat(h_sum > 0 ? static_cast<double>(r_sum) / static_cast<double>(h_sum) : kNaN);
  j.end_obj();

  // The map's node and label placement (map.cpp place; all units are drawn).
  const HtmlAnalysis& pa = in.placed_as ? *in.placed_as : in;
  const Placement pl = place(*pa.survey, *pa.aggregate, pa.layout, o, false);
  const MapGeometry& g = pl.geo;
  j.key("map").obj();
  j.key("width").coord(kPageWidth).key("height").coord(kPageHeight);
  j.key("area").arr().coord(g.map_area.x0).coord(g.map_area.y0).coord(g.map_area.x1).coord(g.map_area.y1).end_arr();
  j.key("label_font").coord(g.label_font_size);
  j.end_obj();

  j.key("units").arr();
  for (std::uint32_t i = 0; i < U; ++i) {
    const Unit& u = s.units[i];
    const UnitResult& ur = a.units[i];
    j.obj();
    j.key("id").str(u.id).key("label").str(label_text(u.label)).key("side").str(u.side);
    j.key("x").coord(g.centre[i].x).key("y").coord(g.centre[i].y).key("r").coord(g.radius[i]);
    const Box& lb = g.label_boxes[i];
    j.key("label_box").arr().coord(lb.x0).coord(lb.y0).coord(lb.x1).coord(lb.y1).end_arr();
    j.key("label_align")
        .str(pl.align[i] == PANGO_ALIGN_RIGHT    ? "right"
             : pl.align[i] == PANGO_ALIGN_CENTER ? "center"
                                                 : "left");
    if (a.from_ties)
      j.key("respondents").null();
    else
      j.key("respondents").integer(ur.respondents);
    if (u.headcount)
      j.key("headcount").integer(*u.headcount);
    else
      j.key("headcount").null();
    j.key("response_rate").stat(ur.response_rate);
    j.key("rc_given").stat(ur.rc_given).key("rc_received").stat(ur.rc_received);
    const bool metrics = in.metrics && i < in.metrics->units.size();
    j.key("pagerank").stat(metrics ? in.metrics->units[i].pagerank : kNaN);
    j.key("betweenness").stat(metrics ? in.metrics->units[i].betweenness : kNaN);
    j.key("within");
    const long w = a.find(i, i);
    if (w < 0) {
      j.null();
    } else if (a.ties[static_cast<std::size_t>(w)].suppressed) {
      j.obj().key("hidden").boolean(true).end_obj();
    } else {
      const Tie& t = a.ties[static_cast<std::size_t>(w)];
      j.obj().key("rc").stat(t.rc).key("n").integer(t.n).key("ci_low").stat(t.ci_low).key("ci_high").stat(t.ci_high);
      j.key("certainty");
      certainty(j, t, ao);
      j.end_obj();
    }
    j.end_obj();
  }
  j.end_arr();

  // Shown between-unit ties, with the map's emphasis (map.cpp, --ties emphasis).
  auto gap_pair = [&](std::uint32_t u, std::uint32_t v) {
    const std::string &su = s.units[u].side, &sv = s.units[v].side;
    return (su == o.side_a && sv == o.side_b) || (su == o.side_b && sv == o.side_a);
  };
  j.key("ties").arr();
  for (const Tie& t : a.ties) {
    if (t.suppressed || t.within()) continue;
    const Tie* rev = a.shown(t.target, t.source);
    const bool weak = is_weak(t.rc, ao);
    const bool one_sided = rev && std::fabs(t.rc - rev->rc) >= o.asymmetry;
    const bool emph = weak || one_sided || (gap_pair(t.source, t.target) && !is_strong(t.rc, ao));
    const bool medium = emph && !weak && !one_sided;
    j.obj();
    j.key("s").integer(t.source).key("t").integer(t.target).key("n").integer(t.n);
    j.key("rc").stat(t.rc).key("ci_low").stat(t.ci_low).key("ci_high").stat(t.ci_high);
    j.key("strength").str(strength_name(t.strength));
    j.key("certainty");
    certainty(j, t, ao);
    // map.png's grading of a weak tie (weak_certainty): clear, borderline, or null.
    const Certainty wc = weak_certainty(t, ao);
    if (wc == Certainty::unknown)
      j.key("weak_certainty").null();
    else
      j.key("weak_certainty").str(certainty_name(wc));
    j.key("dims").arr();
    for (double m : t.dim_mean) j.stat(m);
    j.end_arr();
    j.key("communication").stat(t.communication).key("relationship").stat(t.relationship);
    j.key("emphasis").integer(emph ? (medium ? 1 : 2) : 0);
    j.key("cross_side").boolean(s.units[t.source].side != s.units[t.target].side);
    j.key("one_sided").boolean(one_sided);
    j.end_obj();
  }
  j.end_arr();
  // Suppressed between-unit pairs: a marker only (no score, no n).
  j.key("hidden").arr();
  for (const Tie& t : a.ties)
    if (t.suppressed && !t.within()) j.arr().integer(t.source).integer(t.target).end_arr();
  j.end_arr();

  // gaps.csv in its order; n only where the tie is shown (Gap::n is 0 otherwise).
  j.key("gaps").arr();
  if (in.metrics)
    for (const Gap& gp : in.metrics->gaps) {
      const Tie* t = a.shown(gp.source, gp.target);
      j.obj();
      j.key("s").integer(gp.source).key("t").integer(gp.target).key("kind").str(gp.kind);
      j.key("severity").stat(gp.severity);
      j.key("rc").stat(t ? gp.rc : kNaN);
      if (t)
        j.key("n").integer(gp.n);
      else
        j.key("n").null();
      j.key("reverse_rc").stat(gp.reverse_rc);
      // Weak or not against weak_below (gaps.csv certainty); none for an unmeasured pair.
      if (gp.kind == "unmeasured")
        j.key("certainty").null();
      else
        j.key("certainty").str(certainty_name(gp.certainty));
      j.end_obj();
    }
  j.end_arr();
  if (in.findings)
    findings_field(j, s, a, in.metrics, *in.findings, o);
  else
    j.key("findings").arr().end_arr();
  profile_field(j, s, a, o);
  // bridges.csv: the best bridge (rank 1) of each of the first kMaxBridgePairs
  // bridged gap pairs, in gaps.csv order (all of them are in bridges.csv);
  // rc_in = source->bridge, rc_out = bridge->target.
  constexpr std::size_t kMaxBridgePairs = 10;
  j.key("bridges").arr();
  if (in.metrics) {
    std::size_t pairs = 0;
    for (const Bridge& b : in.metrics->bridges) {
      if (b.rank != 1) continue;
      if (++pairs > kMaxBridgePairs) break;
      const Tie* st = a.shown(b.source, b.target);
      j.obj().key("s").integer(b.source).key("t").integer(b.target).key("bridge").integer(b.bridge);
      j.key("rank").integer(static_cast<long long>(pairs)).key("rc").stat(st ? st->rc : kNaN);
      j.key("rc_in").stat(b.rc[0]).key("rc_out").stat(b.rc[3]).end_obj();
    }
  }
  j.end_arr();
  // The units map.png rings as best-placed bridges (ringed_bridges, the
  // decision page's) with the weak or borderline gap pairs each bridges, of
  // `gap_pairs`.
  j.key("bridge_ring").obj();
  j.key("gap_pairs").integer(in.findings ? in.findings->bridge_gap_pairs : 0);
  j.key("units").arr();
  for (const BridgeFinding& b : ringed_bridges(a, in.findings))
    if (b.unit < U) j.obj().key("unit").str(s.units[b.unit].id).key("pairs").integer(b.pairs).end_obj();
  j.end_arr().end_obj();
  // Dialogue questions (docs/dialogue-questions.tsv) as on report.pdf's
  // decision and pair pages: the dimension that separates the sides most,
  // then the lowest dimension (over both shown directions) of the weakest pair.
  j.key("dialogue").arr();
  auto questions = [&](int d) {
    j.key("questions").arr();
    for (std::string_view q : dialogue_questions(d, o.lang)) j.str(q);
    j.end_arr();
  };
  if (in.findings && in.findings->gap_dimension >= 0 &&
      !dialogue_questions(in.findings->gap_dimension, o.lang).empty()) {
    j.obj().key("dimension").str(kDimensions[static_cast<std::size_t>(in.findings->gap_dimension)]);
    questions(in.findings->gap_dimension);
    j.end_obj();
  }
  if (in.findings && !in.findings->weakest_cross.empty()) {
    const TieFinding& w = in.findings->weakest_cross.front();
    const Tie* dir[2] = {a.shown(w.source, w.target), a.shown(w.target, w.source)};
    const int lowest = lowest_pair_dimension(dir[0], dir[1]);
    if (lowest >= 0 && lowest != in.findings->gap_dimension && !dialogue_questions(lowest, o.lang).empty()) {
      j.obj().key("dimension").str(kDimensions[static_cast<std::size_t>(lowest)]);
      j.key("units").arr().str(s.units[w.source].id).str(s.units[w.target].id).end_arr();
      questions(lowest);
      j.end_obj();
    }
  }
  j.end_arr();
  j.end_obj();
  return j.out;
}

std::string html_report_analyze(const std::string& block, const Survey& s, const Aggregate& a, const FigureOptions& o,
                                const std::string& version) {
  Js j;
  j.obj();
  common_fields(j, "analyze", o, a.options, side_order(s, o), version, subtitle(s, a, o));
  // The block's fields at the top level: the block without its braces.
  j.out += ',';
  j.out.append(block, 1, block.size() - 2);
  j.out += '}';
  return assemble_html(j.out, o.lang, o.title.empty() ? report_words(o.lang).default_title : o.title,
                       "rcmap " + version);
}

std::string html_report_sites(const std::vector<std::string>& blocks, const Survey& first, const AggregateOptions& agg,
                              const SitesBenchmark& b, long highlight, const FigureOptions& o,
                              const std::string& version) {
  const Lang lang = o.lang;
  Js j;
  j.obj();
  // "{0} sites" (the viewer's site switch names each one).
  const char* sites_word = lang == Lang::en ? "{0} sites" : "{0} kommuner";
  common_fields(j, "sites", o, agg, side_order(first, o), version, fmt(sites_word, {std::to_string(b.sites.size())}));
  j.key("sites").arr();
  for (std::size_t k = 0; k < b.sites.size() && k < blocks.size(); ++k) {
    j.obj().key("id").str(b.sites[k].site).key("label").str(b.sites[k].site).key("block").raw(blocks[k]);
    j.end_obj();
  }
  j.end_arr();
  // The series of the sites figure (render/figures/sites_plot.cpp).
  const Words& w = words(lang);
  j.key("benchmark").obj().key("series").arr();
  struct Series {
    const char* key;
    std::string label;
    std::string colour;
  };
  const ChangeWords& chw = change_words(lang);
  const std::vector<Series> series = {
      {"overall", chw.overall, hex(ink::text)},
      {"a_b", fill(w.arrow, side_name(lang, o.side_a), side_name(lang, o.side_b)), hex(side_colour(0))},
      {"b_a", fill(w.arrow, side_name(lang, o.side_b), side_name(lang, o.side_a)), hex(side_colour(1))},
      {"within", chw.within_sides, hex(side_colour(4))}};
  for (const Series& x : series)
    j.obj().key("key").str(x.key).key("label").str(x.label).key("colour").str(x.colour).end_obj();
  j.end_arr();
  j.key("rows").arr();
  for (const SiteResult& r : b.sites) {
    j.obj().key("site").str(r.site).key("respondents").integer(r.respondents);
    j.key("response_rate").stat(r.response_rate);
    j.key("values").obj();
    const std::pair<double, double> v[4] = {{r.overall_rc, r.overall_pct},
                                            {r.authority_provider, r.authority_provider_pct},
                                            {r.provider_authority, r.provider_authority_pct},
                                            {r.within_side, r.within_side_pct}};
    for (int k = 0; k < 4; ++k)
      j.key(series[static_cast<std::size_t>(k)].key)
          .obj()
          .key("rc")
          .stat(v[k].first)
          .key("pct")
          .stat(v[k].second)
          .end_obj();
    j.end_obj().end_obj();
  }
  j.end_arr().end_obj();
  j.key("highlight")
      .str(highlight >= 0 && static_cast<std::size_t>(highlight) < b.sites.size()
               ? b.sites[static_cast<std::size_t>(highlight)].site
               : (b.sites.empty() ? std::string() : b.sites.front().site));
  j.end_obj();
  return assemble_html(j.out, lang, o.title.empty() ? report_words(lang).default_title : o.title, "rcmap " + version);
}

std::string html_report_compare(const std::vector<HtmlAnalysis>& waves, const std::vector<std::string>& labels,
                                const Comparison& c, const ChangeFindings& f, const FigureOptions& o,
                                const std::string& version) {
  const Lang lang = o.lang;
  const ChangeReportWords& cw = change_report_words(lang);
  const Survey& first = *waves.front().survey;
  Js j;
  j.obj();
  std::string all;
  for (const auto& l : labels) all += (all.empty() ? "" : ", ") + l;
  common_fields(j, "compare", o, c.options.agg, side_order(first, o), version, all);
  j.key("waves").arr();
  for (std::size_t k = 0; k < waves.size(); ++k)
    j.obj()
        .key("id")
        .str(labels[k])
        .key("label")
        .str(labels[k])
        .key("block")
        .raw(html_analysis_block(waves[k], o))
        .end_obj();
  j.end_arr();
  // Compared ties between different units (changes.csv rows with a change).
  j.key("changes").obj().key("ties").arr();
  for (const TieChange& t : c.ties) {
    if (!t.compared() || t.source == t.target) continue;
    j.obj().key("s").integer(t.source).key("t").integer(t.target);
    j.key("rc_before").stat(t.rc_before).key("rc_after").stat(t.rc_after).key("delta").stat(t.delta);
    j.key("ci_low").stat(t.ci_low).key("ci_high").stat(t.ci_high).key("q").stat(t.q);
    j.key("n_before").integer(t.n_before).key("n_after").integer(t.n_after);
    j.key("direction")
        .str(t.direction == Direction::improved ? "improved"
             : t.direction == Direction::worse  ? "worse"
                                                : "none");
    j.key("credible").boolean(t.credible());
    j.end_obj();
  }
  j.end_arr().end_obj();
  // The key findings of compare's report.pdf (render/report/change_report.cpp).
  const std::string min_n = std::to_string(c.options.agg.min_n);
  const std::string sa = side_name(lang, f.side_a), sb = side_name(lang, f.side_b);
  auto num = [&](double v) { return std::isfinite(v) ? format_number(v, 2, lang) : std::string(); };
  auto signed_num = [&](double v) { return (v > 0 ? "+" : "") + num(v); };
  j.key("findings").arr();
  j.obj().key("kind").str("overall");
  j.key("text").str(fmt(cw.counts, {std::to_string(f.compared), min_n, std::to_string(f.improved),
                                    std::to_string(f.worse), std::to_string(f.no_credible)}));
  j.key("units").arr().end_arr().key("ties").arr().end_arr().end_obj();
  auto top = [&](const char* kind, const char* intro, const std::vector<std::size_t>& idx) {
    if (idx.empty()) return;
    j.obj().key("kind").str(kind).key("text").str(fmt(intro, {sa, sb}));
    j.key("items").arr();
    for (std::size_t i : idx) {
      const TieChange& t = c.ties[i];
      j.str(
          fmt(cw.tie_item, {label_text(c.units[t.source].label), label_text(c.units[t.target].label), num(t.rc_before),
                            num(t.rc_after), signed_num(t.delta), signed_num(t.ci_low), signed_num(t.ci_high)}));
    }
    j.end_arr().key("units").arr().end_arr().key("ties").arr();
    for (std::size_t i : idx) j.arr().str(c.units[c.ties[i].source].id).str(c.units[c.ties[i].target].id).end_arr();
    j.end_arr().end_obj();
  };
  top("improved", cw.top_improved, f.top_improved);
  top("worse", cw.top_declined, f.top_declined);
  j.end_arr();
  j.end_obj();
  return assemble_html(j.out, lang, o.title.empty() ? std::string(cw.title) : o.title, "rcmap " + version);
}

std::string html_report_network(const people::NetworkReport& r, const std::vector<std::uint32_t>& listed,
                                const std::vector<std::uint32_t>& brokers, const FigureOptions& o,
                                const std::string& version) {
  const std::vector<Unit>& units = *r.units;
  const people::People& P = *r.people;
  const people::PersonTies& T = *r.ties;
  const auto& pm = r.result->people;
  // Sides in figure order, from the units (side_a, side_b, then first appearance).
  Survey sides_of;
  sides_of.units = units;
  const std::vector<std::string> order = side_order(sides_of, o);
  AggregateOptions agg;
  agg.min_n = r.options.min_n;
  Js j;
  j.obj();
  // "1,399 people · 20,252 person ties": the counts with the viewer's words for them.
  std::size_t shown_ties = 0;
  {
    std::vector<char> is_listed(P.ids.size(), 0);
    for (std::uint32_t v : listed) is_listed[v] = 1;
    for (std::size_t e = 0; e < T.size(); ++e)
      shown_ties += is_listed[T.source[e]] && is_listed[T.target[e]] && T.source[e] != T.target[e];
  }
  auto lower = [&](const char* key) {  // "People" -> "people"
    std::string s = word(o.lang, key);
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
  };
  const std::string sub = format_count(listed.size(), o.lang) + " " + lower("people") + " \u00b7 " +
                          format_count(shown_ties, o.lang) + " " + lower("person_ties");
  common_fields(j, "network", o, agg, order, version, sub);
  // Unit discs and people as the person map places them (people::person_layout,
  // unit square scaled to 1000 x 1000).
  const people::PersonLayout lay = people::person_layout(units.size(), P, T, r.options.min_n, r.options.seed, true);
  constexpr double kScale = 1000;
  std::vector<long> row(P.ids.size(), -1);
  for (std::size_t k = 0; k < listed.size(); ++k) row[listed[k]] = static_cast<long>(k);
  std::vector<long> unit_slot(units.size(), -1);
  j.key("units").arr();
  long slots = 0;
  for (std::size_t k = 0; k < lay.units.size(); ++k) {
    const std::uint32_t u = lay.units[k];
    long people_in = 0;
    for (std::uint32_t v : listed) people_in += P.unit[v] == u;
    unit_slot[u] = slots++;
    j.obj().key("id").str(units[u].id).key("label").str(units[u].label).key("side").str(units[u].side);
    j.key("x").coord(lay.centre[k].x * kScale).key("y").coord(lay.centre[k].y * kScale);
    j.key("r").coord(lay.radius[k] * kScale).key("people").integer(people_in);
    j.end_obj();
  }
  j.end_arr();
  j.key("people").obj();
  j.key("id").arr();
  for (std::uint32_t v : listed) j.str(r.shown_id[v]);
  j.end_arr().key("unit").arr();
  for (std::uint32_t v : listed) j.integer(unit_slot[P.unit[v]]);
  j.end_arr().key("x").arr();
  for (std::uint32_t v : listed) j.coord(v < lay.person.size() ? lay.person[v].x * kScale : kNaN);
  j.end_arr().key("y").arr();
  for (std::uint32_t v : listed) j.coord(v < lay.person.size() ? lay.person[v].y * kScale : kNaN);
  j.end_arr().key("degree_in").arr();
  for (std::uint32_t v : listed) j.integer(pm[v].degree_in);
  j.end_arr().key("degree_out").arr();
  for (std::uint32_t v : listed) j.integer(pm[v].degree_out);
  j.end_arr().key("betweenness").arr();
  for (std::uint32_t v : listed) j.stat(pm[v].betweenness);
  j.end_arr().end_obj();
  // Ties between listed people, without weights (published nowhere).
  j.key("edges").arr();
  for (std::size_t e = 0; e < T.size(); ++e) {
    const long s = row[T.source[e]], t = row[T.target[e]];
    if (s >= 0 && t >= 0 && s != t) j.integer(s).integer(t);
  }
  j.end_arr();
  j.key("brokers").arr();
  for (std::size_t k = 0; k < brokers.size(); ++k) {
    const std::uint32_t v = brokers[k];
    const auto& b = pm[v].cross_side;
    j.obj().key("person").integer(row[v]).key("rank").integer(static_cast<long long>(k + 1));
    j.key("cross_side_pairs").integer(std::llround(b.gatekeeper + b.representative + b.liaison));
    j.key("gatekeeper").integer(std::llround(b.gatekeeper));
    j.key("representative").integer(std::llround(b.representative));
    j.key("liaison").integer(std::llround(b.liaison));
    j.end_obj();
  }
  j.end_arr();
  j.key("pseudonymised").boolean(r.pseudonymised);
  j.end_obj();
  return assemble_html(j.out, o.lang, o.title.empty() ? report_words(o.lang).default_title : o.title,
                       "rcmap " + version);
}

std::string assemble_html(const std::string& data_json, Lang lang, const std::string& title,
                          const std::string& generator) {
  auto escape = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        default:
          out += c;
      }
    }
    return out;
  };
  // No '<' in the data block: then neither "</script" nor "<!--" can end it.
  std::string data;
  data.reserve(data_json.size() + 64);
  for (char c : data_json) {
    if (c == '<')
      data += "\\u003c";
    else
      data += c;
  }
  const std::string noscript = word(lang, "noscript");
  const std::pair<std::string_view, std::string> subst[] = {{"@RCMAP_LANG@", escape(lang_code(lang))},
                                                            {"@RCMAP_GENERATOR@", escape(generator)},
                                                            {"@RCMAP_TITLE@", escape(title)},
                                                            {"/*@RCMAP_CSS@*/", std::string(html_assets::css)},
                                                            {"@RCMAP_NOSCRIPT@", escape(noscript)},
                                                            {"@RCMAP_DATA@", std::move(data)},
                                                            {"/*@RCMAP_JS@*/", std::string(html_assets::js)}};
  const std::string_view shell = html_assets::shell;
  std::string out;
  out.reserve(shell.size() + html_assets::css.size() + html_assets::js.size() + data_json.size() + 1024);
  std::size_t pos = 0;
  for (const auto& [mark, text] : subst) {  // in document order, each once
    const std::size_t at = shell.find(mark, pos);
    if (at == std::string_view::npos)
      throw OutputError("render/html/shell.html: placeholder " + std::string(mark) + " missing or out of order");
    out.append(shell.substr(pos, at - pos));
    out += text;
    pos = at + mark.size();
  }
  out.append(shell.substr(pos));
  return out;
}

}  // namespace rcmap::render
