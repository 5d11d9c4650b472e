#!/usr/bin/python3
"""Reference person-network pipeline, written the way a consultant would with
Debian's pandas and NetworkX (bench/network.sh, docs/network-scale.md).

    /usr/bin/python3 bench/network_ref.py PEOPLE.csv TIES.csv UNITS.csv OUTDIR

Reads the three CSVs, builds a DiGraph (weight = tie weight, distance =
6 - weight as rcmap network --distance complement: integer lengths, so
NetworkX's float comparison of path lengths is exact), computes weighted directed betweenness (raw counts), harmonic
centrality (OUT, distance), PageRank (weight, damping 0.85), Burt's
constraint (weight), aggregates ties to unit pairs (count, density, mean
weight) and writes people-metrics.csv and unit-ties.csv into OUTDIR.
Prints the seconds of each step to stderr. No validation; like rcmap network
(docs/people.md "Privacy") it analyses the listed network only: the
people of units with at least MIN_N (5, rcmap's default --min-n) people and
the ties between them.
"""
import os
import sys
import time

import networkx as nx
import pandas as pd

MIN_N = 5


def main():
    people_path, ties_path, units_path, out = sys.argv[1:5]
    t = time.perf_counter()
    steps = []

    def step(name):
        nonlocal t
        now = time.perf_counter()
        steps.append(f"{name} {now - t:.2f}s")
        t = now

    people = pd.read_csv(people_path, dtype=str)
    ties = pd.read_csv(ties_path, dtype={"source": str, "target": str})
    units = pd.read_csv(units_path, dtype=str)
    listed = people.groupby("unit")["person"].transform("size") >= MIN_N
    people = people[listed].reset_index(drop=True)
    ties = ties[ties["source"].isin(people["person"]) & ties["target"].isin(people["person"])].copy()
    ties["distance"] = 6.0 - ties["weight"]
    g = nx.DiGraph()
    g.add_nodes_from(people["person"])
    g.add_weighted_edges_from(ties[["source", "target", "weight"]].itertuples(index=False))
    nx.set_edge_attributes(g, {(s, d): x for s, d, x in ties[["source", "target", "distance"]].itertuples(index=False)},
                           "distance")
    step("read")
    m = pd.DataFrame({"person": people["person"]})
    m["betweenness"] = m["person"].map(nx.betweenness_centrality(g, weight="distance", normalized=False))
    step("betweenness")
    # NetworkX's harmonic centrality sums 1/d(u, v) over u, i.e. IN distances;
    # on the reversed graph it is the OUT sum rcmap reports (normalised by n-1).
    harm = nx.harmonic_centrality(g.reverse(copy=False), distance="distance")
    m["harmonic"] = m["person"].map(harm) / (len(people) - 1)
    step("harmonic")
    m["pagerank"] = m["person"].map(nx.pagerank(g, alpha=0.85, weight="weight"))
    step("pagerank")
    m["constraint"] = m["person"].map(nx.constraint(g, weight="weight"))
    step("constraint")

    unit_of = people.set_index("person")["unit"]
    size = people.groupby("unit").size()
    ties["source_unit"] = ties["source"].map(unit_of)
    ties["target_unit"] = ties["target"].map(unit_of)
    agg = ties.groupby(["source_unit", "target_unit"]).agg(ties=("weight", "size"), mean_weight=("weight", "mean"))
    agg = agg.reset_index()
    same = agg["source_unit"] == agg["target_unit"]
    possible = agg["source_unit"].map(size) * agg["target_unit"].map(size)
    possible[same] = agg.loc[same, "source_unit"].map(size) * (agg.loc[same, "source_unit"].map(size) - 1)
    agg["density"] = agg["ties"] / possible
    agg = agg.merge(units[["unit", "side"]].rename(columns={"unit": "source_unit", "side": "source_side"}),
                    on="source_unit", how="left")
    step("aggregate")
    os.makedirs(out, exist_ok=True)
    m.to_csv(os.path.join(out, "people-metrics.csv"), index=False, float_format="%.12g")
    agg.to_csv(os.path.join(out, "unit-ties.csv"), index=False, float_format="%.12g")
    step("write")
    print("networkx: " + ", ".join(steps), file=sys.stderr)


if __name__ == "__main__":
    main()
