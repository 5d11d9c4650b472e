#!/usr/bin/env python3
"""Hardening test: extreme inputs end in a clear error or a correct result,
never a crash, a hang, or unbounded memory (docs/hardening.md "What CI checks").
Inputs are generated here in WORK_DIR, not committed.
usage: limits.py RCMAP WORK_DIR"""
import csv
import os
import sys

from hlib import RESP_HEADER, check, finish, fresh_dir, read, run

rcmap, work = sys.argv[1], fresh_dir(sys.argv[2])
csv.field_size_limit(sys.maxsize)
MB = 1024 * 1024


def path(name):
    return os.path.join(work, name)


def write(name, text, mode="w"):
    with open(path(name), mode) as f:
        f.write(text)
    return path(name)


def write_big(name, head, size, filler, tail):
    """Writes head + size bytes of `filler` + tail in 1 MiB chunks, so this
    script stays small: a child's ru_maxrss includes the RSS it was forked
    with, so the measured peaks are rcmap's only while Python stays lean."""
    with open(path(name), "w") as f:
        f.write(head)
        chunk = filler * (MB // len(filler))
        for _ in range(size // len(chunk)):
            f.write(chunk)
        f.write(tail)
    return path(name)


def lean(what):
    """Peak of a trivial child: the floor under every measurement below."""
    r = run(["true"], work)
    check(r.peak_mb < 40, f"{what}: a trivial child peaks at {r.peak_mb:.0f} MB (< 40 MB)")


def analyze(units, responses, out="out", extra=()):
    return run([rcmap, "analyze", "--units", units, "--responses", responses,
                "--out", path(out), *extra], work)


def sane(r, what, max_mb, max_stderr=20000):
    """No crash, no hang, bounded memory and a short, readable stderr."""
    check(r.code is not None, f"{what}: finishes (took {r.seconds:.1f} s)")
    check(r.signal is None, f"{what}: no crash (signal {r.signal})")
    check(r.code in (0, 2), f"{what}: exit 0 or 2, got {r.code}")
    check(r.peak_mb < max_mb, f"{what}: peak memory {r.peak_mb:.0f} MB < {max_mb} MB")
    check(len(r.stderr) < max_stderr, f"{what}: stderr {len(r.stderr)} bytes < {max_stderr}")


# A small valid survey: A rated by 6 respondents of B, so A<-B is shown.
units = write("units.csv", "unit,label,side,headcount\nA,Alpha,authority,10\nB,Beta,provider,10\n")
rows = [f"b{i},B,A,{1 + i % 5},4,4,4,3,3,3" for i in range(6)]
resp = write("resp.csv", RESP_HEADER + "\n" + "\n".join(rows) + "\n")
r = analyze(units, resp, "ref")
check(r.code == 0, "reference survey analyses")
ref_ties = read(path("ref/ties.csv"))

# --- 100 MB field -----------------------------------------------------------
# (a) in an ignored extra column: a correct result, equal to the reference.
lean("before the 100 MB cases")
write_big("big_extra.csv", RESP_HEADER + ",comment\n" + "\n".join(row + ",ok" for row in rows[:2]) +
          "\n" + rows[2] + ",", 100 * MB, "x", "\n" + "\n".join(row + ",ok" for row in rows[3:]) + "\n")
r = analyze(units, path("big_extra.csv"), "big_extra")
# The file (100 MB) is held once as bytes and once as the parsed field,
# with string growth slack: a few times the input, never more.
sane(r, "100 MB field in an extra column", 600)
check(r.code == 0 and read(path("big_extra/ties.csv")) == ref_ties,
      "100 MB field in an extra column: same ties.csv as without it")
# (b) as a score: a clear error that quotes a cut value, not 100 MB of it.
write_big("big_score.csv", RESP_HEADER + "\n" + rows[0] + "\nb9,B,A,", 100 * MB, "x", ",4,4,4,3,3,3\n")
r = analyze(units, path("big_score.csv"), "big_score")
sane(r, "100 MB score", 600)
check(r.code == 2 and "big_score.csv:3:4 (frequent): error: score 'xxxx" in r.stderr
      and "(104857600 bytes) is not an integer from 1 to 5" in r.stderr,
      "100 MB score: error names line 3, column 4 and the size")
check(not os.path.exists(path("big_score")), "100 MB score: nothing written")
# (c) as a quoted unit label (with a newline inside): correct, label kept whole.
write_big("big_label_units.csv", 'unit,label,side,headcount\nA,"', 20 * MB, "y",
          '\nend",authority,10\nB,Beta,provider,10\n')
r = analyze(path("big_label_units.csv"), resp, "big_label")
sane(r, "20 MB quoted label with a newline", 300)
if check(r.code == 0, "20 MB label: exit 0"):
    with open(path("big_label/units.csv"), newline="") as f:
        labels = [row["label"] for row in csv.DictReader(f)]
    check(labels == ["y" * (20 * MB) + "\nend", "Beta"], "20 MB label: written whole and quoted")
    del labels
# The same label in compare's figures and report (labels are cut there as in analyze's).
waves = write("waves.csv", "wave," + RESP_HEADER + "\n" + "".join(f"{w},{row}\n" for w in ("w1", "w2") for row in rows))
r = run([rcmap, "compare", "--units", path("big_label_units.csv"), "--responses", waves, "--bootstrap", "100",
         "--out", path("big_label_compare")], work)
sane(r, "20 MB label in compare", 300)
check(r.code == 0, "20 MB label in compare: exit 0")
for f in ("big_extra.csv", "big_score.csv", "big_label_units.csv", "waves.csv"):
    os.remove(path(f))
lean("after the 100 MB cases")

# --- a workbook that unpacks to a 2 GiB string ---------------------------------
# A few MB on disk; the reader stops at its 1 MiB cell limit (docs/readers.md
# "Options", Size limits) instead of growing a 2 GiB string.
import zipfile  # noqa: E402
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(path("bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
               '<sheet name="Svar" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
               f'2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" '
               'Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{NS}"><sheetData><row r="1">'
               '<c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')
    with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
        f.write(f'<sst xmlns="{NS}"><si><t>'.encode())
        chunk = b"a" * MB
        for _ in range(2048):
            f.write(chunk)
        f.write(b"</t></si></sst>")
check(os.path.getsize(path("bomb.xlsx")) < 16 * MB, "2 GiB string: the workbook is under 16 MB")
r = analyze(path("bomb.xlsx"), resp, "bomb")
sane(r, "workbook holding a 2 GiB string", 100)
check(r.code == 2 and "bomb.xlsx[Svar]: error: shared string 0 (xl/sharedStrings.xml, line 1) is longer than "
      "rcmap's limit of 1 MiB (1048576 bytes) for one cell" in r.stderr,
      "2 GiB string: exit 2, the error names the shared string and the limit")
check(r.seconds < 10, f"2 GiB string: stops early ({r.seconds:.1f} s < 10 s)")
os.remove(path("bomb.xlsx"))
lean("after the 2 GiB workbook")

# --- a million columns --------------------------------------------------------
extra = "".join(f",c{i}" for i in range(999_996))
write("wide_units.csv", "unit,label,side,headcount" + extra + "\n" +
      "A,Alpha,authority,10" + ",1" * 999_996 + "\nB,Beta,provider,10" + ",1" * 999_996 + "\n")
r = analyze(path("wide_units.csv"), resp, "wide_units")
sane(r, "1,000,000 columns in units.csv", 600)
check(r.code == 0 and read(path("wide_units/ties.csv")) == ref_ties,
      "1,000,000 columns in units.csv: same ties as the reference")
check("'c19' and 999976 more" in r.stderr, "1,000,000 columns: the note lists 20 names and a count")
write("wide_resp.csv", RESP_HEADER + extra[: len(extra)] + "\n" +
      "\n".join(row + ",1" * 999_996 for row in rows) + "\n")
r = analyze(units, path("wide_resp.csv"), "wide_resp")
sane(r, "1,000,000 columns in responses.csv", 600)
check(r.code == 0 and read(path("wide_resp/ties.csv")) == ref_ties,
      "1,000,000 columns in responses.csv: same ties as the reference")
# A million-field row under a 10-column header: ragged, one clear error.
write("wide_row.csv", RESP_HEADER + "\n" + rows[0] + ",1" * 999_990 + "\n")
r = analyze(units, path("wide_row.csv"), "wide_row")
sane(r, "1,000,000-field row", 600)
check(r.code == 2 and "wide_row.csv:2: error: ragged row: found 1000000 fields, expected 10" in r.stderr,
      "1,000,000-field row: ragged-row error on line 2")

del extra
for f in ("wide_units.csv", "wide_resp.csv", "wide_row.csv"):
    os.remove(path(f))
lean("after the 1,000,000-column cases")

# --- NUL bytes -------------------------------------------------------------------
write("nul.csv", (RESP_HEADER + "\n" + rows[0] + "\nb7,B,A,4,\0,4,4,3,3,3\n").encode(), "wb")
r = analyze(units, path("nul.csv"), "nul")
sane(r, "NUL byte", 100)
check(r.code == 2 and "nul.csv:3: error: NUL byte in the record" in r.stderr, "NUL byte: error on line 3")
write("utf16.csv", (RESP_HEADER + "\n" + rows[0] + "\n").encode("utf-16"), "wb")
r = analyze(units, path("utf16.csv"), "utf16")
sane(r, "UTF-16 file", 100)
check(r.code == 2 and "NUL byte" in r.stderr, "UTF-16 file: rejected with a NUL-byte error")

# --- invalid UTF-8 in the middle of a label ----------------------------------
write("bad_utf8_units.csv", b"unit,label,side,headcount\nA,Sk\xc3\xb8le \xff Nord,authority,10\n"
      b"B,Beta,provider,10\n", "wb")
r = analyze(path("bad_utf8_units.csv"), resp, "bad_utf8")
sane(r, "invalid UTF-8 mid-label", 100)
check(r.code == 2 and "bad_utf8_units.csv:2: error: invalid UTF-8 (byte 0xFF) in a file that is otherwise UTF-8"
      in r.stderr, "invalid UTF-8 mid-label: error on line 2 names the byte")
check(not os.path.exists(path("bad_utf8")), "invalid UTF-8 mid-label: nothing written")

# --- file truncated mid-row ------------------------------------------------------
full = RESP_HEADER + "\n" + "\n".join(rows) + "\n"
write("truncated.csv", full[: full.rindex(",4,4,")])
r = analyze(units, path("truncated.csv"), "truncated")
sane(r, "file truncated mid-row", 100)
check(r.code == 2 and "truncated.csv:7: error: ragged row: found 5 fields, expected 10" in r.stderr,
      "file truncated mid-row: ragged-row error on the last line")
write("truncated_quote.csv", RESP_HEADER + "\n" + "\n".join(rows[:5]) + '\n"b5,B,A,1,4')
r = analyze(units, path("truncated_quote.csv"), "truncated_quote")
sane(r, "file truncated inside a quoted field", 100)
check(r.code == 2 and "truncated_quote.csv:7:1: error: unterminated quote" in r.stderr,
      "file truncated inside quotes: unterminated-quote error")

# --- empty unit id -----------------------------------------------------------------
write("empty_id_units.csv", "unit,label,side,headcount\nA,Alpha,authority,10\n ,Blank,provider,3\n")
r = analyze(path("empty_id_units.csv"), resp, "empty_id")
sane(r, "empty unit id in units.csv", 100)
check(r.code == 2 and "empty_id_units.csv:3:1 (unit): error: empty unit id" in r.stderr,
      "empty unit id in units.csv: error at line 3 column 1")
write("empty_unit_resp.csv", RESP_HEADER + "\n" + rows[0] + "\nb8,,A,4,4,4,4,3,3,3\n")
r = analyze(units, path("empty_unit_resp.csv"), "empty_unit")
sane(r, "empty unit id in responses.csv", 100)
check(r.code == 2 and "empty_unit_resp.csv:3:2 (unit): error: empty unit id" in r.stderr,
      "empty unit id in responses.csv: error at line 3 column 2")

# --- a 10,000-unit survey ------------------------------------------------------------
# 10,000 units on 4 sides; unit i has 5 respondents who rate i (within) and
# i+1, i+2 (mod 10,000): 150,000 rows, 30,000 ties, all with n = 5. Scores
# are chosen so every tie's RC is known: respondent k of unit i gives
# 1 + (i + k) % 5 on all 7 dimensions, so each tie's RC is the mean of five
# consecutive residues + 1 = 3.0, and its SD is sqrt(2.5).
N = 10_000
sides = ["authority", "provider", "general", "health"]
with open(path("u10k.csv"), "w") as f:
    f.write("unit,label,side,headcount\n")
    for i in range(N):
        f.write(f"U{i},Enhed {i},{sides[i % 4]},5\n")
with open(path("r10k.csv"), "w") as f:
    f.write(RESP_HEADER + "\n")
    for i in range(N):
        for k in range(5):
            s = 1 + (i + k) % 5
            for t in (i, (i + 1) % N, (i + 2) % N):
                f.write(f"r{i}_{k},U{i},U{t}" + f",{s}" * 7 + "\n")
r = analyze(path("u10k.csv"), path("r10k.csv"), "u10k")
# Memory must grow with rows and units, not units squared: 10^8 cells would
# be 381 MiB as 4-byte integers, 763 MiB as doubles. 150,000 rows and 30,000
# ties take about 120 MB, most of it the workbook's cells, which
# libxlsxwriter keeps in memory until it writes the file.
sane(r, "10,000-unit survey", 200)
check(r.seconds < 60, f"10,000-unit survey: {r.seconds:.1f} s < 60 s")
if check(r.code == 0, "10,000-unit survey: exit 0"):
    with open(path("u10k/ties.csv"), newline="") as f:
        ties = list(csv.DictReader(f))
    check(len(ties) == 30_000, f"10,000 units: 30,000 ties ({len(ties)})")
    check(all(t["n"] == "5" and t["rc"] == "3.000000" and t["rc_sd"] == "1.581139" for t in ties),
          "10,000 units: every tie n=5, rc=3.000000, sd=sqrt(2.5)=1.581139")
    with open(path("u10k/units.csv"), newline="") as f:
        us = list(csv.DictReader(f))
    check(len(us) == N and all(u["rc_given"] == "3.000000" and u["response_rate"] == "1.000000" for u in us),
          "10,000 units: units.csv has 10,000 rows, rc_given 3, response rate 1")
    with open(path("u10k/sides.csv"), newline="") as f:
        sd = list(csv.DictReader(f))
    # Unit i (side i%4) rates i+1 and i+2: side pairs (s, s+1) and (s, s+2).
    check(sorted((x["source_side"], x["target_side"], x["n"], x["ties"]) for x in sd) == sorted(
        (sides[s], sides[(s + d) % 4], str(2500 * 5), "2500") for s in range(4) for d in (1, 2)),
        "10,000 units: sides.csv has the 8 side pairs with 2,500 ties each")

finish()
