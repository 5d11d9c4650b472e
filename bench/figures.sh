#!/usr/bin/env bash
# Benchmark: `rcmap analyze` with its default outputs against the peer pipeline
# (bench/peer_pipeline.py: pandas + NetworkX + matplotlib), on the same files,
# in alternation. bench/README.md, "Figures and report".
# usage: bash bench/figures.sh [BUILD_DIR] [ROUNDS]     (defaults: build, 10)
# Cases:
#  1. the shipped sample (samples/, 16 units, 300 respondents, 4,037 rows):
#     rcmap analyze -q (figures in PNG and SVG, report.pdf, workbook, GraphML,
#     CSV tables) vs the peer with its four figures (PNG 200 dpi + SVG) and
#     report.pdf. Target: rcmap >= 20x faster (bench/README.md; 4.9x before).
#  2. 60 units, ~14k rows (rcmap sample --units 60 --respondents 290 --seed 1),
#     no figures: rcmap analyze -q --no-render vs the peer with --no-figures,
#     and vs the peer with --no-figures --all-metrics (adds NetworkX's
#     constraint, effective size, closeness, HITS, ...: the kind of peer behind
#     the 79x reported before). Reference: 79x.
# Each run writes into a new folder (a re-run into the same folder also pays
# for freeing the earlier files: see README). Prints best and median wall
# seconds (bench/timed.py), CPU seconds of the best run, peak MB, the ratio
# best/best and median/median, and the load average before and after each case.
# Checks that both compute the same ties (bench/check_ties.py) and unit metrics
# (bench/check_units.py), and that rcmap's outputs are byte-identical in every
# run. Exit 0 when they agree (a missed target is reported, not an error),
# 1 when they disagree, 2 when a run fails or a dependency is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-build}" rounds="${2:-10}"
[ -x "$build/rcmap" ] || { echo "figures.sh: $build/rcmap not found; build first" >&2; exit 2; }
rcmap="$(cd "$build" && pwd)/rcmap"
python="${PYTHON:-/usr/bin/python3}"
"$python" -c 'import pandas, networkx, scipy, matplotlib' 2>/dev/null ||
  { echo "figures.sh: $python lacks pandas/networkx/scipy/matplotlib (scripts/install-deps.sh --bench)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
samples="$here/../samples"

# run_one NAME OUT CMD...: runs CMD once (OUT: its fresh output folder) and
# appends "wall cpu maxrss_kb" to $tmp/NAME.times.
run_one() {
  local name="$1"; shift 2
  if ! "$python" "$here/timed.py" "$tmp/$name.log" "$@" >>"$tmp/$name.times"; then
    echo "figures.sh: $name failed:" >&2; cat "$tmp/$name.log" >&2; exit 2
  fi
}
# stats NAME: "best_wall cpu_of_that_run median_wall max_rss_kb"
stats() {
  sort -n "$tmp/$1.times" | awk '{ w[NR] = $1; c[NR] = $2; if ($3 > kb) kb = $3 }
    END { m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2; print w[1], c[1], m, kb }'
}
# digest DIR: one line per rcmap output file with its SHA-256 (the lock and
# list files excluded; summary.json and project.ini record the --out folder,
# which is replaced by OUT), for the byte-identity check across runs.
digest() {
  local f
  (cd "$1" && find . -type f ! -name '.rcmap*' | LC_ALL=C sort | while read -r f; do
    case "$f" in
      ./summary.json | ./project.ini) echo "$(sed "s|$1|OUT|g" "$f" | sha256sum | cut -d' ' -f1)  $f" ;;
      *) sha256sum "$f" ;;
    esac
  done)
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

agree=0
# case NAME TARGET_RATIO TARGET_TEXT UNITS RESPONSES RCMAP_OPTS PEER_OPTS
case_run() {
  local name="$1" target="$2" target_text="$3" units="$4" responses="$5" ropt="$6" popt="$7"
  local l0 l1 i
  l0=$(load)
  rm -f "$tmp/$name-rcmap.times" "$tmp/$name-peer.times"
  for ((i = 1; i <= rounds; i++)); do
    # shellcheck disable=SC2086
    run_one "$name-rcmap" "$tmp/$name-r$i" "$rcmap" analyze --units "$units" --responses "$responses" \
      --out "$tmp/$name-r$i" -q $ropt
    # shellcheck disable=SC2086
    run_one "$name-peer" "$tmp/$name-p$i" "$python" "$here/peer_pipeline.py" "$units" "$responses" \
      "$tmp/$name-p$i" $popt
  done
  l1=$(load)
  "$python" "$here/check_ties.py" "$tmp/$name-r1/ties.csv" "$tmp/$name-p1/ties.csv" 5 || agree=1
  "$python" "$here/check_units.py" "$tmp/$name-r1/units.csv" "$tmp/$name-p1/units.csv" || agree=1
  local same=yes
  digest "$tmp/$name-r1" >"$tmp/$name.d1"
  for ((i = 2; i <= rounds; i++)); do
    digest "$tmp/$name-r$i" | cmp -s - "$tmp/$name.d1" || same=no
  done
  [ "$same" = yes ] || { echo "figures.sh: $name: rcmap outputs differ between runs" >&2; agree=1; }
  local files
  files=$(wc -l <"$tmp/$name.d1")
  local peer_steps
  peer_steps=$(grep '^peer:' "$tmp/$name-peer.log" | sed 's/^peer: //')
  read -r rs rc rm rk < <(stats "$name-rcmap")
  read -r ps pc pm pk < <(stats "$name-peer")
  awk -v name="$name" -v rs="$rs" -v rc="$rc" -v rm="$rm" -v rk="$rk" -v ps="$ps" -v pc="$pc" -v pm="$pm" \
      -v pk="$pk" -v target="$target" -v tt="$target_text" -v l0="$l0" -v l1="$l1" -v rounds="$rounds" \
      -v files="$files" -v same="$same" 'BEGIN {
    ratio = ps / rs
    printf "\n== %s: %d rounds in alternation; load average before %s, after %s\n", name, rounds, l0, l1
    printf "%-6s %9s %9s %9s %9s\n", "tool", "best s", "cpu s", "median s", "peak MB"
    printf "%-6s %9.3f %9.3f %9.3f %9.1f\n", "rcmap", rs, rc, rm, rk / 1024
    printf "%-6s %9.3f %9.3f %9.3f %9.1f\n", "peer", ps, pc, pm, pk / 1024
    printf "speed: %.1fx best/best, %.1fx median/median; CPU %.1fx\n", ratio, pm / rm, pc / rc
    if (target > 0)
      printf "target: rcmap >= %gx faster than the peer: %s (%.1fx)\n", target, (ratio >= target ? "PASS" : "FAIL"), ratio
    else
      printf "reference: %s (now %.1fx)\n", tt, ratio
    printf "rcmap outputs (%d files) byte-identical in all %d runs: %s\n", files, rounds, same
  }'
  echo "peer steps, last run (s): $peer_steps"
}

case_run sample 20 "" "$samples/units.csv" "$samples/responses.csv" "" ""
"$rcmap" sample --out "$tmp/u60" --units 60 --respondents 290 --seed 1 >/dev/null
rows=$(($(wc -l <"$tmp/u60/responses.csv") - 1))
case_run "60-units-no-figures" 0 "79x was measured before against a peer that computed constraint" \
  "$tmp/u60/units.csv" "$tmp/u60/responses.csv" "--no-render" "--no-figures"
case_run "60-units-no-figures-all-metrics" 0 "79x before" "$tmp/u60/units.csv" "$tmp/u60/responses.csv" \
  "--no-render" "--no-figures --all-metrics"
echo "(60 units: $rows response rows, rcmap sample --units 60 --respondents 290 --seed 1)"
if [ "$agree" -ne 0 ]; then
  echo "figures.sh: rcmap and the peer disagree, or rcmap's outputs changed between runs (see above)" >&2
  exit 1
fi
