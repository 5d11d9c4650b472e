#!/usr/bin/env python3
"""Hardening test: anonymity audit (docs/hardening.md "Anonymity audit").
A survey where one tie, X->Y, has n = 4 = min-n - 1 and scores (1s and 2s)
that give it distinctive figures. rcmap analyze --min-n 5 must write none
of them, nor any aggregate that includes it (unit, side, overall figures
computed with the tie), to any file in DIR: every file is walked, so outputs
added later (JSON, GraphML, SVG, PDF text, XLSX contents) are audited
automatically. Control: with --min-n 4 the same figures DO appear, so this
test can fail. Every other tie has n >= 5, so the two runs differ only in
the planted tie. Expected figures are computed here, independently of rcmap.
Differencing (docs/hardening.md "Anonymity audit", point 5; at the end): a withheld dimension
mean (4 of 5 answers) and the ties of a unit below --min-n people are
changed between two runs; every byte of every file (summary.json's input
checksums aside) must stay the same, in analyze (all figures, report, per-unit
pages), compare, --by-site and network. Controls with a lower --min-n differ.
usage: anonymity_audit.py RCMAP WORK_DIR SOURCE_DIR"""
import csv
import os
import shutil
import subprocess
import random
import statistics
import sys

from audit_lib import walk
from hlib import RESP_HEADER, check, finish, fresh_dir, run

rcmap, work = sys.argv[1], fresh_dir(sys.argv[2])
rng = random.Random(7)  # a seed whose planted values are distinctive (see precondition)

units = {"X": "authority", "X2": "authority", "Y": "provider", "Y2": "provider"}
members = {"X": [f"x{i}" for i in range(1, 7)], "X2": [f"p{i}" for i in range(1, 6)],
           "Y": [f"y{i}" for i in range(1, 6)], "Y2": [f"q{i}" for i in range(1, 6)]}
# The planted tie: rows sum to 9, 10, 10, 11 (row RC 9/7, 10/7, 10/7, 11/7).
PLANT = [(1, 1, 1, 1, 1, 2, 2), (1, 2, 1, 2, 1, 2, 1), (2, 1, 2, 1, 2, 1, 1), (2, 2, 1, 2, 2, 1, 1)]
rows = []  # (respondent, unit, target, scores)
for k, s in enumerate(PLANT):
    rows.append((members["X"][k], "X", "Y", s))
# Shown ties (n >= 5), scores 2..5 at random.
for src, tgt in [("X", "X"), ("X", "Y2"), ("Y", "X"), ("X2", "Y"), ("Y2", "X"), ("Y", "Y2"), ("X2", "X2")]:
    for r in members[src][:6 if src == "X" else 5]:
        rows.append((r, src, tgt, tuple(rng.randint(2, 5) for _ in range(7))))

with open(os.path.join(work, "units.csv"), "w") as f:
    f.write("unit,label,side,headcount\n")
    for u, side in units.items():
        f.write(f"{u},Enhed {u},{side},8\n")
with open(os.path.join(work, "responses.csv"), "w") as f:
    f.write(RESP_HEADER + "\n")
    for r, u, t, s in rows:
        f.write(f"{r},{u},{t}," + ",".join(map(str, s)) + "\n")


def fmt(v):
    return f"{v:.6f}"


def tie_rows(src, tgt):
    return [s for _, u, t, s in rows if (u, t) == (src, tgt)]


def rc(src, tgt):
    return statistics.mean(sum(s) / 7 for s in tie_rows(src, tgt))


plant = tie_rows("X", "Y")
row_rc = [sum(s) / 7 for s in plant]
secret = {  # the planted tie's own figures
    "rc": fmt(statistics.mean(row_rc)),            # 10/7 = 1.428571
    "rc_sd": fmt(statistics.stdev(row_rc)),        # sqrt(2/3)/7 = 0.116642
    "communication": fmt(statistics.mean(sum(s[:4]) / 4 for s in plant)),
    "relationship": fmt(statistics.mean(sum(s[4:]) / 3 for s in plant)),
}
assert secret["rc"] == "1.428571" and secret["rc_sd"] == "0.116642"
# Aggregates that would include it (computed as docs/method.md defines them).
between = [(u, t) for u, t in {(u, t) for _, u, t, _ in rows} if u != t]
n = {k: len(tie_rows(*k)) for k in between}
leaky = {
    "X rc_given with X->Y": fmt(statistics.mean([rc("X", "Y"), rc("X", "Y2")])),
    "Y rc_received with X->Y": fmt(statistics.mean([rc("X", "Y"), rc("X2", "Y")])),
    "authority->provider with X->Y": fmt(
        sum(rc(*k) * n[k] for k in between if units[k[0]] == "authority" and units[k[1]] == "provider")
        / sum(n[k] for k in between if units[k[0]] == "authority" and units[k[1]] == "provider")),
    "overall RC with X->Y": fmt(sum(rc(*k) * n[k] for k in between) / sum(n.values())),
}
planted = {**{f"X->Y {k}": v for k, v in secret.items()}, **leaky}
print("planted values:", planted)


def analyze(out, *extra):
    r = run([rcmap, "analyze", "--units", os.path.join(work, "units.csv"), "--responses",
             os.path.join(work, "responses.csv"), "--out", os.path.join(work, out), *extra], work)
    check(r.code == 0, f"analyze {' '.join(extra)}: exit 0 ({r.code}) {r.stderr[:300]}")
    files = walk(os.path.join(work, out))
    for name, text in files:
        if text is None:
            print(f"note: {out}/{name} is an image; its pixels are not audited")
    return files


def found(files, value):
    return [name for name, text in files if text is not None and value in text]


# Precondition (distinctive values): a baseline survey without the planted
# rows shows none of them. If this fails after a change, pick another seed.
with open(os.path.join(work, "responses.csv")) as f:
    lines = f.readlines()
base_dir = fresh_dir(os.path.join(work, "base_in"))
shutil.copy(os.path.join(work, "units.csv"), base_dir)
with open(os.path.join(base_dir, "responses.csv"), "w") as f:
    f.writelines(l for l in lines if ",X,Y," not in l)
r = run([rcmap, "analyze", "--units", os.path.join(base_dir, "units.csv"), "--responses",
         os.path.join(base_dir, "responses.csv"), "--out", os.path.join(work, "baseline")], work)
check(r.code == 0, "baseline without the planted tie: exit 0")
baseline = walk(os.path.join(work, "baseline"))
for what, v in planted.items():
    check(found(baseline, v) == [], f"precondition: {what} = {v} is distinctive (not in the baseline)")

# Control: with --min-n 4 the tie is shown and every planted value appears.
control = analyze("control", "--min-n", "4")
for what, v in planted.items():
    check(found(control, v) != [], f"control --min-n 4: {what} = {v} appears ({found(control, v)})")
control_da = analyze("control_da", "--min-n", "4", "--csv-dialect", "excel-da")
check(found(control_da, secret["rc"].replace(".", ",")) != [], "control excel-da: 1,428571 appears")

# Audit: with --min-n 5 (default) no file in DIR contains any of them.
for dialect in ([], ["--csv-dialect", "excel-da"]):
    out = analyze("audit" + ("_da" if dialect else ""), *dialect)
    check(len(out) >= 4, f"audit {dialect}: {len(out)} files walked: {[n for n, _ in out]}")
    for what, v in planted.items():
        for form in {v, v.replace(".", ",")}:
            check(found(out, form) == [], f"audit {dialect}: {what} = {form} absent ({found(out, form)})")
    ties = dict(out)["ties.csv"]
    sep = ";" if dialect else ","
    check(sep.join(["X", "Y", "Enhed X", "Enhed Y", "authority", "provider", "4"]) + sep * 12 + "suppressed"
          in ties, f"audit {dialect}: X->Y listed as suppressed with n=4 and blank scores")
# report.pdf prints RC with 2 decimals (unit pages too, --per-unit), so its
# text layer is also searched for the 2-decimal forms of the planted values
# that are distinctive there (not in the baseline's report), in en and da.


def report_text(out):
    p = os.path.join(work, out, "report.pdf")
    return subprocess.run(["pdftotext", "-q", p, "-"], capture_output=True, text=True).stdout.replace("\n", " ")


base_report = report_text("baseline")
two = {what: f"{float(v):.2f}" for what, v in planted.items()}
two = {what: v for what, v in two.items() if v not in base_report}
check("X->Y rc" in two and two["X->Y rc"] == "1.43", f"precondition: X->Y RC 1.43 is distinctive in report.pdf ({two})")
analyze("control_pdf", "--min-n", "4", "--per-unit")
check("RC 1.43" in report_text("control_pdf"), "control --min-n 4: report.pdf shows X->Y with RC 1.43")
for lang in ("en", "da"):
    out = "audit_pdf_" + lang
    files = dict(analyze(out, "--per-unit", "--lang", lang))
    check("report.pdf" in files and "network.graphml" in files, f"audit {lang}: report.pdf and network.graphml written")
    check(any(n.startswith("units" + os.sep) for n in files), f"audit {lang}: per-unit pages written")
    text = report_text(out)
    for what, v in two.items():
        for form in {v, v.replace(".", ",")}:
            check(form not in text, f"audit report.pdf {lang}: {what} = {form} absent")

# report.html (docs/html-report.md "Anonymity rule") is walked with every other
# file above (6-decimal forms); its findings are sentences with 2 decimals, so
# it is also searched for the 2-decimal forms that are distinctive in it (not
# in the baseline's report.html). The planted pair may appear only as a bare
# [s, t] marker in "hidden" (as in network.graphml), never with a value or n.
base_html = dict(baseline).get("report.html") or ""
check('"kind":"analyze"' in base_html, "baseline: report.html written")
two_html = {what: f"{float(v):.2f}" for what, v in planted.items()}
two_html = {what: v for what, v in two_html.items() if v not in base_html and v.replace(".", ",") not in base_html}
check(two_html.get("X->Y rc") == "1.43", f"precondition: X->Y RC 1.43 is distinctive in report.html ({two_html})")
control_html = dict(analyze("control_html", "--min-n", "4"))["report.html"]
check("RC 1.43 (n = 4)" in control_html, "control --min-n 4: report.html shows X->Y with RC 1.43 and n = 4")
check('"n":4,' in control_html, "control --min-n 4: report.html holds the tie's n = 4")
for lang in ("en", "da"):
    html = dict(analyze("audit_html_" + lang, "--lang", lang))["report.html"]
    check('"hidden":[[0,2]]' in html, f"audit report.html {lang}: X->Y only a bare hidden marker [0,2]")
    check('"n":4,' not in html and "n = 4" not in html, f"audit report.html {lang}: no n = 4 of the planted tie")
    for what, v in two_html.items():
        for form in {v, v.replace(".", ",")}:
            check(form not in html, f"audit report.html {lang}: {what} = {form} absent")

# Differencing: apart from the suppressed X->Y row (and input counts in
# summary.json), the outputs equal those of the baseline without the tie.
main, base = dict(analyze("audit")), dict(baseline)
check(main["units.csv"] == base["units.csv"], "units.csv equals the baseline without the tie")
check(main["sides.csv"] == base["sides.csv"], "sides.csv equals the baseline without the tie")
check("".join(l + "\n" for l in main["ties.csv"].splitlines() if not l.startswith("X,Y,")) == base["ties.csv"],
      "ties.csv equals the baseline apart from the suppressed X->Y row")
sect = lambda t, k: t[t.index(f'"{k}"'):].split("}")[0]
for k in ("overall", "reliability"):
    check(sect(main["summary.json"], k) == sect(base["summary.json"], k), f"summary.json {k} equals the baseline")

# analyze --ties (docs/readers.md "Aggregated tie tables"): the control run's ties.csv,
# where X->Y is shown with n = 4, read back as a tie table. With --min-n 5 no
# file may hold its figures or an aggregate computed (as docs/method.md defines them)
# from the given, rounded values with it; control: --min-n 4 shows them all.
ties_in = os.path.join(work, "control", "ties.csv")
with open(ties_in, newline="", encoding="utf-8") as f:
    given = {(t["source"], t["target"]): (int(t["n"]), float(t["rc"])) for t in csv.DictReader(f) if t["rc"]}
given_between = [k for k in given if k[0] != k[1]]


def running_mean(values):
    """Mean as rcmap's stats::Moments takes it (Welford), so a value on a
    rounding boundary rounds the same way (2.5714285 here)."""
    m = 0.0
    for i, x in enumerate(values):
        m += (x - m) / (i + 1)
    return fmt(m)


def n_weighted(keys):
    return fmt(sum(given[k][1] * given[k][0] for k in keys) / sum(given[k][0] for k in keys))


tie_planted = {
    **{f"X->Y {k}": secret[k] for k in ("rc", "communication", "relationship")},
    "X rc_given with X->Y": running_mean([given[("X", "Y")][1], given[("X", "Y2")][1]]),
    "Y rc_received with X->Y": running_mean([given[("X", "Y")][1], given[("X2", "Y")][1]]),
    "authority->provider with X->Y": n_weighted(
        [k for k in given_between if units[k[0]] == "authority" and units[k[1]] == "provider"]),
    "overall RC with X->Y": n_weighted(given_between),
}
for min_n, shown in (("4", True), ("5", False)):
    out = os.path.join(work, "ties_min_n_" + min_n)
    r = run([rcmap, "analyze", "--units", os.path.join(work, "units.csv"), "--ties", ties_in,
             "--min-n", min_n, "--out", out], work)
    check(r.code == 0, f"analyze --ties --min-n {min_n}: exit 0 ({r.code}) {r.stderr[:300]}")
    files = walk(out)
    check(len(files) >= 4, f"--ties --min-n {min_n}: {len(files)} files walked")
    for what, v in tie_planted.items():
        check((found(files, v) != []) == shown,
              f"--ties --min-n {min_n}: {what} = {v} {'appears' if shown else 'absent'} ({found(files, v)})")
# ---- rcmap network: units with fewer than min-n people only in aggregate ----
# Unit S (3 people, the only unit of side "tiny") has distinctive person ids
# and tie weights (1.37, mean weight 1.370000 in every pair with S). With
# --min-n 5 none of them may appear in any file; with --min-n 3 (control)
# they do. With --pseudonymise no input person id (nor the key) appears.
net = fresh_dir(os.path.join(work, "net_in"))
people = {"A": [f"alma{i}" for i in range(6)], "B": [f"bent{i}" for i in range(6)],
          "S": ["zorbasecret1", "zorbasecret2", "zorbasecret3"]}
with open(os.path.join(net, "units.csv"), "w") as f:
    f.write("unit,label,side,headcount\nA,Enhed A,authority,6\nB,Enhed B,provider,6\nS,Enhed S,tiny,3\n")
with open(os.path.join(net, "people.csv"), "w") as f:
    f.write("person,unit\n" + "".join(f"{p},{u}\n" for u, ps in people.items() for p in ps))
net_ties = [(a, b, 3) for a in people["A"] for b in people["B"][:3]] + \
           [(b, a, 4) for b in people["B"] for a in people["A"][:2]] + \
           [(s, a, 1.37) for s in people["S"] for a in people["A"][:2]] + \
           [(b, s, 1.37) for b in people["B"][:2] for s in people["S"]]
with open(os.path.join(net, "ties.csv"), "w") as f:
    f.write("source,target,weight\n" + "".join(f"{a},{b},{w}\n" for a, b, w in net_ties))
with open(os.path.join(net, "key"), "w") as f:
    f.write("audit-key-6f1d\n")


def network(out, *extra):
    r = run([rcmap, "network", "--people", os.path.join(net, "people.csv"), "--ties", os.path.join(net, "ties.csv"),
             "--units", os.path.join(net, "units.csv"), "--out", os.path.join(work, out), "--formats", "svg,pdf", *extra],
            work)
    check(r.code == 0, f"network {' '.join(extra)}: exit 0 ({r.code}) {r.stderr[:300]}")
    return walk(os.path.join(work, out))


net_secret = ["zorbasecret", "1.370000", '"side": "tiny",\n        "internal"']
control = network("net_control", "--min-n", "3")
for v in net_secret:
    check(found(control, v) != [], f"network control --min-n 3: {v!r} appears ({found(control, v)})")
audit = network("net_audit") + network("net_audit_da", "--csv-dialect", "excel-da")
net_secret.append("1,370000")
check({n for n, _ in audit} >= {"people-metrics.csv", "unit-ties.csv", "brokers.csv", "summary.json",
                                "person-map.svg", "person-map.pdf"}, f"network audit: files {[n for n, _ in audit]}")
for v in net_secret:
    check(found(audit, v) == [], f"network audit --min-n 5: {v!r} absent ({found(audit, v)})")
check(found(audit, ",S,") == [] and found(audit, "\nS,") == [], "network audit: no row of unit S")
pseudo = network("net_pseudo", "--min-n", "3", "--pseudonymise", "--key-file", os.path.join(net, "key"))
for ids in people.values():
    for pid in ids:
        check(found(pseudo, pid) == [], f"network --pseudonymise: id {pid} absent ({found(pseudo, pid)})")
check(found(pseudo, "audit-key-6f1d") == [], "network --pseudonymise: the key is never written")
check(found(pseudo, "p-") != [], "network --pseudonymise: pseudonyms written")
# --- compare and analyze --by-site ---------------------------------------------
# Two identical waves (compare) and two identical sites (--by-site) of the
# same survey: X->Y has n = 4 in each wave and each site. compare's side
# pairs average each respondent's rows first, so its leaky aggregate is the
# respondent-level authority->provider figure with X->Y included.
with open(os.path.join(work, "waves.csv"), "w") as f:
    f.write("wave," + RESP_HEADER + "\n")
    for w in ("w1", "w2"):
        for r, u, t, sc in rows:
            f.write(f"{w},{r},{u},{t}," + ",".join(map(str, sc)) + "\n")
with open(os.path.join(work, "sites.csv"), "w") as f:
    f.write("site," + RESP_HEADER + "\n")
    for site in ("Nord", "Syd"):
        for r, u, t, sc in rows:
            f.write(f"{site},{r},{u},{t}," + ",".join(map(str, sc)) + "\n")
per_resp = {}
for r, u, t, sc in rows:
    if units[u] == "authority" and units[t] == "provider":
        per_resp.setdefault(r, []).append(sum(sc) / 7)
planted_cmp = {**planted, "respondent-level authority->provider with X->Y":
               fmt(statistics.mean(statistics.mean(v) for v in per_resp.values()))}
print("planted values (compare):", planted_cmp)


def other(out, args, *extra):
    r = run([rcmap, *args, "--units", os.path.join(work, "units.csv"), "--out", os.path.join(work, out),
             "--formats", "png,svg,pdf", *extra], work)
    check(r.code == 0, f"{' '.join(args)} {' '.join(extra)}: exit 0 ({r.code}) {r.stderr[:300]}")
    return walk(os.path.join(work, out))


CMP = ["compare", "--responses", os.path.join(work, "waves.csv"), "--bootstrap", "200"]
SITES = ["analyze", "--responses", os.path.join(work, "sites.csv"), "--by-site"]
for name, args, values, must in (
        ("compare", CMP, planted_cmp, {"changes.csv", "waves.csv", "sides-waves.csv", "change-map.svg",
                                       "change-matrix.pdf", "trend.svg", "report.pdf"}),
        ("by-site", SITES, planted, {"sites.csv", "sites.svg", os.path.join("Nord", "ties.csv"),
                                     os.path.join("Syd", "map.svg"), os.path.join("Syd", "workbook.xlsx")})):
    control = other(name + "_control", args, "--min-n", "4")
    for what, v in values.items():
        if name == "compare" and what not in ("X->Y rc", "respondent-level authority->provider with X->Y"):
            continue  # compare writes tie and side-pair RC only (no SD, unit or overall figures)
        check(found(control, v) != [], f"{name} control --min-n 4: {what} = {v} appears ({found(control, v)})")
    # compare's report.pdf prints side-pair RC with 2 decimals (its side-pair table).
    cmp_two = f"{float(planted_cmp['respondent-level authority->provider with X->Y']):.2f}"
    if name == "compare":
        check(cmp_two in report_text(name + "_control"), f"compare control: report.pdf shows {cmp_two}")
    for dialect in ([], ["--csv-dialect", "excel-da"]):
        out = other(name + "_audit" + ("_da" if dialect else ""), args, *dialect)
        names = {n for n, _ in out}
        check(must <= names, f"{name} audit {dialect}: files walked include {sorted(must - names)}")
        for what, v in values.items():
            for form in {v, v.replace(".", ",")}:
                check(found(out, form) == [], f"{name} audit {dialect}: {what} = {form} absent ({found(out, form)})")
        if name == "compare":
            check(cmp_two not in report_text(name + "_audit" + ("_da" if dialect else "")),
                  f"compare audit {dialect}: report.pdf has no {cmp_two}")

# ---- differencing: outputs must not depend on withheld answers or ties -------
# (docs/method.md "Anonymity", docs/people.md "Privacy"). Two inputs that differ only in what rcmap
# withholds must give the same bytes in every file: then no published figure,
# alone or combined with others, can tell the two apart, whatever format it
# is in (PNG pixels included). Controls: with a lower --min-n (nothing
# withheld) the two inputs do give different files.


def raw(d):
    """Bytes of every file under d; summary.json without the input checksums."""
    out = {}
    for root, _, names in os.walk(d):
        for name in names:
            p = os.path.join(root, name)
            with open(p, "rb") as f:
                b = f.read()
            if name == "summary.json":
                b = b"".join(l for l in b.splitlines(True) if b'"sha256"' not in l)
            out[os.path.relpath(p, d)] = b
    return out


def same_outputs(tag, make_inputs, argv, control_argv):
    """make_inputs(world, dir) writes the inputs of world 0 or 1 into dir; argv(dir, out)
    is the rcmap command. Every file of the two worlds must be equal; with
    control_argv (nothing withheld) some file must differ."""
    results = {}
    for label, extra in (("audit", []), ("control", control_argv)):
        got = []
        for world in (0, 1):
            inp = fresh_dir(os.path.join(work, f"{tag}_in"))
            make_inputs(world, inp)
            out, keep = os.path.join(work, f"{tag}_out"), os.path.join(work, f"{tag}_{label}_{world}")
            for p in (out, keep):
                shutil.rmtree(p, ignore_errors=True)
            r = run([rcmap, *argv(inp, out), *extra], work)  # the same paths: summary.json records them
            check(r.code == 0, f"{tag} {label} world {world}: exit 0 ({r.code}) {r.stderr[:300]}")
            os.rename(out, keep)
            got.append(raw(keep))
        results[label] = got
    a, b = results["audit"]
    check(len(a) >= 5 and a.keys() == b.keys(), f"{tag}: same {len(a)} files in both worlds")
    differ = sorted(n for n in a if a[n] != b.get(n))
    check(differ == [], f"{tag}: every file equal whatever the withheld part holds (differ: {differ})")
    c0, c1 = results["control"]
    check(any(c0[n] != c1.get(n) for n in c0), f"{tag} control {control_argv}: some file differs")
    return a


# Withheld dimension: the documented tie (a5 skips `frequent`: 4 answers, withheld), added
# as X2 -> Y2 to the survey above; world 1 changes the 4 `frequent` answers.
DIM_PLANT = [("2", "3,4,3,4,3,4"), ("3", "4,3,4,3,4,4"), ("4", "4,4,3,3,3,4"), ("4", "3,3,4,4,4,3"),
             ("", "1,1,1,5,5,5")]
OTHER_FREQUENT = ["5", "5", "1", "5", ""]  # sum 16, not 13: rc would differ too


def dim_rows(world):
    out = []
    for k, (f, rest) in enumerate(DIM_PLANT):
        f = OTHER_FREQUENT[k] if world else f
        out.append(f"{members['X2'][k]},X2,Y2,{f},{rest}")
    return out


def survey_inputs(column=None, labels=()):
    def make(world, d):
        shutil.copy(os.path.join(work, "units.csv"), d)
        base = [f"{r},{u},{t}," + ",".join(map(str, sc)) for r, u, t, sc in rows] + dim_rows(world)
        with open(os.path.join(d, "responses.csv"), "w") as f:
            if column:
                f.write(f"{column},{RESP_HEADER}\n" + "".join(f"{l},{row}\n" for l in labels for row in base))
            else:
                f.write(RESP_HEADER + "\n" + "".join(row + "\n" for row in base))
    return make


def survey_argv(*cmd):
    return lambda d, out: [*cmd, "--units", os.path.join(d, "units.csv"), "--responses",
                           os.path.join(d, "responses.csv"), "--out", out, "--formats", "png,svg,pdf"]


files = same_outputs("dimension_analyze", survey_inputs(), survey_argv("analyze", "--per-unit"), ["--min-n", "4"])
check({"report.pdf", "workbook.xlsx", "network.graphml", "profile.png"} <= set(files),
      f"dimension_analyze: report, workbook, GraphML and figures compared ({sorted(files)})")
ties_x2 = [l for l in files["ties.csv"].decode().splitlines() if l.startswith("X2,Y2,")]
check(len(ties_x2) == 1 and ",5," in ties_x2[0] and ",,3.000000," in ties_x2[0],
      f"dimension_analyze: X2->Y2 shown with n = 5 and `frequent` blank ({ties_x2})")
same_outputs("dimension_compare", survey_inputs("wave", ("w1", "w2")),
             survey_argv("compare", "--bootstrap", "200"), ["--min-n", "4"])
same_outputs("dimension_by_site", survey_inputs("site", ("Nord", "Syd")),
             survey_argv("analyze", "--by-site"), ["--min-n", "4"])

# Point 4: units A1, A2, P1 with 6 people and P2 with 3 (below --min-n 5),
# random ties; world 1 redraws every tie with an end in P2.
NET = {"A1": 6, "A2": 6, "P1": 6, "P2": 3}


def net_inputs(world, d):
    with open(os.path.join(d, "units.csv"), "w") as f:
        f.write("unit,label,side,headcount\n" + "".join(
            f"{u},Enhed {u},{'authority' if u[0] == 'A' else 'provider'},{k}\n" for u, k in NET.items()))
    ids = [(f"{u.lower()}_{i}", u) for u, k in NET.items() for i in range(1, k + 1)]
    with open(os.path.join(d, "people.csv"), "w") as f:
        f.write("person,unit\n" + "".join(f"{p},{u}\n" for p, u in ids))
    listed_rng, small_rng = random.Random(11), random.Random(20 + world)
    lines = []
    for a, ua in ids:
        for b, ub in ids:
            if a == b:
                continue
            g = small_rng if "P2" in (ua, ub) else listed_rng
            tie, w = g.random() < 0.35, g.choice([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])
            if tie:
                lines.append(f"{a},{b},{w}\n")
    with open(os.path.join(d, "ties.csv"), "w") as f:
        f.write("source,target,weight\n" + "".join(lines))


files = same_outputs("network_small_unit", net_inputs,
                     lambda d, out: ["network", "--people", os.path.join(d, "people.csv"), "--ties",
                                     os.path.join(d, "ties.csv"), "--units", os.path.join(d, "units.csv"),
                                     "--out", out, "--formats", "png,svg,pdf"], ["--min-n", "3"])
check({"people-metrics.csv", "unit-ties.csv", "brokers.csv", "summary.json", "person-map.png", "person-map.pdf"}
      <= set(files), f"network_small_unit: every output compared ({sorted(files)})")

finish()
