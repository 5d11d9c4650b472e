#!/usr/bin/env bash
# Accuracy of the sampled betweenness / harmonic estimator (docs/network-scale.md)
# against exact values where exact is still affordable, and its time per
# source, to choose the number of sources for 100,000 people / 1,000,000 ties.
# bench/README.md, "Person networks".
# usage: bash bench/network_sampling.sh [BUILD_DIR]   (built with -DRCMAP_BUILD_BENCH=ON)
# Environment: SIZES="10k" (people: 10k = 10,000 people / ~100,000 ties;
# 20k = 20,000 / ~200,000), CFGS="auto 150:100000:500 ..." (each
# PIVOTS:PAIRS:CANDIDATES: harmonic pivots, betweenness pairs, harmonic
# candidates recomputed exactly; "auto" = rcmap's own choice for the size),
# SEEDS="1 2 3" (sample seeds), TOP=50.
# Prints per size the exact run's time, then per configuration and seed: kernel
# seconds (betweenness + harmonic, 2 processes), Spearman's rho and the top-TOP
# overlap for both measures (bench/sampling_accuracy.py), and the load average.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
rcmap="$build/rcmap" kernel="$build/bench/rcmap_bench_paths"
python="${PYTHON:-/usr/bin/python3}"
[ -x "$kernel" ] || { echo "network_sampling.sh: $kernel missing (cmake -DRCMAP_BUILD_BENCH=ON)" >&2; exit 2; }
units="$here/../samples/units.csv"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# secs LOG: the kernel driver's betweenness+harmonic seconds.
secs() { grep -o 'betweenness+harmonic [0-9.]*' "$1" | awk '{print $2}'; }
for size in ${SIZES:-10k}; do
  case "$size" in
    10k) people=10000 ;;
    20k) people=20000 ;;
    *) echo "network_sampling.sh: unknown size $size (10k, 20k)" >&2; exit 2 ;;
  esac
  d="$tmp/$size"
  "$rcmap" sample --people --units-file "$units" --people-count "$people" --ties-per-person 10 --seed 7 \
    --out "$d/in" >/dev/null
  ties=$(($(wc -l <"$d/in/person-ties.csv") - 1))
  in=("$d/in/people.csv" "$d/in/person-ties.csv")
  echo "== $size: $people people, $ties ties (rcmap sample --people --people-count $people --ties-per-person 10 --seed 7)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Exact: every person a source (exact_max_edges above the tie count), 2 processes.
  "$kernel" "${in[@]}" "$d/exact.csv" 1000000000000 0 1 2 2>"$d/exact.log"
  echo "exact: $(secs "$d/exact.log") s (betweenness + harmonic, 2 processes)"
  echo "| pivots | pairs | refined | seed | kernel s | rho betweenness | top${TOP:-50} betweenness | rho harmonic | top${TOP:-50} harmonic |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for cfg in ${CFGS:-auto}; do
    [ "$cfg" = auto ] && cfg="0:0:-1"
    IFS=: read -r k pairs cands <<<"$cfg"
    for seed in ${SEEDS:-1 2 3}; do
      "$kernel" "${in[@]}" "$d/k.csv" 0 "$k" "$seed" 2 "$pairs" "$cands" 2>"$d/k.log"
      num() { sed -n "s/.*$1.*/\\1/p" "$d/k.log" | head -1; }
      u_pairs=$(num 'betweenness from \([0-9]*\) sampled pairs') u_k=$(num 'harmonic from \([0-9]*\) of')
      u_c=$(num 'exact for the \([0-9]*\) highest')
      read -r _ _ rb _ tb _ _ rh _ th < <("$python" "$here/sampling_accuracy.py" "$d/exact.csv" "$d/k.csv" "${TOP:-50}")
      echo "| $u_k | $u_pairs | $u_c | $seed | $(secs "$d/k.log") | $rb | $tb | $rh | $th |"
    done
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
