#!/usr/bin/env bash
# Benchmark: rcmap analyze (ingest + validation + aggregation + tables) on
# ~1,000,000 response rows against a pandas read_csv + groupby baseline.
# usage: bash bench/ingest.sh [BUILD_DIR]     (default: build)
# Prints seconds (best of 5 wall times, measured to the microsecond by
# bench/timed.py) and peak memory (max RSS over the runs) of each tool and
# PASS/FAIL against the targets. Exit 0 if both
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

runs=5
seed=7 respondents=70000 units=16
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$rcmap" sample --out "$tmp/in" --seed "$seed" --respondents "$respondents" --units "$units" >/dev/null
rows=$(($(wc -l <"$tmp/in/responses.csv") - 1))
bytes=$(wc -c <"$tmp/in/responses.csv")

# time_best NAME CMD...: runs CMD $runs times; sets best_s (min wall
# seconds), best_cpu (user + system seconds of that run) and peak_kb (max
# of the peak RSS of each run).
time_best() {
  local name="$1"; shift
  best_s="" best_cpu="" peak_kb=0
  for ((i = 1; i <= runs; i++)); do
    if ! "$python" "$here/timed.py" "$tmp/$name.log" "$@" >"$tmp/time"; then
      echo "ingest.sh: $name failed:" >&2; cat "$tmp/$name.log" >&2; exit 2
    fi
    read -r s cpu kb <"$tmp/time"
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
      best_s="$s"
      best_cpu="$cpu"
    fi
    if [ "$kb" -gt "$peak_kb" ]; then peak_kb="$kb"; fi
  done
}

time_best rcmap "$rcmap" analyze --units "$tmp/in/units.csv" --responses "$tmp/in/responses.csv" \
  --out "$tmp/rcmap" -q --no-render
rcmap_s="$best_s" rcmap_cpu="$best_cpu" rcmap_kb="$peak_kb"
time_best pandas "$python" "$here/pandas_baseline.py" "$tmp/in/units.csv" "$tmp/in/responses.csv" \
  "$tmp/pandas_ties.csv"
pandas_s="$best_s" pandas_cpu="$best_cpu" pandas_kb="$peak_kb"

check_rc=0
"$python" "$here/check_ties.py" "$tmp/rcmap/ties.csv" "$tmp/pandas_ties.csv" 5 || check_rc=$?

awk -v rows="$rows" -v bytes="$bytes" -v rs="$rcmap_s" -v rk="$rcmap_kb" -v rc="$rcmap_cpu" \
    -v ps="$pandas_s" -v pk="$pandas_kb" -v pc="$pandas_cpu" -v runs="$runs" 'BEGIN {
  ratio = ps / rs
  printf "input: %d response rows, %.1f MB (rcmap sample --seed 7 --respondents 70000 --units 16)\n", rows, bytes / 1e6
  printf "seconds = best of %d wall times (cpu = user + system of that run); peak = max resident set size\n\n", runs
  printf "%-8s %9s %9s %9s %8s\n", "tool", "seconds", "cpu s", "peak MB", "speed"
  printf "%-8s %9.3f %9.3f %9.1f %7.1fx\n", "rcmap", rs, rc, rk / 1024, ratio
  printf "%-8s %9.3f %9.3f %9.1f %7.1fx\n", "pandas", ps, pc, pk / 1024, 1
  printf "\n"
  printf "target: rcmap >= 10x faster than pandas: %s (%.1fx)\n", (ratio >= 10 ? "PASS" : "FAIL"), ratio
  printf "target: rcmap peak < 300 MB:             %s (%.1f MB)\n", (rk / 1024 < 300 ? "PASS" : "FAIL"), rk / 1024
}'
if [ "$check_rc" -ne 0 ]; then
  echo "ingest.sh: rcmap and pandas disagree (see above)" >&2
  exit 1
fi
