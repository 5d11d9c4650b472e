#!/usr/bin/env python3
"""Compares rcmap's ties.csv with the pandas baseline's ties.

usage: check_ties.py RCMAP_TIES.csv PANDAS_TIES.csv [MIN_N]

Both must list the same (source, target) pairs with the same n; for every
tie with n >= MIN_N (default 5) the RC must agree to 1e-6 (rcmap prints 6
decimals, so rounding alone differs by at most 5e-7). Exit 0 if all agree,
1 otherwise. Standard library only.
"""
import csv
import sys


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["source"], r["target"]): r for r in csv.DictReader(f)}


def main():
    ours, theirs = load(sys.argv[1]), load(sys.argv[2])
    min_n = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    problems = []
    for key in sorted(set(ours) ^ set(theirs)):
        problems.append(f"tie {key[0]}->{key[1]} only in "
                        f"{'rcmap' if key in ours else 'pandas'}")
    compared = 0
    for key in sorted(set(ours) & set(theirs)):
        a, b = ours[key], theirs[key]
        if int(a["n"]) != int(b["n"]):
            problems.append(f"tie {key[0]}->{key[1]}: n {a['n']} (rcmap) vs {b['n']} (pandas)")
            continue
        if int(a["n"]) < min_n:
            continue
        compared += 1
        if a["rc"] == "" or abs(float(a["rc"]) - float(b["rc"])) > 1e-6:
            problems.append(f"tie {key[0]}->{key[1]}: rc {a['rc']!r} (rcmap) vs {b['rc']} (pandas)")
    for p in problems[:20]:
        print("check: " + p, file=sys.stderr)
    if problems:
        print(f"check: FAIL, {len(problems)} disagreements", file=sys.stderr)
        return 1
    print(f"check: {len(ours)} ties, n equal for all, rc equal to 1e-6 for {compared} ties with n >= {min_n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
