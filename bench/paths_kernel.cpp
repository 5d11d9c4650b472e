// Bench driver for the person-path kernel (src/people/path_centrality.cpp) and igraph's
// PageRank, without the rest of `rcmap network`: the same kernels that
// bench/network_gt.py times in graph-tool, and the exact-vs-sampled runs
// behind the rank correlation in docs/network-scale.md.
//   rcmap_bench_paths PEOPLE.csv TIES.csv OUT.csv [exact_max_edges samples seed processes pairs candidates]
// Input: files written by `rcmap sample --people` (no quoting, no validation).
// Edge length = 6 - weight (rcmap network --distance complement; integer
// lengths for weights 1..5, so path sums are exact). Output: person,betweenness,harmonic,pagerank (%.17g); timings on
// stderr.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/people/path_centrality.hpp"

namespace {
double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: rcmap_bench_paths PEOPLE.csv TIES.csv OUT.csv [exact_max_edges samples seed processes pairs "
                 "candidates]\n";
    return 1;
  }
  rcmap::people::PathOptions opt;
  if (argc > 4) opt.exact_max_edges = std::stoll(argv[4]);
  if (argc > 5) opt.samples = std::stoll(argv[5]);
  if (argc > 6) opt.seed = std::stoull(argv[6]);
  if (argc > 7) opt.processes = std::stoi(argv[7]);
  if (argc > 8) opt.pairs = std::stoll(argv[8]);
  if (argc > 9) opt.candidates = std::stoll(argv[9]);
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::uint32_t> index;
  std::string line;
  std::ifstream people(argv[1]);
  std::getline(people, line);
  while (std::getline(people, line)) {
    ids.push_back(line.substr(0, line.find(',')));
    index.emplace(ids.back(), static_cast<std::uint32_t>(ids.size() - 1));
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<double> weight, length;
  std::ifstream ties(argv[2]);
  std::getline(ties, line);
  while (std::getline(ties, line)) {
    const auto a = line.find(','), b = line.find(',', a + 1);
    edges.emplace_back(index.at(line.substr(0, a)), index.at(line.substr(a + 1, b - a - 1)));
    weight.push_back(std::stod(line.substr(b + 1)));
    length.push_back(6.0 - weight.back());
  }
  rcmap::ig::Graph g(ids.size(), edges, true);
  std::fprintf(stderr, "read %.3f s\n", since(t0));
  t0 = std::chrono::steady_clock::now();
  const auto paths = rcmap::people::path_metrics(*g.get(), length, opt);
  std::fprintf(stderr, "betweenness+harmonic %.3f s (%s)\n", since(t0), paths.note.c_str());
  t0 = std::chrono::steady_clock::now();
  rcmap::ig::ErrorScope scope;
  const rcmap::ig::Vector w(weight);
  rcmap::ig::Vector pr;
  igraph_real_t value = 0;
  rcmap::ig::check(igraph_pagerank(g.get(), IGRAPH_PAGERANK_ALGO_PRPACK, pr.get(), &value, igraph_vss_all(),
                                   IGRAPH_DIRECTED, 0.85, w.get(), nullptr),
                   "igraph_pagerank");
  std::fprintf(stderr, "pagerank %.3f s\n", since(t0));
  std::FILE* out = std::fopen(argv[3], "w");
  if (!out) return 3;
  std::fprintf(out, "person,betweenness,harmonic,pagerank\n");
  for (std::size_t v = 0; v < ids.size(); ++v)
    std::fprintf(out, "%s,%.17g,%.17g,%.17g\n", ids[v].c_str(), paths.betweenness[v], paths.harmonic[v], pr[v]);
  return std::fclose(out) == 0 ? 0 : 3;
}
