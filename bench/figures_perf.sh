#!/usr/bin/env bash
# CPU time of `rcmap analyze` with default outputs on the shipped sample, by
# library and kernel cause (perf sampling; bench/perf_split.py): the time
# view beside the instruction view of bench/figures_profile.sh (callgrind
# does not count the kernel: page faults on fresh image surfaces, writes).
# usage: bash bench/figures_perf.sh [BUILD_DIR] [RUNS] [EXTRA rcmap OPTIONS...]
# (defaults: build, 8). Needs perf (Debian linux-perf) allowed to sample this
# user's processes (kernel.perf_event_paranoid <= 2). Each run writes a new folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:-build}" && pwd)" runs="${2:-8}"
shift $(($# < 2 ? $# : 2))
command -v perf >/dev/null || { echo "figures_perf.sh: perf missing (apt-get install linux-perf)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
s="$here/../samples"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
perf record -q -F 4000 -g -o "$tmp/perf.data" -- bash -c '
  for ((i = 1; i <= '"$runs"'; i++)); do
    "$0" analyze --units "$1/units.csv" --responses "$1/responses.csv" --out "$2/out$i" -q "${@:3}"
  done' "$build/rcmap" "$s" "$tmp" "$@" 2>/dev/null
perf script -i "$tmp/perf.data" -F comm,ip,sym,dso 2>/dev/null | /usr/bin/python3 "$here/perf_split.py" rcmap
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
