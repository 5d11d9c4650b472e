// Key findings of a comparison of waves (include/rcmap/waves/change_findings.hpp).
#include "rcmap/waves/change_findings.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace rcmap {

ChangeFindings compute_change_findings(const Comparison& c, const std::string& side_a, const std::string& side_b,
                                       const std::vector<std::string>& wave_labels,
                                       const std::vector<int>& wave_respondents) {
  ChangeFindings f;
  f.side_a = side_a;
  f.side_b = side_b;
  f.wave_labels = wave_labels;
  f.wave_respondents = wave_respondents;
  for (std::size_t i = 0; i < c.ties.size(); ++i) {
    const TieChange& t = c.ties[i];
    if (!t.compared()) {  // below min_n in a wave: counted, nothing else used
      ++f.not_compared;
      continue;
    }
    ++f.compared;
    if (t.direction == Direction::improved)
      ++f.improved;
    else if (t.direction == Direction::worse)
      ++f.worse;
    else
      ++f.no_credible;
    if (!t.credible()) continue;
    f.ranked.push_back(i);
    const std::string &s = c.units[t.source].side, &g = c.units[t.target].side;
    const bool cross = s != g && (s == side_a || s == side_b) && (g == side_a || g == side_b);
    if (cross) (t.delta > 0 ? f.top_improved : f.top_declined).push_back(i);
    if (cross && side_a != side_b) (s == side_a ? f.credible_a_to_b : f.credible_b_to_a).push_back(i);
    if (cross) {
      // The reverse tie: ties are sorted by (source, target).
      const auto it = std::lower_bound(c.ties.begin(), c.ties.end(), std::pair{t.target, t.source},
                                       [](const TieChange& x, const std::pair<std::uint32_t, std::uint32_t>& k) {
                                         return std::pair{x.source, x.target} < k;
                                       });
      if (it != c.ties.end() && it->source == t.target && it->target == t.source && it->compared() && !it->credible())
        f.one_way_ties.push_back(i);
    }
  }
  // Ties of equal |delta| keep (source, target) order: stable sorts.
  auto by_size = [&](std::size_t x, std::size_t y) { return std::fabs(c.ties[x].delta) > std::fabs(c.ties[y].delta); };
  std::stable_sort(f.ranked.begin(), f.ranked.end(), by_size);
  for (auto* v : {&f.top_improved, &f.top_declined}) {
    std::stable_sort(v->begin(), v->end(), by_size);
    if (v->size() > 5) v->resize(5);
  }
  for (auto* v : {&f.credible_a_to_b, &f.credible_b_to_a, &f.one_way_ties})
    std::stable_sort(v->begin(), v->end(), by_size);
  for (std::size_t i = 0; i < c.sides.size(); ++i)
    if (c.sides[i].compared()) f.side_pairs.push_back(i);
  for (std::size_t i : f.side_pairs) {
    const SideChange& x = c.sides[i];
    if (!x.credible() || x.source_side == x.target_side) continue;
    for (std::size_t j : f.side_pairs)
      if (c.sides[j].source_side == x.target_side && c.sides[j].target_side == x.source_side && !c.sides[j].credible())
        f.one_way_sides.push_back(i);
  }
  return f;
}

namespace {

// One entry; `ties` indexes Comparison::ties, `sides` names side pairs.
void entry(JsonWriter& j, const Comparison& c, const char* kind, const std::vector<std::size_t>& ties,
           const std::vector<std::string>& sides, const std::vector<std::pair<std::string, double>>& values,
           const char* certainty) {
  j.begin_object();
  j.field("kind", kind);
  std::vector<std::uint32_t> units;  // units of the ties, first appearance first
  for (std::size_t i : ties)
    for (std::uint32_t u : {c.ties[i].source, c.ties[i].target})
      if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
  j.key("units").begin_array();
  for (std::uint32_t u : units) j.value(c.units[u].id);
  j.end_array();
  j.key("ties").begin_array();
  for (std::size_t i : ties) {
    j.begin_array();
    j.value(c.units[c.ties[i].source].id).value(c.units[c.ties[i].target].id);
    j.end_array();
  }
  j.end_array();
  j.key("tie_values").begin_array();
  for (std::size_t i : ties) {
    const TieChange& t = c.ties[i];
    j.begin_object();
    j.field("rc_before", t.rc_before).field("rc_after", t.rc_after).field("delta", t.delta);
    j.field("ci_low", t.ci_low).field("ci_high", t.ci_high).field("q", t.q);
    j.field("n_before", t.n_before).field("n_after", t.n_after).field("direction", direction_name(t.direction));
    j.end_object();
  }
  j.end_array();
  j.key("sides").begin_array();
  for (const std::string& s : sides) j.value(s);
  j.end_array();
  j.key("dimensions").begin_array().end_array();
  j.key("values").begin_object();
  for (const auto& [name, v] : values) j.field(name, v);
  j.end_object();
  if (certainty)
    j.field("certainty", certainty);
  else
    j.key("certainty").null();
  j.end_object();
}

}  // namespace

void write_change_findings_json(JsonWriter& j, const Comparison& c, const ChangeFindings& f) {
  j.begin_array();
  entry(j, c, "changes", {}, {f.side_a, f.side_b},
        {{"compared", double(f.compared)},
         {"improved", double(f.improved)},
         {"worse", double(f.worse)},
         {"no_credible", double(f.no_credible)},
         {"not_compared", double(f.not_compared)}},
        nullptr);
  // Per direction of the gap sides: credible improvements, then declines.
  if (f.side_a != f.side_b)
    for (const auto& [list, from, to] :
         {std::tuple{&f.credible_a_to_b, f.side_a, f.side_b}, std::tuple{&f.credible_b_to_a, f.side_b, f.side_a}})
      for (const bool up : {true, false}) {
        std::vector<std::size_t> pick;
        for (std::size_t i : *list)
          if ((c.ties[i].delta > 0) == up) pick.push_back(i);
        if (pick.empty()) continue;
        entry(j, c, up ? "improved" : "worse", pick, {from, to}, {{"total", double(pick.size())}}, "clear");
      }
  // One direction credible, the reverse compared without a credible change.
  for (std::size_t i : f.one_way_sides) {
    const SideChange& x = c.sides[i];
    double reverse_delta = kNaN, reverse_q = kNaN;
    for (const SideChange& y : c.sides)
      if (y.source_side == x.target_side && y.target_side == x.source_side) {
        reverse_delta = y.delta;
        reverse_q = y.q;
      }
    entry(j, c, "one_way", {}, {x.source_side, x.target_side},
          {{"delta", x.delta}, {"q", x.q}, {"reverse_delta", reverse_delta}, {"reverse_q", reverse_q}}, "clear");
  }
  if (!f.one_way_ties.empty())
    entry(j, c, "one_way", f.one_way_ties, {f.side_a, f.side_b}, {{"total", double(f.one_way_ties.size())}}, "clear");
  j.end_array();
}

}  // namespace rcmap
