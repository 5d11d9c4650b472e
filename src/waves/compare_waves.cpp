// Comparison of two survey waves per tie and side pair (docs/waves.md).
//
// Observations are respondent-level: a respondent's score for a figure is
// the mean of their included row scores behind it, so the two samples of
// Welch's t-test (Welch 1947) and of the bootstrap (Efron & Tibshirani 1993)
// consist of independent respondents. q-values: Benjamini & Hochberg (1995)
// over all compared ties, and separately over all compared side pairs.
// Anonymity per wave: a figure with fewer than min_n respondents in a wave has
// no score in that wave and no change.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "rcmap/aggregate/stats.hpp"
#include "rcmap/waves/waves.hpp"
#include "wave_observations.hpp"

namespace rcmap {

const char* direction_name(Direction d) {
  switch (d) {
    case Direction::improved:
      return "improved";
    case Direction::worse:
      return "worse";
    case Direction::no_credible_change:
      return "no credible change";
    case Direction::not_compared:
      return "";
  }
  return "";
}

namespace {

using namespace waves_detail;

double mean_of(const std::vector<double>& v) {
  stats::Moments m;
  for (double x : v) m.add(x);
  return m.mean;
}

// Fills scores, test and interval of one figure (not the q-value or direction).
void fill(Change& c, const std::vector<double>* before, const std::vector<double>* after, const CompareOptions& opt,
          std::string_view id, std::vector<std::string>& warnings) {
  c.n_before = before ? static_cast<int>(before->size()) : 0;
  c.n_after = after ? static_cast<int>(after->size()) : 0;
  const int min_n = opt.agg.min_n;
  if (c.n_before >= min_n) c.rc_before = mean_of(*before);
  if (c.n_after >= min_n) c.rc_after = mean_of(*after);
  if (c.n_before < min_n || c.n_after < min_n) return;
  c.delta = c.rc_after - c.rc_before;
  stats::WelchResult w = stats::welch_t_test(*before, *after);
  c.t = w.t;
  c.df = w.df;
  c.p = w.p;
  if (!w.defined)
    warnings.push_back(std::string(id) +
                       ": every respondent gave the same score in both waves; "
                       "Welch's t-test is not defined (p blank)");
  stats::SplitMix64 mix(opt.seed ^ fnv1a(id));
  auto ci = stats::bootstrap_diff_ci(*before, *after, opt.bootstrap, mix.next(), opt.level);
  c.ci_low = ci.low;
  c.ci_high = ci.high;
  c.direction = Direction::no_credible_change;
}

template <class T>
void decide(std::vector<T>& figures, const CompareOptions& opt) {
  std::vector<double> p;
  for (const auto& f : figures) p.push_back(f.compared() ? f.p : kNaN);
  std::vector<double> q = stats::bh_qvalues(p);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    auto& f = figures[i];
    if (!f.compared()) continue;
    f.q = q[i];
    bool excludes0 = f.ci_low > 0 || f.ci_high < 0;
    if (f.q < opt.fdr && excludes0) f.direction = f.delta > 0 ? Direction::improved : Direction::worse;
  }
}

}  // namespace

Comparison compare_waves(const Survey& before, const Survey& after, const UnitMap& map, const CompareOptions& opt) {
  check_options(opt.agg);
  if (opt.bootstrap < 100) throw UsageError("--bootstrap must be at least 100 resamples");
  if (!(opt.level > 0 && opt.level < 1)) throw UsageError("interval level must lie in (0, 1)");
  Comparison c;
  c.options = opt;

  // Unit universe: after-wave units, then before-wave units (mapped) missing there.
  std::unordered_map<std::string, std::uint32_t> uidx;
  for (std::size_t i = 0; i < after.units.size(); ++i) {
    const Unit& u = after.units[i];
    uidx.emplace(u.id, static_cast<std::uint32_t>(c.units.size()));
    c.units.push_back({u.id, u.label, u.side, -1, static_cast<long>(i)});
  }
  std::vector<std::uint32_t> before_to_u(before.units.size()), after_to_u(after.units.size());
  for (std::size_t i = 0; i < after.units.size(); ++i) after_to_u[i] = static_cast<std::uint32_t>(i);
  for (std::size_t i = 0; i < before.units.size(); ++i) {
    const Unit& u = before.units[i];
    std::string id = map.map(u.id);
    auto it = uidx.find(id);
    if (it == uidx.end()) {
      it = uidx.emplace(id, static_cast<std::uint32_t>(c.units.size())).first;
      c.units.push_back({id, id == u.id ? u.label : id, u.side, static_cast<long>(i), -1});
      c.units_dropped.push_back(id);
    } else {
      ComparedUnit& cu = c.units[it->second];
      if (cu.before < 0) cu.before = static_cast<long>(i);
      if (cu.side != u.side)
        c.warnings.push_back("unit '" + u.id + "' is on side '" + u.side + "' in the " + c.before_label +
                             " wave but '" + cu.id + "' is on side '" + cu.side + "' in the " + c.after_label +
                             " wave; side figures use each wave's own sides");
    }
    before_to_u[i] = it->second;
  }
  for (const auto& cu : c.units)
    if (cu.after >= 0 && cu.before < 0) c.units_new.push_back(cu.id);
  {
    std::vector<std::string> unused;
    for (const auto& [old_id, new_id] : map.old_to_new)
      if (!before.unit_index(old_id)) unused.push_back(old_id);
    std::sort(unused.begin(), unused.end());
    for (const auto& id : unused)
      c.warnings.push_back("unit map: '" + id + "' is not a unit of the " + c.before_label + " wave");
  }

  // Sides: after's in order, then before's.
  std::vector<std::string> sides = after.sides;
  for (const auto& s : before.sides)
    if (std::find(sides.begin(), sides.end(), s) == sides.end()) sides.push_back(s);
  auto side_ids = [&](const Survey& s) {
    std::vector<std::uint32_t> v(s.units.size());
    for (std::size_t i = 0; i < s.units.size(); ++i)
      v[i] = static_cast<std::uint32_t>(std::find(sides.begin(), sides.end(), s.units[i].side) - sides.begin());
    return v;
  };
  WaveObs wb = wave_observations(before, before_to_u, side_ids(before), opt.agg);
  WaveObs wa = wave_observations(after, after_to_u, side_ids(after), opt.agg);

  // Walks two key-sorted group lists together.
  auto merge = [](const std::vector<Group>& b, const std::vector<Group>& a, auto&& visit) {
    std::size_t i = 0, j = 0;
    while (i < b.size() || j < a.size()) {
      if (j == a.size() || (i < b.size() && b[i].key < a[j].key))
        visit(b[i].key, &b[i].scores, nullptr), ++i;
      else if (i == b.size() || a[j].key < b[i].key)
        visit(a[j].key, nullptr, &a[j].scores), ++j;
      else
        visit(b[i].key, &b[i].scores, &a[j].scores), ++i, ++j;
    }
  };
  merge(wb.ties, wa.ties, [&](std::uint64_t key, const std::vector<double>* b, const std::vector<double>* a) {
    TieChange t;
    t.source = static_cast<std::uint32_t>(key >> 32);
    t.target = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
    fill(t, b, a, opt, "tie " + c.units[t.source].id + " -> " + c.units[t.target].id, c.warnings);
    c.ties.push_back(t);
  });
  merge(wb.sides, wa.sides, [&](std::uint64_t key, const std::vector<double>* b, const std::vector<double>* a) {
    SideChange s;
    s.source_side = sides[key >> 32];
    s.target_side = sides[key & 0xFFFFFFFFu];
    fill(s, b, a, opt, "sides " + s.source_side + " -> " + s.target_side, c.warnings);
    c.sides.push_back(s);
  });
  decide(c.ties, opt);
  decide(c.sides, opt);
  for (const auto& t : c.ties) {
    c.ties_compared += t.compared();
    c.ties_improved += t.direction == Direction::improved;
    c.ties_worse += t.direction == Direction::worse;
  }
  return c;
}

}  // namespace rcmap
