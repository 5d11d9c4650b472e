#!/usr/bin/env bash
# Person-network kernels at 1,400 people / ~20,000 ties (the 20k graph of
# bench/network.sh): rcmap's betweenness + harmonic + PageRank (kernel driver
# bench/paths_kernel.cpp, 2 processes) against graph-tool's betweenness +
# PageRank (bench/network_gt.py, OpenMP on 2 cores), in alternation.
# bench/README.md, "Person networks". Target (bench/README.md): rcmap no slower.
# usage: bash bench/network_kernels.sh [BUILD_DIR] [ROUNDS]   (defaults: build, 7)
# Prints best and median kernel seconds of each (as each program times its
# kernels: reading excluded), the ratio graph-tool / rcmap, the load average,
# and checks that the results agree (bench/check_network.py).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:-build}" && pwd)" rounds="${2:-7}"
rcmap="$build/rcmap" kernel="$build/bench/rcmap_bench_paths"
python="${PYTHON:-/usr/bin/python3}"
[ -x "$kernel" ] || { echo "network_kernels.sh: $kernel missing (cmake -DRCMAP_BUILD_BENCH=ON)" >&2; exit 2; }
"$python" -c 'import graph_tool' 2>/dev/null || { echo "network_kernels.sh: no graph_tool (scripts/install-deps.sh --bench)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$rcmap" sample --people --units-file "$here/../samples/units.csv" --people-count 1400 --ties-per-person 14.3 \
  --seed 7 --out "$tmp/in" >/dev/null
in=("$tmp/in/people.csv" "$tmp/in/person-ties.csv")
ties=$(($(wc -l <"${in[1]}") - 1))
# kernel_s LOG PATTERN...: sum of the seconds after each pattern in LOG.
kernel_s() {
  local log="$1"; shift
  for p in "$@"; do grep -o "$p [0-9.]*" "$log" | awk '{ print $NF }'; done | awk '{ t += $1 } END { printf "%.3f", t }'
}
l0=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 1; i <= rounds; i++)); do
  "$kernel" "${in[@]}" "$tmp/rcmap.csv" 2>"$tmp/r.log"
  echo "$(kernel_s "$tmp/r.log" "betweenness+harmonic") $(kernel_s "$tmp/r.log" "pagerank")" >>"$tmp/r.times"
  "$python" "$here/network_gt.py" "${in[@]}" "$tmp/gt.csv" 2>"$tmp/g.log"
  echo "$(kernel_s "$tmp/g.log" "betweenness") $(kernel_s "$tmp/g.log" "pagerank")" >>"$tmp/g.times"
done
l1=$(cut -d' ' -f1-3 /proc/loadavg)
agree=0
"$python" "$here/check_network.py" "$tmp/rcmap.csv" "$tmp/gt.csv" graph-tool || agree=1
# stats FILE: best and median of the summed columns, and the best run's columns.
stats() {
  awk '{ print $1 + $2, $1, $2 }' "$1" | sort -n | awk '{ t[NR] = $1; a[NR] = $2; b[NR] = $3 }
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print t[1], m, a[1], b[1] }'
}
read -r rb rm ra rp < <(stats "$tmp/r.times")
read -r gb gm ga gp < <(stats "$tmp/g.times")
echo "1,400 people, $ties ties; $rounds rounds in alternation; load average before $l0, after $l1"
printf "%-10s %8s %8s  %s\n" tool "best s" "median s" "best run: parts"
printf "%-10s %8.3f %8.3f  betweenness+harmonic %.3f, pagerank %.3f\n" rcmap "$rb" "$rm" "$ra" "$rp"
printf "%-10s %8.3f %8.3f  betweenness %.3f, pagerank %.3f\n" graph-tool "$gb" "$gm" "$ga" "$gp"
awk -v r="$rb" -v g="$gb" -v rm="$rm" -v gm="$gm" 'BEGIN {
  printf "graph-tool / rcmap: %.2fx best/best, %.2fx median/median (target >= 1: rcmap no slower): %s\n",
    g / r, gm / rm, (g / r >= 1 ? "PASS" : "FAIL") }'
exit "$agree"
