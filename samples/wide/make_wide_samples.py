#!/usr/bin/python3
"""Writes the Nordby survey (samples/units.csv + responses.csv) as survey
tools export it: one row per respondent, one column per question x rated unit.

Run from anywhere: /usr/bin/python3 samples/wide/make_wide_samples.py
Needs Debian packages python3-openpyxl and libreadstat-dev (see
scripts/export_writers.py). Output is deterministic. Every file, read with its
mapping, gives rcmap exactly the canonical samples (tests/test_wide_samples.cpp):

  nordby-wide.csv   mapping ../mapping.ini: pattern {dimension}_{unit} with
                    Danish dimension names ("Samarbejde" via [dimensions]),
                    own unit as a label in varying case and spacing,
                    frequent as answer text (recode), problem_solving printed
                    reversed (raw 1 = score 5), unanswered dimensions as "",
                    "Ved ikke", 9, 6, -1, "Ikke relevant, ved ikke" in turn.
  nordby-wide.xlsx  mapping nordby-wide-xlsx.ini: sheet "Svar" with pattern
                    Q{item}.{unit} (unit labels), own unit as id or label,
                    numeric answer cells, unanswered as an absent cell,
                    "Ved ikke" or 9; header cells are inline strings, data
                    text cells shared strings. Sheet "Enheder": the units.
  nordby-long.xlsx  no mapping: the canonical layout as sheets "Svar"
                    (responses, "NA" kept as text) and "Enheder" (units).
  nordby-wide.sav   mapping nordby-wide-sav.ini ([columns] list): SPSS,
                    own unit coded 1..16 with value labels (the unit labels),
                    unanswered as system-missing, 9, -1 or 6 (declared
                    user-missing in the file).
"""
import csv
import os
import sys

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from export_writers import save_xlsx, write_sav  # noqa: E402

DIMS = ["frequent", "timely", "accurate", "problem_solving",
        "shared_goals", "shared_knowledge", "mutual_respect"]
CSV_NAMES = ["Hyppighed", "Rettidighed", "Præcision", "Problemløsning",
             "Fælles_mål", "Fælles_viden", "Samarbejde"]
FREQ_TEXT = ["Aldrig", "Sjældent", "For ofte", "Ofte", "Passende"]  # scores 1..5 (../mapping.ini)
PROBLEM_SOLVING = 3

with open(os.path.join(HERE, "..", "units.csv"), encoding="utf-8", newline="") as f:
    units = list(csv.DictReader(f))
with open(os.path.join(HERE, "..", "responses.csv"), encoding="utf-8", newline="") as f:
    canon = list(csv.DictReader(f))
unit_ids = [u["unit"] for u in units]
label = {u["unit"]: u["label"] for u in units}

# respondent -> own unit, {target: 7 scores (0 = not answered)}, in file order
respondents = {}
for r in canon:
    own, ratings = respondents.setdefault(r["respondent"], (r["unit"], {}))
    ratings[r["target"]] = [int(r[d]) if r[d] not in ("", "NA") else 0 for d in DIMS]


def answers(rid, ti):
    """The 7 scores respondent `rid` gave unit `ti`, or None if no row."""
    return respondents[rid][1].get(unit_ids[ti])


def rotate(codes):
    state = {"k": 0}

    def nxt():
        c = codes[state["k"] % len(codes)]
        state["k"] += 1
        return c
    return nxt


def numeric_answers(rid, missing):
    """Respondent `rid`'s answers as numbers, unit by unit: None where the
    unit was not rated, missing() where a dimension was not answered,
    problem_solving printed reversed."""
    out = []
    for ti in range(len(unit_ids)):
        s = answers(rid, ti)
        for d in range(7):
            if s is None:
                out.append(None)
            elif not s[d]:
                out.append(missing())
            else:
                out.append(6 - s[d] if d == PROBLEM_SOLVING else s[d])
    return out


# ---- wide CSV ---------------------------------------------------------------
header = ["Respondent ID", "Afdeling"]
header += [f"{CSV_NAMES[d]}_{tid}" for tid in unit_ids for d in range(7)]
missing = rotate(["", "Ved ikke", "9", "6", "-1", "Ikke relevant, ved ikke"])
rows = []
for i, (rid, (own, _)) in enumerate(respondents.items()):
    own_text = [label[own], label[own].upper(), "  " + label[own].lower().replace(" ", "   ") + " "][i % 3]
    row = [rid, own_text]
    for ti in range(len(unit_ids)):
        s = answers(rid, ti)
        for d in range(7):
            if s is None:
                row.append("")
            elif not s[d]:
                row.append(missing())
            elif d == 0:
                row.append(FREQ_TEXT[s[d] - 1])
            elif d == PROBLEM_SOLVING:
                row.append(str(6 - s[d]))
            else:
                row.append(str(s[d]))
    rows.append(row)
with open(os.path.join(HERE, "nordby-wide.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")  # as survey tools write it
    w.writerow(header)
    w.writerows(rows)

# ---- wide XLSX --------------------------------------------------------------
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Svar"
ws.append(["Respondent", "Enhed"] + [f"Q{d + 1}.{label[tid]}" for tid in unit_ids for d in range(7)])
missing = rotate([None, "Ved ikke", 9])
for i, (rid, (own, _)) in enumerate(respondents.items()):
    ws.append([rid, own if i % 2 else label[own]] + numeric_answers(rid, missing))


def add_units_sheet(book):
    sheet = book.create_sheet("Enheder")
    sheet.append(["unit", "label", "side", "headcount"])
    for u in units:
        sheet.append([u["unit"], u["label"], u["side"], int(u["headcount"]) if u["headcount"] else None])


add_units_sheet(wb)
save_xlsx(wb, os.path.join(HERE, "nordby-wide.xlsx"))

# ---- canonical long layout as a workbook (no mapping) -------------------------
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Svar"
ws.append(list(canon[0].keys()))
for r in canon:
    ws.append([r["respondent"], r["unit"], r["target"]] +
              [int(r[d]) if r[d] not in ("", "NA") else r[d] or None for d in DIMS])
add_units_sheet(wb)
save_xlsx(wb, os.path.join(HERE, "nordby-long.xlsx"))

# ---- wide SAV ---------------------------------------------------------------
variables = [{"name": "resp_id", "type": "string", "width": 8},
             {"name": "afdeling", "type": "double",
              "labels": {k + 1: label[tid] for k, tid in enumerate(unit_ids)}}]
columns = []  # (dimension, unit id, variable)
for k, tid in enumerate(unit_ids):
    for d in range(7):
        name = f"q{d + 1}_{k + 1:02d}"
        variables.append({"name": name, "type": "double", "missing": [6]})
        columns.append((DIMS[d], tid, name))
missing = rotate([None, 9, -1, 6])
rows = []
for rid, (own, _) in respondents.items():
    rows.append([rid, unit_ids.index(own) + 1] + numeric_answers(rid, missing))
write_sav(os.path.join(HERE, "nordby-wide.sav"), variables, rows)

REVERSED = "[recode.problem_solving]   ; printed from \"always solve\" (1) to \"always blame\" (5)\n" \
           "1 = 5\n2 = 4\n3 = 3\n4 = 2\n5 = 1\n"
with open(os.path.join(HERE, "nordby-wide-xlsx.ini"), "w", encoding="utf-8") as f:
    f.write("; Mapping for nordby-wide.xlsx (written by make_wide_samples.py).\n"
            "; rcmap analyze --units samples/wide/nordby-wide.xlsx --units-sheet Enheder \\\n"
            ";   --responses samples/wide/nordby-wide.xlsx --responses-sheet Svar \\\n"
            ";   --mapping samples/wide/nordby-wide-xlsx.ini --out results\n"
            "[wide]\nrespondent = Respondent\nunit = Enhed\n"
            "pattern = Q{item}.{unit}      ; item 1..7 in Gittell's order, unit id or label\n"
            "missing = 9, \"Ved ikke\"\n\n" + REVERSED)
with open(os.path.join(HERE, "nordby-wide-sav.ini"), "w", encoding="utf-8") as f:
    f.write("; Mapping for nordby-wide.sav (written by make_wide_samples.py): SPSS\n"
            "; variable names cannot hold unit ids, so every rating column is listed.\n"
            "; The own-unit variable 'afdeling' is read through its value labels.\n"
            "; rcmap analyze --units samples/units.csv --responses samples/wide/nordby-wide.sav \\\n"
            ";   --mapping samples/wide/nordby-wide-sav.ini --out results\n"
            "[wide]\nrespondent = resp_id\nunit = afdeling\n"
            "missing = 9, -1            ; 6 is declared missing in the file itself\n\n"
            + REVERSED + "\n[columns]                  ; <dimension>.<unit id> = variable\n")
    for dim, tid, name in columns:
        f.write(f"{dim}.{tid} = {name}\n")
