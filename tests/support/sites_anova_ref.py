#!/usr/bin/python3
"""Independent oracle for the ANOVA/ICC of `rcmap analyze --by-site`
(docs/waves.md "Statistics", tests/waves/test_waves_cli.cpp).

    python3 tests/support/sites_anova_ref.py RESPONSES.csv   (a file with a `site` column)

Per site: rows with at least 4 answers; ties (unit, target) with at least 5
rows are shown; a row's score is the mean of its answers, leaving out the
dimensions its tie leaves out (answered by 1..4 of its rows: docs/method.md
"Anonymity"; a tie where a row answered only such dimensions is not used); a
respondent's score is the mean of their row scores in shown ties between
different units; sites with fewer than 5 respondents (or scores) are left out.
Then one-way ANOVA, k0 = (N - sum n^2 / N) / (G - 1), ICC(1), ICC(2)
(Bliese 2000). Prints the figures without and with the leaving-out rule: the
first line reproduces R 4.2's aov() on the same scores (the values in the test).
"""
import csv, sys, statistics as st
from collections import defaultdict
MIN_N, MIN_ANS = 5, 4
DIMS = ["frequent","timely","accurate","problem_solving","shared_goals","shared_knowledge","mutual_respect"]
def run(path, mask):
    by_site = defaultdict(list)
    for r in csv.DictReader(open(path)):
        sc = [int(r[d]) if r[d] not in ("", "NA") else 0 for d in DIMS]
        if sum(1 for x in sc if x) < MIN_ANS: continue
        by_site[r["site"]].append((r["respondent"], r["unit"], r["target"], sc))
    groups = []
    for site, rows in by_site.items():
        if len({r[0] for r in rows}) < MIN_N: continue
        n = defaultdict(int); dn = defaultdict(lambda: [0]*7)
        for _, u, t, sc in rows:
            n[(u, t)] += 1
            for d in range(7): dn[(u, t)][d] += sc[d] != 0
        left = {k: {d for d in range(7) if mask and n[k] >= MIN_N and 0 < dn[k][d] < MIN_N} for k in n}
        def score(sc, lo):
            v = [x for d, x in enumerate(sc) if x and d not in lo]
            return sum(v) / len(v) if v else None
        void = {k for k in n if any(score(sc, left[k]) is None for _, u, t, sc in rows if (u, t) == k)}
        per = defaultdict(list)
        for resp, u, t, sc in rows:
            if u == t or n[(u, t)] < MIN_N or (u, t) in void: continue
            per[resp].append(score(sc, left[(u, t)]))
        g = [sum(v) / len(v) for v in per.values()]
        if len(g) >= MIN_N: groups.append(g)
    N = sum(len(g) for g in groups); G = len(groups)
    grand = sum(sum(g) for g in groups) / N
    ssb = sum(len(g) * (st.mean(g) - grand) ** 2 for g in groups)
    ssw = sum(sum((x - st.mean(g)) ** 2 for x in g) for g in groups)
    msb, msw = ssb / (G - 1), ssw / (N - G)
    k0 = (N - sum(len(g) ** 2 for g in groups) / N) / (G - 1)
    print(f"mask={mask} N={N} msb={msb:.6f} msw={msw:.6f} F={msb/msw:.6f} icc1={(msb-msw)/(msb+(k0-1)*msw):.6f} icc2={(msb-msw)/msb:.6f}")
run(sys.argv[1], False); run(sys.argv[1], True)
