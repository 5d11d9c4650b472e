#!/usr/bin/python3
"""Accuracy of sampled person betweenness and harmonic centrality against exact.

    /usr/bin/python3 bench/sampling_accuracy.py EXACT.csv SAMPLED.csv [TOP]

Files: person,betweenness,harmonic,... (bench/paths_kernel.cpp's output).
Prints, for betweenness and harmonic: Spearman's rho (Pearson correlation of
average ranks) and the overlap of the TOP (default 50) people by exact value
with the TOP by sampled value (|top_exact & top_sampled| / TOP; ties at the
cut are broken by person id, so the sets have exactly TOP members), as
"betweenness rho R top50 O harmonic rho R top50 O".
"""
import sys

import pandas as pd


def top(s, k):
    return set(s.reset_index().sort_values([s.name, "person"], ascending=[False, True])["person"].head(k))


def main():
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    a = pd.read_csv(sys.argv[1], dtype={"person": str}).set_index("person")
    b = pd.read_csv(sys.argv[2], dtype={"person": str}).set_index("person").loc[a.index]
    out = []
    for c in ("betweenness", "harmonic"):
        rho = a[c].rank().corr(b[c].rank())
        overlap = len(top(a[c], k) & top(b[c], k)) / k
        out.append(f"{c} rho {rho:.4f} top{k} {overlap:.2f}")
    print(" ".join(out))


if __name__ == "__main__":
    main()
