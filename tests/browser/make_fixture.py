#!/usr/bin/env python3
"""Builds report.html fixtures for the browser test from rcmap output folders.

Until the C++ writer exists this stands in for it: it reads what `rcmap
analyze` / `compare` / `analyze --by-site` / `network` wrote (CSV and
summary.json), turns it into the data object of docs/html-report.md and
assembles report.html from render/html/ exactly as the writer will
(assemble() below; the same steps are specified in docs/html-report.md).

Simplifications against the real writer (documented in docs/html-report.md):
unit positions come from a simple sides layout (not rcmap's map layout), the
profile and the gap dimension weight tie means by the tie's n (the writer has
each dimension's own n), and findings are computed here from the CSVs.

  make_fixture.py analyze DIR [--out report.html] [--lang da] [--expect exp.json]
  make_fixture.py compare DIR --waves w1=DIR1,w2=DIR2,... --out report.html
  make_fixture.py sites DIR --out report.html
  make_fixture.py network DIR --ties-input person-ties.csv --units units.csv
                  [--key-file KEY] --out report.html
  make_fixture.py all --rcmap build/rcmap --work DIR   (runs rcmap on the
                  shipped samples and writes every fixture and its expectations)
  make_fixture.py all --real --rcmap build/rcmap --work DIR   (the same runs
                  with rcmap's own report.html, copied to NAME.html; only the
                  expectations are computed here)

Only the Python standard library is used.
"""
import argparse
import csv
import hashlib
import hmac
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
ASSETS = os.path.join(ROOT, "render", "html")

DIMS = ["frequent", "timely", "accurate", "problem_solving", "shared_goals", "shared_knowledge", "mutual_respect"]
# Dimension and side names (docs/glossary.md on main; the writer takes them from render/i18n).
DIM_LABELS = {
    "en": ["frequent communication", "timely communication", "accurate communication", "problem-solving communication",
           "shared goals", "shared knowledge", "mutual respect"],
    "da": ["hyppig kommunikation", "rettidig kommunikation", "præcis kommunikation", "problemløsende kommunikation",
           "fælles mål", "fælles viden", "gensidig respekt"],
    "nb": ["hyppig kommunikasjon", "rettidig kommunikasjon", "presis kommunikasjon", "problemløsende kommunikasjon",
           "felles mål", "felles kunnskap", "gjensidig respekt"],
}
SIDE_LABELS = {
    "authority": {"en": "authority", "da": "myndighed", "nb": "myndighet"},
    "provider": {"en": "provider", "da": "udfører", "nb": "utfører"},
    "general": {"en": "general services", "da": "almenområdet", "nb": "universelle tjenester"},
    "health": {"en": "health", "da": "sundhedsområdet", "nb": "helse"},
}
# Okabe & Ito (2008), in side order: side_a, side_b, then the others (include/rcmap/outputs/palette.hpp).
OKABE_ITO = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#D55E00", "#000000", "#F0E442"]
PALETTE = {
    "rc": {"weak": ["#7f3b08", "#f1a340"], "weak_span": 1.0, "moderate": ["#b8b8b8", "#9a9a9a"],
           "strong": ["#998ec3", "#542788"], "missing": "#999999"},
    "delta": {"stops": ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
              "limit": 0.5, "missing": "#999999"},
}
NUMBER_FORMAT = {
    "en": {"decimal": ".", "group": ",", "minus": "\u2212"},
    "da": {"decimal": ",", "group": ".", "minus": "\u2212"},
    "nb": {"decimal": ",", "group": "\u00a0", "minus": "\u2212"},
}
TITLE = {"en": "Relational coordination", "da": "Relationel koordinering", "nb": "Relasjonell koordinering"}
RESPONDENTS = {"en": "{0} respondents", "da": "{0} respondenter", "nb": "{0} respondenter"}
PEOPLE = {"en": "{0} people · {1} person ties", "da": "{0} personer · {1} relationer mellem personer",
          "nb": "{0} personer · {1} relasjoner mellom personer"}
WAVES_SUB = {"en": "{0} waves: {1}", "da": "{0} målinger: {1}", "nb": "{0} målinger: {1}"}
SITES_SUB = {"en": "{0} sites", "da": "{0} kommuner", "nb": "{0} kommuner"}
FOOTER = {"en": "Made with rcmap {0}", "da": "Lavet med rcmap {0}", "nb": "Laget med rcmap {0}"}

# Finding sentences (render/report/report_words.cpp, with the terms of docs/glossary.md).
FIND = {
    "en": {
        "overall": "Overall RC is {0} (respondent-weighted mean over {1} ratings of shown ties).",
        "weakest": "{0} of the {1} shown ties between {2} and {3} are weak (RC below {4}). The weakest:",
        "tie": "{0} → {1}: RC {2} (n = {3})",
        "unmeasured": "{0} ordered pairs of units between {1} and {2} have no shown tie: not rated, or rated by fewer than {3} respondents.",
        "central": "The most central units in the collaboration are {0} (measured with PageRank).",
        "dimension": "The dimension that drives the gaps is {0}: {1} between {2} and {3}, against {4} within the two sides (difference {5}).",
        "one_sided": "{0} pairs of units are one-sided (the two directions differ by {1} or more). The largest differences:",
        "one_sided_1": "One pair of units is one-sided (the two directions differ by {1} or more):",
        "pair": "{0} → {1}: RC {2}, but {1} → {0}: RC {3}",
        "and": " and ",
        "changes": "Of {0} compared ties, {1} improved, {2} got worse and {3} show no credible change ({4} against {5}).",
        "improved": "The largest credible improvements between {0} and {1}:",
        "declined": "The largest credible declines between {0} and {1}:",
        "change_tie": "{0} → {1}: {2} (95 % interval {3} to {4})",
    },
    "da": {
        "overall": "Den samlede RK er {0} (gennemsnit vægtet med respondenter over {1} vurderinger af relationer, der vises).",
        "weakest": "{0} af de {1} relationer mellem {2} og {3}, der vises, er svage (RK under {4}). De svageste:",
        "tie": "{0} → {1}: RK {2} (n = {3})",
        "unmeasured": "{0} par af enheder (i hver retning) mellem {1} og {2} har ingen relation, der vises: ikke vurderet, eller vurderet af færre end {3} respondenter.",
        "central": "De mest centrale enheder i samarbejdet er {0} (målt med PageRank).",
        "dimension": "Den dimension, der driver forskellene, er {0}: {1} mellem {2} og {3} mod {4} inden for de to områder (forskel {5}).",
        "one_sided": "{0} par af enheder oplever samarbejdet forskelligt (de to retninger afviger med {1} eller mere). De største forskelle:",
        "one_sided_1": "Ét par af enheder oplever samarbejdet forskelligt (de to retninger afviger med {1} eller mere):",
        "pair": "{0} → {1}: RK {2}, men {1} → {0}: RK {3}",
        "and": " og ",
        "changes": "Af {0} sammenlignede relationer er {1} forbedret, {2} forværret, og {3} viser ingen klar ændring ({4} mod {5}).",
        "improved": "De største klare forbedringer mellem {0} og {1}:",
        "declined": "De største klare forværringer mellem {0} og {1}:",
        "change_tie": "{0} → {1}: {2} (95 %-interval {3} til {4})",
    },
    "nb": {
        "overall": "Samlet RK er {0} (gjennomsnitt vektet med respondenter over {1} vurderinger av relasjoner som vises).",
        "weakest": "{0} av de {1} relasjonene mellom {2} og {3} som vises, er svake (RK under {4}). De svakeste:",
        "tie": "{0} → {1}: RK {2} (n = {3})",
        "unmeasured": "{0} par av enheter (i hver retning) mellom {1} og {2} har ingen relasjon som vises: ikke vurdert, eller vurdert av færre enn {3} respondenter.",
        "central": "De mest sentrale enhetene i samarbeidet er {0} (målt med PageRank).",
        "dimension": "Dimensjonen som driver forskjellene, er {0}: {1} mellom {2} og {3} mot {4} innenfor de to områdene (forskjell {5}).",
        "one_sided": "{0} par av enheter opplever samarbeidet ulikt (de to retningene avviker med {1} eller mer). De største forskjellene:",
        "one_sided_1": "Ett par av enheter opplever samarbeidet ulikt (de to retningene avviker med {1} eller mer):",
        "pair": "{0} → {1}: RK {2}, men {1} → {0}: RK {3}",
        "and": " og ",
        "changes": "Av {0} sammenlignede relasjoner er {1} forbedret, {2} forverret, og {3} viser ingen klar endring ({4} mot {5}).",
        "improved": "De største klare forbedringene mellom {0} og {1}:",
        "declined": "De største klare forverringene mellom {0} og {1}:",
        "change_tie": "{0} → {1}: {2} (95 %-intervall {3} til {4})",
    },
}


# ---------------------------------------------------------------- helpers
def fill(tmpl, *args):
    for i, a in enumerate(args):
        tmpl = tmpl.replace("{%d}" % i, str(a))
    return tmpl


def fmt(v, dec, lang):
    """Number as the viewer shows it (decimal mark, grouping from 1,000, U+2212)."""
    nf = NUMBER_FORMAT[lang]
    s = format(abs(v), ".%df" % dec)
    ip, _, fp = s.partition(".")
    if len(ip) > 3:
        ip = re.sub(r"\B(?=(\d{3})+(?!\d))", nf["group"], ip)
    s = ip + (nf["decimal"] + fp if fp else "")
    if v < 0 and re.search(r"[1-9]", s):
        s = nf["minus"] + s
    return s


def signed(v, dec, lang):
    s = fmt(v, dec, lang)
    return "+" + s if v > 0 and re.search(r"[1-9]", s) else s


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


class N6(float):
    """A statistic from a CSV: written into the data exactly as the CSV has it
    (6 decimals), so that text searches (the anonymity audit) see one form."""


def num(s):
    """A CSV number; blank -> None."""
    if s is None or s == "":
        return None
    v = float(s)
    return N6(v) if math.isfinite(v) else None


def n6(v):
    return None if v is None else N6(v)


def load_words(lang):
    with open(os.path.join(ASSETS, "words.json"), encoding="utf-8") as f:
        return json.load(f)[lang]


def side_order(units, gap_sides):
    seen = []
    for u in units:
        if u["side"] not in seen:
            seen.append(u["side"])
    return [s for s in gap_sides if s in seen] + [s for s in seen if s not in gap_sides]


def sides_block(order, lang):
    return [{"id": s, "label": SIDE_LABELS.get(s, {}).get(lang, s), "colour": OKABE_ITO[i % 8]} for i, s in enumerate(order)]


def side_layout(units, order, gap_sides):
    """A simple 'sides' layout on the figure's A4-landscape page (points):
    side_a a column on the left, side_b on the right, other sides rows along
    the top and bottom. (The writer uses rcmap's map layout instead.)"""
    pos = {}
    left = [u["unit"] for u in units if len(gap_sides) > 0 and u["side"] == gap_sides[0]]
    right = [u["unit"] for u in units if len(gap_sides) > 1 and u["side"] == gap_sides[1]]
    others = [s for s in order if s not in gap_sides[:2]]

    def column(ids, x, side):
        n = len(ids)
        for k, i in enumerate(ids):
            y = 300 if n == 1 else 165 + (425 - 165) * k / (n - 1)
            pos[i] = (x, y, side)

    def row(ids, y, side):
        n = len(ids)
        for k, i in enumerate(ids):
            x = 420 if n == 1 else 420 + min(135, 680 / (n - 1)) * (k - (n - 1) / 2)
            pos[i] = (x, y, side)

    column(left, 185, "left")
    column(right, 656, "right")
    for k, s in enumerate(others):
        ids = [u["unit"] for u in units if u["side"] == s]
        band = k // 2
        row(ids, 88 + 30 * band if k % 2 == 0 else 502 - 30 * band, "above" if k % 2 == 0 else "below")
    return pos


def crowding(n):
    return 1.0 if n <= 16 else max(0.6, math.sqrt(16 / n))


def node_radius(resp, k):
    return k * min(13.0, max(3.5, 1.9 * math.sqrt(max(resp or 1, 1))))


def certainty(rc, lo, hi, weak, strong):
    """clear: the 95 % interval lies inside the tie's strength class; borderline:
    it reaches across the weak or strong threshold; unknown: no interval."""
    if lo is None or hi is None:
        return "unknown"
    if rc < weak:
        return "clear" if hi < weak else "borderline"
    if rc < strong:
        return "clear" if lo >= weak and hi < strong else "borderline"
    return "clear" if lo >= strong else "borderline"


def read_dialogue(path):
    if not path or not os.path.exists(path):
        return {}
    out = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out.setdefault(row["dimension"], []).append(row)
    return out


# ---------------------------------------------------------------- analyze
def analyze_block(d, lang, dialogue_rows=None):
    """The analyze-like block of one output folder (docs/html-report.md)."""
    summary = json.load(open(os.path.join(d, "summary.json"), encoding="utf-8"))
    th = summary["thresholds"]
    opts = summary.get("options", {})
    weak, strong, min_n = th["weak_below"], th["strong_from"], th["min_n"]
    asym = float(opts.get("asymmetry", 0.5))
    gap_sides = opts.get("gap-sides", "authority,provider").split(",")
    units_csv = read_csv(os.path.join(d, "units.csv"))
    ties_csv = read_csv(os.path.join(d, "ties.csv"))
    gaps_csv = read_csv(os.path.join(d, "gaps.csv"))
    idx = {u["unit"]: i for i, u in enumerate(units_csv)}
    order = side_order(units_csv, gap_sides)
    pos = side_layout(units_csv, order, gap_sides)
    k = crowding(len(units_csv))
    units = []
    for u in units_csv:
        x, y, ls = pos[u["unit"]]
        resp = int(num(u["respondents"]) or 0)
        units.append({
            "id": u["unit"], "label": u["label"], "side": u["side"], "x": round(x, 1), "y": round(y, 1),
            "r": round(node_radius(resp, k), 2), "label_side": ls,
            "respondents": resp, "headcount": num(u["headcount"]), "response_rate": num(u["response_rate"]),
            "rc_given": num(u["rc_given"]), "rc_received": num(u["rc_received"]), "within": None,
            "pagerank": num(u["pagerank"]), "betweenness": num(u["betweenness"]),
        })
    ties, hidden = [], []
    shown = {}
    for t in ties_csv:
        s, tt = idx[t["source"]], idx[t["target"]]
        if t["strength"] == "suppressed":
            if s == tt:
                units[s]["within"] = {"hidden": True}
            else:
                hidden.append([s, tt])
            continue
        rc, lo, hi = num(t["rc"]), num(t["rc_ci_low"]), num(t["rc_ci_high"])
        n = int(num(t["n"]))
        cert = certainty(rc, lo, hi, weak, strong)
        if s == tt:
            units[s]["within"] = {"rc": rc, "n": n, "ci_low": lo, "ci_high": hi, "certainty": cert}
            continue
        # map.png's grading of a weak tie (weak_certainty, render/figures/map_parts.hpp).
        wc = None
        if rc < weak and lo is not None and hi is not None:
            wc = "clear" if hi < weak or lo >= weak else "borderline"
        tie = {"s": s, "t": tt, "n": n, "rc": rc, "ci_low": lo, "ci_high": hi, "strength": t["strength"],
               "certainty": cert, "weak_certainty": wc, "dims": [num(t[x]) for x in DIMS],
               "communication": num(t["communication"]), "relationship": num(t["relationship"])}
        shown[(s, tt)] = tie
        ties.append(tie)
    for tie in ties:
        rev = shown.get((tie["t"], tie["s"]))
        su, tu = units[tie["s"]]["side"], units[tie["t"]]["side"]
        weak_t = tie["rc"] < weak
        one_sided = rev is not None and abs(tie["rc"] - rev["rc"]) >= asym
        gp = {su, tu} == set(gap_sides[:2]) and su != tu
        emph = weak_t or one_sided or (gp and tie["rc"] < strong)
        tie["emphasis"] = 0 if not emph else (1 if not weak_t and not one_sided else 2)
        tie["cross_side"] = su != tu
        tie["one_sided"] = one_sided
    gaps = []
    for g in gaps_csv:
        s, tt = idx[g["source"]], idx[g["target"]]
        tie = shown.get((s, tt))
        cert = None
        if g["kind"] in ("weak", "ok") and tie:
            cert = "unknown" if tie["ci_high"] is None else (
                ("clear" if tie["ci_high"] < weak else "borderline") if g["kind"] == "weak"
                else ("clear" if tie["ci_low"] >= weak else "borderline"))
        elif g["kind"] == "one-sided":
            cert = "unknown"
        gaps.append({"s": s, "t": tt, "kind": g["kind"], "severity": num(g["severity"]),
                     "rc": num(g["rc"]) if tie else None, "n": tie["n"] if tie else None,
                     "reverse_rc": num(g["reverse_rc"]), "certainty": cert})
    resp_total = summary["counts"]["respondents"]
    hc = [(u["respondents"], u["headcount"]) for u in units if u["headcount"]]
    rr = sum(a for a, _ in hc) / sum(b for _, b in hc) if hc else None
    block = {
        "units": units, "ties": ties, "hidden": hidden, "gaps": gaps,
        "overall": {"rc": n6(summary["overall"]["rc"]), "n": summary["overall"]["n"], "respondents": resp_total,
                    "response_rate": n6(rr)},
        "map": {"width": 841, "height": 595, "area": [16, 56, 825, 535], "label_font": 9},
        "bridge_ring": bridge_ring(summary),
    }
    block.update(findings_etc(block, lang, gap_sides, weak, strong, min_n, asym, dialogue_rows))
    return block, summary, order, gap_sides


def bridge_ring(summary):
    """The ringed bridges: summary.json's `bridges` finding (the decision
    page's units, best first, with the pairs each bridges)."""
    for f in summary.get("findings", []):
        if f["kind"] == "bridges":
            v = f.get("values", {})
            return {"gap_pairs": int(v.get("gap_pairs", 0)),
                    "units": [{"unit": u, "pairs": int(v.get("pairs_" + u, 0))} for u in f["units"]]}
    return {"gap_pairs": 0, "units": []}


def weighted_means(ties, pick):
    out = []
    for k in range(7):
        num_, den = 0.0, 0
        for t in ties:
            if pick(t) and t["dims"][k] is not None:
                num_ += t["dims"][k] * t["n"]
                den += t["n"]
        out.append(N6(round(num_ / den, 6)) if den else None)
    return out


def findings_etc(b, lang, gap_sides, weak, strong, min_n, asym, dialogue_rows):
    """Findings, profile, bridges and dialogue questions of a block, computed
    from its published ties only (as src/outputs/findings.cpp; means weighted by n)."""
    F = FIND[lang]
    U, T = b["units"], b["ties"]
    A, B = (gap_sides + ["", ""])[:2]
    sl = lambda s: SIDE_LABELS.get(s, {}).get(lang, s)
    rc2 = lambda v: fmt(v, 2, lang)
    side = lambda i: U[i]["side"]
    cross = lambda t: {side(t["s"]), side(t["t"])} == {A, B} and side(t["s"]) != side(t["t"])
    within = lambda t: side(t["s"]) == side(t["t"]) and side(t["s"]) in (A, B)
    findings = [{"kind": "overall", "text": fill(F["overall"], rc2(b["overall"]["rc"]), fmt(b["overall"]["n"], 0, lang))}]
    ct = sorted([t for t in T if cross(t)], key=lambda t: (t["rc"], t["s"], t["t"]))
    weak_ct = [t for t in ct if t["rc"] < weak]
    if ct:
        top = weak_ct[:5]
        findings.append({
            "kind": "weakest", "text": fill(F["weakest"], len(weak_ct), len(ct), sl(A), sl(B), fmt(weak, 1, lang)),
            "items": [fill(F["tie"], U[t["s"]]["label"], U[t["t"]]["label"], rc2(t["rc"]), t["n"]) for t in top],
            "units": [], "ties": [[U[t["s"]]["id"], U[t["t"]]["id"]] for t in top]})
    shown_pairs = {(t["s"], t["t"]) for t in T}
    unmeasured = [(i, j) for i in range(len(U)) for j in range(len(U))
                  if i != j and {side(i), side(j)} == {A, B} and (i, j) not in shown_pairs]
    if unmeasured:
        findings.append({"kind": "unmeasured", "text": fill(F["unmeasured"], len(unmeasured), sl(A), sl(B), min_n),
                         "units": sorted({U[i]["id"] for p in unmeasured for i in p}), "ties": []})
    central = sorted([i for i in range(len(U)) if U[i]["pagerank"] is not None], key=lambda i: (-U[i]["pagerank"], i))[:3]
    if central:
        names = [U[i]["label"] for i in central]
        findings.append({"kind": "central", "text": fill(F["central"], ", ".join(names[:-1]) + F["and"] + names[-1] if len(names) > 1 else names[0]),
                         "units": [U[i]["id"] for i in central], "ties": []})
    cm, wm = weighted_means(T, cross), weighted_means(T, within)
    gap_dim = None
    best = None
    for k in range(7):
        if cm[k] is not None and wm[k] is not None and (best is None or wm[k] - cm[k] > best):
            best, gap_dim = wm[k] - cm[k], k
    if gap_dim is not None:
        findings.append({"kind": "dimension", "text": fill(F["dimension"], DIM_LABELS[lang][gap_dim], rc2(cm[gap_dim]), sl(A), sl(B),
                                                           rc2(wm[gap_dim]), rc2(wm[gap_dim] - cm[gap_dim])),
                         "units": [], "ties": [], "sides": [A, B]})
    pairs = []
    for t in T:
        rev = next((r for r in T if r["s"] == t["t"] and r["t"] == t["s"]), None)
        if rev and t["rc"] > rev["rc"] and t["rc"] - rev["rc"] >= asym:
            pairs.append((t["rc"] - rev["rc"], t, rev))
    pairs.sort(key=lambda p: (-p[0], p[1]["s"], p[1]["t"]))
    if pairs:
        findings.append({"kind": "one_sided", "text": fill(F["one_sided" if len(pairs) > 1 else "one_sided_1"], len(pairs), fmt(asym, 1, lang)),
                         "items": [fill(F["pair"], U[t["s"]]["label"], U[t["t"]]["label"], rc2(t["rc"]), rc2(r["rc"])) for _, t, r in pairs[:5]],
                         "units": [], "ties": [x for _, t, r in pairs[:5] for x in ([U[t["s"]]["id"], U[t["t"]]["id"]], [U[r["s"]]["id"], U[r["t"]]["id"]])]})
    # Profile groups as the profile figure: A->B, B->A, within A, within B.
    def tint(c, t):
        v = int(c[1:], 16)
        rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255]
        return "#" + "".join("%02x" % round(x + (255 - x) * t) for x in rgb)
    groups = []
    for gi, (a, c) in enumerate([(A, B), (B, A), (A, A), (B, B)]):
        pick = lambda t, a=a, c=c: side(t["s"]) == a and side(t["t"]) == c
        sel = [t for t in T if pick(t)]
        base = OKABE_ITO[gi % 2]
        groups.append({"key": "%s>%s" % (a, c), "source_side": a, "target_side": c,
                       "label": (fill("{0} → {1}", sl(a), sl(c)) if a != c else fill(load_words(lang)["within"], sl(a))),
                       "colour": base if gi < 2 else tint(base, 0.55), "border": base,
                       "n": sum(t["n"] for t in sel), "ties": len(sel), "means": weighted_means(T, pick)})
    # Bridges: weak cross pairs and the unit that works best with both ends.
    bridges = []
    for t in weak_ct:
        best_b = None
        for m in range(len(U)):
            if m in (t["s"], t["t"]):
                continue
            a = next((x for x in T if x["s"] == t["s"] and x["t"] == m), None)
            c = next((x for x in T if x["s"] == m and x["t"] == t["t"]), None)
            if a and c and a["rc"] >= weak and c["rc"] >= weak:
                score = min(a["rc"], c["rc"])
                if best_b is None or score > best_b[0]:
                    best_b = (score, m, a, c)
        if best_b:
            bridges.append({"s": t["s"], "t": t["t"], "bridge": best_b[1], "rc": t["rc"], "rc_in": best_b[2]["rc"], "rc_out": best_b[3]["rc"]})
        if len(bridges) == 5:
            break
    for r, x in enumerate(bridges):
        x["rank"] = r + 1
    # Dialogue: the gap dimension, then the weakest pair's lowest dimension.
    dialogue = []
    if dialogue_rows:
        if gap_dim is not None and DIMS[gap_dim] in dialogue_rows:
            dialogue.append({"dimension": DIMS[gap_dim], "questions": [r[lang] for r in dialogue_rows[DIMS[gap_dim]]]})
        if weak_ct:
            t = weak_ct[0]
            dims = [(v, k) for k, v in enumerate(t["dims"]) if v is not None]
            if dims:
                k = min(dims)[1]
                if DIMS[k] in dialogue_rows and not any(d["dimension"] == DIMS[k] for d in dialogue):
                    dialogue.append({"dimension": DIMS[k], "units": [U[t["s"]]["id"], U[t["t"]]["id"]],
                                     "questions": [r[lang] for r in dialogue_rows[DIMS[k]]]})
    return {"findings": findings, "profile": {"groups": groups}, "bridges": bridges, "dialogue": dialogue}


def common(lang, summary, order, gap_sides, kind):
    th = summary.get("thresholds", {})
    opts = summary.get("options", {})
    return {
        "schema": 1, "kind": kind, "lang": lang, "generator": "rcmap " + summary.get("rcmap_version", ""),
        "title": opts.get("title") or TITLE[lang],
        "footer": fill(FOOTER[lang], summary.get("rcmap_version", "")),
        "number_format": NUMBER_FORMAT[lang], "words": load_words(lang),
        "thresholds": {"weak_below": th.get("weak_below", float(opts.get("weak-below", 3.5))),
                       "strong_from": th.get("strong_from", float(opts.get("strong-from", 4.0))),
                       "min_n": th.get("min_n", int(opts.get("min-n", 5))),
                       "asymmetry": float(opts.get("asymmetry", 0.5))},
        "gap_sides": gap_sides[:2], "sides": sides_block(order, lang),
        "dimensions": [{"key": k, "label": DIM_LABELS[lang][i], "group": "communication" if i < 4 else "relationship"}
                       for i, k in enumerate(DIMS)],
        "palette": PALETTE,
    }


def build_analyze(d, lang, dialogue):
    block, summary, order, gap_sides = analyze_block(d, lang, dialogue)
    data = common(lang, summary, order, gap_sides, "analyze")
    data["subtitle"] = fill(RESPONDENTS[lang], fmt(summary["counts"]["respondents"], 0, lang))
    data.update(block)
    return data


def build_compare(d, wave_dirs, lang, dialogue):
    summary = json.load(open(os.path.join(d, "summary.json"), encoding="utf-8"))
    waves = []
    first = None
    for wid, wd in wave_dirs:
        block, wsum, order, gap_sides = analyze_block(wd, lang, dialogue)
        waves.append({"id": wid, "label": wid, "block": block})
        first = first or (wsum, order, gap_sides)
    data = common(lang, first[0], first[1], first[2], "compare")
    data["thresholds"]["min_n"] = summary["options"].get("min-n", data["thresholds"]["min_n"])
    data["subtitle"] = fill(WAVES_SUB[lang], len(waves), ", ".join(w["id"] for w in waves))
    data["waves"] = waves
    U = waves[0]["block"]["units"]
    idx = {u["id"]: i for i, u in enumerate(U)}
    ties = []
    for c in read_csv(os.path.join(d, "changes.csv")):
        if c["delta"] == "" or c["source"] == c["target"]:
            continue  # not compared (a wave below min_n) or within a unit
        ties.append({"s": idx[c["source"]], "t": idx[c["target"]], "rc_before": num(c["rc_before"]), "rc_after": num(c["rc_after"]),
                     "delta": num(c["delta"]), "ci_low": num(c["ci_low"]), "ci_high": num(c["ci_high"]), "q": num(c["q"]),
                     "n_before": int(num(c["n_before"])), "n_after": int(num(c["n_after"])),
                     "direction": {"improved": "improved", "worse": "worse"}.get(c["direction"], "none"),
                     "credible": c["direction"] in ("improved", "worse")})
    data["changes"] = {"ties": ties}
    F = FIND[lang]
    A, B = first[2][:2]
    sl = lambda s: SIDE_LABELS.get(s, {}).get(lang, s)
    imp = sorted([t for t in ties if t["direction"] == "improved"], key=lambda t: -t["delta"])
    wor = sorted([t for t in ties if t["direction"] == "worse"], key=lambda t: t["delta"])
    fi = [{"kind": "overall", "text": fill(F["changes"], len(ties), len(imp), len(wor), len(ties) - len(imp) - len(wor), waves[-1]["id"], waves[0]["id"]),
           "units": [], "ties": []}]
    gp = lambda t: {U[t["s"]]["side"], U[t["t"]]["side"]} == {A, B} and U[t["s"]]["side"] != U[t["t"]]["side"]
    item = lambda t: fill(F["change_tie"], U[t["s"]]["label"], U[t["t"]]["label"], signed(t["delta"], 2, lang),
                          signed(t["ci_low"], 2, lang), signed(t["ci_high"], 2, lang))
    for key, lst in (("improved", imp), ("declined", wor)):
        sel = [t for t in lst if gp(t)][:5]
        if sel:
            fi.append({"kind": "improved" if key == "improved" else "worse", "text": fill(F[key], sl(A), sl(B)),
                       "items": [item(t) for t in sel], "units": [], "ties": [[U[t["s"]]["id"], U[t["t"]]["id"]] for t in sel]})
    data["findings"] = fi
    return data


def build_sites(d, lang, dialogue):
    summary = json.load(open(os.path.join(d, "summary.json"), encoding="utf-8"))
    rows = read_csv(os.path.join(d, "sites.csv"))
    sites = []
    first = None
    for r in rows:
        block, ssum, order, gap_sides = analyze_block(os.path.join(d, r["site"]), lang, dialogue)
        sites.append({"id": r["site"], "label": r["site"], "block": block})
        first = first or (ssum, order, gap_sides)
    data = common(lang, first[0], first[1], first[2], "sites")
    data["subtitle"] = fill(SITES_SUB[lang], len(sites))
    data["sites"] = sites
    A, B = first[2][:2]
    sl = lambda s: SIDE_LABELS.get(s, {}).get(lang, s)
    within_word = {"en": "within sides", "da": "inden for områderne", "nb": "innenfor områdene"}[lang]
    overall_word = {"en": "overall", "da": "samlet", "nb": "samlet"}[lang]
    series = [{"key": "overall", "label": overall_word, "colour": "#1a1a1a"},
              {"key": "a_b", "label": "%s → %s" % (sl(A), sl(B)), "colour": OKABE_ITO[0]},
              {"key": "b_a", "label": "%s → %s" % (sl(B), sl(A)), "colour": OKABE_ITO[1]},
              {"key": "within", "label": within_word, "colour": OKABE_ITO[4]}]
    cols = {"overall": "overall", "a_b": "authority_provider", "b_a": "provider_authority", "within": "within_side"}
    data["benchmark"] = {"series": series, "rows": [
        {"site": r["site"], "respondents": int(num(r["respondents"]) or 0), "response_rate": num(r["response_rate"]),
         "values": {k: {"rc": num(r[c + "_rc"]), "pct": num(r[c + "_pct"])} for k, c in cols.items()}} for r in rows]}
    data["highlight"] = rows[0]["site"]
    return data


def build_network(d, ties_input, units_path, key_file, lang):
    summary = json.load(open(os.path.join(d, "summary.json"), encoding="utf-8"))
    people = read_csv(os.path.join(d, "people-metrics.csv"))
    brokers = read_csv(os.path.join(d, "brokers.csv"))
    units_csv = read_csv(units_path)
    opts = summary.get("options", {})
    # network records --gap-sides (older runs: authority-side, provider-side)
    gap_sides = (opts["gap-sides"].split(",", 1) if "gap-sides" in opts
                 else [opts.get("authority-side", "authority"), opts.get("provider-side", "provider")])
    order = side_order(units_csv, gap_sides)
    data = common(lang, summary, order, gap_sides, "network")
    for k in ("gaps",):
        data.pop(k, None)
    key = open(key_file, "rb").read().rstrip(b"\n") if key_file else None
    pseud = (lambda i: "p-" + hmac.new(key, i.encode(), hashlib.sha256).hexdigest()[:12]) if key else (lambda i: i)
    uidx = {u["unit"]: i for i, u in enumerate(units_csv)}
    pidx = {p["person"]: i for i, p in enumerate(people)}
    count = [0] * len(units_csv)
    for p in people:
        count[uidx[p["unit"]]] += 1
    # Unit discs on a circle in side order, area ~ people; people on a sunflower
    # spiral in their disc, most connected in the middle (as person_map.cpp).
    order_units = sorted(range(len(units_csv)), key=lambda i: (order.index(units_csv[i]["side"]), i))
    radius = [6.0 * math.sqrt(max(c, 1)) for c in count]
    circ = sum(2 * radius[i] + 18 for i in order_units)
    R = max(circ / (2 * math.pi), 120)
    ang, units = 0.0, [None] * len(units_csv)
    for i in order_units:
        ang += (radius[i] + 9) / R
        x, y = R * math.cos(ang - math.pi / 2), R * math.sin(ang - math.pi / 2)
        ang += (radius[i] + 9) / R
        u = units_csv[i]
        units[i] = {"id": u["unit"], "label": u["label"], "side": u["side"], "x": round(x, 2), "y": round(y, 2),
                    "r": round(radius[i], 2), "people": count[i]}
    xs, ys = [0.0] * len(people), [0.0] * len(people)
    deg = [int(num(p["degree_in"])) + int(num(p["degree_out"])) for p in people]
    golden = math.pi * (3 - math.sqrt(5))
    for ui in range(len(units_csv)):
        members = sorted([i for i, p in enumerate(people) if uidx[p["unit"]] == ui], key=lambda i: (-deg[i], i))
        n = len(members)
        for k, i in enumerate(members):
            rr = units[ui]["r"] * 0.92 * math.sqrt((k + 0.5) / max(n, 1))
            xs[i] = round(units[ui]["x"] + rr * math.cos(k * golden), 2)
            ys[i] = round(units[ui]["y"] + rr * math.sin(k * golden), 2)
    edges = []
    for t in read_csv(ties_input):
        a, b = pidx.get(pseud(t["source"])), pidx.get(pseud(t["target"]))
        if a is None or b is None or a == b:
            continue  # a person of a unit below min_n, or a self-loop: not shown
        edges += [a, b]
    data["subtitle"] = fill(PEOPLE[lang], fmt(len(people), 0, lang), fmt(len(edges) // 2, 0, lang))
    data["people"] = {"id": [p["person"] for p in people], "unit": [uidx[p["unit"]] for p in people], "x": xs, "y": ys,
                      "degree_in": [int(num(p["degree_in"])) for p in people], "degree_out": [int(num(p["degree_out"])) for p in people],
                      "betweenness": [round(num(p["betweenness"]), 2) for p in people]}
    data["edges"] = edges
    data["units"] = units
    data["brokers"] = [{"person": pidx[b["person"]], "rank": int(b["rank"]), "cross_side_pairs": int(b["cross_side_pairs"]),
                        "gatekeeper": int(b["gatekeeper"]), "representative": int(b["representative"]), "liaison": int(b["liaison"])}
                       for b in brokers if b["person"] in pidx]
    data["counts"] = summary.get("counts", {})
    data["pseudonymised"] = bool(summary.get("pseudonymised"))
    return data


# ---------------------------------------------------------------- assembly
def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def assemble(data, asset_dir=ASSETS):
    """report.html from render/html/shell.html, viewer.css, viewer.js and the
    data (docs/html-report.md, 'Assembly'): each placeholder replaced once, in
    one pass, the inserted text not scanned again."""
    shell = open(os.path.join(asset_dir, "shell.html"), encoding="utf-8").read()
    css = open(os.path.join(asset_dir, "viewer.css"), encoding="utf-8").read()
    js = open(os.path.join(asset_dir, "viewer.js"), encoding="utf-8").read()
    if re.search(r"</style", css, re.I) or re.search(r"</script|<!--", js, re.I):
        raise SystemExit("make_fixture: an asset contains </style, </script or <!-- and cannot be inlined")
    def mark(o):  # N6 -> a marker string, unquoted after dumping
        if isinstance(o, N6):
            return "\u0000N6:%.6f" % o
        if isinstance(o, dict):
            return {k: mark(v) for k, v in o.items()}
        if isinstance(o, (list, tuple)):
            return [mark(v) for v in o]
        return o
    blob = json.dumps(mark(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    blob = re.sub(r'"\\u0000N6:(-?[0-9.]+)"', r"\1", blob)
    blob = blob.replace("<", "\\u003c")  # no </script> or <!-- inside the data block
    subst = {
        "@RCMAP_LANG@": html_escape(data.get("lang", "en")),
        "@RCMAP_TITLE@": html_escape(data.get("title", "")),
        "@RCMAP_GENERATOR@": html_escape(data.get("generator", "rcmap")),
        "@RCMAP_NOSCRIPT@": html_escape(data["words"].get("noscript", "")),
        "/*@RCMAP_CSS@*/": css,
        "/*@RCMAP_JS@*/": js,
        "@RCMAP_DATA@": blob,
    }
    for k in subst:
        if shell.count(k) != 1:
            raise SystemExit("make_fixture: shell.html must hold %s exactly once" % k)
    pattern = re.compile("|".join(re.escape(k) for k in subst))
    return pattern.sub(lambda m: subst[m.group(0)], shell)


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


# ---------------------------------------------------------------- expectations
def expect_analyze(data, lang, kind="analyze"):
    """What the browser test checks, counted from the data's source CSVs
    (via the block) and the words the report must show."""
    b = data if kind == "analyze" else (data["waves"][0]["block"] if kind == "compare" else data["sites"][0]["block"])
    U, T = b["units"], b["ties"]
    gap = data["gap_sides"]
    cross = [t for t in T if {U[t["s"]]["side"], U[t["t"]]["side"]} == set(gap) and U[t["s"]]["side"] != U[t["t"]]["side"]]
    probe = min(cross or T, key=lambda t: (t["rc"], t["s"], t["t"]))
    unit = max(range(len(U)), key=lambda i: (U[i]["respondents"], -i))
    side = data["sides"][2]["id"] if len(data["sides"]) > 2 else data["sides"][-1]["id"]
    W = data["words"]
    exp = {
        "kind": kind, "lang": lang, "units": len(U), "shown_ties": len(T), "hidden_pairs": len(b["hidden"]),
        "tie_probe": {"source": U[probe["s"]]["id"], "target": U[probe["t"]]["id"], "rc_text": fmt(probe["rc"], 2, lang),
                      "n_text": fmt(probe["n"], 0, lang)},
        "unit_probe": {"id": U[unit]["id"], "ties": sum(1 for t in T if unit in (t["s"], t["t"]))},
        "side_probe": {"side": side, "units_left": sum(1 for u in U if u["side"] != side),
                       "ties_left": sum(1 for t in T if side not in (U[t["s"]]["side"], U[t["t"]]["side"]))},
        "words": [W["tab_findings"], W["tab_map"], W["tab_matrix"], W["findings_title"] if kind != "compare" else W["tab_change"],
                  data["dimensions"][6]["label"], data["sides"][0]["label"]],
        "max_ready_ms": 1000,
    }
    if lang != "en":
        en = load_words("en")
        exp["absent_words"] = [en[k] for k in ("tab_findings", "findings_title", "respondents", "show_on_map") if en[k] != W[k]]
    if kind == "compare":
        exp["waves"] = [len(w["block"]["ties"]) for w in data["waves"]]
        exp["changes"] = len(data["changes"]["ties"])
        exp["credible"] = sum(1 for t in data["changes"]["ties"] if t["credible"])
    if kind == "sites":
        exp["sites"] = [len(s["block"]["ties"]) for s in data["sites"]]
    return exp


SVG_STROKE = re.compile(r'<path style="fill:none;([^"]*)" d="M ([-0-9.]+) ([-0-9.]+)')


def svg_rgb(style, hexcolour):
    """Whether Cairo's SVG stroke colour "rgb(R%,G%,B%)" in `style` is hexcolour (to 0.1 %)."""
    m = re.search(r"stroke:rgb\(([0-9.]+)%,([0-9.]+)%,([0-9.]+)%\)", style)
    if not m:
        return False
    want = [int(hexcolour[i:i + 2], 16) / 2.55 for i in (1, 3, 5)]
    return all(abs(float(m.group(k + 1)) - want[k]) <= 0.1 for k in range(3))


def expect_emphasis(d, lang, report_data):
    """What the viewer's map and Findings card must show, from the run's own
    files: the weak ties map.svg (map.png's drawing) grades as clearly weak
    (emphasised, solid #b35806) and borderline (dashed #f1a340); the units it
    rings (black 1.5 pt strokes starting 5 pt right of a node's rim, matched to
    the units by the report's node positions, which are map.png's); the units
    summary.json's bridges finding names (the decision page's); the ties card
    from summary.json (network.ties between units; counts.ties and
    counts.ties_suppressed with the within-unit ties) and ties.csv. Without
    map.svg (a --no-render run): the weak classes from ties.csv's intervals
    and the rings from summary.json."""
    W = load_words(lang)
    summary = json.load(open(os.path.join(d, "summary.json"), encoding="utf-8"))
    ties_csv = read_csv(os.path.join(d, "ties.csv"))
    min_n = summary["thresholds"]["min_n"]
    between_hidden = sum(1 for t in ties_csv if t["source"] != t["target"] and t["strength"] == "suppressed")
    shown_all = summary["counts"]["ties"] - summary["counts"]["ties_suppressed"]
    exp = {"ties_card": {
        "value": fmt(summary["network"]["ties"], 0, lang),
        "label": W["ties_between_shown"],
        "extra": [fill(W["ties_hidden_count"], fmt(between_hidden, 0, lang), str(min_n)),
                  fill(W["ties_with_within"], fmt(shown_all, 0, lang), fmt(summary["counts"]["ties_suppressed"], 0, lang))]}}
    named = bridge_ring(summary)["units"]
    exp["bridges_named"] = [u["unit"] for u in named]
    svg_path = os.path.join(d, "map.svg")
    svg = open(svg_path, encoding="utf-8").read() if os.path.exists(svg_path) else None
    clear = borderline = 0
    rings = []
    if svg is None:  # a run without figures (--no-render): ties.csv's intervals, summary.json's bridges
        weak = summary["thresholds"]["weak_below"]
        for t in ties_csv:
            rc, lo, hi = num(t["rc"]), num(t["rc_ci_low"]), num(t["rc_ci_high"])
            if t["source"] == t["target"] or t["strength"] == "suppressed" or lo is None or hi is None or not rc < weak:
                continue
            if hi < weak or lo >= weak:
                clear += 1
            else:
                borderline += 1
        rings = list(exp["bridges_named"])
    for m in SVG_STROKE.finditer(svg or ""):
        style, x, y = m.group(1), float(m.group(2)), float(m.group(3))
        op = re.search(r"stroke-opacity:([0-9.]+)", style)
        opacity = float(op.group(1)) if op else 1.0
        dashed = "stroke-dasharray" in style
        width = re.search(r"stroke-width:([0-9.]+)", style)
        if abs(opacity - 0.9) < 1e-9:
            clear += svg_rgb(style, "#b35806") and not dashed
            borderline += svg_rgb(style, "#f1a340") and dashed
        if svg_rgb(style, "#000000") and width and abs(float(width.group(1)) - 1.5) < 1e-9:
            for u in report_data["units"]:
                if abs(x - (u["x"] + u["r"] + 5)) < 0.02 and abs(y - u["y"]) < 0.02:
                    rings.append(u["id"])
    exp["weak_ties"] = {"clear": clear, "borderline": borderline}
    exp["ringed"] = rings
    labels = {u["id"]: u["label"] for u in report_data["units"]}
    exp["legend_keys"] = [fill(W["map_clearly_weak"], fmt(summary["thresholds"]["weak_below"], 1, lang)) if clear else None,
                          fill(W["map_borderline_weak"], fmt(summary["thresholds"]["weak_below"], 1, lang)) if borderline else None] + \
        ["%s (%s)" % (labels[p["unit"]], fmt(p["pairs"], 0, lang)) for p in named if p["unit"] in rings]
    exp["legend_keys"] = [k for k in exp["legend_keys"] if k]
    gap_pairs = bridge_ring(summary)["gap_pairs"]
    exp["ring_aria"] = {p["unit"]: fill(W["bridge_ring_unit"], fmt(p["pairs"], 0, lang), fmt(gap_pairs, 0, lang))
                        for p in named if p["unit"] in rings}
    return exp


def report_data(html):
    """The data object of a report.html."""
    tag = '<script type="application/json" id="rcmap-data">'
    start = html.index(tag) + len(tag)
    return json.loads(html[start:html.index("</script>", start)])


def expect_network(data, lang):
    P = data["people"]
    probe = data["brokers"][0]["person"] if data["brokers"] else 0
    return {"kind": "network", "lang": lang, "people": len(P["id"]), "edges": len(data["edges"]) // 2,
            "person_probe": P["id"][probe], "person_index": probe,
            "words": [data["words"]["tab_network"], data["words"]["search"]],
            "max_ready_ms": 1000, "max_first_draw_ms": 1000, "max_redraw_ms": 250}


# ---------------------------------------------------------------- main
def run(cmd, **kw):
    print("+ " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def all_fixtures(rcmap, work, dialogue_path, key="fixture-key-not-secret", real=False):
    """Runs rcmap on the shipped sample and on generated wave, site and person
    samples, and writes every fixture (report HTML + expectations JSON).
    real: rcmap draws (no --no-render) and its own DIR/report.html is the
    fixture; the data built here only gives the expectations."""
    os.makedirs(work, exist_ok=True)
    S = os.path.join(ROOT, "samples")
    dialogue = read_dialogue(dialogue_path)
    out = []
    # The runs whose report.html is the fixture draw (svg only: the quickest format).
    render = ["--formats", "svg"] if real else ["--no-render"]
    done = "report.html" if real else "summary.json"

    def analyze(dst, extra):
        if not os.path.exists(os.path.join(dst, done)):
            run([rcmap, "analyze", "--units", os.path.join(S, "units.csv"), "--responses", os.path.join(S, "responses.csv"),
                 "--out", dst, "-q"] + render + extra)

    for lang in ("en", "da", "nb"):
        dst = os.path.join(work, "analyze-" + lang)
        analyze(dst, ["--lang", lang])
        data = build_analyze(dst, lang, dialogue)
        out.append(("analyze-" + lang, data, expect_analyze(data, lang), dst))
    # Waves: three waves of the sample, each analysed on its own, and compare.
    wdir = os.path.join(work, "waves-input")
    if not os.path.exists(os.path.join(wdir, "responses.csv")):
        run([rcmap, "sample", "--out", wdir, "--waves", "3"])
    rows = read_csv(os.path.join(wdir, "responses.csv"))
    wave_ids = []
    for r in rows:
        if r["wave"] not in wave_ids:
            wave_ids.append(r["wave"])
    wave_dirs = []
    for wid in wave_ids:
        wd = os.path.join(work, "wave-" + wid)
        wf = os.path.join(wdir, "responses-" + wid + ".csv")
        if not os.path.exists(wf):
            with open(wf, "w", newline="", encoding="utf-8") as f:
                cols = [c for c in rows[0].keys() if c != "wave"]
                wr = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
                wr.writeheader()
                wr.writerows(r for r in rows if r["wave"] == wid)
        if not os.path.exists(os.path.join(wd, "summary.json")):
            run([rcmap, "analyze", "--units", os.path.join(wdir, "units.csv"), "--responses", wf, "--out", wd, "--no-render", "-q"])
        wave_dirs.append((wid, wd))
    cdir = os.path.join(work, "compare")
    if not os.path.exists(os.path.join(cdir, done)):
        run([rcmap, "compare", "--units", os.path.join(wdir, "units.csv"), "--responses", os.path.join(wdir, "responses.csv"),
             "--out", cdir, "-q"] + render)
    data = build_compare(cdir, wave_dirs, "en", dialogue)
    out.append(("compare-en", data, expect_analyze(data, "en", "compare"), cdir))
    # Sites.
    sdir = os.path.join(work, "sites-input")
    if not os.path.exists(os.path.join(sdir, "responses.csv")):
        run([rcmap, "sample", "--out", sdir, "--sites", "3"])
    bdir = os.path.join(work, "sites")
    if not os.path.exists(os.path.join(bdir, done)):
        run([rcmap, "analyze", "--units", os.path.join(sdir, "units.csv"), "--responses", os.path.join(sdir, "responses.csv"),
             "--by-site", "--out", bdir, "-q"] + render)
    data = build_sites(bdir, "en", dialogue)
    out.append(("sites-en", data, expect_analyze(data, "en", "sites"), bdir))
    # Person network at the Copenhagen size: 1,400 people, about 20,000 ties, pseudonymised.
    pdir = os.path.join(work, "people-input")
    if not os.path.exists(os.path.join(pdir, "person-ties.csv")):
        run([rcmap, "sample", "--people", "--units-file", os.path.join(S, "units.csv"), "--people-count", "1400",
             "--ties-per-person", "14.3", "--out", pdir])
    keyf = os.path.join(work, "pseudonym.key")
    with open(keyf, "w") as f:
        f.write(key)
    ndir = os.path.join(work, "network")
    if not os.path.exists(os.path.join(ndir, done)):
        run([rcmap, "network", "--people", os.path.join(pdir, "people.csv"), "--ties", os.path.join(pdir, "person-ties.csv"),
             "--units", os.path.join(S, "units.csv"), "--out", ndir, "--pseudonymise", "--key-file", keyf, "-q"] + render)
    data = build_network(ndir, os.path.join(pdir, "person-ties.csv"), os.path.join(S, "units.csv"), keyf, "en")
    out.append(("network-en", data, expect_network(data, "en"), ndir))
    for name, data, exp, src in out:
        if real:
            with open(os.path.join(src, "report.html"), encoding="utf-8") as f:
                html = f.read()
        else:
            html = assemble(data)
        if name.startswith("analyze-"):
            exp.update(expect_emphasis(src, exp["lang"], report_data(html)))
        write(os.path.join(work, name + ".html"), html)
        write(os.path.join(work, name + ".expect.json"), json.dumps(exp, ensure_ascii=False, indent=1) + "\n")
        print("%s.html: %d bytes" % (name, len(html.encode("utf-8"))), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["analyze", "compare", "sites", "network", "all"])
    ap.add_argument("dir", nargs="?", help="rcmap output folder")
    ap.add_argument("--out", help="report.html to write")
    ap.add_argument("--expect", help="expectations JSON to write (analyze, compare, sites, network)")
    ap.add_argument("--lang", default=None, choices=["en", "da", "nb"], help="default: the run's --lang")
    ap.add_argument("--waves", help="compare: id=DIR,... of each wave's analyze folder, in order")
    ap.add_argument("--ties-input", help="network: the person ties file the run read")
    ap.add_argument("--units", help="network: the units file the run read")
    ap.add_argument("--key-file", help="network: the pseudonym key of the run (ids are pseudonymised as rcmap does)")
    ap.add_argument("--dialogue", default=os.path.join(ROOT, "docs", "dialogue-questions.tsv"),
                    help="dialogue questions TSV (docs/dialogue-questions.tsv); skipped if missing")
    ap.add_argument("--rcmap", default=os.path.join(ROOT, "build", "rcmap"), help="all: the rcmap binary")
    ap.add_argument("--work", help="all: folder for the runs and fixtures")
    ap.add_argument("--real", action="store_true", help="all: use the report.html rcmap writes (runs draw)")
    a = ap.parse_args()
    dialogue = read_dialogue(a.dialogue)
    if a.kind == "all":
        if not a.work:
            ap.error("all needs --work DIR")
        all_fixtures(os.path.abspath(a.rcmap), os.path.abspath(a.work), a.dialogue, real=a.real)
        return
    if not a.dir or not (a.out or a.expect):
        ap.error("%s needs DIR and --out and/or --expect" % a.kind)
    lang = a.lang or json.load(open(os.path.join(a.dir, "summary.json")))["options"].get("lang", "en")
    if a.kind == "analyze":
        data = build_analyze(a.dir, lang, dialogue)
        exp = expect_analyze(data, lang)
    elif a.kind == "compare":
        if not a.waves:
            ap.error("compare needs --waves id=DIR,...")
        data = build_compare(a.dir, [tuple(x.split("=", 1)) for x in a.waves.split(",")], lang, dialogue)
        exp = expect_analyze(data, lang, "compare")
    elif a.kind == "sites":
        data = build_sites(a.dir, lang, dialogue)
        exp = expect_analyze(data, lang, "sites")
    else:
        if not a.ties_input or not a.units:
            ap.error("network needs --ties-input and --units")
        data = build_network(a.dir, a.ties_input, a.units, a.key_file, lang)
        exp = expect_network(data, lang)
    if a.out:
        write(a.out, assemble(data))
    if a.expect:  # also for a report.html the C++ writer made: the expectations come from the CSVs
        write(a.expect, json.dumps(exp, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
