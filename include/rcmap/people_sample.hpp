#pragma once
// Seeded generator of a fictional person-level relation network (docs/network-scale.md):
// `rcmap sample --people N --ties M --out DIR`.
#include <cstdint>

namespace rcmap {

class OutputDir;

struct PeopleSampleOptions {
  std::uint64_t seed = 1;
  std::int64_t people = 1400;
  std::int64_t ties = 20000;
  int units = 0;  // 0 = one unit per 50 people (at least 2)
};

// Writes units.csv (unit,label,side,headcount), people.csv (person,unit) and
// ties.csv (source,target,weight) into `out` (not committed). Ties are
// directed, distinct, without self-loops; weights are 1, 2 or 4 (exact
// reciprocals, so shortest-path lengths have no rounding). O(people + ties)
// time and memory. Throws UsageError for people < 2, units < 2 or ties
// outside 1 .. people (people - 1) / 2.
void generate_people_sample(const PeopleSampleOptions& opt, OutputDir& out);

}  // namespace rcmap
