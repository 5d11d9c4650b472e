#!/usr/bin/env python3
"""Compares rcmap's units.csv with bench/peer_pipeline.py's units.csv.

usage: check_units.py RCMAP_UNITS.csv PEER_UNITS.csv

Both must list the same units with the same respondents; rc_given,
rc_received, rc_within, in_strength, out_strength and betweenness must agree
to 2e-6 (both print 6 decimals), blank where the other is blank; PageRank
by L1 distance <= 0.85/0.15 x n x 1e-6 (NetworkX stops its power iteration
at an L1 change of n x 1e-6; igraph's PRPACK solves the system directly).
A unit with a blank_reason in rcmap's units.csv (e.g. no_shown_ratings: all
its own ratings hidden) has its out-dependent measures blank by design
(docs/metrics.md); those blanks are not compared and the unit is left out of
the PageRank distance.
Exit 0 if all agree, 1 otherwise. Standard library only.
"""
import csv
import sys

COLS = ["rc_given", "rc_received", "rc_within", "in_strength", "out_strength", "betweenness"]


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["unit"]: r for r in csv.DictReader(f)}


def main():
    ours, theirs = load(sys.argv[1]), load(sys.argv[2])
    problems = [f"unit {u} only in {'rcmap' if u in ours else 'peer'}" for u in sorted(set(ours) ^ set(theirs))]
    l1 = 0.0
    for u in sorted(set(ours) & set(theirs)):
        a, b = ours[u], theirs[u]
        if int(a["respondents"] or 0) != int(b["respondents"] or 0):
            problems.append(f"unit {u}: respondents {a['respondents']} vs {b['respondents']}")
        blanked = bool(a.get("blank_reason"))
        for c in COLS:
            x, y = a[c], b[c]
            if blanked and x == "":
                continue
            if (x == "") != (y == "") or (x and abs(float(x) - float(y)) > 2e-6):
                problems.append(f"unit {u}: {c} {x!r} (rcmap) vs {y!r} (peer)")
        if not blanked:
            l1 += abs(float(a["pagerank"]) - float(b["pagerank"]))
    bound = 0.85 / 0.15 * len(ours) * 1e-6
    if l1 > bound:
        problems.append(f"PageRank L1 distance {l1:.2e} > {bound:.2e}")
    for p in problems[:20]:
        print("check: " + p, file=sys.stderr)
    if problems:
        print(f"check: FAIL, {len(problems)} disagreements", file=sys.stderr)
        return 1
    print(f"check: {len(ours)} units, respondents, RC given/received/within, strengths and betweenness "
          f"equal to 2e-6, PageRank L1 {l1:.1e} (bound {bound:.1e})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
