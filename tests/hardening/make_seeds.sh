#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from samples/ and samples/bad/
# into OUT/<target>/ (generated at test time, nothing committed).
# usage: make_seeds.sh SOURCE_DIR OUT
set -euo pipefail
src=$1 out=$2
rm -rf "$out"
mkdir -p "$out/csv" "$out/survey" "$out/xlsx" "$out/sav" "$out/mapping" "$out/wide" "$out/ties"
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
# Readers (fuzz/fuzz_{xlsx,sav,mapping,wide,ties}.cpp); inputs stay under -max_len 16 KiB.
cp "$src"/tests/data/readers/*.xlsx "$out/xlsx/"
cp "$src"/tests/data/readers/*.sav "$out/sav/"
for f in "$src"/samples/mapping.ini "$src"/samples/wide/*.ini "$src"/tests/data/readers/mapping_*.ini; do
  cp "$f" "$out/mapping/$(basename "$(dirname "$f")")_$(basename "$f")"
done
# wide: mapping, a line "%%", units.csv, a line "%%", the wide CSV.
triple() { { cat "$1"; printf '\n%%%%\n'; cat "$2"; printf '\n%%%%\n'; cat "$3"; } >"$out/wide/$4"; }
triple "$src/tests/data/readers/mapping_wide_csv.ini" "$src/tests/data/readers/units.csv" \
  "$src/tests/data/readers/wide.csv" readers_wide
head -n 12 "$src/samples/wide/nordby-wide.csv" >"$out/nordby_wide_head.csv"
triple "$src/samples/mapping.ini" "$src/samples/units.csv" "$out/nordby_wide_head.csv" nordby_wide_head
rm "$out/nordby_wide_head.csv"
# ties: units.csv, a line "%%", an aggregated tie table.
printf 'source,target,n,rc,frequent,communication\nNORD,BOERN,12,3.5,4,3.25\nBOERN,NORD,4,2.75,,\nSKOLE,SKOLE,7,4.1,NA,4\n' \
  >"$out/ties_table.csv"
pair "$src/tests/data/readers/units.csv" "$out/ties_table.csv" readers_units
mv "$out/survey/readers_units" "$out/ties/readers_units"
rm "$out/ties_table.csv"
