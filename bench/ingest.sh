#!/usr/bin/env bash
# Benchmark: rcmap analyze (ingest + validation + aggregation + tables) on
# ~1,000,000 response rows against a pandas read_csv + groupby baseline.
# usage: bash bench/ingest.sh [BUILD_DIR]     (default: build)
# Runs the two tools in alternation, 10 rounds, and prints for each the best
# and median wall time (measured to the microsecond by bench/timed.py), the
# CPU time of the best run, peak memory (max RSS over the runs) and
# PASS/FAIL against the targets (best against best). Exit 0 if both
# tools agree on every tie (also when a target is missed: this is a
# report), non-zero if they disagree or a run fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-build}"
rcmap="$build/rcmap"
[ -x "$rcmap" ] || { echo "ingest.sh: $rcmap not found; build first (cmake --build $build)" >&2; exit 2; }
rcmap="$(cd "$(dirname "$rcmap")" && pwd)/rcmap"
# Debian's interpreter carries python3-pandas; a pyenv/venv python3 may not.
python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; else python=python3; fi
fi
"$python" -c 'import pandas' 2>/dev/null ||
  { echo "ingest.sh: $python has no pandas (scripts/install-deps.sh --bench)" >&2; exit 2; }

runs=10
seed=7 respondents=70000 units=16
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$rcmap" sample --out "$tmp/in" --seed "$seed" --respondents "$respondents" --units "$units" >/dev/null
rows=$(($(wc -l <"$tmp/in/responses.csv") - 1))
bytes=$(wc -c <"$tmp/in/responses.csv")

# The two programs run in alternation, `runs` rounds of one run each, so
# that both see the same state of a shared machine. run_one NAME CMD... runs
# CMD once and appends "wall cpu maxrss_kb" to $tmp/NAME.times.
run_one() {
  local name="$1"; shift
  if ! "$python" "$here/timed.py" "$tmp/$name.log" "$@" >>"$tmp/$name.times"; then
    echo "ingest.sh: $name failed:" >&2; cat "$tmp/$name.log" >&2; exit 2
  fi
}
for ((i = 1; i <= runs; i++)); do
  run_one rcmap "$rcmap" analyze --units "$tmp/in/units.csv" --responses "$tmp/in/responses.csv" \
    --out "$tmp/rcmap" -q --no-render
  run_one pandas "$python" "$here/pandas_baseline.py" "$tmp/in/units.csv" "$tmp/in/responses.csv" \
    "$tmp/pandas_ties.csv"
done
# stats NAME: "best_wall cpu_of_that_run median_wall max_rss_kb"
stats() {
  sort -n "$tmp/$1.times" | awk '{ w[NR] = $1; c[NR] = $2; if ($3 > kb) kb = $3 }
    END { m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2; print w[1], c[1], m, kb }'
}
read -r rcmap_s rcmap_cpu rcmap_med rcmap_kb < <(stats rcmap)
read -r pandas_s pandas_cpu pandas_med pandas_kb < <(stats pandas)

check_rc=0
"$python" "$here/check_ties.py" "$tmp/rcmap/ties.csv" "$tmp/pandas_ties.csv" 5 || check_rc=$?

awk -v rows="$rows" -v bytes="$bytes" -v rs="$rcmap_s" -v rk="$rcmap_kb" -v rc="$rcmap_cpu" -v rm="$rcmap_med" \
    -v ps="$pandas_s" -v pk="$pandas_kb" -v pc="$pandas_cpu" -v pm="$pandas_med" -v runs="$runs" 'BEGIN {
  ratio = ps / rs
  printf "input: %d response rows, %.1f MB (rcmap sample --seed 7 --respondents 70000 --units 16)\n", rows, bytes / 1e6
  printf "%d rounds, the two programs in alternation; seconds = best wall time (cpu = user + system\n", runs
  printf "of that run), median = median wall time; peak = max resident set size\n\n"
  printf "%-8s %9s %9s %9s %9s %8s %14s\n", "tool", "seconds", "cpu s", "median s", "peak MB", "speed", "speed (median)"
  printf "%-8s %9.3f %9.3f %9.3f %9.1f %7.1fx %13.1fx\n", "rcmap", rs, rc, rm, rk / 1024, ratio, pm / rm
  printf "%-8s %9.3f %9.3f %9.3f %9.1f %7.1fx %13.1fx\n", "pandas", ps, pc, pm, pk / 1024, 1, 1
  printf "\n"
  printf "target: rcmap >= 10x faster than pandas: %s (%.1fx)\n", (ratio >= 10 ? "PASS" : "FAIL"), ratio
  printf "target: rcmap peak < 300 MB:             %s (%.1f MB)\n", (rk / 1024 < 300 ? "PASS" : "FAIL"), rk / 1024
}'
if [ "$check_rc" -ne 0 ]; then
  echo "ingest.sh: rcmap and pandas disagree (see above)" >&2
  exit 1
fi
