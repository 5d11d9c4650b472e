// Generator of a fictional person network for tests and benchmarks
// (docs/network-scale.md). Structure planted:
//  - units of 25-75 people (mean 50), sides cycling authority, provider,
//    provider, general, health as in the survey sample;
//  - out-degrees proportional to a uniform 0.5-1.5 activity, summing to M;
//  - a tie stays in the person's unit with probability 0.6, goes to another
//    unit of the same side with 0.25, to any unit with 0.15; within the target
//    unit the person at relative position u^2 (u uniform) is named, so early
//    members are named often (skewed in-degree, visible brokers);
//  - weight 1, 2 or 4 (probabilities 0.25, 0.5, 0.25).
// Same seed, same files on every platform (stats::SplitMix64).
#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <vector>

#include "rcmap/csv.hpp"
#include "rcmap/diagnostics.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/people_sample.hpp"
#include "rcmap/stats.hpp"

namespace rcmap {

void generate_people_sample(const PeopleSampleOptions& opt, OutputDir& out) {
  const std::int64_t n = opt.people, m = opt.ties;
  if (n < 2) throw UsageError("--people must be at least 2");
  if (m < 1 || m > n * (n - 1) / 2) throw UsageError("--ties must be between 1 and people x (people - 1) / 2");
  const int k = opt.units > 0 ? opt.units : static_cast<int>(std::max<std::int64_t>(2, n / 50));
  if (k < 2 || k > n) throw UsageError("--units must be between 2 and the number of people");
  stats::SplitMix64 rng(opt.seed * 0x2545F4914F6CDD1Dull + 777);
  auto uniform = [&] { return static_cast<double>(rng.next() >> 11) * 0x1.0p-53; };

  // Unit sizes: weights 0.5-1.5, people cut by cumulative rounding (every unit >= 1).
  static const char* sides[] = {"authority", "provider", "provider", "general", "health"};
  std::vector<double> cum(static_cast<std::size_t>(k) + 1, 0.0);
  for (int u = 0; u < k; ++u) cum[u + 1] = cum[u] + 0.5 + uniform();
  std::vector<std::int64_t> first(static_cast<std::size_t>(k) + 1, 0);
  for (int u = 1; u <= k; ++u)
    first[u] = std::max(first[u - 1] + 1, std::min<std::int64_t>(n - (k - u), std::llround(n * cum[u] / cum[k])));
  first[k] = n;
  std::vector<std::int32_t> unit_of(static_cast<std::size_t>(n));
  for (int u = 0; u < k; ++u)
    for (std::int64_t p = first[u]; p < first[u + 1]; ++p) unit_of[p] = u;
  std::vector<std::vector<int>> same_side(5);
  for (int u = 0; u < k; ++u) same_side[u % 5].push_back(u);

  auto unit_id = [](int u) { return "U" + std::to_string(u + 1); };
  auto person_id = [](std::int64_t p) { return "P" + std::to_string(p + 1); };
  out.write("units.csv", [&](std::ostream& os) {
    CsvWriter w(os);
    w.header({"unit", "label", "side", "headcount"});
    for (int u = 0; u < k; ++u) {
      w.text(unit_id(u)).text("Enhed " + std::to_string(u + 1) + " (" + sides[u % 5] + ")").text(sides[u % 5]);
      w.integer(first[u + 1] - first[u]).end_row();
    }
  });
  out.write("people.csv", [&](std::ostream& os) {
    std::vector<char> buf(1 << 20);
    os.rdbuf()->pubsetbuf(buf.data(), static_cast<std::streamsize>(buf.size()));
    os << "person,unit\n";
    for (std::int64_t p = 0; p < n; ++p) os << person_id(p) << ',' << unit_id(unit_of[p]) << '\n';
  });

  // Out-degrees by cumulative rounding of the activities: they sum to m exactly.
  std::vector<double> act(static_cast<std::size_t>(n) + 1, 0.0);
  for (std::int64_t p = 0; p < n; ++p) act[p + 1] = act[p] + 0.5 + uniform();
  auto cut = [&](std::int64_t p) { return static_cast<std::int64_t>(std::floor(static_cast<double>(m) * act[p] / act[n])); };
  out.write("ties.csv", [&](std::ostream& os) {
    std::vector<char> buf(1 << 20);
    os.rdbuf()->pubsetbuf(buf.data(), static_cast<std::streamsize>(buf.size()));
    os << "source,target,weight\n";
    std::vector<std::int64_t> named;
    std::int64_t carry = 0;  // degree above n - 1 moves to the next person
    std::string line;
    for (std::int64_t p = 0; p < n; ++p) {
      std::int64_t d = (p + 1 == n ? m : cut(p + 1)) - cut(p) + carry;
      carry = std::max<std::int64_t>(0, d - (n - 1));
      d -= carry;
      named.clear();
      const int own = unit_of[p];
      while (static_cast<std::int64_t>(named.size()) < d) {
        std::int64_t t;
        if (named.size() >= 64 || static_cast<std::int64_t>(named.size()) * 2 > n) {
          t = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(n)));  // dense: any person
        } else {
          const double r = uniform();
          const auto& peers = same_side[own % 5];
          const int u = r < 0.6 ? own
                        : r < 0.85 ? peers[rng.below(peers.size())]
                                   : static_cast<int>(rng.below(static_cast<std::uint64_t>(k)));
          const double x = uniform();
          t = first[u] + static_cast<std::int64_t>(x * x * static_cast<double>(first[u + 1] - first[u]));
        }
        if (t == p || std::find(named.begin(), named.end(), t) != named.end()) continue;
        named.push_back(t);
        const std::uint64_t wr = rng.below(4);
        line = person_id(p) + ',' + person_id(t) + (wr == 0 ? ",1\n" : wr == 3 ? ",4\n" : ",2\n");
        os << line;
      }
    }
  });
}

}  // namespace rcmap
