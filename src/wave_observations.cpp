// Respondent-level observations of a wave (README "Waves and sites",
// "Statistics"): each respondent counts once per figure.
#include "wave_observations.hpp"

#include <algorithm>
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
  std::sort(obs.begin(), obs.end(), [](const Obs& a, const Obs& b) {
    return a.key != b.key ? a.key < b.key : a.respondent < b.respondent;
  });
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
  // Rows behind each original tie, and how many original ties feed each universe tie.
  std::unordered_map<std::uint64_t, int> orig_n;
  std::unordered_map<std::uint64_t, std::unordered_set<std::uint64_t>> sources;
  for (const Response& r : s.rows) {
    if (r.answered() < opt.min_answers) continue;
    std::uint64_t ok = key_of(r.unit, r.target);
    ++orig_n[ok];
    sources[key_of(to_universe[r.unit], to_universe[r.target])].insert(ok);
  }
  std::vector<Obs> tie_obs;
  tie_obs.reserve(s.rows.size());
  for (const Response& r : s.rows) {
    if (r.answered() < opt.min_answers) continue;
    std::uint64_t ok = key_of(r.unit, r.target), uk = key_of(to_universe[r.unit], to_universe[r.target]);
    // A merged tie uses only original ties that are shown on their own.
    if (sources[uk].size() > 1 && orig_n[ok] < opt.min_n) continue;
    tie_obs.push_back({uk, r.respondent, r.mean()});
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
    if (!shown.count(uk) || (sources[uk].size() > 1 && orig_n[ok] < opt.min_n)) continue;
    side_obs.push_back({key_of(side_of_unit[r.unit], side_of_unit[r.target]), r.respondent, r.mean()});
  }
  w.sides = collapse(side_obs);
  return w;
}

}  // namespace rcmap::waves_detail
