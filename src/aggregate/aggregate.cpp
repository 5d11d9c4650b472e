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
#include <array>
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

namespace {

// Row sums of `r` (score_sums); false if the row answers fewer than
// `min_answers` dimensions. The 7 scores (0 = not answered, else 1..5) are
// read as one 8-byte word, the struct's padding byte masked off, and summed
// and counted bytewise (sums of at most 4 scores stay below 256, so no byte
// carries).
inline bool row_sums(const Response& r, int min_answers, std::uint64_t& x, int& sum_c, int& k_c, int& sum_l, int& k_l) {
  static_assert(kDimensionCount == 7 && kCommunicationDimensions == 4 &&
                offsetof(Response, scores) + 8 <= sizeof(Response));
  std::memcpy(&x, reinterpret_cast<const unsigned char*>(&r) + offsetof(Response, scores), 8);
  x &= 0x00FFFFFFFFFFFFFFull;
  score_sums(x, sum_c, k_c, sum_l, k_l);
  return k_c + k_l >= min_answers;
}

inline std::uint64_t key_of(const Response& r) { return (static_cast<std::uint64_t>(r.unit) << 32) | r.target; }

// The accumulators of the ties with an included row, each with its key
// (unit << 32) | target, in no particular order; the rows included, and
// which respondents have an included row.
struct TieSums {
  std::vector<std::uint64_t> key;
  std::vector<TieAcc> acc;
  std::vector<char> counted;  // per respondent
  std::size_t included = 0;   // rows
};

constexpr std::size_t kTwoThreadsFrom = 200000;  // rows

// Whether sum_rows_halves() applies: a large survey whose dense accumulator
// table (one per half) stays within 8 MB.
bool sum_in_halves(const Survey& survey) {
  const std::size_t U = survey.units.size();
  return survey.rows.size() >= kTwoThreadsFrom && U * U * sizeof(TieAcc) <= (std::size_t{8} << 20);
}

// The one pass over the rows on two threads: each sums half the rows into
// accumulators indexed by unit * U + target, and the halves' sums are added
// (integer sums: the result does not depend on the split).
TieSums sum_rows_halves(const Survey& survey, int min_answers) {
  const std::size_t U = survey.units.size();
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
      if (!row_sums(r, min_answers, x, sum_c, k_c, sum_l, k_l)) continue;
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
  TieSums t;
  t.included = first.included + second.included;
  t.counted.assign(survey.respondents.size(), 0);
  for (std::size_t r = 0; r < t.counted.size(); ++r) t.counted[r] = first.counted[r] | second.counted[r];
  for (std::size_t k = 0; k < U * U; ++k) {
    first.acc[k].merge(second.acc[k]);
    if (!first.acc[k].rc.n) continue;
    t.key.push_back((static_cast<std::uint64_t>(k / U) << 32) | (k % U));
    t.acc.push_back(first.acc[k]);
  }
  return t;
}

// The one pass over the rows on one thread: accumulators in order of first
// appearance, found through a dense table for up to 2048 units, a hash map
// beyond.
TieSums sum_rows(const Survey& survey, int min_answers) {
  const std::size_t U = survey.units.size();
  TieSums t;
  t.counted.assign(survey.respondents.size(), 0);
  constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  const bool dense = U * U <= (std::size_t{1} << 22);
  std::vector<std::uint32_t> slot_of(dense ? U * U : 0, kNone);  // unit * U + target -> slot
  std::unordered_map<std::uint64_t, std::uint32_t> slot_map;
  std::uint64_t x;
  int sum_c, k_c, sum_l, k_l;
  for (const Response& r : survey.rows) {
    if (!row_sums(r, min_answers, x, sum_c, k_c, sum_l, k_l)) continue;
    ++t.included;
    t.counted[r.respondent] = 1;
    std::uint32_t* slot =
        dense ? &slot_of[r.unit * U + r.target] : &slot_map.try_emplace(key_of(r), kNone).first->second;
    if (*slot == kNone) {
      *slot = static_cast<std::uint32_t>(t.key.size());
      t.key.push_back(key_of(r));
      t.acc.emplace_back();
    }
    t.acc[*slot].add(x, sum_c, k_c, sum_l, k_l);
  }
  for (TieAcc& ta : t.acc) ta.settle();
  return t;
}

// Per tie: its included rows, its left-out dimensions (left_out_dimensions),
// and whether a row that answered only left-out dimensions suppresses it.
struct TieShape {
  std::vector<int> included;
  std::vector<DimensionMask> left_out;
  std::vector<char> void_tie;
};

TieShape tie_shapes(const TieSums& t, int min_n) {
  TieShape sh;
  sh.included.resize(t.acc.size());
  sh.left_out.assign(t.acc.size(), 0);
  sh.void_tie.assign(t.acc.size(), 0);
  for (std::size_t k = 0; k < t.acc.size(); ++k) {
    sh.included[k] = static_cast<int>(t.acc[k].rc.n);
    std::array<int, kDimensionCount> dim_n;
    for (int d = 0; d < kDimensionCount; ++d) dim_n[d] = static_cast<int>(t.acc[k].dim[d].n);
    sh.left_out[k] = left_out_dimensions(sh.included[k], dim_n, min_n);
  }
  return sh;
}

// The RC sums of the ties with left-out dimensions, summed again without
// them in one more pass over the rows; a row that answered only left-out
// dimensions marks its tie void.
void resum_left_out(const Survey& survey, int min_answers, TieSums& t, TieShape& sh) {
  const std::size_t U = survey.units.size();
  constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  const bool dense = U * U <= (std::size_t{1} << 22);
  std::vector<std::uint32_t> slot_of(dense ? U * U : 0, kNone);
  std::unordered_map<std::uint64_t, std::uint32_t> slot_map;
  for (std::size_t k = 0; k < t.acc.size(); ++k) {
    if (!sh.left_out[k]) continue;
    t.acc[k].rc = Sums{};
    const std::uint64_t key = t.key[k];
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
    if (k == kNone || !row_sums(r, min_answers, x, sum_c, k_c, sum_l, k_l)) continue;
    score_sums(x & kept_bytes(sh.left_out[k]), sum_c, k_c, sum_l, k_l);
    if (k_c + k_l == 0)
      sh.void_tie[k] = 1;
    else
      t.acc[k].rc.add((sum_c + sum_l) * kScaled[k_c + k_l]);
  }
}

// Cronbach's alpha over the complete rows of shown ties without left-out
// dimensions; not shown from fewer than min_n rows.
Alpha reliability(const TieSums& t, const TieShape& sh, int min_n) {
  std::array<Squares, kDimensionCount> item;
  Sums total;
  for (std::size_t k = 0; k < t.acc.size(); ++k) {
    if (sh.included[k] < min_n || sh.left_out[k]) continue;
    total.merge(t.acc[k].total);
    for (int d = 0; d < kDimensionCount; ++d) item[d].merge(t.acc[k].item[d]);
  }
  std::vector<stats::Moments> item_moments;
  for (const Squares& m : item) item_moments.push_back(stats::moments_from_sums(total.n, m.s, m.q));
  Alpha alpha;
  alpha.n = static_cast<int>(total.n);
  if (alpha.n >= min_n)
    alpha.value = stats::cronbach_alpha(item_moments, stats::moments_from_sums(total.n, total.s, total.q));
  return alpha;
}

// The tie of accumulator `slot`, suppressed from fewer than min_n rows or
// when void; a shown tie's means of dimensions answered by fewer than min_n
// rows, and the indices holding a left-out dimension, stay NaN.
Tie make_tie(const TieSums& t, const TieShape& sh, std::uint32_t slot, const AggregateOptions& opt) {
  const TieAcc& ta = t.acc[slot];
  const stats::Moments rc = stats::moments_from_sums(ta.rc.n, ta.rc.s, ta.rc.q, kScale);
  Tie tie;
  tie.source = static_cast<std::uint32_t>(t.key[slot] >> 32);
  tie.target = static_cast<std::uint32_t>(t.key[slot] & 0xFFFFFFFFu);
  tie.n = sh.included[slot];
  tie.suppressed = tie.n < opt.min_n || sh.void_tie[slot];
  tie.dim_mean.fill(kNaN);
  if (!tie.suppressed) {
    tie.left_out = sh.left_out[slot];
    tie.rc = rc.mean;
    tie.sd = rc.sd();
    auto ci = rc.ci95();
    tie.ci_low = ci[0];
    tie.ci_high = ci[1];
    for (int d = 0; d < kDimensionCount; ++d) {
      tie.dim_n[d] = static_cast<int>(ta.dim[d].n);
      tie.dim_mean[d] = shown(ta.dim[d], opt.min_n, 1);
    }
    if (!(tie.left_out & kCommunicationMask)) tie.communication = shown(ta.comm, opt.min_n, kScale);
    if (!(tie.left_out & kRelationshipMask)) tie.relationship = shown(ta.rel, opt.min_n, kScale);
  }
  tie.strength = classify(tie.rc, opt);
  return tie;
}

// Respondents per unit (those with an included row) and response rates.
void count_respondents(const Survey& survey, const std::vector<char>& counted, Aggregate& a) {
  a.units.assign(survey.units.size(), UnitResult{});
  for (std::size_t r = 0; r < counted.size(); ++r)
    if (counted[r]) {
      ++a.units[survey.respondent_unit[r]].respondents;
      ++a.respondents;
    }
  for (std::size_t u = 0; u < survey.units.size(); ++u)
    if (const auto& hc = survey.units[u].headcount; hc && *hc > 0)
      a.units[u].response_rate = static_cast<double>(a.units[u].respondents) / *hc;
}

}  // namespace

Aggregate aggregate(const Survey& survey, const AggregateOptions& opt) {
  check_options(opt);
  Aggregate a;
  a.options = opt;
  a.rows_read = survey.rows.size();

  // One pass: each included row goes to its tie's accumulator; ties are
  // listed by (source, target) below. Integer sums make the pass cheap (no
  // division per value), exact, and independent of the order of the rows, so
  // a large survey can be split over two threads and the halves' sums added.
  TieSums t = sum_in_halves(survey) ? sum_rows_halves(survey, opt.min_answers) : sum_rows(survey, opt.min_answers);
  a.rows_included = t.included;

  // Left-out dimensions (left_out_dimensions): their ties' row scores are
  // summed again without them.
  TieShape sh = tie_shapes(t, opt.min_n);
  if (std::any_of(sh.left_out.begin(), sh.left_out.end(), [](DimensionMask m) { return m != 0; }))
    resum_left_out(survey, opt.min_answers, t, sh);

  a.alpha = reliability(t, sh, opt.min_n);
  a.rows_excluded = a.rows_read - a.rows_included;
  std::vector<std::uint32_t> by_key(t.acc.size());
  for (std::uint32_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
  std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t x, std::uint32_t y) { return t.key[x] < t.key[y]; });
  a.ties.reserve(t.acc.size());
  for (std::uint32_t slot : by_key) {
    a.ties.push_back(make_tie(t, sh, slot, opt));
    if (a.ties.back().suppressed) ++a.suppressed_ties;
  }
  count_respondents(survey, t.counted, a);
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
