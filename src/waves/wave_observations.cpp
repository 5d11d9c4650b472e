// Respondent-level observations of a wave (docs/waves.md "Statistics")
//: each respondent counts once per figure.
#include "wave_observations.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace rcmap::waves_detail {

namespace {

struct Obs {
  std::uint64_t key;
  std::uint32_t respondent;
  double score;
};

std::vector<Group> collapse(std::vector<Obs> obs) {
  std::sort(obs.begin(), obs.end(),
            [](const Obs& a, const Obs& b) { return a.key != b.key ? a.key < b.key : a.respondent < b.respondent; });
  std::vector<Group> g;
  for (std::size_t i = 0; i < obs.size();) {
    if (g.empty() || g.back().key != obs[i].key) g.push_back({obs[i].key, {}});
    std::size_t j = i;
    double sum = 0;
    while (j < obs.size() && obs[j].key == obs[i].key && obs[j].respondent == obs[i].respondent) sum += obs[j++].score;
    g.back().scores.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  return g;
}

}  // namespace

std::uint64_t key_of(std::uint32_t a, std::uint32_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 0x100000001b3ull;
  }
  return h;
}

WaveObs wave_observations(const Survey& s, const std::vector<std::uint32_t>& to_universe,
                          const std::vector<std::uint32_t>& side_of_unit, const AggregateOptions& opt) {
  // Rows behind each original tie and their answers per dimension, and how
  // many original ties feed each universe tie.
  struct Orig {
    int n = 0;
    std::array<int, kDimensionCount> dim_n{};
    DimensionMask left_out = 0;
    bool void_tie = false;  // a row answered only left-out dimensions
  };
  std::unordered_map<std::uint64_t, Orig> orig;
  std::unordered_map<std::uint64_t, std::unordered_set<std::uint64_t>> sources;
  for (const Response& r : s.rows) {
    if (r.answered() < opt.min_answers) continue;
    std::uint64_t ok = key_of(r.unit, r.target);
    Orig& o = orig[ok];
    ++o.n;
    for (int d = 0; d < kDimensionCount; ++d) o.dim_n[d] += r.scores[d] != 0;
    sources[key_of(to_universe[r.unit], to_universe[r.target])].insert(ok);
  }
  // Row scores leave out the dimensions the wave's own analysis leaves out
  // of the original tie (left_out_dimensions, docs/method.md "Anonymity"); a tie that
  // analysis suppresses for a row without other answers is not used.
  bool any_left_out = false;
  for (auto& [key, o] : orig) any_left_out |= (o.left_out = left_out_dimensions(o.n, o.dim_n, opt.min_n)) != 0;
  if (any_left_out)
    for (const Response& r : s.rows) {
      if (r.answered() < opt.min_answers) continue;
      Orig& o = orig[key_of(r.unit, r.target)];
      if (o.left_out && std::isnan(row_score(r, o.left_out))) o.void_tie = true;
    }
  std::vector<Obs> tie_obs;
  tie_obs.reserve(s.rows.size());
  for (const Response& r : s.rows) {
    if (r.answered() < opt.min_answers) continue;
    std::uint64_t ok = key_of(r.unit, r.target), uk = key_of(to_universe[r.unit], to_universe[r.target]);
    const Orig& o = orig[ok];
    // A merged tie uses only original ties that are shown on their own.
    if (o.void_tie || (sources[uk].size() > 1 && o.n < opt.min_n)) continue;
    tie_obs.push_back({uk, r.respondent, row_score(r, o.left_out)});
  }
  WaveObs w;
  w.ties = collapse(tie_obs);
  std::unordered_set<std::uint64_t> shown;
  for (const Group& g : w.ties)
    if (static_cast<int>(g.scores.size()) >= opt.min_n) shown.insert(g.key);
  std::vector<Obs> side_obs;
  for (const Response& r : s.rows) {
    if (r.answered() < opt.min_answers) continue;
    std::uint32_t a = to_universe[r.unit], b = to_universe[r.target];
    if (a == b) continue;  // within a unit: not part of side figures (as in sides.csv)
    std::uint64_t ok = key_of(r.unit, r.target), uk = key_of(a, b);
    const Orig& o = orig[ok];
    if (!shown.count(uk) || o.void_tie || (sources[uk].size() > 1 && o.n < opt.min_n)) continue;
    side_obs.push_back({key_of(side_of_unit[r.unit], side_of_unit[r.target]), r.respondent, row_score(r, o.left_out)});
  }
  w.sides = collapse(side_obs);
  return w;
}

}  // namespace rcmap::waves_detail
