#!/usr/bin/python3
"""Independent reader for rcmap's workbook.xlsx (openpyxl), used by the tests.

Usage: read_workbook.py FILE            -> sheet names, one per line
       read_workbook.py FILE SHEET      -> cells as tab-separated rows
       read_workbook.py FILE SHEET info -> frozen pane, number formats and
                                           comments of the first data row
"""
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
if len(sys.argv) == 2:
    print("\n".join(wb.sheetnames))
    sys.exit(0)
ws = wb[sys.argv[2]]
if len(sys.argv) == 4:
    print("freeze", ws.freeze_panes)
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for c in row:
            if c.comment:
                print("comment", c.coordinate, c.comment.text.strip())
                break
    sys.exit(0)
for row in ws.iter_rows(values_only=True):
    print("\t".join("" if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in row))
