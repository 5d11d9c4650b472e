// changes.csv, sides-changes.csv and the "comparison" section of summary.json.
#include "rcmap/waves/waves.hpp"

namespace rcmap {

namespace {
template <class T>
void change_columns(Table& t, const std::vector<T>& v) {
  auto at = [&v](std::size_t i) -> const Change& { return v[i]; };
  t.add("rc_before", [=](std::size_t i) { return Cell::num(at(i).rc_before); });
  t.add("rc_after", [=](std::size_t i) { return Cell::num(at(i).rc_after); });
  t.add("delta", [=](std::size_t i) { return Cell::num(at(i).delta); });
  t.add("ci_low", [=](std::size_t i) { return Cell::num(at(i).ci_low); });
  t.add("ci_high", [=](std::size_t i) { return Cell::num(at(i).ci_high); });
  t.add("p", [=](std::size_t i) { return Cell::num(at(i).p); });
  t.add("q", [=](std::size_t i) { return Cell::num(at(i).q); });
  t.add("n_before", [=](std::size_t i) { return Cell::integer(at(i).n_before); });
  t.add("n_after", [=](std::size_t i) { return Cell::integer(at(i).n_after); });
  t.add("direction", [=](std::size_t i) { return Cell::of(direction_name(at(i).direction)); });
}
}  // namespace

Table changes_table(const Comparison& c) {
  Table t;
  t.rows = c.ties.size();
  t.add("source", [&c](std::size_t i) { return Cell::of(c.units[c.ties[i].source].id); });
  t.add("target", [&c](std::size_t i) { return Cell::of(c.units[c.ties[i].target].id); });
  change_columns(t, c.ties);
  return t;
}

Table sides_changes_table(const Comparison& c) {
  Table t;
  t.rows = c.sides.size();
  t.add("source_side", [&c](std::size_t i) { return Cell::of(c.sides[i].source_side); });
  t.add("target_side", [&c](std::size_t i) { return Cell::of(c.sides[i].target_side); });
  change_columns(t, c.sides);
  return t;
}

void write_comparison_json(JsonWriter& j, const Comparison& c) {
  j.begin_object();
  j.field("before", c.before_label).field("after", c.after_label);
  j.field("min_n_per_wave", c.options.agg.min_n);
  j.field("bootstrap_resamples", c.options.bootstrap);
  j.field("seed", static_cast<long long>(c.options.seed));
  j.field("interval_level", c.options.level);
  j.field("fdr", c.options.fdr);
  j.field("ties", c.ties.size()).field("ties_compared", c.ties_compared);
  j.field("ties_improved", c.ties_improved).field("ties_worse", c.ties_worse);
  std::size_t side_compared = 0, side_improved = 0, side_worse = 0;
  for (const auto& s : c.sides) {
    side_compared += s.compared();
    side_improved += s.direction == Direction::improved;
    side_worse += s.direction == Direction::worse;
  }
  j.field("side_pairs", c.sides.size()).field("side_pairs_compared", side_compared);
  j.field("side_pairs_improved", side_improved).field("side_pairs_worse", side_worse);
  j.key("units_dropped").begin_array();
  for (const auto& u : c.units_dropped) j.value(u);
  j.end_array();
  j.key("units_new").begin_array();
  for (const auto& u : c.units_new) j.value(u);
  j.end_array();
  j.key("warnings").begin_array();
  for (const auto& w : c.warnings) j.value(w);
  j.end_array();
  j.field("method",
          "respondent-level scores; Welch t-test (Welch 1947), Benjamini-Hochberg q-values (1995) over all "
          "compared ties and separately over side pairs; percentile bootstrap interval of the change; credible = "
          "q < fdr and interval excludes 0; a figure below min_n respondents in either wave is not compared");
  j.end_object();
}

}  // namespace rcmap
