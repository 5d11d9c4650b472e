#!/usr/bin/python3
"""Spearman rank correlation of sampled vs exact person metrics.

    /usr/bin/python3 bench/spearman.py EXACT.csv SAMPLED.csv

Prints "betweenness RHO harmonic RHO" (pandas: Pearson correlation of
average ranks, i.e. Spearman's rho with ties at their mean rank).
"""
import sys

import pandas as pd

a = pd.read_csv(sys.argv[1], dtype={"person": str}).set_index("person")
b = pd.read_csv(sys.argv[2], dtype={"person": str}).set_index("person").loc[a.index]
print(" ".join(f"{c} {a[c].rank().corr(b[c].rank()):.4f}" for c in ("betweenness", "harmonic")))
