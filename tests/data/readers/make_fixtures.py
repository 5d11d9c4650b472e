#!/usr/bin/python3
"""Writes the reader fixtures in this folder from one seeded survey.

Run from anywhere: /usr/bin/python3 tests/data/readers/make_fixtures.py
Needs Debian packages python3-openpyxl and libreadstat-dev (ReadStat's writer,
called through ctypes). Output is deterministic (seeded RNG, fixed timestamps).

The survey: 4 units, 8 respondents, each rating all 4 units on the 7 RC
dimensions. Ground truth is the canonical pair units.csv + responses.csv; the
same answers are then exported the way survey tools do:
  wide.csv   pattern {dimension}_{unit} with Danish dimension names, own unit
             as a label in odd case/spacing, 'frequent' as answer text,
             problem_solving printed reversed (raw 1 = score 5), missing codes
             "", "Ved ikke", 6, 9, -1, "ved ikke " in rotation.
  wide.xlsx  sheet "Svar": pattern Q{item}.{unit}, own unit as label or id,
             numbers as numeric cells, missing as absent cells / "Ved ikke" /
             9; an empty spreadsheet row after respondent 4; a boolean and a
             decimal extra column. Header cells rewritten as inline strings
             (t="inlineStr"), the data text cells stay shared strings, one
             shared string rewritten as rich-text runs plus a phonetic run.
             Sheet "Enheder": the units table.
  wide.sav   SPSS: resp_id (string), enhed (numeric, value labels
             1="Myndighed Nord" ...), v01..v28 numeric (explicit column list in
             mapping_sav.ini); missing as system-missing, 9, -1, or 6, which
             is declared user-missing on every rating variable.
"""
import csv
import io
import os
import random
import re
import sys
import zipfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from export_writers import save_xlsx, write_sav  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DIMS = ["frequent", "timely", "accurate", "problem_solving",
        "shared_goals", "shared_knowledge", "mutual_respect"]
DANISH = ["hyppighed", "rettidighed", "præcision", "problemløsning",
          "fælles_mål", "fælles_viden", "gensidig_respekt"]
FREQ_TEXT = ["Aldrig", "Sjældent", "Af og til", "Ofte", "Hele tiden"]
UNITS = [("NORD", "Myndighed Nord", "authority", "10"),
         ("BOERN", "Børnehuset Åen", "provider", "12"),
         ("SKOLE", "Nordby Skole", "general", "20"),
         ("SUND", "Sundhedsplejen", "health", "")]
RESP = [("R01", "NORD"), ("R02", "NORD"), ("R03", "BOERN"), ("R04", "BOERN"),
        ("R05", "SKOLE"), ("R06", "SKOLE"), ("R07", "SUND"), ("R08", "SUND")]
# How the own unit is written in the wide CSV (labels, case/space-insensitive)
CSV_OWN = ["MYNDIGHED NORD", "  Myndighed   Nord ", "børnehuset åen",
           "Børnehuset Åen", "Nordby Skole", "nordby skole", "Sundhedsplejen",
           "SUNDHEDSPLEJEN"]
# ... and in the workbook (labels or ids)
XLSX_OWN = ["Myndighed Nord", "NORD", "BOERN", "Børnehuset Åen", "Nordby Skole",
            "SKOLE", "SUND", "Sundhedsplejen"]
CSV_MISSING = ["", "Ved ikke", "6", "9", "-1", "ved ikke "]

rng = random.Random(20261123)
# answers[r][t] = list of 7 scores, 0 = not answered
answers = []
for ri, (rid, own) in enumerate(RESP):
    row = []
    for ti, (tid, _, _, _) in enumerate(UNITS):
        s = [rng.randint(1, 5) if rng.random() > 0.15 else 0 for _ in DIMS]
        if rid == "R03" and tid == "SUND":
            s = [0] * 7          # rates nothing: no long row
        if rid == "R06" and tid == "NORD":
            s = [0, 0, 3, 0, 0, 0, 0]  # one answer only: long row kept
        row.append(s)
    answers.append(row)


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# ---- canonical ground truth ----------------------------------------------
write_csv("units.csv", ["unit", "label", "side", "headcount"], UNITS)
long_rows = []
for ri, (rid, own) in enumerate(RESP):
    for ti, (tid, _, _, _) in enumerate(UNITS):
        s = answers[ri][ti]
        if any(s):
            long_rows.append([rid, own, tid] + [str(v) if v else "" for v in s])
write_csv("responses.csv", ["respondent", "unit", "target"] + DIMS, long_rows)


def raw(dim_index, score):
    """Answer as the survey tool prints it (before recoding)."""
    if dim_index == 0:
        return FREQ_TEXT[score - 1]
    if dim_index == 3:
        return str(6 - score)
    return str(score)


# ---- wide CSV ------------------------------------------------------------
header = ["Respondent ID", "Afdeling", "Samtykke"]
for tid, _, _, _ in UNITS:
    for d in DANISH:
        header.append(f"{d.capitalize()}_{tid}")
rows, k = [], 0
for ri, (rid, own) in enumerate(RESP):
    row = [rid, CSV_OWN[ri], "ja"]
    for ti in range(len(UNITS)):
        for di in range(7):
            s = answers[ri][ti][di]
            if s:
                row.append(raw(di, s))
            else:
                row.append(CSV_MISSING[k % len(CSV_MISSING)])
                k += 1
    rows.append(row)
write_csv("wide.csv", header, rows)

# ---- wide XLSX -----------------------------------------------------------
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Svar"
xheader = ["Respondent", "Enhed", "Samtykke", "Vægt"]
for tid, _, _, _ in UNITS:
    for di in range(7):
        xheader.append(f"Q{di + 1}.{tid}")
ws.append(xheader)
k = 0
xlsx_lines = []
for ri, (rid, own) in enumerate(RESP):
    row = [rid, XLSX_OWN[ri], ri % 3 != 0, [0.1, 2.5, 1.0, 3][ri % 4]]
    for ti in range(len(UNITS)):
        for di in range(7):
            s = answers[ri][ti][di]
            if s:
                v = raw(di, s)
                row.append(v if di == 0 else int(v))
            else:
                row.append([None, "Ved ikke", 9][k % 3])
                k += 1
    ws.append(row)
    xlsx_lines.append(ws._current_row)
    if ri == 3:
        ws.append([])       # openpyxl writes no <row> for it: row 6 is absent
units_ws = wb.create_sheet("Enheder")
units_ws.append(["unit", "label", "side", "headcount"])
for u in UNITS:
    units_ws.append([u[0], u[1], u[2], int(u[3]) if u[3] else None])

# Header inline strings, data text cells shared strings (scripts/export_writers.py);
# "Myndighed Nord" stored as rich-text runs plus a phonetic run that must be skipped.
save_xlsx(wb, os.path.join(HERE, "wide.xlsx"), rich={
    "Myndighed Nord": '<si><r><t xml:space="preserve">Myndighed </t></r><r><rPr><b/></rPr>'
                      '<t>Nord</t></r><rPh sb="0" eb="9"><t>ミンディヒェズ</t></rPh></si>'})
with open(os.path.join(HERE, "wide_xlsx_lines.txt"), "w") as f:
    f.write(" ".join(map(str, xlsx_lines)) + "\n")

# ---- wide SAV via ReadStat's writer (scripts/export_writers.py) -------------
variables = [{"name": "resp_id", "type": "string", "width": 8},
             {"name": "enhed", "type": "double", "label_set": "enhed_lbl",
              "labels": {code: u[1] for code, u in enumerate(UNITS, start=1)}}]
sav_columns = []  # (dimension, unit, variable)
for ti, (tid, _, _, _) in enumerate(UNITS):
    for di in range(7):
        name = f"v{ti * 7 + di + 1:02d}"
        v = {"name": name, "type": "double", "missing": [6]}
        if di == 0:
            v.update(label_set="freq_lbl", labels=dict(enumerate(FREQ_TEXT, start=1)))
        variables.append(v)
        sav_columns.append((DIMS[di], tid, name))
k = 0
unit_code = {u[0]: i + 1 for i, u in enumerate(UNITS)}
cases = []
for ri, (rid, own) in enumerate(RESP):
    case = [rid, unit_code[own]]
    for ti in range(len(UNITS)):
        for di in range(7):
            s = answers[ri][ti][di]
            if s:
                case.append(6 - s if di == 3 else s)
            else:
                case.append([None, 9, -1, 6][k % 4])
                k += 1
    cases.append(case)
write_sav(os.path.join(HERE, "wide.sav"), variables, cases)

with open(os.path.join(HERE, "mapping_sav.ini"), "w", encoding="utf-8") as f:
    f.write("; Mapping for wide.sav (written by make_fixtures.py): explicit column list.\n"
            "[wide]\nrespondent = resp_id\nunit = enhed\nmissing = 9, -1\n\n"
            "[recode.problem_solving]\n1 = 5\n2 = 4\n3 = 3\n4 = 2\n5 = 1\n\n[columns]\n")
    for dim, tid, name in sav_columns:
        f.write(f"{dim}.{tid} = {name}\n")

# ---- tiny hand-written workbooks for edge cases ------------------------------
# Minimal parts only; the sheet part is addressed with an absolute target and
# the workbook uses an "x:" namespace prefix, as some .NET exporters do.
def tiny_xlsx(name, sheet_data, sst=None):
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"/>',
        "xl/workbook.xml": f'<?xml version="1.0"?><x:workbook xmlns:x="{ns}" xmlns:r="{rel}"><x:sheets>'
                           '<x:sheet name="Data" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId7" Type="' + rel + '/worksheet" '
            'Target="/xl/worksheets/data.xml"/></Relationships>',
        "xl/worksheets/data.xml": f'<?xml version="1.0"?>\n<x:worksheet xmlns:x="{ns}">'
                                  f'<x:sheetData>{sheet_data}</x:sheetData></x:worksheet>',
    }
    if sst is not None:
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0"?><sst xmlns="{ns}">{sst}</sst>'
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            zi = zipfile.ZipInfo(part, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, text.encode())


# Cells skipping columns and rows, cells without r, every value type.
tiny_xlsx("cells.xlsx",
          '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="inlineStr"><x:is>'
          '<x:t>c</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>d</x:t></x:r><x:r><x:t>'
          '_x0041_</x:t></x:r></x:is></x:c><x:c r="F2"/></x:row>'
          '<x:row r="4"><x:c r="A4"><x:v>1E-3</x:v></x:c><x:c r="B4"><x:v>2.0</x:v></x:c>'
          '<x:c r="D4"><x:v>0.30000000000000004</x:v></x:c></x:row>'
          '<x:row r="5"><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c r="C5" t="b"><x:v>0</x:v></x:c>'
          '<x:c r="D5" t="str"><x:f>A1&amp;"x"</x:f><x:v>ax</x:v></x:c></x:row>'
          '<x:row r="6"><x:c r="A6" t="e"><x:v>#N/A</x:v></x:c><x:c r="B6"><x:v>-12</x:v></x:c></x:row>'
          '<x:row r="7"><x:c r="C7" t="s"><x:v>1</x:v></x:c></x:row>',
          sst='<si><t>a</t></si><si><t xml:space="preserve"> b </t></si>')
tiny_xlsx("bad_xml.xlsx", '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:row>')
tiny_xlsx("beyond_header.xlsx",
          '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>unit</x:t></x:is></x:c></x:row>'
          '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="C2"><x:v>5</x:v></x:c></x:row>')
tiny_xlsx("bad_shared.xlsx", '<x:row r="1"><x:c r="A1" t="s"><x:v>3</x:v></x:c></x:row>',
          sst='<si><t>only</t></si>')
tiny_xlsx("bad_ref.xlsx",
          '<x:row r="1"><x:c r="B1"><x:v>1</x:v></x:c><x:c r="A1"><x:v>2</x:v></x:c></x:row>')


# ---- workbooks as openpyxl writes them (no shared strings) -------------------
def save_plain(wb, name):
    """openpyxl's own output, with fixed zip and document timestamps."""
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


# A hidden first sheet (notes left by the survey tool), then the answers,
# then a very hidden one and the units: without --sheet, 'Svar' is read.
wb = openpyxl.Workbook()
notes = wb.active
notes.title = "Noter"
notes.append(["Eksporteret 2026-01-01"])
notes.sheet_state = "hidden"
svar = wb.create_sheet("Svar")
svar.append(["unit", "label"])
svar.append(["NORD", "Myndighed Nord"])
arkiv = wb.create_sheet("Arkiv")
arkiv.append(["old"])
arkiv.sheet_state = "veryHidden"
wb.create_sheet("Enheder").append(["unit"])
save_plain(wb, "hidden_sheet.xlsx")

# Formulas: B2 and C2 as openpyxl writes them (<f> and an empty <v>, never
# calculated) and without any <v>; D2 a string formula whose saved result is
# the empty text (as Excel saves ="" ), E2 a formula with its saved result.
tiny_xlsx("formula.xlsx",
          '<x:row r="1">' + "".join(f'<x:c r="{c}1" t="inlineStr"><x:is><x:t>{c.lower()}</x:t></x:is></x:c>'
                                    for c in "ABCDE") + '</x:row>'
          '<x:row r="2"><x:c r="A2"><x:v>3</x:v></x:c><x:c r="B2"><x:f>A2*2</x:f><x:v></x:v></x:c>'
          '<x:c r="C2"><x:f>A2+1</x:f></x:c><x:c r="D2" t="str"><x:f>""</x:f><x:v></x:v></x:c>'
          '<x:c r="E2"><x:f>A2*3</x:f><x:v>9</x:v></x:c></x:row>')
print("fixtures written to", HERE)
