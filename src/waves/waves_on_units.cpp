// Every wave on one unit list, for viewing waves side by side when units were
// renamed, added or closed between them (report.html of rcmap compare,
// docs/html-report.md "Compare").
#include <algorithm>
#include <unordered_map>

#include "rcmap/waves/waves.hpp"

namespace rcmap {

std::optional<std::vector<Survey>> waves_on_units(const std::vector<Survey>& waves, const Comparison& c,
                                                  const UnitMap& map) {
  std::vector<Unit> units;
  std::unordered_map<std::string, std::uint32_t> index;
  for (const ComparedUnit& cu : c.units) {
    index.emplace(cu.id, static_cast<std::uint32_t>(units.size()));
    units.push_back(Unit{cu.id, cu.label, cu.side, std::nullopt, 0});
  }
  std::vector<std::vector<std::uint32_t>> to(waves.size());
  for (std::size_t w = 0; w < waves.size(); ++w) {
    const bool is_last = w + 1 == waves.size();
    std::vector<bool> taken(units.size(), false);
    for (const Unit& u : waves[w].units) {
      const std::string id = is_last ? u.id : map.map(u.id);
      auto it = index.find(id);
      if (it == index.end()) {  // a middle wave's unit in neither end wave
        it = index.emplace(id, static_cast<std::uint32_t>(units.size())).first;
        units.push_back(Unit{id, id == u.id ? u.label : id, u.side, std::nullopt, 0});
        taken.push_back(false);
      }
      // Two units of one wave on one unit: a merge. A respondent would then
      // have several rows for one tie, which a survey cannot hold.
      if (taken[it->second]) return std::nullopt;
      taken[it->second] = true;
      to[w].push_back(it->second);
    }
  }
  std::vector<std::string> sides;
  for (const Unit& u : units)
    if (std::find(sides.begin(), sides.end(), u.side) == sides.end()) sides.push_back(u.side);

  std::vector<Survey> out(waves.size());
  for (std::size_t w = 0; w < waves.size(); ++w) {
    const Survey& s = waves[w];
    Survey& m = out[w];
    m.units_path = s.units_path;
    m.responses_path = s.responses_path;
    m.units = units;
    for (std::size_t i = 0; i < units.size(); ++i) m.unit_by_id.emplace(units[i].id, static_cast<std::uint32_t>(i));
    m.sides = sides;
    m.respondents = s.respondents;
    m.respondent_unit.reserve(s.respondent_unit.size());
    for (std::uint32_t u : s.respondent_unit) m.respondent_unit.push_back(to[w][u]);
    m.rows = s.rows;
    for (Response& r : m.rows) r.unit = to[w][r.unit], r.target = to[w][r.target];
  }
  return out;
}

}  // namespace rcmap
