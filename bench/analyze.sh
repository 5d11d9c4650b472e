#!/usr/bin/env bash
# Times `rcmap analyze` on the Nordby sample: tables + metrics without figures
# (target < 50 ms), with all four figures in png+svg (target < 300 ms for the
# figures), the complete deliverable set incl. report.pdf, workbook and GraphML
# (target < 1 s), with --per-unit, and a 40-unit survey with figures (< 1 s). Best of N wall
# times; also callgrind instruction counts, which do not depend on load.
#   bash bench/analyze.sh [BUILD_DIR] [N]
set -euo pipefail
build=${1:-build} n=${2:-10}
rcmap=$(cd "$build" && pwd)/rcmap
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$rcmap" sample --out "$tmp/big40" --seed 3 --respondents 800 --units 40
best() {  # best wall seconds of $n runs of the command
  local b=999
  for _ in $(seq "$n"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    b=$(echo "if ($e - $s < $b) $e - $s else $b" | bc -l)
  done
  printf '%.3f' "$b"
}
sample=(--units "$src/samples/units.csv" --responses "$src/samples/responses.csv")
t_tables=$(best "$rcmap" analyze "${sample[@]}" --out "$tmp/a" -q --no-render)
t_figs=$(best "$rcmap" analyze "${sample[@]}" --out "$tmp/b" -q)
t_unit=$(best "$rcmap" analyze "${sample[@]}" --out "$tmp/e" -q --per-unit)
t_40=$(best "$rcmap" analyze --units "$tmp/big40/units.csv" --responses "$tmp/big40/responses.csv" --out "$tmp/c" -q)
figs=$(echo "$t_figs - $t_tables" | bc -l)
printf "%-66s %8s %8s  %s\n" case seconds target result
row() { printf '%-66s %8.3f %8s  %s\n' "$1" "$2" "$3" "$(echo "$2 < $3" | bc -l | sed 's/1/PASS/;s/0/FAIL/')"; }
row "sample: tables + metrics, no figures" "$t_tables" 0.050
row "sample: 4 figures x png+svg (difference)" "$figs" 0.300
row "sample: complete set (tables, png+svg, report.pdf, xlsx, graphml)" "$t_figs" 1.000
row "sample: the same with --per-unit (16 pages + PNGs)" "$t_unit" 2.000
row "40 units, 800 respondents: all with figures" "$t_40" 1.000
if command -v valgrind >/dev/null; then
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$rcmap" analyze "${sample[@]}" --out "$tmp/d" -q --no-render 2>"$tmp/cg.log" >/dev/null
  echo "instructions (callgrind), sample without figures: $(grep -o 'Collected : [0-9]*' "$tmp/cg.log" | grep -o '[0-9]*')"
fi
