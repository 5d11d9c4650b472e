#!/usr/bin/env bash
# The .deb route for Windows (WSL's Debian) and macOS (a Debian container),
# docs/installing.md "Windows and macOS": cpack builds the package from BUILD,
# dpkg-deb unpacks it into a fresh root (no root rights needed), and the
# unpacked rcmap generates the sample and analyses it with the unpacked
# figure module. Installing with apt on a clean Debian is the manual check
# described there.
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1); then
  cat "$work/cpack.log"
  exit 1
fi
deb=$(ls "$work"/pkg/rcmap_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for d in fonts-dejavu-core libigraph libcairo2 libpango-1.0 libxlsxwriter; do
  grep -q "$d" <<<"$depends" || { echo "deb.sh: $deb does not depend on $d" >&2; exit 1; }
done
root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/rcmap usr/lib/rcmap/rcmap-figures.so usr/share/man/man1/rcmap.1 usr/share/rcmap/samples/units.csv; do
  test -f "$root/$f" || { echo "deb.sh: the package has no /$f" >&2; exit 1; }
done
cd "$work"
export RCMAP_FIGURE_MODULE="$root/usr/lib/rcmap/rcmap-figures.so"
"$root/usr/bin/rcmap" --version
"$root/usr/bin/rcmap" sample --out s --quiet
"$root/usr/bin/rcmap" analyze --units s/units.csv --responses s/responses.csv --out r --formats png 2>log
cat log
for f in report.pdf map.png ties.csv workbook.xlsx; do
  test -s "r/$f" || { echo "deb.sh: the unpacked rcmap wrote no r/$f" >&2; exit 1; }
done
grep -q "rcmap analyze: Results in r/" log
echo "deb.sh: ok ($(basename "$deb"))"
