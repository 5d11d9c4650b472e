// RC of every tie and side pair in every wave (docs/waves.md "Commands",
// "More than two waves"): what waves.csv and sides-waves.csv list and the
// trend figure draws. Respondent-level scores as in compare_waves.cpp; the interval
// is the t interval of a mean (Student 1908) via stats::Moments::ci95.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "rcmap/aggregate/stats.hpp"
#include "rcmap/waves/waves.hpp"
#include "wave_observations.hpp"

namespace rcmap {

using namespace waves_detail;

namespace {

WaveLevel level_of(const std::vector<double>& scores, int min_n) {
  WaveLevel l;
  l.n = static_cast<int>(scores.size());
  if (l.n < min_n) return l;  // anonymity: fewer than min_n respondents in this wave
  stats::Moments m;
  for (double x : scores) m.add(x);
  l.rc = m.mean;
  const auto ci = m.ci95();
  l.ci_low = ci[0];
  l.ci_high = ci[1];
  return l;
}

// Rows of one kind (ties or sides): key -> levels per wave, in key order.
std::vector<std::pair<std::uint64_t, std::vector<WaveLevel>>> rows_of(
    const std::vector<const std::vector<Group>*>& per_wave, int min_n) {
  std::map<std::uint64_t, std::vector<WaveLevel>> rows;
  for (std::size_t w = 0; w < per_wave.size(); ++w)
    for (const Group& g : *per_wave[w]) {
      auto& levels = rows[g.key];
      levels.resize(per_wave.size());
      levels[w] = level_of(g.scores, min_n);
    }
  return {rows.begin(), rows.end()};
}

}  // namespace

WaveSeries wave_series(const std::vector<Survey>& waves, const std::vector<std::string>& labels, const UnitMap& map,
                       const AggregateOptions& opt) {
  check_options(opt);
  WaveSeries out;
  out.labels = labels;
  if (waves.empty()) return out;
  const Survey& last = waves.back();
  // Unit universe: the last wave's units, then earlier waves' (mapped) ids.
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::uint32_t> uidx;
  for (const Unit& u : last.units) uidx.emplace(u.id, static_cast<std::uint32_t>(ids.size())), ids.push_back(u.id);
  std::vector<std::string> sides = last.sides;
  for (const Survey& s : waves)
    for (const auto& side : s.sides)
      if (std::find(sides.begin(), sides.end(), side) == sides.end()) sides.push_back(side);
  std::vector<WaveObs> obs;
  for (std::size_t w = 0; w < waves.size(); ++w) {
    const Survey& s = waves[w];
    const bool is_last = w + 1 == waves.size();
    std::vector<std::uint32_t> to_u(s.units.size()), side_of(s.units.size());
    for (std::size_t i = 0; i < s.units.size(); ++i) {
      const std::string id = is_last ? s.units[i].id : map.map(s.units[i].id);
      auto it = uidx.find(id);
      if (it == uidx.end()) it = uidx.emplace(id, static_cast<std::uint32_t>(ids.size())).first, ids.push_back(id);
      to_u[i] = it->second;
      side_of[i] = static_cast<std::uint32_t>(std::find(sides.begin(), sides.end(), s.units[i].side) - sides.begin());
    }
    obs.push_back(wave_observations(s, to_u, side_of, opt));
  }
  std::vector<const std::vector<Group>*> t, sd;
  for (const WaveObs& o : obs) t.push_back(&o.ties), sd.push_back(&o.sides);
  for (auto& [key, levels] : rows_of(t, opt.min_n))
    out.ties.push_back({ids[key >> 32], ids[key & 0xFFFFFFFFu], std::move(levels)});
  for (auto& [key, levels] : rows_of(sd, opt.min_n))
    out.sides.push_back({sides[key >> 32], sides[key & 0xFFFFFFFFu], std::move(levels)});
  return out;
}

namespace {
Table series_table(const std::vector<WaveSeriesRow>& rows, const std::vector<std::string>& labels, const char* source,
                   const char* target) {
  Table t;
  const std::size_t w = labels.size();
  t.rows = rows.size() * w;
  auto lv = [&rows, w](std::size_t i) -> const WaveLevel& { return rows[i / w].waves[i % w]; };
  t.add(source, [&rows, w](std::size_t i) { return Cell::of(rows[i / w].source); });
  t.add(target, [&rows, w](std::size_t i) { return Cell::of(rows[i / w].target); });
  t.add("wave", [&labels, w](std::size_t i) { return Cell::of(labels[i % w]); });
  t.add("rc", [=](std::size_t i) { return Cell::num(lv(i).rc); });
  t.add("ci_low", [=](std::size_t i) { return Cell::num(lv(i).ci_low); });
  t.add("ci_high", [=](std::size_t i) { return Cell::num(lv(i).ci_high); });
  t.add("n", [=](std::size_t i) { return Cell::integer(lv(i).n); });
  return t;
}
}  // namespace

Table waves_table(const WaveSeries& s) { return series_table(s.ties, s.labels, "source", "target"); }
Table sides_waves_table(const WaveSeries& s) { return series_table(s.sides, s.labels, "source_side", "target_side"); }

}  // namespace rcmap
