#!/usr/bin/env bash
# Compares two folders of rcmap outputs (e.g. two WORKDIRs of
# scripts/output-hashes.sh, before and after a change of the PNG encoder):
# every file must be byte-identical, except PNG files, which must decode
# (libpng checks CRCs and the zlib checksum) to the same size and pixels
# (bench/png_same.c). Prints a summary; exit 0 when all agree, 1 otherwise.
# usage: bash bench/png_same.sh BEFORE_DIR AFTER_DIR
# Needs libpng-dev (scripts/install-deps.sh --bench). bench/README.md,
# "Figures and report".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
a="$1" b="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/png_same" "$here/png_same.c" -lpng || { echo "png_same.sh: cannot build png_same (libpng-dev)" >&2; exit 2; }
same=0 png_same=0 png_bytes_same=0 bad=0
while IFS= read -r -d '' f; do
  rel="${f#"$a"/}"
  if [ ! -f "$b/$rel" ]; then echo "only in $a: $rel"; bad=$((bad + 1)); continue; fi
  if [[ "$rel" == *.png ]]; then
    if "$tmp/png_same" "$f" "$b/$rel"; then
      png_same=$((png_same + 1))
      cmp -s "$f" "$b/$rel" && png_bytes_same=$((png_bytes_same + 1))
    else bad=$((bad + 1)); fi
  elif cmp -s "$f" "$b/$rel"; then same=$((same + 1))
  else echo "differs: $rel"; bad=$((bad + 1)); fi
done < <(find "$a" -type f -print0 | sort -z)
extra=$(cd "$b" && find . -type f | sed 's|^\./||' | while read -r r; do [ -f "$a/$r" ] || echo "$r"; done | wc -l)
echo "byte-identical files (not PNG): $same; PNG files with identical pixels: $png_same (of which byte-identical: $png_bytes_same); differing or missing: $bad; only in $b: $extra"
[ "$bad" -eq 0 ] && [ "$extra" -eq 0 ]
