#!/usr/bin/env bash
# Benchmark: person networks (docs/network-scale.md) at 1k, 20k and 1M ties. rcmap against
# a pandas + NetworkX reference pipeline (bench/network_ref.py) and, for the
# betweenness and PageRank kernels, graph-tool (bench/network_gt.py).
# usage: bash bench/network.sh [BUILD_DIR]   (default: build, configured with
#        -DRCMAP_BUILD_BENCH=ON for the kernel driver)
# Environment: SIZES="1k 20k 1m" (subset to run), NX_MAX_TIES (default 21000:
# NetworkX and graph-tool's exact betweenness are O(V E) and need hours at
# 1M ties), PYTHON (default /usr/bin/python3). See docs/network-scale.md.
# Exit 0 when every comparison agrees (a missed speed target is reported,
# not an error), 1 on disagreement, 2 when a run fails or a tool is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
rcmap="$build/rcmap" kernel="$build/bench/rcmap_bench_paths"
python="${PYTHON:-/usr/bin/python3}"
sizes="${SIZES:-1k 20k 1m}" nx_max="${NX_MAX_TIES:-21000}"
units="$here/../samples/units.csv"  # the 16 Nordby units; people spread by headcount
for f in "$rcmap" "$kernel" /usr/bin/time; do
  [ -x "$f" ] || { echo "network.sh: $f missing (cmake -DRCMAP_BUILD_BENCH=ON; scripts/install-deps.sh --bench)" >&2; exit 2; }
done
"$python" -c 'import pandas, networkx, graph_tool' 2>/dev/null ||
  { echo "network.sh: $python lacks pandas/networkx/graph_tool (scripts/install-deps.sh --bench)" >&2; exit 2; }
# The full command once `rcmap network` exists; before that the kernel driver.
full=0
if "$rcmap" network --help >/dev/null 2>&1; then full=1; fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# run NAME CMD...: wall s, cpu s and peak KB of one run into $s $cpu $kb; stderr kept in $tmp/NAME.log.
run() {
  local name="$1"; shift
  if ! /usr/bin/time -o "$tmp/time" -f "%e %U %S %M" "$@" >"$tmp/$name.log" 2>&1; then
    echo "network.sh: $name failed:" >&2; cat "$tmp/$name.log" >&2; exit 2
  fi
  read -r s u sy kb <"$tmp/time"
  cpu=$(awk -v u="$u" -v s="$sy" 'BEGIN { print u + s }')
}
# kernel_s LOG PATTERN...: sum of the seconds after each pattern in LOG.
kernel_s() {
  local log="$1"; shift
  for p in "$@"; do grep -o "$p [0-9.]*" "$log" | awk '{ print $NF }'; done | awk '{ t += $1 } END { printf "%.2f", t }'
}
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }

agree=0
rows=()
for size in $sizes; do
  case "$size" in
    1k) people=100 per=10 ;;
    20k) people=1400 per=14.3 ;;
    1m) people=100000 per=10 ;;
    *) echo "network.sh: unknown size $size (1k, 20k, 1m)" >&2; exit 2 ;;
  esac
  d="$tmp/$size"
  "$rcmap" sample --people --units-file "$units" --people-count "$people" --ties-per-person "$per" --seed 7 --out "$d/in"
  in=("$d/in/people.csv" "$d/in/person-ties.csv")
  ties=$(($(wc -l <"${in[1]}") - 1))
  if [ "$full" = 1 ]; then
    run "rcmap-$size" "$rcmap" network --people "${in[0]}" --ties "${in[1]}" --units "$units" --out "$d/rcmap" --distance complement
    mine="$d/rcmap/people-metrics.csv"
  else
    run "rcmap-$size" "$kernel" "${in[@]}" "$d/kernel.csv"
    mine="$d/kernel.csv"
  fi
  r_s="$s" r_cpu="$cpu" r_kb="$kb"
  # Kernel timings (betweenness + harmonic + PageRank) from the driver, both cores.
  run "kernel-$size" "$kernel" "${in[@]}" "$d/kernel.csv"
  k_s=$(kernel_s "$tmp/kernel-$size.log" "betweenness+harmonic" "pagerank")
  sampled=0
  grep -q "estimated from" "$tmp/kernel-$size.log" && sampled=1
  nx_s="-" nx_kb="-" speed="-" gt_k="-" gt_ratio="-"
  if [ "$ties" -le "$nx_max" ]; then
    run "nx-$size" "$python" "$here/network_ref.py" "${in[@]}" "$units" "$d/nx"
    nx_s="$s" nx_kb=$(mb "$kb") speed=$(ratio "$s" "$r_s")
    SAMPLED=$sampled "$python" "$here/check_network.py" "$mine" "$d/nx/people-metrics.csv" networkx || agree=1
    run "gt-$size" "$python" "$here/network_gt.py" "${in[@]}" "$d/gt.csv"
    gt_k=$(kernel_s "$tmp/gt-$size.log" "betweenness" "pagerank")
    gt_ratio=$(ratio "$gt_k" "$k_s")
    SAMPLED=$sampled "$python" "$here/check_network.py" "$d/kernel.csv" "$d/gt.csv" graph-tool || agree=1
  fi
  rows+=("| $size | $people | $ties | $r_s | $r_cpu | $(mb "$r_kb") | $nx_s | $nx_kb | $speed | $k_s | $gt_k | $gt_ratio |")
  if [ "$size" = 20k ]; then
    # Estimator quality: exact vs sampled sources (seed 1) on the 20k-tie graph.
    "$kernel" "${in[@]}" "$d/exact.csv" 50000 0 1 2 2>/dev/null
    for k in 50 100 200 400; do
      "$kernel" "${in[@]}" "$d/k$k.csv" 0 "$k" 1 2 2>/dev/null
      echo "spearman 20k ties, $k of $people sources: $("$python" "$here/spearman.py" "$d/exact.csv" "$d/k$k.csv")"
    done
  fi
done

echo
if [ "$full" = 1 ]; then what="rcmap network (read, validate, all metrics, aggregate, write)"
else what="kernel driver only (read, betweenness, harmonic, PageRank): rcmap network not built yet"; fi
echo "rcmap: $what"
echo "| size | people | ties | rcmap s | rcmap cpu s | rcmap MB | networkx s | networkx MB | speed | rcmap kernels s | graph-tool kernels s | graph-tool / rcmap |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo "NetworkX and graph-tool run only up to $nx_max ties (exact betweenness is O(V E): hours at 1M)."
exit "$agree"
