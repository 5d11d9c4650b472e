#!/bin/sh
# Every C/C++ source of rcmap is formatted as .clang-format says (Google style,
# 120 columns). Fails listing the files clang-format would change; fix them
# with: clang-format -i FILE. Usage: format_check.sh CLANG_FORMAT SOURCE_DIR
set -eu
cf=$1
cd "$2"
files=$(find bench fuzz include render src tests -type f \
          \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.c' \) | LC_ALL=C sort)
bad=0
for f in $files; do
  if ! "$cf" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (clang-format -i $f)"
    bad=1
  fi
done
[ "$bad" = 0 ] && echo "$(echo "$files" | wc -l) files formatted"
exit $bad
