// Aggregation of respondent rows into RC ties and unit, side and network
// figures (README "Method").
//
// A row's RC is the mean of its answered dimensions (Gittell 2009, "Relational
// Coordination: Guidelines for Theory, Measurement and Analysis"); a tie's RC
// is the mean of its rows' RC. Communication and relationship indices are the
// same means over the first four and the last three dimensions.
//
// Anonymity: any figure computed from fewer than min_n respondents is
// suppressed (NaN). Every higher-level figure (unit, side, overall, alpha)
// is computed only from non-suppressed ties, so no published total minus
// published parts gives back a hidden tie.
#include "rcmap/aggregate.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "rcmap/stats.hpp"

namespace rcmap {

void check_options(const AggregateOptions& o) {
  if (o.min_n < 3)
    throw UsageError("--min-n " + std::to_string(o.min_n) +
                     " is too small: values below 3 would let readers single out individual answers");
  if (o.min_answers < 1 || o.min_answers > kDimensionCount)
    throw UsageError("--min-answers must be from 1 to 7, got " + std::to_string(o.min_answers));
  if (!(o.weak_below >= 1 && o.weak_below <= 5) || !(o.strong_from >= 1 && o.strong_from <= 5))
    throw UsageError("--weak-below and --strong-from must lie in 1..5");
  if (o.strong_from < o.weak_below)
    throw UsageError("--strong-from must not be below --weak-below");
}

const char* strength_name(Strength s) {
  switch (s) {
    case Strength::weak: return "weak";
    case Strength::moderate: return "moderate";
    case Strength::strong: return "strong";
    case Strength::suppressed: return "suppressed";
  }
  return "";
}

Strength classify(double rc, const AggregateOptions& opt) {
  if (std::isnan(rc)) return Strength::suppressed;
  if (rc < opt.weak_below) return Strength::weak;
  if (rc >= opt.strong_from) return Strength::strong;
  return Strength::moderate;
}

namespace {

// Welford's running mean and squared deviations, the same arithmetic as
// stats::Moments::add (so results are bit-identical), inlined for the
// million-row loop.
inline void welford(stats::Moments& m, double x) {
  ++m.n;
  double d = x - m.mean;
  m.mean += d / static_cast<double>(m.n);
  m.m2 += d * (x - m.mean);
}

// Accumulates one tie's rows. Cache-line aligned: two threads fill
// neighbouring accumulators.
struct alignas(64) TieAcc {
  stats::Moments rc, comm, rel;
  std::array<stats::Moments, kDimensionCount> dim;
  void add(const Response& r) {
    // Response::mean over all, the first four and the last three dimensions.
    int sum_c = 0, k_c = 0, sum_l = 0, k_l = 0;
    for (int d = 0; d < kCommunicationDimensions; ++d)
      if (r.scores[d]) {
        sum_c += r.scores[d];
        ++k_c;
        welford(dim[d], r.scores[d]);
      }
    for (int d = kCommunicationDimensions; d < kDimensionCount; ++d)
      if (r.scores[d]) {
        sum_l += r.scores[d];
        ++k_l;
        welford(dim[d], r.scores[d]);
      }
    // Every included row answers at least one dimension (min_answers >= 1).
    welford(rc, static_cast<double>(sum_c + sum_l) / (k_c + k_l));
    if (k_c) welford(comm, static_cast<double>(sum_c) / k_c);
    if (k_l) welford(rel, static_cast<double>(sum_l) / k_l);
  }
};

// A mean from fewer than min_n rows is itself suppressed.
double shown(const stats::Moments& m, int min_n) {
  return static_cast<int>(m.n) >= min_n ? m.mean : kNaN;
}

}  // namespace

Aggregate aggregate(const Survey& survey, const AggregateOptions& opt) {
  check_options(opt);
  Aggregate a;
  a.options = opt;
  a.rows_read = survey.rows.size();

  // Each included row is assigned its tie's slot (slots in order of first
  // appearance); then each tie's accumulator takes its rows in file order.
  // Ties are listed by (source, target) below.
  constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  const std::size_t U = survey.units.size();
  const bool dense = U * U <= (std::size_t{1} << 22);
  std::vector<std::uint32_t> slot_of(dense ? U * U : 0, kNone);  // unit * U + target -> slot
  std::unordered_map<std::uint64_t, std::uint32_t> slot_map;      // when U is large
  std::vector<std::uint64_t> acc_key;
  std::vector<std::uint32_t> acc_n;
  std::vector<std::uint32_t> row_slot(survey.rows.size(), kNone);  // kNone: row excluded
  for (std::size_t i = 0; i < survey.rows.size(); ++i) {
    const Response& r = survey.rows[i];
    if (r.answered() < opt.min_answers) continue;
    ++a.rows_included;
    std::uint64_t key = (static_cast<std::uint64_t>(r.unit) << 32) | r.target;
    std::uint32_t* slot;
    if (dense) {
      slot = &slot_of[r.unit * U + r.target];
    } else {
      slot = &slot_map.try_emplace(key, kNone).first->second;
    }
    if (*slot == kNone) {
      *slot = static_cast<std::uint32_t>(acc_key.size());
      acc_key.push_back(key);
      acc_n.push_back(0);
    }
    ++acc_n[*slot];
    row_slot[i] = *slot;
  }
  std::vector<char> shown_slot(acc_key.size(), 0);
  for (std::size_t k = 0; k < acc_key.size(); ++k) shown_slot[k] = static_cast<int>(acc_n[k]) >= opt.min_n;

  // The accumulators do the arithmetic (a division per value). A large
  // survey splits it over two threads by slot parity: every tie still gets
  // its rows in file order from one thread, so results are identical.
  std::vector<TieAcc> acc(acc_key.size());
  auto accumulate = [&](std::uint32_t parity, std::uint32_t step) {
    for (std::size_t i = 0; i < survey.rows.size(); ++i) {
      std::uint32_t k = row_slot[i];
      if (k != kNone && k % step == parity) acc[k].add(survey.rows[i]);
    }
  };
  std::thread worker;
  if (survey.rows.size() >= 200000 && acc.size() >= 2) {
    try {
      worker = std::thread(accumulate, 1u, 2u);
    } catch (const std::system_error&) {  // no thread: do it all here
    }
  }
  accumulate(0, worker.joinable() ? 2 : 1);

  // Reliability over complete rows of shown ties (meanwhile).
  stats::CronbachAlpha alpha(kDimensionCount);
  for (std::size_t i = 0; i < survey.rows.size(); ++i) {
    const Response& r = survey.rows[i];
    if (row_slot[i] == kNone || !shown_slot[row_slot[i]] || r.answered() != kDimensionCount) continue;
    double v[kDimensionCount];
    for (int d = 0; d < kDimensionCount; ++d) v[d] = r.scores[d];
    alpha.add(v);
  }
  a.alpha.value = alpha.value();
  a.alpha.n = static_cast<int>(alpha.n());
  if (worker.joinable()) worker.join();
  a.rows_excluded = a.rows_read - a.rows_included;
  std::vector<std::uint32_t> by_key(acc.size());
  for (std::uint32_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
  std::sort(by_key.begin(), by_key.end(),
            [&](std::uint32_t x, std::uint32_t y) { return acc_key[x] < acc_key[y]; });

  a.ties.reserve(acc.size());
  for (std::uint32_t slot : by_key) {
    const TieAcc& ta = acc[slot];
    Tie t;
    t.source = static_cast<std::uint32_t>(acc_key[slot] >> 32);
    t.target = static_cast<std::uint32_t>(acc_key[slot] & 0xFFFFFFFFu);
    t.n = static_cast<int>(ta.rc.n);
    t.suppressed = t.n < opt.min_n;
    t.dim_mean.fill(kNaN);
    if (!t.suppressed) {
      t.rc = ta.rc.mean;
      t.sd = ta.rc.sd();
      auto ci = ta.rc.ci95();
      t.ci_low = ci[0];
      t.ci_high = ci[1];
      for (int d = 0; d < kDimensionCount; ++d) {
        t.dim_n[d] = static_cast<int>(ta.dim[d].n);
        t.dim_mean[d] = shown(ta.dim[d], opt.min_n);
      }
      t.communication = shown(ta.comm, opt.min_n);
      t.relationship = shown(ta.rel, opt.min_n);
    } else {
      ++a.suppressed_ties;
    }
    t.strength = classify(t.rc, opt);
    a.ties.push_back(t);
  }
  // Respondents with an included row (shown or suppressed tie).
  std::vector<char> counted(survey.respondents.size(), 0);
  for (std::size_t i = 0; i < survey.rows.size(); ++i)
    if (row_slot[i] != kNone) counted[survey.rows[i].respondent] = 1;

  // Units.
  a.units.assign(survey.units.size(), UnitResult{});
  for (std::size_t r = 0; r < counted.size(); ++r)
    if (counted[r]) {
      ++a.units[survey.respondent_unit[r]].respondents;
      ++a.respondents;
    }
  for (std::size_t u = 0; u < survey.units.size(); ++u)
    if (const auto& hc = survey.units[u].headcount; hc && *hc > 0)
      a.units[u].response_rate = static_cast<double>(a.units[u].respondents) / *hc;
  summarise_ties(survey, a);
  return a;
}

void summarise_ties(const Survey& survey, Aggregate& a) {
  a.units.resize(survey.units.size());
  std::vector<stats::Moments> given(survey.units.size()), received(survey.units.size());
  for (const Tie& t : a.ties) {
    if (t.suppressed) continue;
    if (t.within()) {
      a.units[t.source].rc_within = t.rc;
      continue;
    }
    given[t.source].add(t.rc);
    received[t.target].add(t.rc);
  }
  for (std::size_t u = 0; u < survey.units.size(); ++u) {
    if (given[u].n) a.units[u].rc_given = given[u].mean;
    if (received[u].n) a.units[u].rc_received = received[u].mean;
  }

  // Sides: respondent-weighted over non-suppressed between-unit ties.
  auto side_index = [&](std::uint32_t unit) {
    return static_cast<std::size_t>(
        std::find(survey.sides.begin(), survey.sides.end(), survey.units[unit].side) - survey.sides.begin());
  };
  const std::size_t S = survey.sides.size();
  std::vector<double> wsum(S * S, 0.0);
  std::vector<int> nsum(S * S, 0), tcount(S * S, 0);
  double overall = 0;
  for (const Tie& t : a.ties) {
    if (t.suppressed || t.within()) continue;
    std::size_t k = side_index(t.source) * S + side_index(t.target);
    wsum[k] += t.rc * t.n;
    nsum[k] += t.n;
    ++tcount[k];
    overall += t.rc * t.n;
    a.overall_n += t.n;
  }
  if (a.overall_n) a.overall_rc = overall / a.overall_n;
  for (std::size_t i = 0; i < S; ++i)
    for (std::size_t j = 0; j < S; ++j) {
      std::size_t k = i * S + j;
      if (!nsum[k]) continue;
      a.sides.push_back({survey.sides[i], survey.sides[j], nsum[k], tcount[k], wsum[k] / nsum[k]});
    }
}

}  // namespace rcmap
