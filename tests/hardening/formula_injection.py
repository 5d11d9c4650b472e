#!/usr/bin/env python3
"""Hardening test: formula injection (docs/hardening.md). Unit ids, labels
and sides beginning with = + - @ TAB or CR must be neutralised (a leading
apostrophe, OWASP "CSV Injection") in every CSV rcmap writes: every .csv in
DIR is walked, so tables added later are covered automatically. Tested with
both dialects; the expected neutralised cells are checked to exist, so the
test cannot pass by writing nothing.
usage: formula_injection.py RCMAP WORK_DIR"""
import csv
import os
import sys

from hlib import RESP_HEADER, check, finish, fresh_dir, run

rcmap, work = sys.argv[1], fresh_dir(sys.argv[2])
DANGER = ("=", "+", "-", "@", "\t", "\r")

# Leading TAB is trimmed from unquoted values on input (README), so TAB is
# tested inside a quoted label after a CR, and in the middle of values.
units = [  # id, label, side
    ("=HYPERLINK(\"http://x\")", "=1+1", "@SUM(A1)"),
    ("+A", "+46 12 34", "-authority"),
    ("-B", "-2", "=side"),
    ("@C", "\r\tcr-tab label", "+side"),
    ("\rD", "@label;with;semicolons", "plain"),
]


def q(s):
    return '"' + s.replace('"', '""') + '"'


with open(os.path.join(work, "units.csv"), "w", newline="") as f:
    f.write("unit,label,side,headcount\n")
    for u in units:
        f.write(",".join(q(x) for x in u) + ",9\n")
with open(os.path.join(work, "responses.csv"), "w", newline="") as f:
    f.write(RESP_HEADER + "\n")
    for i, (src, *_rest) in enumerate(units):
        for k in range(5):
            for tgt, *_ in units:
                f.write(f"{q('=r' + str(i) + '_' + str(k))},{q(src)},{q(tgt)}" + ",4" * 7 + "\n")

# rcmap network: person ids that are formulas, in the same units; each person
# names two people of the next unit and one of their own.
people = [(f"=p{i}_{k}" if k % 2 else f"@p{i}_{k}", u[0]) for i, u in enumerate(units) for k in range(5)]
with open(os.path.join(work, "people.csv"), "w", newline="") as f:
    f.write("person,unit\n" + "".join(f"{q(p)},{q(u)}\n" for p, u in people))
with open(os.path.join(work, "ties.csv"), "w", newline="") as f:
    f.write("source,target,weight\n")
    for j, (p, _) in enumerate(people):
        for t in {people[(j + 5) % len(people)][0], people[(j + 6) % len(people)][0],
                  people[j - j % 5 + (j + 1) % 5][0]}:
            f.write(f"{q(p)},{q(t)},3\n")

texts = {x for u in units for x in u} | {p for p, _ in people}
for dialect, sep in (("standard", ","), ("excel-da", ";")):
    out = os.path.join(work, dialect)
    r = run([rcmap, "analyze", "--units", os.path.join(work, "units.csv"), "--responses",
             os.path.join(work, "responses.csv"), "--out", out, "--csv-dialect", dialect, "-q"], work)
    check(r.code == 0, f"{dialect}: analyze exit 0 ({r.code}) {r.stderr[:300]}")
    r = run([rcmap, "network", "--people", os.path.join(work, "people.csv"), "--ties", os.path.join(work, "ties.csv"),
             "--units", os.path.join(work, "units.csv"), "--out", os.path.join(out, "network"), "--csv-dialect", dialect,
             "--authority-side=-authority", "--provider-side==side", "--no-render", "-q"], work)
    check(r.code == 0, f"{dialect}: network exit 0 ({r.code}) {r.stderr[:300]}")
    cells_seen, live, csvs = set(), [], []
    for root, _, files in os.walk(out):
        for name in files:
            if not name.endswith(".csv"):
                continue
            csvs.append(name)
            with open(os.path.join(root, name), newline="", encoding="utf-8") as f:
                for row in csv.reader(f, delimiter=sep):
                    cells_seen.update(row)
                    live += [(name, c) for c in row if c.startswith(DANGER)]
    check({"ties.csv", "units.csv", "sides.csv", "people-metrics.csv", "unit-ties.csv", "brokers.csv"} <= set(csvs),
          f"{dialect}: CSVs walked {sorted(csvs)}")
    check(live == [], f"{dialect}: no cell begins with = + - @ TAB CR (found {live[:5]})")
    # Every dangerous input text is present, neutralised, at least once.
    for t in sorted(texts):
        if t.startswith(DANGER):
            check("'" + t in cells_seen, f"{dialect}: {t!r} written as {chr(39) + t!r}")
        else:
            check(t in cells_seen, f"{dialect}: {t!r} written unchanged")
finish()
