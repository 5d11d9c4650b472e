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
//  - estimate (ecount > exact_max_edges and fewer than n pivots; with k = n
//    pivots the exact computation runs):
//    Betweenness: K pairs (s, t), s != t, drawn uniformly with replacement;
//    for each, one shortest s-t path drawn uniformly at random (bidirectional
//    Dijkstra, sample_pair); betweenness(v) = n(n-1)/K x the number of drawn
//    paths with v inside (Riondato & Kornaropoulos 2016, "Fast approximation
//    of betweenness centrality through sampling", Data Min. Knowl. Discov.
//    30:438-475: unbiased, each sample a Bernoulli with mean b(v)/(n(n-1))).
//    A pair costs about 11 sqrt(m) edge scans here, against m for a Brandes
//    source, and each pair is independent: at 10,000 people 100,000 pairs
//    ranked the top 50 better than 2,000 sources in the same time
//    (docs/network-scale.md).
//    Harmonic: k pivots t drawn uniformly without replacement
//    (stats::SplitMix64 seeded with opt.seed, partial Fisher-Yates);
//    harmonic(v) = n/k * sum over sampled t != v of 1/d(v, t), / (n-1), the
//    distances from one Dijkstra per pivot on the reversed graph (unbiased,
//    the pivot estimator of Eppstein & Wang 2004 for closeness). Then the C
//    highest estimates are replaced by exact values, one Dijkstra each (the
//    candidate stage of Okamoto, Chen & Li 2008, "Ranking of closeness
//    centrality for large-scale social networks", FAW, for harmonic
//    centrality): people are ranked on exact values at the top.
//  - graph: a compressed sparse row copy (out- and in-edges, self-loops
//    dropped as igraph's betweenness drops them) and a binary heap with lazy
//    deletion; predecessors are kept in the slots of each vertex's in-edges,
//    so a source allocates nothing.
//  - processes: the sources (exact) or pivots, pairs and candidates
//    (estimate) are cut into min(k, 32) fixed blocks (each block's pairs drawn
//    by a generator seeded from the seed and the block number); block
//    b is computed by worker b mod P (worker 0 is this process, workers
//    1..P-1 fork()ed children that send each block's doubles through a
//    pipe). The parent adds the blocks in block order, so results are
//    byte-identical for any P and any timing. A failed pipe()/fork(), or a
//    child that dies, makes the parent compute those blocks itself. Call this
//    with no other thread running (fork() copies only the calling thread).
//    The children run only this file's own kernels (no igraph call, no OpenMP: libgomp,
//    used by igraph's PRPACK PageRank, is not fork-safe).
// Complexity: exact O(n (m + n) log n); estimate O((k + C) (m + n) log n) for
// the pivots and candidates plus K times a bidirectional search (worst case
// O((m + n) log n), about 11 sqrt(m) edge scans on the sample networks);
// memory O(n + m) per process.
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
// Betweenness pairs: kPairWork / sqrt(m), at least kMinPairs. A balanced
// bidirectional search scanned about 11 sqrt(m) edges per pair on the sample
// networks (10,000 people / 100,156 ties: 3,540; 100,000 / 1,000,161:
// 11,100), so this is about 1.7e8 edge scans whatever the size: 15,000 pairs
// at 1,000,000 ties, about 11 s of CPU (docs/network-scale.md).
constexpr double kPairWork = 1.5e7;
constexpr double kMinPairs = 1e4;
// Harmonic refinement: the kRefineWork / m highest estimates (at least
// kMinRefine) get exact values, one Dijkstra each: 100 at 1,000,000 ties.
constexpr double kRefineWork = 1e8;
constexpr double kMinRefine = 50;

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
  std::uint64_t seed, pairs;  // estimate mode: generator seed, betweenness pairs
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

// Plain Dijkstra from `root` over one side of the CSR (start/to/len: the
// out-ties for distances from root, the in-ties for distances to it),
// calling visit(v, d) for every v != root reached, d = its distance + 1 (as
// igraph_distances_dijkstra, so 0 marks "not reached"). Leaves w clean.
template <class Visit>
void dijkstra_from(const std::vector<std::uint32_t>& start, const std::vector<std::uint32_t>& to,
                   const std::vector<double>& len, std::uint32_t root, Scratch& w, Visit visit) {
  w.order.clear();
  w.dist[root] = 1.0;
  w.heap.push(1.0, root);
  while (!w.heap.a.empty()) {
    const Heap::Item top = w.heap.pop();
    const std::uint32_t v = top.v;
    if (w.done[v] || top.d != w.dist[v]) continue;
    w.done[v] = 1;
    w.order.push_back(v);
    const double dv = w.dist[v];
    if (v != root) visit(v, dv);
    for (std::uint32_t i = start[v]; i < start[v + 1]; ++i) {
      const std::uint32_t x = to[i];
      const double alt = dv + len[i];
      if (w.dist[x] == 0 || alt < w.dist[x]) {
        w.dist[x] = alt;
        w.heap.push(alt, x);
      }
    }
  }
  for (const std::uint32_t v : w.order) w.dist[v] = 0, w.done[v] = 0;
}

// Dijkstra from t on the reversed graph: adds 1/d(v, t) to harm[v] for
// every v != t that reaches t.
void reverse_distances(const Csr& c, std::uint32_t t, Scratch& w, double* harm) {
  dijkstra_from(c.in_start, c.in_from, c.in_len, t, w,
                [harm](std::uint32_t v, double d) { harm[v] += 1.0 / (d - 1.0); });
}

// Block b's share in exact mode: out[0, n) betweenness dependencies of its
// sources, out[n, 2n) their exact harmonic centrality. Betweenness and
// harmonic come from the same single-source passes (Brandes 2001 on a CSR
// copy): igraph offers each (igraph_betweenness_subset,
// igraph_harmonic_centrality) but not both from one pass, which halves the work.
void compute_block(const Plan& p, std::size_t b, std::vector<double>& out) {
  const std::size_t n = p.n;
  out.assign(2 * n, 0.0);
  Scratch w(*p.csr, n);
  const double norm = n > 1 ? 1.0 / static_cast<double>(n - 1) : 1.0;  // igraph: normalized harmonic
  for (const long s : p.block(b)) {
    const double h = brandes_source(*p.csr, static_cast<std::uint32_t>(s), w, out.data());
    out[n + static_cast<std::size_t>(s)] = h * norm;
  }
}

// State of one vertex in a bidirectional search: side 0 = forward from s
// (out-edges), 1 = backward from t (in-edges); d distance, sigma number of
// shortest paths (0: not reached), set: settled. One struct per vertex, so a
// relaxation touches one cache line.
struct BiNode {
  double d[2], sigma[2];
  char set[2];
};

// Scratch of one bidirectional search, reused across pairs.
struct BiScratch {
  std::vector<BiNode> node;
  std::vector<std::uint32_t> touched, settled_f;
  Heap heap[2];
  explicit BiScratch(std::size_t n) : node(n, BiNode{{0, 0}, {0, 0}, {0, 0}}) {}
  void reset() {
    for (const std::uint32_t v : touched) node[v] = BiNode{{0, 0}, {0, 0}, {0, 0}};
    touched.clear();
    settled_f.clear();
    heap[0].a.clear();
    heap[1].a.clear();
  }
  void reach(std::uint32_t v) {
    if (node[v].sigma[0] == 0 && node[v].sigma[1] == 0) touched.push_back(v);
  }
};

// The CSR rows a search side follows: forward out-edges, backward in-edges.
struct Side {
  const std::uint32_t *start, *to;
  const double* len;
};
Side forward(const Csr& c) { return {c.out_start.data(), c.out_to.data(), c.out_len.data()}; }
Side backward(const Csr& c) { return {c.in_start.data(), c.in_from.data(), c.in_len.data()}; }

// Drops stale heap entries of side k (settled, or superseded by a shorter
// distance); returns the smallest live key, or +inf when the heap is empty.
double live_top(BiScratch& w, int k) {
  Heap& h = w.heap[k];
  while (!h.a.empty() && (w.node[h.a[0].v].set[k] || h.a[0].d != w.node[h.a[0].v].d[k])) h.pop();
  return h.a.empty() ? std::numeric_limits<double>::infinity() : h.a[0].d;
}

// One Dijkstra step of side k: settles the heap's top vertex and relaxes its
// edges, counting shortest paths (sigma) with cmp_eps ties as brandes_source
// does. mu (the shortest s-t length seen) is lowered when a vertex the
// other side has reached is reached. Returns the vertex and adds the edges
// scanned to work.
std::uint32_t settle_one(BiScratch& w, int k, const Side& e, double& mu, std::size_t& work) {
  const std::uint32_t v = w.heap[k].pop().v;
  BiNode& nv = w.node[v];
  nv.set[k] = 1;
  const double dv = nv.d[k], sv = nv.sigma[k];
  if (nv.sigma[1 - k] > 0) mu = std::min(mu, dv + nv.d[1 - k]);
  work += 1 + e.start[v + 1] - e.start[v];
  for (std::uint32_t i = e.start[v]; i < e.start[v + 1]; ++i) {
    const std::uint32_t x = e.to[i];
    BiNode& nx = w.node[x];
    const double alt = dv + e.len[i];
    const int cmp = nx.sigma[k] == 0 ? -1 : cmp_eps(alt, nx.d[k]);
    if (cmp < 0) {
      w.reach(x);
      nx.d[k] = alt;
      nx.sigma[k] = sv;
      w.heap[k].push(alt, x);
      if (nx.sigma[1 - k] > 0) mu = std::min(mu, alt + nx.d[1 - k]);
    } else if (cmp == 0) {
      nx.sigma[k] += sv;
    }
  }
  return v;
}

// Walks from v towards side k's root, each step to a tight predecessor p
// (settled by side k, d[p] + len = d[v] within cmp_eps) drawn with
// probability sigma[p] / sigma[v], adding 1 to count[] of every vertex passed
// except the root. e: the reverse of side k's edges (edges into v).
void walk_to_root(std::uint32_t v, int k, const Side& e, const BiScratch& w, SplitMix64& rng, double* count) {
  while (w.node[v].d[k] != 0) {
    count[v] += 1;
    const double dv = w.node[v].d[k];
    double total = 0;
    for (std::uint32_t i = e.start[v]; i < e.start[v + 1]; ++i) {
      const BiNode& np = w.node[e.to[i]];
      if (np.set[k] && cmp_eps(np.d[k] + e.len[i], dv) == 0) total += np.sigma[k];
    }
    if (!(total > 0)) return;  // cannot happen for a settled v; guards rounding
    double r = rng.uniform() * total;
    std::uint32_t next = v;
    for (std::uint32_t i = e.start[v]; i < e.start[v + 1]; ++i) {
      const BiNode& np = w.node[e.to[i]];
      if (!np.set[k] || cmp_eps(np.d[k] + e.len[i], dv) != 0) continue;
      next = e.to[i];
      if ((r -= np.sigma[k]) < 0) break;
    }
    v = next;
  }
}

// One sampled pair (s, t), s != t (Riondato & Kornaropoulos 2016, "Fast
// approximation of betweenness centrality through sampling", Data Min. Knowl.
// Discov. 30:438-475, their Alg. 1, with the balanced bidirectional search of
// Borassi & Natale 2016, "KADABRA is an ADaptive Algorithm for Betweenness via
// Random Approximation", ESA, sec. 4, extended to positive edge lengths):
// one shortest s-t path drawn uniformly at random among all of them; 1 is added
// to count[v] of each inner vertex v. The two Dijkstra searches each expand
// the side that has scanned fewer edges, and stop once the two heaps' smallest
// keys add up to more than mu, the shortest s-t length seen: then every vertex
// of a shortest path is settled by one of them (one not settled forward is at
// least rf from s, one not settled backward at least rb from t). Shortest
// paths are split by their last forward-settled vertex u and its successor x
// (settled backward only): sigma(s,t) = sum of sigma_f[u] sigma_b[x] over tight
// edges u -> x; one is drawn with that weight, then the path is completed by
// random walks weighted by sigma to s and to t.
void sample_pair(const Csr& c, std::uint32_t s, std::uint32_t t, BiScratch& w, SplitMix64& rng, double* count) {
  w.reset();
  const Side fw = forward(c), bw = backward(c);
  w.reach(s);
  w.node[s].sigma[0] = 1, w.heap[0].push(0, s);
  w.reach(t);
  w.node[t].sigma[1] = 1, w.heap[1].push(0, t);
  double mu = std::numeric_limits<double>::infinity();
  std::size_t work_f = 0, work_b = 0;
  while (true) {
    const double rf = live_top(w, 0), rb = live_top(w, 1);
    if (std::isinf(rf) || std::isinf(rb)) break;  // a side is exhausted
    if (!std::isinf(mu) && cmp_eps(rf + rb, mu) > 0) break;
    if (work_f <= work_b)
      w.settled_f.push_back(settle_one(w, 0, fw, mu, work_f));
    else
      settle_one(w, 1, bw, mu, work_b);
  }
  if (w.node[t].set[0]) {  // every shortest path lies in the forward search
    walk_to_root(t, 0, bw, w, rng, count);
    count[t] -= 1;
    return;
  }
  if (w.node[s].set[1]) {
    walk_to_root(s, 1, fw, w, rng, count);
    count[s] -= 1;
    return;
  }
  if (std::isinf(mu)) return;  // t not reachable from s
  const auto tight = [&](std::uint32_t u, std::uint32_t i) {
    const BiNode& nx = w.node[c.out_to[i]];
    return !nx.set[0] && nx.set[1] && cmp_eps(w.node[u].d[0] + c.out_len[i] + nx.d[1], mu) == 0;
  };
  double total = 0;
  for (const std::uint32_t u : w.settled_f)
    for (std::uint32_t i = c.out_start[u]; i < c.out_start[u + 1]; ++i)
      if (tight(u, i)) total += w.node[u].sigma[0] * w.node[c.out_to[i]].sigma[1];
  if (!(total > 0)) return;
  double r = rng.uniform() * total;
  std::uint32_t cu = s, cx = t;
  for (const std::uint32_t u : w.settled_f) {
    for (std::uint32_t i = c.out_start[u]; i < c.out_start[u + 1] && r >= 0; ++i) {
      if (!tight(u, i)) continue;
      cu = u, cx = c.out_to[i];
      r -= w.node[u].sigma[0] * w.node[cx].sigma[1];
    }
    if (r < 0) break;
  }
  walk_to_root(cu, 0, bw, w, rng, count);
  walk_to_root(cx, 1, fw, w, rng, count);
}

// Block b's share in estimate mode: out[0, n) the inner-vertex counts of its
// sampled pairs (pairs p.pairs * b / blocks .. p.pairs * (b + 1) / blocks, drawn
// by a generator seeded from the seed and b, so independent of the process
// count), out[n, 2n) the unscaled sums of 1/d(v, t) over the block's pivots t.
void estimate_block(const Plan& p, std::size_t b, std::vector<double>& out) {
  const std::size_t n = p.n;
  out.assign(2 * n, 0.0);
  Scratch w(*p.csr, n);
  for (const long t : p.block(b)) reverse_distances(*p.csr, static_cast<std::uint32_t>(t), w, out.data() + n);
  if (n < 3) return;
  BiScratch bw(n);
  SplitMix64 rng(p.seed ^ (0xD1B54A32D192ED03ull * (b + 1)));
  const std::uint64_t from = p.pairs * b / p.blocks, to = p.pairs * (b + 1) / p.blocks;
  for (std::uint64_t i = from; i < to; ++i) {
    const auto s = static_cast<std::uint32_t>(rng.below(n));
    auto t = static_cast<std::uint32_t>(rng.below(n - 1));
    if (t >= s) ++t;
    sample_pair(*p.csr, s, t, bw, rng, out.data());
  }
}

// Dijkstra from v on the out-edges: sum over t != v reached of 1/d(v, t)
// (harmonic OUT of v, unnormalised; the exact value of the refinement stage).
double harmonic_out(const Csr& c, std::uint32_t v0, Scratch& w) {
  double h = 0;
  dijkstra_from(c.out_start, c.out_to, c.out_len, v0, w, [&h](std::uint32_t, double d) { h += 1.0 / (d - 1.0); });
  return h;
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

// Block functions: fn(b, out) fills out with block b's share.
using BlockFn = void (*)(const Plan&, std::size_t, std::vector<double>&);

[[noreturn]] void run_child(const Plan& p, BlockFn fn, std::size_t w, std::size_t procs, int fd) {
  int code = 0;
  try {
    std::vector<double> buf;
    for (std::size_t b = w; b < p.blocks; b += procs) {
      fn(p, b, buf);
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

// Runs fn for blocks 0..p.blocks-1 on `procs` workers (this process and
// procs-1 fork()ed children, block b on worker b mod procs) and returns the
// sum of the blocks' outputs (each `size` doubles), added in block order.
std::vector<double> run_blocks(const Plan& p, BlockFn fn, std::size_t procs, std::size_t size) {
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
      run_child(p, fn, w, procs, fds[1]);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      continue;
    }
    workers.pid[w] = pid;
    workers.fd[w] = fds[0];
  }
  std::vector<double> total(size, 0.0), buf(size);
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
    if (!got) fn(p, b, buf);
    for (std::size_t i = 0; i < size; ++i) total[i] += buf[i];
  }
  return total;
}

// Refinement block: out[i] = exact harmonic OUT (unnormalised) of candidate
// p.sources[i] for the block's share of candidates, 0 elsewhere.
void refine_block(const Plan& p, std::size_t b, std::vector<double>& out) {
  out.assign(p.sources.size(), 0.0);
  Scratch w(*p.csr, p.n);
  const std::size_t k = p.sources.size();
  for (std::size_t i = k * b / p.blocks; i < k * (b + 1) / p.blocks; ++i)
    out[i] = harmonic_out(*p.csr, static_cast<std::uint32_t>(p.sources[i]), w);
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
  Plan p{&g, &len, &csr, n, static_cast<std::int64_t>(m) <= opt.exact_max_edges, {}, 0, opt.seed, 0};
  const double md = static_cast<double>(std::max<std::size_t>(m, 1));
  std::size_t k = n;
  if (!p.exact) {
    const auto auto_k = std::max<std::int64_t>(kMinSamples, static_cast<std::int64_t>(std::ceil(kWork / md)));
    k = static_cast<std::size_t>(
        std::min<std::int64_t>(opt.samples > 0 ? opt.samples : auto_k, static_cast<std::int64_t>(n)));
    if (k >= n) p.exact = true;  // every vertex a source: the exact computation
  }
  const auto procs_for = [&](std::size_t blocks) {
    return std::clamp<std::size_t>(opt.processes > 0 ? static_cast<std::size_t>(opt.processes) : 1, 1, blocks);
  };
  r.sources = static_cast<std::int64_t>(k);
  if (p.exact) {
    p.sources.resize(n);
    std::iota(p.sources.begin(), p.sources.end(), 0L);
    p.blocks = std::min(kBlocks, n);
    const std::vector<double> total = run_blocks(p, compute_block, procs_for(p.blocks), 2 * n);
    r.betweenness.assign(total.begin(), total.begin() + static_cast<long>(n));
    r.harmonic.assign(total.begin() + static_cast<long>(n), total.end());
    r.note = "exact (all " + count(n, "source vertices") + ")";
  } else {
    // Stage 1: betweenness from sampled pairs, harmonic estimated from k pivots.
    p.sources = sample_sources(n, k, opt.seed);
    p.pairs = opt.pairs > 0 ? static_cast<std::uint64_t>(opt.pairs)
                            : static_cast<std::uint64_t>(std::max(kMinPairs, std::ceil(kPairWork / std::sqrt(md))));
    p.blocks = std::min(kBlocks, k);
    const std::vector<double> total = run_blocks(p, estimate_block, procs_for(p.blocks), 2 * n);
    r.betweenness.assign(total.begin(), total.begin() + static_cast<long>(n));
    r.harmonic.assign(total.begin() + static_cast<long>(n), total.end());
    const double pair_scale = static_cast<double>(n) * static_cast<double>(n - 1) / static_cast<double>(p.pairs);
    for (double& x : r.betweenness) x *= pair_scale;
    const double scale = static_cast<double>(n) / static_cast<double>(k) / static_cast<double>(n - 1);
    for (double& x : r.harmonic) x *= scale;
    // Stage 2: the C highest harmonic estimates are replaced by exact values.
    const std::size_t cand = std::min<std::size_t>(
        n, opt.candidates >= 0 ? static_cast<std::size_t>(opt.candidates)
                               : static_cast<std::size_t>(std::max(kMinRefine, std::ceil(kRefineWork / md))));
    if (cand > 0) {
      std::vector<long> order(n);
      std::iota(order.begin(), order.end(), 0L);
      std::partial_sort(order.begin(), order.begin() + static_cast<long>(cand), order.end(), [&](long a, long b) {
        return r.harmonic[a] != r.harmonic[b] ? r.harmonic[a] > r.harmonic[b] : a < b;
      });
      order.resize(cand);
      Plan q = p;
      q.sources = order;
      q.blocks = std::min(kBlocks, cand);
      const std::vector<double> h = run_blocks(q, refine_block, procs_for(q.blocks), cand);
      for (std::size_t i = 0; i < cand; ++i)
        r.harmonic[static_cast<std::size_t>(order[i])] = h[i] / static_cast<double>(n - 1);
    }
    r.sampled = true;
    r.pairs = static_cast<std::int64_t>(p.pairs);
    r.refined = static_cast<std::int64_t>(cand);
    r.note = "estimated (seed " + std::to_string(opt.seed) + "): betweenness from " + std::to_string(p.pairs) +
             " sampled pairs, one random shortest path each (Riondato & Kornaropoulos 2016), harmonic from " +
             std::to_string(k) + " of " + count(n, "target vertices") +
             " sampled uniformly (Eppstein & Wang 2004), exact for the " + std::to_string(cand) +
             " highest; exact computation is used up to " +
             count(static_cast<std::size_t>(std::max<std::int64_t>(0, opt.exact_max_edges)), "ties") +
             ", this graph has " + std::to_string(m);
  }
  if (n < 2) {
    r.harmonic.assign(n, std::nan(""));
    r.note += "; harmonic centrality undefined: fewer than two vertices";
  }
  return r;
}

}  // namespace rcmap::people
