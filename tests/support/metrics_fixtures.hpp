#pragma once
// Builds Survey + Aggregate by hand for the metrics tests (no CSV reading,
// no aggregation code involved).
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap::test {

struct Net {
  Survey survey;
  Aggregate agg;

  // Adds units with the given sides; ids are "U0", "U1", ...
  explicit Net(const std::vector<std::string>& sides, double weak_below = 3.5, int min_n = 5) {
    agg.options.weak_below = weak_below;
    agg.options.min_n = min_n;
    for (std::size_t i = 0; i < sides.size(); ++i) {
      Unit u;
      u.id = "U";
      u.id += std::to_string(i);  // (not "U" + ...: GCC 12 -Wrestrict false positive)
      u.label = u.id;
      u.side = sides[i];
      survey.unit_by_id[u.id] = static_cast<std::uint32_t>(i);
      survey.units.push_back(u);
      if (std::find(survey.sides.begin(), survey.sides.end(), u.side) == survey.sides.end())
        survey.sides.push_back(u.side);
    }
  }
  // Tie a->b with RC `rc` from `n` respondents; suppressed when n < min_n
  // (then every score is NaN, as the aggregation leaves it).
  Net& tie(std::uint32_t a, std::uint32_t b, double rc, int n = 10) {
    Tie t;
    t.source = a;
    t.target = b;
    t.n = n;
    t.suppressed = n < agg.options.min_n;
    t.rc = t.suppressed ? kNaN : rc;
    t.strength = t.suppressed                    ? Strength::suppressed
                 : rc < agg.options.weak_below   ? Strength::weak
                 : rc >= agg.options.strong_from ? Strength::strong
                                                 : Strength::moderate;
    auto it = std::lower_bound(agg.ties.begin(), agg.ties.end(), std::pair{a, b},
                               [](const Tie& x, const std::pair<std::uint32_t, std::uint32_t>& k) {
                                 return std::pair{x.source, x.target} < k;
                               });
    agg.ties.insert(it, t);
    return *this;
  }
  // Both directions with the same RC.
  Net& both(std::uint32_t a, std::uint32_t b, double rc, int n = 10) { return tie(a, b, rc, n).tie(b, a, rc, n); }
};

inline bool has_warning(const std::vector<std::string>& w, const std::string& part) {
  return std::any_of(w.begin(), w.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

}  // namespace rcmap::test
