// Betweenness and harmonic centrality of the person graph (docs/network-scale.md
// "Betweenness and harmonic centrality"), exact or estimated from sampled sources,
// with the sources split over worker processes.
//
//  - betweenness: directed, edge lengths = distances, raw counts over ordered
//    pairs (s, t), s != v != t (Brandes 2001, "A faster algorithm for
//    betweenness centrality", J. Math. Sociol. 25:163-177). Computed as the
//    sum over source blocks of igraph_betweenness_subset(sources = block,
//    targets = all): each source's dependencies are independent, so the sum
//    over all sources is igraph_betweenness.
//  - harmonic: OUT (as the unit-level code, src/metrics/centrality.cpp),
//    normalised: mean over the n-1 others of 1/d(v, t), 0 for unreachable
//    (Marchiori & Latora 2000). Exact: igraph_harmonic_centrality. NaN for
//    n < 2 (note).
//  - estimate (ecount > exact_max_edges): k sources drawn uniformly without
//    replacement (stats::SplitMix64 seeded with opt.seed, partial Fisher-Yates).
//    Betweenness = n/k * sum over sampled s of the dependency delta_s(v)
//    (Brandes & Pich 2007, "Centrality estimation in large networks", Int. J.
//    Bifurcation and Chaos 17:2303-2318, uniform pivots, unbiased).
//    Harmonic = n/k * sum over sampled t != v of 1/d(v, t), / (n-1): the
//    sampled vertices serve as targets, their distances from every v come
//    from one Dijkstra each on the reversed graph (igraph_distances_dijkstra,
//    mode IN); unbiased since each t is sampled with probability k/n
//    (Eppstein & Wang 2004 use the same pivot estimator for closeness).
//    With k = n both equal the exact values up to summation order.
//  - processes: the source list is cut into min(k, 32) fixed blocks; block
//    b is computed by worker b mod P (worker 0 is this process, workers
//    1..P-1 fork()ed children that send each block's 2n doubles through a
//    pipe). The parent adds the blocks in block order, so results are
//    byte-identical for any P and any timing. A failed pipe()/fork(), or a
//    child that dies, makes the parent compute those blocks itself. igraph is
//    only ever called by one thread per process; the children call only
//    igraph's Dijkstra-based functions, which use no OpenMP (libgomp is not
//    fork-safe; igraph uses it in PRPACK PageRank). Call this with no other
//    thread running (fork() copies only the calling thread).
// Complexity: O(k (m + n log n)) time for k sources (k = n when exact);
// memory O(n + m) per process plus 64 n doubles for the harmonic estimate.
#include "rcmap/people/path_centrality.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/aggregate/stats.hpp"

namespace rcmap::people {
namespace {

constexpr std::size_t kBlocks = 32;         // fixed partition of the sources
constexpr std::size_t kDistanceBatch = 64;  // sampled targets per distance matrix
// Auto sample size: about kWork edge relaxations (k * m), at least
// kMinSamples sources (see docs/network-scale.md for the timing behind it).
constexpr double kWork = 1.5e8;
constexpr std::int64_t kMinSamples = 100;

// k distinct vertices of 0..n-1, uniform, sorted (partial Fisher-Yates).
std::vector<long> sample_sources(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<long> v(n);
  std::iota(v.begin(), v.end(), 0L);
  stats::SplitMix64 rng(seed);
  for (std::size_t i = 0; i < k && i + 1 < n; ++i)
    std::swap(v[i], v[i + rng.below(n - i)]);
  v.resize(k);
  std::sort(v.begin(), v.end());
  return v;
}

struct Plan {
  const igraph_t* g;
  const ig::Vector* len;
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

// Block b's share: out[0, n) betweenness dependencies of its sources,
// out[n, 2n) harmonic (exact: the block's vertices' final values; estimate:
// the unscaled sums of 1/d(v, t) over the block's sampled t).
void compute_block(const Plan& p, std::size_t b, std::vector<double>& out) {
  ig::ErrorScope scope;
  const std::size_t n = p.n;
  out.assign(2 * n, 0.0);
  const ig::IntVector src(p.block(b));
  igraph_vs_t src_vs;
  ig::check(igraph_vs_vector(&src_vs, src.get()), "igraph_vs_vector");
  ig::Vector btw;
  ig::check(igraph_betweenness_subset(p.g, btw.get(), igraph_vss_all(), IGRAPH_DIRECTED, src_vs,
                                      igraph_vss_all(), p.len->get()),
            "igraph_betweenness_subset");
  for (std::size_t v = 0; v < n; ++v) out[v] = btw[v];
  if (p.exact) {
    ig::Vector harm;
    ig::check(igraph_harmonic_centrality(p.g, harm.get(), src_vs, IGRAPH_OUT, p.len->get(), true),
              "igraph_harmonic_centrality");
    for (std::size_t i = 0; i < src.size(); ++i) out[n + static_cast<std::size_t>(src[i])] = harm[i];
    return;
  }
  for (std::size_t first = 0; first < src.size(); first += kDistanceBatch) {
    const std::size_t last = std::min(src.size(), first + kDistanceBatch);
    std::vector<long> batch;
    for (std::size_t i = first; i < last; ++i) batch.push_back(src[i]);
    const ig::IntVector targets(batch);
    igraph_vs_t t_vs;
    ig::check(igraph_vs_vector(&t_vs, targets.get()), "igraph_vs_vector");
    ig::Matrix d;  // d(i, v) = length of the shortest path v -> batch[i]
    ig::check(igraph_distances_dijkstra(p.g, d.get(), t_vs, igraph_vss_all(), p.len->get(), IGRAPH_IN),
              "igraph_distances_dijkstra");
    for (std::size_t i = 0; i < batch.size(); ++i)
      for (std::size_t v = 0; v < n; ++v) {
        const double x = d(i, v);
        if (v != static_cast<std::size_t>(batch[i]) && std::isfinite(x)) out[n + v] += 1.0 / x;
      }
  }
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
        while (::waitpid(pid[w], &status, 0) < 0 && errno == EINTR) {}
      }
    }
  }
  void finished(std::size_t w) {  // child sent everything: reap it normally
    ::close(fd[w]);
    fd[w] = -1;
    int status = 0;
    while (::waitpid(pid[w], &status, 0) < 0 && errno == EINTR) {}
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
    throw std::invalid_argument("path_metrics: " + count(lengths.size(), "lengths") + " for " +
                                count(m, "edges"));
  for (double x : lengths)
    if (!(x > 0) || !std::isfinite(x))
      throw std::invalid_argument("path_metrics: edge length not a finite number > 0");
  PathMetrics r;
  if (n == 0) {
    r.note = "no vertices";
    return r;
  }
  const ig::Vector len(lengths);
  Plan p{&g, &len, n, static_cast<std::int64_t>(m) <= opt.exact_max_edges, {}, 0};
  std::size_t k = n;
  if (!p.exact) {
    const auto auto_k = std::max<std::int64_t>(kMinSamples, static_cast<std::int64_t>(std::ceil(kWork / static_cast<double>(m))));
    k = static_cast<std::size_t>(std::min<std::int64_t>(opt.samples > 0 ? opt.samples : auto_k,
                                                        static_cast<std::int64_t>(n)));
    p.sources = sample_sources(n, k, opt.seed);
  } else {
    p.sources.resize(n);
    std::iota(p.sources.begin(), p.sources.end(), 0L);
  }
  p.blocks = std::min(kBlocks, k);
  const std::size_t procs = std::clamp<std::size_t>(opt.processes > 0 ? static_cast<std::size_t>(opt.processes) : 1, 1, p.blocks);

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
