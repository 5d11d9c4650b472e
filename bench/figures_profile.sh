#!/usr/bin/env bash
# Callgrind instruction profiles of `rcmap analyze` on the shipped sample, one
# per output case, summarised by bench/callgrind_table.py (bench/README.md,
# "Figures and report"). Instruction counts do not depend on the machine's
# load, so before/after comparisons of a speed-up hold on a shared machine.
#   bash bench/figures_profile.sh [BUILD_DIR] [KEEP_DIR]
# Cases: none (--no-render: tables, workbook, GraphML), png, svg, pdf (each
# --formats X, with report.pdf), default (png,svg + report.pdf), report
# (`rcmap report` on the default run's folder: report.pdf alone, after
# re-reading the inputs). KEEP_DIR keeps the callgrind files (for
# callgrind_annotate --tree=both); otherwise they are removed. Needs valgrind.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
rcmap="$build/rcmap"
command -v valgrind >/dev/null || { echo "figures_profile.sh: valgrind missing (apt-get install valgrind)" >&2; exit 2; }
[ -x "$rcmap" ] || { echo "figures_profile.sh: $rcmap not found" >&2; exit 2; }
if [ -n "${2:-}" ]; then mkdir -p "$2"; keep="$(cd "$2" && pwd)"; tmp="$keep"; else
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT; fi
sample=(--units "$here/../samples/units.csv" --responses "$here/../samples/responses.csv")
cg() {  # cg NAME ARGS...: one callgrind run, profile into $tmp/cg.NAME-NN (one file per thread)
  local name="$1"; shift
  rm -f "$tmp/cg.$name"-*
  valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$tmp/cg.$name" "$rcmap" "$@" \
    >"$tmp/$name.log" 2>&1 || { echo "figures_profile.sh: $name failed:" >&2; cat "$tmp/$name.log" >&2; exit 2; }
}
cg none analyze "${sample[@]}" --out "$tmp/none" -q --no-render
cg png analyze "${sample[@]}" --out "$tmp/png" -q --formats png
cg svg analyze "${sample[@]}" --out "$tmp/svg" -q --formats svg
cg pdf analyze "${sample[@]}" --out "$tmp/pdf" -q --formats pdf
cg default analyze "${sample[@]}" --out "$tmp/default" -q
cg report report "$tmp/default" -q
echo "rcmap analyze on samples/ (16 units, 4,037 rows); callgrind, $(valgrind --version)"
/usr/bin/python3 "$here/callgrind_table.py" none="$tmp/cg.none" png="$tmp/cg.png" svg="$tmp/cg.svg" \
  pdf="$tmp/cg.pdf" default="$tmp/cg.default" report="$tmp/cg.report"
