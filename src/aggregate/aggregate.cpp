// Aggregation of respondent rows into RC ties and unit, side and network
// figures (docs/method.md).
//
// A row's RC is the mean of its answered dimensions (Gittell 2009, "Relational
// Coordination: Guidelines for Theory, Measurement and Analysis"); a tie's RC
// is the mean of its rows' RC. Communication and relationship indices are the
// same means over the first four and the last three dimensions.
//
// Anonymity: any figure computed from fewer than min_n respondents is
// suppressed (NaN). Every higher-level figure (unit, side, overall, alpha)
// is computed only from non-suppressed ties, so no published total minus
// published parts gives back a hidden tie. A dimension answered by fewer
// than min_n rows of a shown tie is left out of that tie altogether (its
// mean, the index containing it, and the row scores behind rc, sd and the
// CI; the tie's rows are not used for alpha): otherwise rc and the other
// means would give it back (when every row answered six dimensions, rc * 6n
// minus the six shown sums is the hidden sum; docs/method.md "Anonymity").
#include "rcmap/aggregate/aggregate.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <cmath>
#include <functional>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "rcmap/aggregate/stats.hpp"
#include "util/side_task.hpp"

namespace rcmap {

void check_options(const AggregateOptions& o) {
  if (o.min_n < 3)
    throw UsageError("--min-n " + std::to_string(o.min_n) +
                     " is too small: values below 3 would let readers single out individual answers");
  if (o.min_answers < 1 || o.min_answers > kDimensionCount)
    throw UsageError("--min-answers must be from 1 to 7, got " + std::to_string(o.min_answers));
  if (!(o.weak_below >= 1 && o.weak_below <= 5) || !(o.strong_from >= 1 && o.strong_from <= 5))
    throw UsageError("--weak-below and --strong-from must lie in 1..5");
  if (o.strong_from < o.weak_below) throw UsageError("--strong-from must not be below --weak-below");
}

const char* strength_name(Strength s) {
  switch (s) {
    case Strength::weak:
      return "weak";
    case Strength::moderate:
      return "moderate";
    case Strength::strong:
      return "strong";
    case Strength::suppressed:
      return "suppressed";
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

// Row RC, communication and relationship scores are means of 1..7, 1..4 and
// 1..3 integers, so 420 (= lcm(1..7)) times each is an integer:
// kScaled[k] = 420 / k turns a sum of k answers into that integer.
constexpr int kScale = 420;
constexpr std::int64_t kScaled[kDimensionCount + 1] = {0, 420, 210, 140, 105, 84, 70, 60};

// Exact integer sums of one tie's included rows: count, sum and sum of
// squares of each scaled score (stats::moments_from_sums turns them into
// mean and variance), and for complete rows the item and total sums behind
// Cronbach's alpha. No rounding until the end, and the result does not
// depend on the order of the rows.
struct Sums {
  std::uint64_t n = 0;
  std::int64_t s = 0;
  std::uint64_t q = 0;
  void add(std::int64_t v) {
    ++n;
    s += v;
    q += static_cast<std::uint64_t>(v * v);
  }
  void merge(const Sums& o) {
    n += o.n;
    s += o.s;
    q += o.q;
  }
};

// Count and sum only, for values shown as means alone.
struct Totals {
  std::uint64_t n = 0;
  std::int64_t s = 0;
  void merge(const Totals& o) {
    n += o.n;
    s += o.s;
  }
};

// Sum and sum of squares; the count is kept elsewhere.
struct Squares {
  std::int64_t s = 0;
  std::uint64_t q = 0;
  void add(std::int64_t v) {
    s += v;
    q += static_cast<std::uint64_t>(v * v);
  }
  void merge(const Squares& o) {
    s += o.s;
    q += o.q;
  }
};

// Eight 16-bit lanes, one per dimension (GCC vector extensions: SSE2 on
// x86-64, NEON on arm64, plain code elsewhere), and the 8 score bytes.
using Lanes = std::uint16_t __attribute__((vector_size(16)));
using Bytes = std::uint8_t __attribute__((vector_size(8)));

struct TieAcc {
  Sums rc;                                    // scaled by kScale
  Totals comm, rel;                           // scaled by kScale
  std::array<Totals, kDimensionCount> dim;    // raw scores 1..5
  Sums total;                                 // complete rows: sum of the 7 scores
  std::array<Squares, kDimensionCount> item;  // complete rows (total.n): each score
  // The per-dimension sums of the rows added since the last settle(), one
  // lane per dimension: at most kSettleEvery rows, so a lane stays below
  // 2048 * 5 * 5 < 65536. settle() adds them to dim and item.
  static constexpr std::uint32_t kSettleEvery = 2048;
  Lanes dim_s{}, dim_n{}, item_s{}, item_q{};
  std::uint32_t pending = 0;
  void settle() {
    for (int d = 0; d < kDimensionCount; ++d) {
      dim[d].s += dim_s[d];
      dim[d].n += dim_n[d];
      item[d].s += item_s[d];
      item[d].q += item_q[d];
    }
    dim_s = dim_n = item_s = item_q = Lanes{};
    pending = 0;
  }
  void merge(const TieAcc& o) {  // both settled
    rc.merge(o.rc);
    comm.merge(o.comm);
    rel.merge(o.rel);
    total.merge(o.total);
    for (int d = 0; d < kDimensionCount; ++d) {
      dim[d].merge(o.dim[d]);
      item[d].merge(o.item[d]);
    }
  }
  // `scores`: the row's 7 scores and a zero byte.
  void add(std::uint64_t scores, int sum_c, int k_c, int sum_l, int k_l) {
    rc.add((sum_c + sum_l) * kScaled[k_c + k_l]);
    // Without branches: an unanswered score is 0 and adds nothing.
    comm.n += k_c != 0;
    comm.s += sum_c * kScaled[k_c];
    rel.n += k_l != 0;
    rel.s += sum_l * kScaled[k_l];
    Bytes b;
    std::memcpy(&b, &scores, sizeof b);
    const Lanes w = __builtin_convertvector(b, Lanes);
    dim_s += w;
    dim_n -= reinterpret_cast<Lanes>(w != 0);  // a true lane compares as all ones (-1)
    const int complete = k_c + k_l == kDimensionCount;
    const Lanes mask = Lanes{} - static_cast<std::uint16_t>(complete);
    item_s += w & mask;
    item_q += (w * w) & mask;
    const int sum = sum_c + sum_l;
    total.n += static_cast<std::uint64_t>(complete);
    total.s += complete * sum;
    total.q += static_cast<std::uint64_t>(complete * sum * sum);
    if (++pending == kSettleEvery) settle();
  }
};

// A mean from fewer than min_n rows is itself suppressed.
double shown(const Totals& m, int min_n, double scale) {
  return static_cast<int>(m.n) >= min_n ? stats::moments_from_sums(m.n, m.s, 0, scale).mean : kNaN;
}

// Sums and counts of the communication (first four bytes) and relationship
// (next three) scores of `x`, the 7 score bytes of a row (0 = not answered,
// else 1..5; the eighth byte 0), summed bytewise: sums of at most 4 scores
// stay below 256, so no byte carries.
void score_sums(std::uint64_t x, int& sum_c, int& k_c, int& sum_l, int& k_l) {
  const std::uint64_t answered = (x | x >> 1 | x >> 2) & 0x0001010101010101ull;  // scores < 8
  sum_c = static_cast<int>(((x & 0xFFFFFFFFull) * 0x01010101ull) >> 24 & 0xFF);
  sum_l = static_cast<int>(((x >> 32) * 0x010101ull) >> 16 & 0xFF);
  k_c = static_cast<int>(((answered & 0xFFFFFFFFull) * 0x01010101ull) >> 24 & 0xFF);
  k_l = static_cast<int>(((answered >> 32) * 0x010101ull) >> 16 & 0xFF);
}

// The score bytes of a row that are kept when `left_out` is removed.
std::uint64_t kept_bytes(DimensionMask left_out) {
  std::uint64_t keep = 0x00FFFFFFFFFFFFFFull;
  for (int d = 0; d < kDimensionCount; ++d)
    if (left_out >> d & 1) keep &= ~(std::uint64_t{0xFF} << (8 * d));
  return keep;
}

}  // namespace

DimensionMask left_out_dimensions(int n, const std::array<int, kDimensionCount>& dim_n, int min_n) {
  DimensionMask m = 0;
  if (n < min_n) return 0;
  for (int d = 0; d < kDimensionCount; ++d)
    if (dim_n[d] > 0 && dim_n[d] < min_n) m = static_cast<DimensionMask>(m | 1u << d);
  return m;
}

double row_score(const Response& r, DimensionMask left_out) {
  int sum = 0, k = 0;
  for (int d = 0; d < kDimensionCount; ++d)
    if (r.scores[d] && !(left_out >> d & 1)) {
      sum += r.scores[d];
      ++k;
    }
  return k ? static_cast<double>(sum) / k : kNaN;
}

Aggregate aggregate(const Survey& survey, const AggregateOptions& opt) {
  check_options(opt);
  Aggregate a;
  a.options = opt;
  a.rows_read = survey.rows.size();

  // One pass: each included row goes to its tie's accumulator; ties are
  // listed by (source, target) below. Integer sums make the pass cheap (no
  // division per value), exact, and independent of the order of the rows, so
  // a large survey can be split over two threads and the halves' sums added.
  const std::size_t U = survey.units.size();
  std::vector<std::uint64_t> acc_key;  // (unit << 32) | target of each accumulator
  std::vector<TieAcc> acc;
  std::vector<char> counted(survey.respondents.size(), 0);  // respondents with an included row
  // Row sums; false if the row answers too few dimensions.
  // The 7 scores (0 = not answered, else 1..5) are read as one 8-byte word,
  // the struct's padding byte masked off, and summed and counted bytewise
  // (sums of at most 4 scores stay below 256, so no byte carries).
  static_assert(kDimensionCount == 7 && kCommunicationDimensions == 4 &&
                offsetof(Response, scores) + 8 <= sizeof(Response));
  auto row_sums = [&](const Response& r, std::uint64_t& x, int& sum_c, int& k_c, int& sum_l, int& k_l) {
    std::memcpy(&x, reinterpret_cast<const unsigned char*>(&r) + offsetof(Response, scores), 8);
    x &= 0x00FFFFFFFFFFFFFFull;
    score_sums(x, sum_c, k_c, sum_l, k_l);
    return k_c + k_l >= opt.min_answers;
  };
  auto key_of = [](const Response& r) { return (static_cast<std::uint64_t>(r.unit) << 32) | r.target; };
  constexpr std::size_t kTwoThreadsFrom = 200000;  // rows
  if (survey.rows.size() >= kTwoThreadsFrom && U * U * sizeof(TieAcc) <= (std::size_t{8} << 20)) {
    // Accumulators indexed by unit * U + target, one set per half.
    struct Half {
      std::vector<TieAcc> acc;
      std::vector<char> counted;
      std::size_t included = 0;
    };
    auto run = [&](std::size_t begin, std::size_t end, Half& h) {
      h.acc.resize(U * U);
      h.counted.assign(survey.respondents.size(), 0);
      std::uint64_t x;
      int sum_c, k_c, sum_l, k_l;
      for (std::size_t i = begin; i < end; ++i) {
        const Response& r = survey.rows[i];
        if (!row_sums(r, x, sum_c, k_c, sum_l, k_l)) continue;
        ++h.included;
        h.counted[r.respondent] = 1;
        h.acc[r.unit * U + r.target].add(x, sum_c, k_c, sum_l, k_l);
      }
      for (TieAcc& ta : h.acc) ta.settle();
    };
    Half first, second;
    const std::size_t mid = survey.rows.size() / 2;
    auto run_second = [&] { run(mid, survey.rows.size(), second); };
    detail::SideTask worker(run_second);
    run(0, mid, first);
    worker.join();
    a.rows_included = first.included + second.included;
    for (std::size_t r = 0; r < counted.size(); ++r) counted[r] = first.counted[r] | second.counted[r];
    for (std::size_t k = 0; k < U * U; ++k) {
      first.acc[k].merge(second.acc[k]);
      if (!first.acc[k].rc.n) continue;
      acc_key.push_back((static_cast<std::uint64_t>(k / U) << 32) | (k % U));
      acc.push_back(first.acc[k]);
    }
  } else {
    // Slots in order of first appearance: a dense table for up to 2048
    // units, a hash map beyond.
    constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
    const bool dense = U * U <= (std::size_t{1} << 22);
    std::vector<std::uint32_t> slot_of(dense ? U * U : 0, kNone);  // unit * U + target -> slot
    std::unordered_map<std::uint64_t, std::uint32_t> slot_map;
    std::uint64_t x;
    int sum_c, k_c, sum_l, k_l;
    for (const Response& r : survey.rows) {
      if (!row_sums(r, x, sum_c, k_c, sum_l, k_l)) continue;
      ++a.rows_included;
      counted[r.respondent] = 1;
      std::uint32_t* slot =
          dense ? &slot_of[r.unit * U + r.target] : &slot_map.try_emplace(key_of(r), kNone).first->second;
      if (*slot == kNone) {
        *slot = static_cast<std::uint32_t>(acc_key.size());
        acc_key.push_back(key_of(r));
        acc.emplace_back();
      }
      acc[*slot].add(x, sum_c, k_c, sum_l, k_l);
    }
    for (TieAcc& ta : acc) ta.settle();
  }

  // Left-out dimensions (left_out_dimensions). Their ties' row scores are
  // summed again without them, in one more pass over the rows; a row that
  // answered only left-out dimensions suppresses its tie (`void_tie`).
  std::vector<int> included(acc.size());
  std::vector<DimensionMask> left_out(acc.size(), 0);
  std::vector<char> void_tie(acc.size(), 0);
  bool any_left_out = false;
  for (std::size_t k = 0; k < acc.size(); ++k) {
    included[k] = static_cast<int>(acc[k].rc.n);
    std::array<int, kDimensionCount> dim_n;
    for (int d = 0; d < kDimensionCount; ++d) dim_n[d] = static_cast<int>(acc[k].dim[d].n);
    left_out[k] = left_out_dimensions(included[k], dim_n, opt.min_n);
    any_left_out |= left_out[k] != 0;
  }
  if (any_left_out) {
    constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
    const bool dense = U * U <= (std::size_t{1} << 22);
    std::vector<std::uint32_t> slot_of(dense ? U * U : 0, kNone);
    std::unordered_map<std::uint64_t, std::uint32_t> slot_map;
    for (std::size_t k = 0; k < acc.size(); ++k) {
      if (!left_out[k]) continue;
      acc[k].rc = Sums{};
      const std::uint64_t key = acc_key[k];
      if (dense)
        slot_of[(key >> 32) * U + (key & 0xFFFFFFFFu)] = static_cast<std::uint32_t>(k);
      else
        slot_map.emplace(key, static_cast<std::uint32_t>(k));
    }
    std::uint64_t x;
    int sum_c, k_c, sum_l, k_l;
    for (const Response& r : survey.rows) {
      std::uint32_t k = kNone;
      if (dense) {
        k = slot_of[r.unit * U + r.target];
      } else if (auto it = slot_map.find(key_of(r)); it != slot_map.end()) {
        k = it->second;
      }
      if (k == kNone || !row_sums(r, x, sum_c, k_c, sum_l, k_l)) continue;
      score_sums(x & kept_bytes(left_out[k]), sum_c, k_c, sum_l, k_l);
      if (k_c + k_l == 0)
        void_tie[k] = 1;
      else
        acc[k].rc.add((sum_c + sum_l) * kScaled[k_c + k_l]);
    }
  }

  // Reliability over complete rows of shown ties without left-out
  // dimensions; not shown from fewer than min_n rows.
  std::array<Squares, kDimensionCount> item;
  Sums total;
  for (std::size_t k = 0; k < acc.size(); ++k) {
    if (included[k] < opt.min_n || left_out[k]) continue;
    total.merge(acc[k].total);
    for (int d = 0; d < kDimensionCount; ++d) item[d].merge(acc[k].item[d]);
  }
  std::vector<stats::Moments> item_moments;
  for (const Squares& m : item) item_moments.push_back(stats::moments_from_sums(total.n, m.s, m.q));
  a.alpha.n = static_cast<int>(total.n);
  if (a.alpha.n >= opt.min_n)
    a.alpha.value = stats::cronbach_alpha(item_moments, stats::moments_from_sums(total.n, total.s, total.q));
  a.rows_excluded = a.rows_read - a.rows_included;
  std::vector<std::uint32_t> by_key(acc.size());
  for (std::uint32_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
  std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t x, std::uint32_t y) { return acc_key[x] < acc_key[y]; });

  a.ties.reserve(acc.size());
  for (std::uint32_t slot : by_key) {
    const TieAcc& ta = acc[slot];
    const stats::Moments rc = stats::moments_from_sums(ta.rc.n, ta.rc.s, ta.rc.q, kScale);
    Tie t;
    t.source = static_cast<std::uint32_t>(acc_key[slot] >> 32);
    t.target = static_cast<std::uint32_t>(acc_key[slot] & 0xFFFFFFFFu);
    t.n = included[slot];
    t.suppressed = t.n < opt.min_n || void_tie[slot];
    t.dim_mean.fill(kNaN);
    if (!t.suppressed) {
      t.left_out = left_out[slot];
      t.rc = rc.mean;
      t.sd = rc.sd();
      auto ci = rc.ci95();
      t.ci_low = ci[0];
      t.ci_high = ci[1];
      for (int d = 0; d < kDimensionCount; ++d) {
        t.dim_n[d] = static_cast<int>(ta.dim[d].n);
        t.dim_mean[d] = shown(ta.dim[d], opt.min_n, 1);
      }
      if (!(t.left_out & kCommunicationMask)) t.communication = shown(ta.comm, opt.min_n, kScale);
      if (!(t.left_out & kRelationshipMask)) t.relationship = shown(ta.rel, opt.min_n, kScale);
    } else {
      ++a.suppressed_ties;
    }
    t.strength = classify(t.rc, opt);
    a.ties.push_back(t);
  }
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
    return static_cast<std::size_t>(std::find(survey.sides.begin(), survey.sides.end(), survey.units[unit].side) -
                                    survey.sides.begin());
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
