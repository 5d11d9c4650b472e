#!/usr/bin/env bash
# Accuracy of the sampled betweenness / harmonic estimator (docs/network-scale.md)
# against exact values where exact is still affordable, and its time per
# source, to choose the number of sources for 100,000 people / 1,000,000 ties.
# bench/README.md, "Person networks".
# usage: bash bench/network_sampling.sh [BUILD_DIR]   (built with -DRCMAP_BUILD_BENCH=ON)
# Environment: SIZES="10k" (people: 10k = 10,000 people / ~100,000 ties;
# 20k = 20,000 / ~200,000), KS="100 150 200 400 800 1600" (sources),
# SEEDS="1 2 3" (sample seeds), TOP=50.
# Prints per size the exact run's time, then per k and seed: kernel seconds
# (betweenness + harmonic, 2 processes), Spearman's rho and the top-TOP
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
  echo "| k | share | seed | kernel s | rho betweenness | top${TOP:-50} betweenness | rho harmonic | top${TOP:-50} harmonic |"
  echo "|---|---|---|---|---|---|---|---|"
  for k in ${KS:-100 150 200 400 800 1600}; do
    for seed in ${SEEDS:-1 2 3}; do
      "$kernel" "${in[@]}" "$d/k.csv" 0 "$k" "$seed" 2 2>"$d/k.log"
      read -r _ _ rb _ tb _ _ rh _ th < <("$python" "$here/sampling_accuracy.py" "$d/exact.csv" "$d/k.csv" "${TOP:-50}")
      awk -v k="$k" -v n="$people" -v s="$seed" -v t="$(secs "$d/k.log")" -v rb="$rb" -v tb="$tb" -v rh="$rh" -v th="$th" \
        'BEGIN { printf "| %d | %.1f %% | %d | %s | %s | %s | %s | %s |\n", k, 100 * k / n, s, t, rb, tb, rh, th }'
    done
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
