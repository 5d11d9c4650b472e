#!/usr/bin/env python3
"""pandas baseline for bench/ingest.sh: the same ties rcmap computes.

usage: pandas_baseline.py UNITS.csv RESPONSES.csv OUT.csv [MIN_ANSWERS]

read_csv both files; a row's RC is the mean of its answered dimensions
(blank or NA = not answered); rows with fewer than MIN_ANSWERS (default 4)
answers are dropped; groupby (unit, target) gives n, mean RC, sample SD
(n - 1) and the mean of each dimension. No suppression: the check compares
ties with n >= 5 only.
"""
import sys

import pandas as pd

DIMS = ["frequent", "timely", "accurate", "problem_solving",
        "shared_goals", "shared_knowledge", "mutual_respect"]


def main():
    units_path, responses_path, out_path = sys.argv[1:4]
    min_answers = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    ids = {"respondent": str, "unit": str, "target": str}
    units = pd.read_csv(units_path, dtype={"unit": str}, keep_default_na=False)
    rows = pd.read_csv(responses_path, dtype=ids, keep_default_na=False,
                       na_values={d: ["", "NA", "na", "Na"] for d in DIMS})
    scores = rows[DIMS]
    answered = scores.notna().sum(axis=1)
    rows = rows.assign(rc=scores.mean(axis=1, skipna=True))
    rows = rows[answered >= min_answers]
    g = rows.groupby(["unit", "target"], sort=True)
    ties = g["rc"].agg(n="count", rc="mean", rc_sd="std")
    ties = ties.join(g[DIMS].mean()).reset_index()
    labels = units.set_index("unit")[["label", "side"]]
    ties = ties.join(labels, on="unit").join(labels, on="target", rsuffix="_target")
    ties = ties.rename(columns={"unit": "source", "label": "source_label",
                                "side": "source_side", "label_target": "target_label",
                                "side_target": "target_side"})
    ties.to_csv(out_path, index=False, float_format="%.9f")


if __name__ == "__main__":
    main()
