#!/usr/bin/env bash
# Times `rcmap analyze` on surveys of 2,000 units (docs/performance.md): every
# output incl. report.pdf (target: at most 15 s on a 2-core machine, and the
# report under 60 pages), the same without figures and report, and rcmap
# sample's dense survey of 2,000 units. Prints wall and CPU seconds, peak
# memory, report pages and gaps.csv rows. See bench/README.md, "Many units".
#   bash bench/many_units.sh [BUILD_DIR] [N]     N: runs per case, best kept (default 3)
#   PER_UNIT=1 bash bench/many_units.sh          also --per-unit (2,000 PNG pages, minutes)
# Needs python3 and pdfinfo (poppler-utils). Exit status: 0, or 2 when a run fails.
set -euo pipefail
build=${1:-build} n=${2:-3}
rcmap=$(cd "$build" && pwd)/rcmap
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Sparse: each unit rates 30 partners (430,000 rows, 62,000 ties, 640,000 gap pairs).
"$py" "$here/many_units.py" "$tmp/sparse" 2000 30 1
# Dense: rcmap sample, everyone rates ~80 % of all units (3.3 million rows,
# 1.58 million ties, nearly all suppressed: about one respondent per unit).
"$rcmap" sample --out "$tmp/dense" --units 2000 --respondents 2000 --seed 1 >/dev/null

# run NAME DATA [OPTIONS...]: best wall time of $n runs, with that run's CPU
# seconds and the largest peak RSS.
printf "%-44s %8s %8s %8s %6s %8s  %s\n" case wall_s cpu_s peak_MB pages gaps target
run() {
  local name=$1 data=$2; shift 2
  local best=999999 cpu=0 rss=0 out="$tmp/out"
  for _ in $(seq "$n"); do
    rm -rf "$out"
    read -r w c m < <("$py" "$here/timed.py" "$tmp/log" "$rcmap" analyze --units "$data/units.csv" \
      --responses "$data/responses.csv" --out "$out" "$@") || { cat "$tmp/log" >&2; exit 2; }
    if (( $(echo "$w < $best" | bc -l) )); then best=$w cpu=$c; fi
    (( m > rss )) && rss=$m
  done
  local pages=- gaps
  [[ -f $out/report.pdf ]] && pages=$(pdfinfo "$out/report.pdf" | awk '/^Pages:/ {print $2}')
  gaps=$(( $(wc -l < "$out/gaps.csv") - 1 ))
  local target=-
  if [[ $name == *"(target 15 s)"* ]]; then
    target=$( (( $(echo "$best <= 15" | bc -l) )) && [[ $pages != - ]] && (( pages < 60 )) && echo PASS || echo FAIL)
  fi
  printf "%-44s %8.2f %8.2f %8.0f %6s %8s  %s\n" "$name" "$best" "$cpu" "$((rss / 1024))" "$pages" "$gaps" "$target"
}
run "sparse 2,000 units, with report (target 15 s)" "$tmp/sparse" -q
run "sparse 2,000 units, --no-render" "$tmp/sparse" -q --no-render
n=1 run "dense 2,000 units (rcmap sample), with report" "$tmp/dense" -q
if [[ ${PER_UNIT:-0} == 1 ]]; then
  n=1 run "sparse 2,000 units, --per-unit" "$tmp/sparse" -q --per-unit
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other jobs slow every case alike)"
