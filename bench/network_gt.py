#!/usr/bin/python3
"""graph-tool (Debian python3-graph-tool) as a second peer for the two
heaviest kernels: weighted directed betweenness (raw counts) and PageRank.

    /usr/bin/python3 bench/network_gt.py PEOPLE.csv TIES.csv OUT.csv

Prints "graph-tool: read Xs, betweenness Ys, pagerank Zs" to stderr; writes
person,betweenness,pagerank. graph-tool runs its loops with OpenMP on all
cores (here 2).
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=RuntimeWarning)  # no cairo/matplotlib: drawing unused
import graph_tool.all as gt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def main():
    people_path, ties_path, out = sys.argv[1:4]
    t0 = time.perf_counter()
    people = pd.read_csv(people_path, dtype=str)
    ties = pd.read_csv(ties_path, dtype={"source": str, "target": str})
    index = pd.Series(np.arange(len(people)), index=people["person"])
    g = gt.Graph(directed=True)
    g.add_vertex(len(people))
    g.add_edge_list(np.column_stack([index[ties["source"]].to_numpy(), index[ties["target"]].to_numpy()]))
    w = g.new_edge_property("double", vals=ties["weight"].to_numpy(dtype=float))
    d = g.new_edge_property("double", vals=6.0 - ties["weight"].to_numpy(dtype=float))  # --distance complement
    t1 = time.perf_counter()
    vb, _ = gt.betweenness(g, weight=d, norm=False)
    t2 = time.perf_counter()
    pr = gt.pagerank(g, damping=0.85, weight=w)
    t3 = time.perf_counter()
    pd.DataFrame({"person": people["person"], "betweenness": vb.a, "pagerank": pr.a}).to_csv(
        out, index=False, float_format="%.12g")
    print(f"graph-tool: read {t1 - t0:.2f}s, betweenness {t2 - t1:.2f}s, pagerank {t3 - t2:.2f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
