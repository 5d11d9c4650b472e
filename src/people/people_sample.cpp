// Seeded generator of a person network for the Nordby units (samples/README.md,
// "Person network"). Structure planted:
//  - people per unit = headcount (20 where missing), or scaled to a total;
//    ids P00001, P00002, ... in unit order;
//  - each person names about ties_per_person colleagues (uniform between
//    half and 1.5 times that): 60 % in their own unit, 25 % in another unit
//    of their side, 15 % on other sides, authority <-> provider at half the
//    rate of the other cross-side pairs;
//  - the first two people of every authority unit are planted brokers: half
//    of their ties go to provider units;
//  - weight = how often they work together, 1..5: 4 or 5 mostly within a
//    unit, 2..4 across units.
// Same seed, same bytes (SplitMix64, no platform-dependent calls).
#include <algorithm>
#include <cmath>
#include <ostream>

#include "rcmap/io/output_dir.hpp"
#include "rcmap/people/people.hpp"
#include "rcmap/util/splitmix.hpp"

namespace rcmap::people {

using Rng = SplitMix64;  // include/rcmap/util/splitmix.hpp

void generate_people_sample(const std::vector<Unit>& units, const PeopleSampleOptions& opt, OutputDir& out) {
  std::vector<std::size_t> size;
  double total = 0;
  for (const Unit& u : units) total += u.headcount ? *u.headcount : 20;
  std::size_t people = 0;
  for (const Unit& u : units) {
    const double h = u.headcount ? *u.headcount : 20;
    size.push_back(opt.people ? static_cast<std::size_t>(std::llround(h * double(opt.people) / total))
                              : static_cast<std::size_t>(h));
    people += size.back();
  }
  if (people < 2) throw UsageError("the person sample needs at least two people");
  if (!(opt.ties_per_person > 0) || opt.ties_per_person > double(people - 1))
    throw UsageError("--ties-per-person must be above 0 and below the number of people");
  std::vector<std::size_t> first(units.size() + 1, 0);
  for (std::size_t u = 0; u < units.size(); ++u) first[u + 1] = first[u] + size[u];
  const auto id = [](std::size_t p) {
    std::string s = std::to_string(p + 1);
    return "P" + std::string(s.size() < 5 ? 5 - s.size() : 0, '0') + s;
  };
  out.write("people.csv", [&](std::ostream& os) {
    os << "person,unit\n";
    for (std::size_t u = 0; u < units.size(); ++u)
      for (std::size_t p = first[u]; p < first[u + 1]; ++p) os << id(p) << ',' << units[u].id << '\n';
  });
  // Units by relation to a unit's side, for picking a target unit.
  auto pick_unit = [&](Rng& rng, std::size_t own, bool broker) {
    const std::string& side = units[own].side;
    const double r = rng.uniform();
    std::vector<std::size_t> pool;
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (!size[u]) continue;
      const std::string& s = units[u].side;
      const bool gap = (side == "authority" && s == "provider") || (side == "provider" && s == "authority");
      if (broker) {
        if ((r < 0.5) == gap)
          pool.push_back(u);
        else if (r >= 0.5 && u == own)
          pool.push_back(u);
      } else if (r < 0.6) {
        if (u == own) pool.push_back(u);
      } else if (r < 0.85) {
        if (u != own && s == side) pool.push_back(u);
      } else if (s != side && (!gap || rng.uniform() < 0.5)) {
        pool.push_back(u);
      }
    }
    if (pool.empty()) pool.push_back(own);
    return pool[rng.scaled_below(pool.size())];
  };
  out.write("person-ties.csv", [&](std::ostream& os) {
    os << "source,target,weight\n";
    Rng rng{opt.seed * 0x2545F4914F6CDD1Dull + 7};
    std::vector<std::size_t> named;
    for (std::size_t u = 0; u < units.size(); ++u)
      for (std::size_t p = first[u]; p < first[u + 1]; ++p) {
        const bool broker = units[u].side == "authority" && p - first[u] < 2;
        const auto k = static_cast<std::size_t>(std::llround(opt.ties_per_person * (0.5 + rng.uniform())));
        named.clear();
        for (std::size_t tries = 0; named.size() < k && tries < 20 * k + 20; ++tries) {
          const std::size_t tu = pick_unit(rng, u, broker);
          const std::size_t q = first[tu] + rng.scaled_below(size[tu]);
          if (q == p || std::find(named.begin(), named.end(), q) != named.end()) continue;
          named.push_back(q);
          const int w = tu == u ? 4 + int(rng.scaled_below(2)) : 2 + int(rng.scaled_below(3));
          os << id(p) << ',' << id(q) << ',' << w << '\n';
        }
      }
  });
}

}  // namespace rcmap::people
