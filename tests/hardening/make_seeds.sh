#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from samples/ and samples/bad/
# into OUT/<target>/ (generated at test time, nothing committed).
# usage: make_seeds.sh SOURCE_DIR OUT
set -euo pipefail
src=$1 out=$2
rm -rf "$out"
mkdir -p "$out/csv" "$out/survey"
# csv: every sample and bad file as is (the big responses file cut to 8 KiB).
for f in "$src"/samples/bad/*.csv "$src"/samples/units.csv "$src"/tests/data/tiny/*.csv; do
  cp "$f" "$out/csv/$(basename "$(dirname "$f")")_$(basename "$f")"
done
head -c 8192 "$src/samples/responses.csv" >"$out/csv/samples_responses_head.csv"
# survey: units.csv, a line "%%", responses.csv (fuzz/fuzz_survey.cpp).
pair() { { cat "$1"; printf '\n%%%%\n'; cat "$2"; } >"$out/survey/$3"; }
pair "$src/tests/data/tiny/units.csv" "$src/tests/data/tiny/responses.csv" tiny
head -n 120 "$src/samples/responses.csv" >"$out/responses_head.csv"
pair "$src/samples/units.csv" "$out/responses_head.csv" nordby_head
rm "$out/responses_head.csv"
for f in "$src"/samples/bad/*.csv; do
  case "$(basename "$f")" in
    units.csv) ;;
    *_units.csv) pair "$f" "$src/tests/data/tiny/responses.csv" "bad_$(basename "$f")" ;;
    *) pair "$src/samples/bad/units.csv" "$f" "bad_$(basename "$f")" ;;
  esac
done
