#!/usr/bin/env bash
# PNG encoder choices for rcmap's figures: draws the four figures of
# the shipped sample with rcmap, then times ways of encoding each PNG with
# bench/png_probe.c (libpng as today, zlib levels, zlib on two threads,
# libdeflate, libspng), best of REPS, into memory. Prints per method the
# summed milliseconds and bytes of the four figures. bench/README.md,
# "Figures and report".
# usage: bash bench/png_probe.sh [BUILD_DIR] [REPS]   (defaults: build, 9)
# Needs libpng-dev, zlib1g-dev, libdeflate-dev, libspng-dev (scripts/install-deps.sh --bench).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:-build}" && pwd)" reps="${2:-9}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/png_probe" "$here/png_probe.c" -lpng -lz -ldeflate -lspng -lpthread ||
  { echo "png_probe.sh: cannot build the probe (scripts/install-deps.sh --bench)" >&2; exit 2; }
"$build/rcmap" analyze --units "$here/../samples/units.csv" --responses "$here/../samples/responses.csv" \
  --out "$tmp/out" -q --formats png
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in map gap-map matrix profile; do "$tmp/png_probe" "$tmp/out/$f.png" "$reps"; done |
  awk '{ ms[$1] += $2; b[$1] += $3; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    END { printf "%-16s %9s %11s\n", "method", "ms (4 figs)", "bytes"
          for (i = 1; i <= n; ++i) printf "%-16s %9.1f %11d\n", order[i], ms[order[i]], b[order[i]] }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
