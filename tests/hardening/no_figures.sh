#!/usr/bin/env bash
# Hardening test: rcmap without figures (-DRCMAP_FIGURES=OFF: no render/, no
# figure module, no Cairo). Configures a sub-build of the same source, builds
# only the rcmap target, then:
#  - `analyze --no-render` on the sample writes the same files, byte for
#    byte, as the full build's rcmap (REFERENCE_RCMAP) with --no-render;
#  - `analyze`, `compare` and `network` without --no-render, and `report`,
#    stop with exit code 1 and one clear message, and write nothing.
#   no_figures.sh SOURCE_DIR WORK_DIR REFERENCE_RCMAP [COMPILER_LAUNCHER]
set -euo pipefail
src=$1 work=$2 reference=$3 launcher=${4:-}
build="$work/build"
args=(-DCMAKE_BUILD_TYPE=Release -DRCMAP_FIGURES=OFF -DRCMAP_BUILD_TESTS=OFF)
if [ -n "$launcher" ]; then
  args+=(-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" -DCMAKE_C_COMPILER_LAUNCHER="$launcher")
fi
cmake -S "$src" -B "$build" "${args[@]}" >/dev/null
cmake --build "$build" -j2 --target rcmap >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; exit 1; }
rcmap="$build/rcmap"
fail() { echo "no_figures.sh: $*" >&2; exit 1; }
[ ! -e "$build/rcmap-figures.so" ] || fail "the figure module was built with RCMAP_FIGURES=OFF"
if ldd "$rcmap" | grep -Eq 'libcairo|libpango'; then fail "rcmap is linked to Cairo or Pango"; fi

# The same relative paths in both runs (summary.json and project.ini record
# them): each runs in its own folder.
rm -rf "$work/run" "$work/reference"
mkdir -p "$work/run" "$work/reference"
cp "$src/samples/units.csv" "$src/samples/responses.csv" "$work/run/"
cp "$src/samples/units.csv" "$src/samples/responses.csv" "$work/reference/"
sample=(--units units.csv --responses responses.csv)
(cd "$work/reference" && "$reference" analyze "${sample[@]}" --out out --no-render 2>/dev/null)
cd "$work/run"
"$rcmap" analyze "${sample[@]}" --out out --no-render 2>/dev/null
[ -f out/ties.csv ] && [ -f out/summary.json ] && [ -f out/workbook.xlsx ] || fail "analyze --no-render wrote no tables"
[ ! -e out/report.pdf ] && [ ! -e out/map.png ] || fail "analyze --no-render drew figures"
diff -r out "$work/reference/out" >/dev/null ||
  { diff -rq out "$work/reference/out" >&2; fail "analyze --no-render differs from the full build's"; }

# Without --no-render: usage error (exit 1), one message, no output folder.
expect_refusal() {
  local out=$1; shift
  local status=0
  "$rcmap" "$@" --out "$out" 2>err.txt >/dev/null || status=$?
  [ "$status" -eq 1 ] || fail "rcmap $1 without --no-render: exit $status, expected 1"
  grep -q 'this rcmap was built without figures; use --no-render' err.txt ||
    { cat err.txt >&2; fail "rcmap $1 without --no-render: no clear message"; }
  [ ! -e "$out" ] || fail "rcmap $1 without --no-render wrote $out"
}
expect_refusal refused-analyze analyze "${sample[@]}"
"$rcmap" sample --out waves --seed 2 --waves 2 >/dev/null
expect_refusal refused-compare compare --units waves/units.csv --responses waves/responses.csv
expect_refusal refused-network network --people "$src/samples/people.csv" --ties "$src/samples/person-ties.csv" \
  --units units.csv
# rcmap report always draws: refused too, and the folder left as it was.
cp -r out report-out
status=0
"$rcmap" report report-out 2>err.txt >/dev/null || status=$?
[ "$status" -eq 1 ] && grep -q 'this rcmap was built without figures' err.txt ||
  { cat err.txt >&2; fail "rcmap report: exit $status, expected 1 with a clear message"; }
diff -r out report-out >/dev/null || fail "rcmap report changed the results folder"
echo "no_figures.sh: rcmap without figures builds, analyses with --no-render and refuses to draw"
