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
import re
import sys

from hlib import RESP_HEADER, check, finish, fresh_dir, run

rcmap, work = sys.argv[1], fresh_dir(sys.argv[2])
DANGER = ("=", "+", "-", "@", "\t", "\r")

# Leading TAB is trimmed from unquoted values on input (docs/input.md), so TAB is
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

# compare (a `wave` column, labels dangerous too) and analyze --by-site (a
# dangerous `site` label, written to sites.csv).
SITES, WAVES = ("=cmd|' /C calc'!A0", "+plain"), ("-w1", "@w2")
with open(os.path.join(work, "responses.csv"), newline="") as f:
    body = f.read().split("\n", 1)[1]
for col, labels, name in (("wave", WAVES, "waves.csv"), ("site", SITES, "sites.csv")):
    with open(os.path.join(work, name), "w", newline="") as f:
        f.write(col + "," + RESP_HEADER + "\n")
        for label in labels:
            f.writelines(q(label) + "," + line + "\n" for line in body.split("\n") if line)
RUNS = [("analyze", ["analyze", "--responses", os.path.join(work, "responses.csv")], set(), {"ties.csv"}),
        ("compare", ["compare", "--responses", os.path.join(work, "waves.csv"), "--bootstrap", "100"], set(WAVES),
         {"changes.csv", "waves.csv", "sides-waves.csv"}),
        ("by-site", ["analyze", "--by-site", "--responses", os.path.join(work, "sites.csv")], set(SITES),
         {"sites.csv"}),
        ("network", ["network", "--people", os.path.join(work, "people.csv"), "--ties", os.path.join(work, "ties.csv"),
                     "--authority-side=-authority", "--provider-side==side"], {p for p, _ in people},
         {"people-metrics.csv", "unit-ties.csv", "brokers.csv"})]
texts = {x for u in units for x in u}
for (cmd, args, extra_texts, extra_csvs), (dialect, sep) in [
        (c, d) for c in RUNS for d in (("standard", ","), ("excel-da", ";"))]:
    out = os.path.join(work, cmd + "-" + dialect)
    r = run([rcmap, *args, "--units", os.path.join(work, "units.csv"), "--out", out, "--csv-dialect", dialect,
             "-q", "--no-render"], work)
    check(r.code == 0, f"{cmd} {dialect}: exit 0 ({r.code}) {r.stderr[:300]}")
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
    check(extra_csvs <= set(csvs), f"{cmd} {dialect}: CSVs walked {sorted(csvs)}")
    check(live == [], f"{cmd} {dialect}: no cell begins with = + - @ TAB CR (found {live[:5]})")
    # Every dangerous input text is present, neutralised, at least once
    # (compare and network write unit ids and sides, not labels).
    for t in sorted(texts | extra_texts):
        if cmd in ("compare", "network") and t in {u[1] for u in units}:
            continue
        if t.startswith(DANGER):
            check("'" + t in cells_seen, f"{cmd} {dialect}: {t!r} written as {chr(39) + t!r}")
        else:
            check(t in cells_seen, f"{cmd} {dialect}: {t!r} written unchanged")

# rcmap convert --to long writes the input back (docs/readers.md "Converting"): the
# same rule, except that a plain number such as -2 stays a number.
out = os.path.join(work, "convert")
r = run([rcmap, "convert", "--to", "long", "--units", os.path.join(work, "units.csv"), "--responses",
         os.path.join(work, "responses.csv"), "--out", out, "-q"], work)
check(r.code == 0, f"convert: exit 0 ({r.code}) {r.stderr[:300]}")
cells_seen, live = set(), []
for name in ("units.csv", "responses.csv"):
    with open(os.path.join(out, name), newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            cells_seen.update(row)
            live += [(name, c) for c in row if c.startswith(DANGER) and not re.fullmatch(r"[+-]?\d+(\.\d+)?", c)]
check(live == [], f"convert: no cell begins with = + - @ TAB CR (found {live[:5]})")
for t in sorted(texts | {"=r0_0"}):  # convert reads the survey, not people.csv
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", t):
        check(t in cells_seen, f"convert: plain number {t!r} written as a number")
    elif t.startswith(DANGER):
        check("'" + t in cells_seen, f"convert: {t!r} written as {chr(39) + t!r}")
    else:
        check(t in cells_seen, f"convert: {t!r} written unchanged")
finish()
