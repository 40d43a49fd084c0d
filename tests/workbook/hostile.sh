#!/usr/bin/env bash
# Hostile workbooks: `pack build` refuses each with a message (exit 1) and its peak memory
# (/usr/bin/time -v, "Maximum resident set size") stays under RSS_LIMIT_KB, the bound stated
# in data/README.md ("Workbook limits"). The workbooks are made at test time from data/ by
# csv_to_xlsx.py and make_hostile.py (small on disk; nothing big is committed).
# Usage: hostile.sh KIOSK SOURCE_ROOT
set -uo pipefail
kiosk=${1:?usage: hostile.sh KIOSK SOURCE_ROOT}
root=${2:?usage: hostile.sh KIOSK SOURCE_ROOT}
here=$(cd "$(dirname "$0")" && pwd)
RSS_LIMIT_KB=$((100 * 1024))
work=$(mktemp -d "${TMPDIR:-/tmp}/hostile-workbook.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if "${@:2}"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi; }

/usr/bin/python3 "$here/csv_to_xlsx.py" "$root/data" "$work/base.xlsx" || exit 1
/usr/bin/python3 "$here/make_hostile.py" "$work/base.xlsx" "$work" || exit 1
"$kiosk" pack build "$work/base.xlsx" -o "$work/base.db" >/dev/null
check "the valid workbook they are made from builds" test $? = 0

refused() { # NAME EXPECTED-TEXT
  local name=$1 expected=$2 status rss
  /usr/bin/time -v -o "$work/$name.time" "$kiosk" pack build "$work/$name.xlsx" -o "$work/$name.db" \
    >"$work/$name.out" 2>"$work/$name.err"
  status=$?
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
  echo "# $name: exit $status, peak RSS ${rss} kB: $(head -n 1 "$work/$name.err")"
  check "$name: exit status 1" test "$status" = 1
  check "$name: says \"$expected\"" grep -qF -- "$expected" "$work/$name.err"
  check "$name: no pack written" test ! -e "$work/$name.db"
  check "$name: peak RSS ${rss} kB under ${RSS_LIMIT_KB} kB" test "${rss:-999999999}" -lt "$RSS_LIMIT_KB"
}

refused gigabytes 'sheet "members": xl/worksheets/sheet5.xml is 2047 MiB once unpacked, more than the limit of 32 MiB'
refused gigabytes-lying 'sheet "members": xl/worksheets/sheet5.xml is more than 32 MiB once unpacked, the limit'
refused entity-bomb 'xl/sharedStrings.xml: has a DTD (<!DOCTYPE …>), which workbooks never have: refused'
refused truncated 'truncated.xlsx: is damaged or cut short'
refused not-a-zip 'not-a-zip.xlsx: is not an Excel workbook (.xlsx)'
refused million-rows 'sheet "members", row 20001: the sheet has more than 20000 rows with something in them, the limit'
refused huge-cell 'sheet "members", row 2: cell A2 holds a text longer than 64 KiB, the limit'
refused dot-dot 'holds a file named "../../members.xml", outside the workbook or not a plain name: refused'
refused many-entries 'files inside, more than the limit of 4096'

echo "hostile workbooks: $passed passed, $failed failed"
test "$failed" = 0
