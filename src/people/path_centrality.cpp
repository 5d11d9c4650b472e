// Betweenness and harmonic centrality of the person graph (docs/network-scale.md
// "Betweenness and harmonic centrality"), exact or estimated from sampled sources,
// with the sources split over worker processes.
//
//  - betweenness: directed, edge lengths = distances, raw counts over ordered
//    pairs (s, t), s != v != t (Brandes 2001, "A faster algorithm for
//    betweenness centrality", J. Math. Sociol. 25:163-177): one Dijkstra per
//    source counting shortest paths, then dependencies in reverse order. The
//    sum over all sources equals igraph_betweenness (distances compared with
//    igraph's relative epsilon, so ties of path length are the same paths).
//  - harmonic: OUT (as the unit-level code, src/metrics/centrality.cpp),
//    normalised: mean over the n-1 others of 1/d(v, t), 0 for unreachable
//    (Marchiori & Latora 2000). Exact: from the same Dijkstra pass as v's
//    betweenness dependencies (igraph_harmonic_centrality would run a second
//    pass per source; igraph has no function giving both from one pass).
//    NaN for n < 2 (note).
//  - estimate (ecount > exact_max_edges): k sources drawn uniformly without
//    replacement (stats::SplitMix64 seeded with opt.seed, partial Fisher-Yates).
//    Betweenness = n/k * sum over sampled s of the dependency delta_s(v)
//    (Brandes & Pich 2007, "Centrality estimation in large networks", Int. J.
//    Bifurcation and Chaos 17:2303-2318, uniform pivots, unbiased).
//    Harmonic = n/k * sum over sampled t != v of 1/d(v, t), / (n-1): the
//    sampled vertices serve as targets, their distances from every v come
//    from one Dijkstra each on the reversed graph; unbiased since each t is
//    sampled with probability k/n (Eppstein & Wang 2004 use the same pivot
//    estimator for closeness). With k = n both equal the exact values up to
//    summation order.
//  - graph: a compressed sparse row copy (out- and in-edges, self-loops
//    dropped as igraph's betweenness drops them) and a binary heap with lazy
//    deletion; predecessors are kept in the slots of each vertex's in-edges,
//    so a source allocates nothing.
//  - processes: the source list is cut into min(k, 32) fixed blocks; block
//    b is computed by worker b mod P (worker 0 is this process, workers
//    1..P-1 fork()ed children that send each block's 2n doubles through a
//    pipe). The parent adds the blocks in block order, so results are
//    byte-identical for any P and any timing. A failed pipe()/fork(), or a
//    child that dies, makes the parent compute those blocks itself. Call this
//    with no other thread running (fork() copies only the calling thread).
//    The children run only this file's own kernels (no igraph call, no OpenMP: libgomp,
//    used by igraph's PRPACK PageRank, is not fork-safe).
// Complexity: O(k (m + n) log n) time for k sources (k = n when exact; the
// estimate adds one reversed Dijkstra per source); memory O(n + m) per process.
#include "rcmap/people/path_centrality.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/aggregate/stats.hpp"

namespace rcmap::people {
namespace {

constexpr std::size_t kBlocks = 32;  // fixed partition of the sources
// Auto sample size: about kWork edge relaxations (k * m), at least
// kMinSamples sources (see docs/network-scale.md for the timing behind it).
constexpr double kWork = 1.5e8;
constexpr std::int64_t kMinSamples = 100;

// k distinct vertices of 0..n-1, uniform, sorted (partial Fisher-Yates).
std::vector<long> sample_sources(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<long> v(n);
  std::iota(v.begin(), v.end(), 0L);
  stats::SplitMix64 rng(seed);
  for (std::size_t i = 0; i < k && i + 1 < n; ++i) std::swap(v[i], v[i + rng.below(n - i)]);
  v.resize(k);
  std::sort(v.begin(), v.end());
  return v;
}

struct Csr;
struct Plan {
  const igraph_t* g;
  const ig::Vector* len;
  const Csr* csr;
  std::size_t n;
  bool exact;
  std::vector<long> sources;
  std::size_t blocks;
  std::vector<long> block(std::size_t b) const {
    const std::size_t k = sources.size();
    return {sources.begin() + static_cast<long>(k * b / blocks),
            sources.begin() + static_cast<long>(k * (b + 1) / blocks)};
  }
};

// igraph_cmp_epsilon's relative comparison (igraph 0.10 src/math/utils.c),
// with IGRAPH_SHORTEST_PATH_EPSILON: path lengths within a relative 1e-10 of
// each other are equal, as igraph's Dijkstra-based betweenness decides.
int cmp_eps(double a, double b) {
  if (a == b) return 0;
  const double diff = a - b, sum = std::fabs(a) + std::fabs(b);
  if (a == 0 || b == 0 || sum < std::numeric_limits<double>::min())
    return std::fabs(diff) < IGRAPH_SHORTEST_PATH_EPSILON * std::numeric_limits<double>::min() ? 0 : diff < 0 ? -1 : 1;
  if (std::fabs(diff) / sum < IGRAPH_SHORTEST_PATH_EPSILON) return 0;
  return diff < 0 ? -1 : 1;
}

// Compressed sparse rows of the graph's edges without self-loops (igraph's
// betweenness ignores loops; multiple edges are kept as separate paths):
// out[v] = edges v -> w in igraph's OUT incidence order, in[w] = edges v -> w.
struct Csr {
  std::vector<std::uint32_t> out_start, out_to, in_start, in_from;
  std::vector<double> out_len, in_len;
};
Csr build_csr(const igraph_t& g, const ig::Vector& len, std::size_t n) {
  ig::ErrorScope scope;
  Csr c;
  c.out_start.assign(n + 1, 0);
  c.in_start.assign(n + 1, 0);
  const auto m = static_cast<std::size_t>(igraph_ecount(&g));
  for (std::size_t e = 0; e < m; ++e) {
    const auto a = static_cast<std::size_t>(IGRAPH_FROM(&g, e)), b = static_cast<std::size_t>(IGRAPH_TO(&g, e));
    if (a == b) continue;
    ++c.out_start[a + 1];
    ++c.in_start[b + 1];
  }
  for (std::size_t v = 0; v < n; ++v) {
    c.out_start[v + 1] += c.out_start[v];
    c.in_start[v + 1] += c.in_start[v];
  }
  const std::size_t edges = c.out_start[n];
  c.out_to.resize(edges);
  c.out_len.resize(edges);
  c.in_from.resize(edges);
  c.in_len.resize(edges);
  std::vector<std::uint32_t> in_fill(c.in_start.begin(), c.in_start.end() - 1);
  ig::IntVector inc;
  for (std::size_t v = 0; v < n; ++v) {
    ig::check(igraph_incident(&g, inc.get(), static_cast<igraph_integer_t>(v), IGRAPH_OUT), "igraph_incident");
    std::size_t at = c.out_start[v];
    for (std::size_t i = 0; i < inc.size(); ++i) {
      const auto e = static_cast<std::size_t>(inc[i]);
      const auto b = static_cast<std::uint32_t>(IGRAPH_TO(&g, e));
      if (b == v) continue;
      c.out_to[at] = b;
      c.out_len[at++] = len[e];
      c.in_from[in_fill[b]] = static_cast<std::uint32_t>(v);
      c.in_len[in_fill[b]++] = len[e];
    }
  }
  return c;
}

// Binary min-heap of (distance, vertex) with lazy deletion: a vertex is
// pushed again when its distance falls; stale entries are skipped on pop.
struct Heap {
  struct Item {
    double d;
    std::uint32_t v;
  };
  std::vector<Item> a;
  void push(double d, std::uint32_t v) {
    a.push_back({d, v});
    std::push_heap(a.begin(), a.end(), [](const Item& x, const Item& y) { return x.d > y.d; });
  }
  Item pop() {
    std::pop_heap(a.begin(), a.end(), [](const Item& x, const Item& y) { return x.d > y.d; });
    const Item t = a.back();
    a.pop_back();
    return t;
  }
};

// Scratch of one worker, reused across sources (one allocation per block).
struct Scratch {
  std::vector<double> dist, sigma, delta;  // dist = distance + 1 (0: not reached), as igraph
  std::vector<std::uint32_t> npred, pred, order;
  std::vector<char> done;
  Heap heap;
  explicit Scratch(const Csr& c, std::size_t n)
      : dist(n, 0.0), sigma(n, 0.0), delta(n, 0.0), npred(n, 0), pred(c.in_from.size()), done(n, 0) {
    order.reserve(n);
  }
};

// One source of Brandes (2001) on the CSR: Dijkstra counting shortest paths
// (sigma) and recording predecessors (in the slots of each vertex's in-edges),
// then dependencies accumulated in reverse settling order into btw. Distances
// are compared as igraph_betweenness does (cmp_eps on distance + 1). Returns
// the sum of 1/d(s, t) over the vertices t != s reached (harmonic OUT of s,
// unnormalised), in settling order as igraph_harmonic_centrality adds them.
double brandes_source(const Csr& c, std::uint32_t s, Scratch& w, double* btw) {
  w.order.clear();
  w.dist[s] = 1.0;
  w.sigma[s] = 1.0;
  w.heap.push(1.0, s);
  double harmonic = 0;
  while (!w.heap.a.empty()) {
    const Heap::Item top = w.heap.pop();
    const std::uint32_t v = top.v;
    if (w.done[v] || top.d != w.dist[v]) continue;  // stale entry
    w.done[v] = 1;
    w.order.push_back(v);
    const double dv = w.dist[v];
    if (v != s) harmonic += 1.0 / (dv - 1.0);
    for (std::uint32_t i = c.out_start[v]; i < c.out_start[v + 1]; ++i) {
      const std::uint32_t t = c.out_to[i];
      const double alt = dv + c.out_len[i], cur = w.dist[t];
      const int cmp = cur == 0 ? -1 : cmp_eps(alt, cur);
      if (cmp < 0) {  // first or shorter path: t's predecessors start again
        w.pred[c.in_start[t]] = v;
        w.npred[t] = 1;
        w.sigma[t] = w.sigma[v];
        w.dist[t] = alt;
        w.heap.push(alt, t);
      } else if (cmp == 0) {  // another shortest path
        w.pred[c.in_start[t] + w.npred[t]++] = v;
        w.sigma[t] += w.sigma[v];
      }
    }
  }
  for (auto it = w.order.rbegin(); it != w.order.rend(); ++it) {
    const std::uint32_t t = *it;
    const double coeff = (1 + w.delta[t]) / w.sigma[t];
    const std::uint32_t* p = w.pred.data() + c.in_start[t];  // not &pred[i]: pred may be empty
    for (std::uint32_t i = 0; i < w.npred[t]; ++i) w.delta[p[i]] += w.sigma[p[i]] * coeff;
    if (t != s) btw[t] += w.delta[t];
  }
  for (const std::uint32_t t : w.order) w.dist[t] = w.sigma[t] = w.delta[t] = 0, w.npred[t] = 0, w.done[t] = 0;
  return harmonic;
}

// Plain Dijkstra from t on the reversed graph: adds 1/d(v, t) to harm[v] for
// every v != t that reaches t (distances + 1 as igraph_distances_dijkstra).
void reverse_distances(const Csr& c, std::uint32_t t, Scratch& w, double* harm) {
  w.order.clear();
  w.dist[t] = 1.0;
  w.heap.push(1.0, t);
  while (!w.heap.a.empty()) {
    const Heap::Item top = w.heap.pop();
    const std::uint32_t v = top.v;
    if (w.done[v] || top.d != w.dist[v]) continue;
    w.done[v] = 1;
    w.order.push_back(v);
    const double dv = w.dist[v];
    if (v != t) harm[v] += 1.0 / (dv - 1.0);
    for (std::uint32_t i = c.in_start[v]; i < c.in_start[v + 1]; ++i) {
      const std::uint32_t u = c.in_from[i];
      const double alt = dv + c.in_len[i];
      if (w.dist[u] == 0 || alt < w.dist[u]) {
        w.dist[u] = alt;
        w.heap.push(alt, u);
      }
    }
  }
  for (const std::uint32_t v : w.order) w.dist[v] = 0, w.done[v] = 0;
}

// Block b's share: out[0, n) betweenness dependencies of its sources,
// out[n, 2n) harmonic (exact: the block's vertices' final values; estimate:
// the unscaled sums of 1/d(v, t) over the block's sampled t). Betweenness
// and exact harmonic come from the same single-source passes (Brandes 2001
// on a CSR copy): igraph offers each (igraph_betweenness_subset,
// igraph_harmonic_centrality) but not both from one pass, which halves the
// work here.
void compute_block(const Plan& p, std::size_t b, std::vector<double>& out) {
  const std::size_t n = p.n;
  out.assign(2 * n, 0.0);
  Scratch w(*p.csr, n);
  const double norm = n > 1 ? 1.0 / static_cast<double>(n - 1) : 1.0;  // igraph: normalized harmonic
  for (const long s : p.block(b)) {
    const double h = brandes_source(*p.csr, static_cast<std::uint32_t>(s), w, out.data());
    if (p.exact) out[n + static_cast<std::size_t>(s)] = h * norm;
  }
  if (p.exact) return;
  for (const long t : p.block(b)) reverse_distances(*p.csr, static_cast<std::uint32_t>(t), w, out.data() + n);
}

// Moves exactly `bytes` with io = read(2) or write(2), retrying partial
// transfers and EINTR; false on end of file or error.
template <class Ptr, class Io>
bool transfer_all(Ptr p, std::size_t bytes, Io io) {
  while (bytes) {
    const ssize_t r = io(p, bytes);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    bytes -= static_cast<std::size_t>(r);
  }
  return true;
}

// Children 1..P-1 of this call; kills and reaps whatever is left on exit.
struct Workers {
  std::vector<pid_t> pid;
  std::vector<int> fd;  // read end, -1 = compute in-process
  ~Workers() {
    for (std::size_t w = 0; w < pid.size(); ++w) {
      if (fd[w] >= 0) ::close(fd[w]);
      if (pid[w] > 0) {
        ::kill(pid[w], SIGKILL);
        int status = 0;
        while (::waitpid(pid[w], &status, 0) < 0 && errno == EINTR) {
        }
      }
    }
  }
  void finished(std::size_t w) {  // child sent everything: reap it normally
    ::close(fd[w]);
    fd[w] = -1;
    int status = 0;
    while (::waitpid(pid[w], &status, 0) < 0 && errno == EINTR) {
    }
    pid[w] = 0;
  }
};

[[noreturn]] void run_child(const Plan& p, std::size_t w, std::size_t procs, int fd) {
  int code = 0;
  try {
    std::vector<double> buf;
    for (std::size_t b = w; b < p.blocks; b += procs) {
      compute_block(p, b, buf);
      const auto put = [fd](const char* q, std::size_t k) { return ::write(fd, q, k); };
      if (!transfer_all(reinterpret_cast<const char*>(buf.data()), buf.size() * sizeof(double), put)) {
        code = 1;
        break;
      }
    }
  } catch (...) {
    code = 1;
  }
  ::_exit(code);  // no destructors or atexit handlers of the parent's objects
}

std::string count(std::size_t k, const char* what) { return std::to_string(k) + " " + what; }

}  // namespace

PathMetrics path_metrics(const igraph_t& g, const std::vector<double>& lengths, const PathOptions& opt) {
  const auto n = static_cast<std::size_t>(igraph_vcount(&g));
  const auto m = static_cast<std::size_t>(igraph_ecount(&g));
  if (lengths.size() != m)
    throw std::invalid_argument("path_metrics: " + count(lengths.size(), "lengths") + " for " + count(m, "edges"));
  for (double x : lengths)
    if (!(x > 0) || !std::isfinite(x)) throw std::invalid_argument("path_metrics: edge length not a finite number > 0");
  PathMetrics r;
  if (n == 0) {
    r.note = "no vertices";
    return r;
  }
  const ig::Vector len(lengths);
  const Csr csr = build_csr(g, len, n);
  Plan p{&g, &len, &csr, n, static_cast<std::int64_t>(m) <= opt.exact_max_edges, {}, 0};
  std::size_t k = n;
  if (!p.exact) {
    const auto auto_k =
        std::max<std::int64_t>(kMinSamples, static_cast<std::int64_t>(std::ceil(kWork / static_cast<double>(m))));
    k = static_cast<std::size_t>(
        std::min<std::int64_t>(opt.samples > 0 ? opt.samples : auto_k, static_cast<std::int64_t>(n)));
    p.sources = sample_sources(n, k, opt.seed);
  } else {
    p.sources.resize(n);
    std::iota(p.sources.begin(), p.sources.end(), 0L);
  }
  p.blocks = std::min(kBlocks, k);
  const std::size_t procs =
      std::clamp<std::size_t>(opt.processes > 0 ? static_cast<std::size_t>(opt.processes) : 1, 1, p.blocks);

  Workers workers;
  workers.pid.assign(procs, 0);
  workers.fd.assign(procs, -1);
  std::fflush(nullptr);  // nothing buffered may be written twice
  for (std::size_t w = 1; w < procs; ++w) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) continue;  // this worker's blocks run here
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      run_child(p, w, procs, fds[1]);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      continue;
    }
    workers.pid[w] = pid;
    workers.fd[w] = fds[0];
  }

  std::vector<double> total(2 * n, 0.0), buf(2 * n);
  for (std::size_t b = 0; b < p.blocks; ++b) {
    const std::size_t w = b % procs;
    bool got = false;
    if (workers.fd[w] >= 0) {
      const int fd = workers.fd[w];
      got = transfer_all(reinterpret_cast<char*>(buf.data()), buf.size() * sizeof(double),
                         [fd](char* q, std::size_t k) { return ::read(fd, q, k); });
      if (!got) {  // child failed: its remaining blocks run here
        ::close(workers.fd[w]);
        workers.fd[w] = -1;
      } else if (b + procs >= p.blocks) {
        workers.finished(w);
      }
    }
    if (!got) compute_block(p, b, buf);
    for (std::size_t i = 0; i < 2 * n; ++i) total[i] += buf[i];
  }

  r.betweenness.assign(total.begin(), total.begin() + static_cast<long>(n));
  r.harmonic.assign(total.begin() + static_cast<long>(n), total.end());
  r.sources = static_cast<std::int64_t>(k);
  r.sampled = k < n;
  if (!p.exact) {
    const double scale = static_cast<double>(n) / static_cast<double>(k);
    for (double& x : r.betweenness) x *= scale;
    for (double& x : r.harmonic) x = n >= 2 ? x * scale / static_cast<double>(n - 1) : 0.0;
  }
  if (p.exact)
    r.note = "exact (all " + count(n, "source vertices") + ")";
  else
    r.note = std::string(r.sampled ? "estimated" : "exact") + " from " + std::to_string(k) + " of " +
             count(n, "source vertices") + " sampled uniformly (seed " + std::to_string(opt.seed) +
             "), scaled by n/k (Brandes & Pich 2007); exact computation is used up to " +
             count(static_cast<std::size_t>(std::max<std::int64_t>(0, opt.exact_max_edges)), "ties") +
             ", this graph has " + std::to_string(m);
  if (n < 2) {
    r.harmonic.assign(n, std::nan(""));
    r.note += "; harmonic centrality undefined: fewer than two vertices";
  }
  return r;
}

}  // namespace rcmap::people
