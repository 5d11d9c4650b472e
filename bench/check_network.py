#!/usr/bin/python3
"""Agreement of rcmap's person metrics with a peer (bench/network.sh).

    /usr/bin/python3 bench/check_network.py RCMAP.csv PEER.csv NAME

Both files have a `person` column; every metric column present in both is
compared person by person, for the people rcmap lists. Tolerances (lengths 6 - weight are integers, so every path
length is exact and both sides count the same shortest paths), each plus
5e-7 when RCMAP.csv is rcmap network's people-metrics.csv (6 decimals):
  betweenness  |a - b| <= 1e-9 (1 + |b|)   exact counts, summation order only
  harmonic     |a - b| <= 1e-10
  constraint   |a - b| <= 1e-9
  pagerank     sum |a - b| <= c a/(1-a), a = 0.85: the peers stop their power
               iteration once the L1 change is below c (NetworkX: n 1e-6,
               graph-tool: 1e-6), and a contraction with factor a is then
               within c a/(1-a) of its fixed point; igraph's PRPACK solves
               the linear system directly; plus 5e-7 a person for
               people-metrics.csv's 6 decimals
Sampled betweenness/harmonic (SAMPLED=1 in the environment) are not
compared. Prints one line per metric; exit 1 on any disagreement.
"""
import os
import sys

import pandas as pd


def main():
    a = pd.read_csv(sys.argv[1], dtype={"person": str})
    b = pd.read_csv(sys.argv[2], dtype={"person": str})
    name = sys.argv[3]
    n = len(b)
    # rcmap network's people-metrics.csv has 6 decimals: + half a unit of the last digit.
    printed = 5e-7 if os.path.basename(sys.argv[1]) == "people-metrics.csv" else 0.0
    tol = {"betweenness": (1e-9 + printed, 1e-9), "harmonic": (1e-10 + printed, 0), "constraint": (1e-9 + printed, 0)}
    if os.environ.get("SAMPLED") == "1":
        tol.pop("betweenness")
        tol.pop("harmonic")
    # rcmap network leaves out the people of units below min-n (reported
    # only in aggregate); every person it lists must be in the peer's file.
    m = a.merge(b, on="person", suffixes=("_rcmap", "_peer"), how="left", indicator=True)
    bad = 0
    if (m["_merge"] != "both").any():
        print(f"{name}: rcmap lists people the peer does not have")
        return 1
    if len(m) < n:
        print(f"{name}: comparing the {len(m)} of {n} people rcmap lists (the rest are in units below min-n)")
    for col, (atol, rtol) in tol.items():
        if f"{col}_rcmap" not in m or f"{col}_peer" not in m:
            continue
        x, y = m[f"{col}_rcmap"], m[f"{col}_peer"]
        both_nan = x.isna() & y.isna()
        diff = (x - y).abs()
        over = ~both_nan & ~(diff <= atol + rtol * y.abs())
        print(f"{name} {col}: {len(m) - over.sum()}/{len(m)} agree, max |diff| {diff[~both_nan].max():.3g}")
        bad += int(over.sum())
    if "pagerank_rcmap" in m and "pagerank_peer" in m:
        l1 = (m["pagerank_rcmap"] - m["pagerank_peer"]).abs().sum()  # over the listed people
        bound = (n if name == "networkx" else 1) * 1e-6 * 0.85 / 0.15 + printed * len(m)
        ok = l1 <= bound
        print(f"{name} pagerank: L1 difference {l1:.3g} (bound {bound:.3g}) {'agree' if ok else 'DISAGREE'}")
        bad += 0 if ok else 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
