#!/usr/bin/env bash
# Records the SHA-256 of every output of a fixed set of rcmap runs, one line
# per file ("HASH  RUN/FILE"), sorted: run it before and after a change that
# must not change behaviour and diff the two lists.
# usage: scripts/output-hashes.sh RCMAP [WORKDIR]   (run from the source tree)
# WORKDIR (default /tmp/rcmap-output-hashes) is emptied first; keep it the
# same for both runs, since summary.json and project.ini record paths.
set -euo pipefail
rcmap=$(realpath "$1")
work=${2:-/tmp/rcmap-output-hashes}
rm -rf "$work"
mkdir -p "$work"
run() { "$rcmap" "$@" >/dev/null 2>"$work/.stderr" || { echo "output-hashes: failed: rcmap $*" >&2; cat "$work/.stderr" >&2; exit 1; }; }

S=samples
run sample --out "$work/sample" --seed 1
run sample --out "$work/sample-waves" --seed 2 --waves 3 --respondents 240
run sample --out "$work/sample-sites" --seed 3 --sites 3 --respondents 360
run sample --people --units-file $S/units.csv --out "$work/sample-people" --seed 1

run analyze --units $S/units.csv --responses $S/responses.csv --out "$work/analyze-all" \
  --formats png,svg,pdf --per-unit --title "Nordby" --date 2026-01
run analyze --units $S/units.csv --responses $S/responses.csv --out "$work/analyze-da" \
  --formats pdf --lang da --layout force --ties all --dpi 72
run analyze --units $S/units.csv --responses $S/responses.csv --out "$work/analyze-nb-excel" \
  --lang nb --csv-dialect excel-da --min-n 3 --ties weak --distance neglog
run analyze --units $S/units.csv --ties "$work/analyze-all/ties.csv" --out "$work/analyze-ties" --formats svg
run analyze --units $S/units.csv --responses $S/wide/nordby-wide.csv --mapping $S/mapping.ini \
  --out "$work/analyze-wide" --no-render
run analyze --units "$work/sample-sites/units.csv" --responses "$work/sample-sites/responses.csv" \
  --by-site --out "$work/by-site" --formats png,pdf
run compare --units "$work/sample-waves/units.csv" --responses "$work/sample-waves/responses.csv" \
  --out "$work/compare" --formats png,svg,pdf --bootstrap 200
run network --people $S/people.csv --ties $S/person-ties.csv --units $S/units.csv \
  --out "$work/network" --formats png,svg,pdf
run network --people $S/people.csv --ties $S/person-ties.csv --units $S/units.csv \
  --out "$work/network-pseudo" --pseudonymise --key-file $S/units.csv --no-render
run convert --to long --units $S/units.csv --responses $S/wide/nordby-wide.xlsx \
  --mapping $S/wide/nordby-wide-xlsx.ini --out "$work/convert"
cp -r "$work/analyze-all" "$work/report"
run report "$work/report" --lang nb --per-unit --title "Nordby igjen"

rm -f "$work/.stderr"
cd "$work"
find . -type f -print0 | sort -z | xargs -0 sha256sum
