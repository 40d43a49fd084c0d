#!/usr/bin/env bash
# pack build from a workbook: a workbook written from data/'s CSV files by another program
# (openpyxl: one sheet per file, whole numbers as numbers, dates as date cells) builds, and the
# pack's content (tests/support/pack_dump.py: every table and value) equals the pack built from the CSV
# folder; the same for the screenshot fixture, whose images/ sit beside the workbook. A
# mistake is reported by sheet and row, a missing sheet like a missing file (with a misnamed
# one beside it), an unknown sheet with the name it was likely meant to have, a missing
# workbook once. The data/ workbook saved again by LibreOffice (when soffice is there) builds the same.
# Usage: workbook_build.sh KIOSK SOURCE_ROOT
set -uo pipefail
kiosk=${1:?usage: workbook_build.sh KIOSK SOURCE_ROOT}
root=${2:?usage: workbook_build.sh KIOSK SOURCE_ROOT}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/workbook-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if "${@:2}"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi; }
to_xlsx() { /usr/bin/python3 "$here/csv_to_xlsx.py" "$@"; }
dump() { /usr/bin/python3 "$here/../support/pack_dump.py" "$1"; }

# 1. The same content as from the CSV folder: data/ and the fixture (with images).
for source in data tests/render/fixture; do
  name=$(basename "$source")
  mkdir -p "$work/$name"
  to_xlsx "$root/$source" "$work/$name/content.xlsx" || exit 1
  "$kiosk" pack build "$root/$source" -o "$work/$name-csv.db" >/dev/null 2>&1
  check "$source: builds from the CSV folder" test $? = 0
  "$kiosk" pack build "$work/$name/content.xlsx" -o "$work/$name-xlsx.db" >"$work/$name.log" 2>&1
  check "$source: builds from the workbook" test $? = 0
  dump "$work/$name-csv.db" >"$work/$name-csv.dump"
  dump "$work/$name-xlsx.db" >"$work/$name-xlsx.dump"
  check "$source: the same content as from the CSV folder" cmp -s "$work/$name-csv.dump" "$work/$name-xlsx.dump"
  check "$source: the dump is not empty" test "$(wc -l <"$work/$name-xlsx.dump")" -gt 20
done
check "the fixture's images came from beside the workbook" \
  test "$(sed -n '/^table images /,/^table /p' "$work/fixture-xlsx.dump" | grep -c '^\[')" -gt 0
kinds=$(/usr/bin/python3 -c '
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
print(sum(c.is_date for c in cells), sum(type(c.value) is int for c in cells))' "$work/data/content.xlsx")
check "the workbook had date cells and number cells to read (dates, numbers: $kinds)" \
  test "${kinds%% *}" -gt 0 -a "${kinds##* }" -gt 0

# 1b. The same workbook saved again by LibreOffice (shared strings, its own styles and dates).
if command -v soffice >/dev/null; then
  timeout 120 soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to xlsx \
    --outdir "$work/lo" "$work/data/content.xlsx" >"$work/lo.log" 2>&1
  "$kiosk" pack build "$work/lo/content.xlsx" -o "$work/lo.db" >/dev/null 2>&1
  check "data: the workbook saved again by LibreOffice builds" test $? = 0
  dump "$work/lo.db" >"$work/lo.dump"
  check "data: LibreOffice's copy gives the same content" cmp -s "$work/data-csv.dump" "$work/lo.dump"
else
  echo "# skipped: no soffice (Debian libreoffice-calc-nogui) for the LibreOffice copy"
fi

# 2. One mistake, reported by sheet and row (row 3 of "members" is its second member).
to_xlsx "$root/data" "$work/data/mistake.xlsx" --set members 3 kind bigger || exit 1
"$kiosk" pack build "$work/data/mistake.xlsx" -o "$work/mistake.db" >"$work/mistake.log" 2>&1
check "a mistake: exit status 1" test $? = 1
check "a mistake: reported as sheet \"members\", row 3" \
  grep -qF "$work/data/mistake.xlsx, sheet \"members\", row 3, column \"kind\": \"bigger\" is not one of" "$work/mistake.log"
check "a mistake: no pack written" test ! -e "$work/mistake.db"

# 3. A date typed as a date where text belongs is its YYYY-MM-DD; a bad date in a date column.
to_xlsx "$root/data" "$work/data/dates.xlsx" --set stories 2 show_from 2024-02-30 || exit 1
"$kiosk" pack build "$work/data/dates.xlsx" -o "$work/dates.db" >"$work/dates.log" 2>&1
check "a date that is no date: reported in its row" \
  grep -qF "sheet \"stories\", row 2, column \"show_from\": \"2024-02-30\"" "$work/dates.log"

# 4. A missing sheet is reported like a missing file.
/usr/bin/python3 - "$work/data/content.xlsx" "$work/data/no-contacts.xlsx" <<'PY' || exit 1
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
del book["contacts"]
book.save(sys.argv[2])
PY
"$kiosk" pack build "$work/data/no-contacts.xlsx" -o "$work/no-contacts.db" >"$work/no-contacts.log" 2>&1
check "a missing sheet: exit status 1" test $? = 1
check "a missing sheet: reported like a missing file" \
  grep -qxF "$work/data/no-contacts.xlsx, sheet \"contacts\": sheet is missing" "$work/no-contacts.log"

# 4b. Sheet names: a misnamed sheet is named beside the missing one; a sheet in another case
# is the table's (Excel treats names so); an unknown sheet is a warning with the likely name;
# the "Read me" sheet of pack export is no table and is not mentioned.
/usr/bin/python3 - "$work/data/content.xlsx" "$work/data" <<'PY' || exit 1
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
book["members"].title = "Members (1)"
book.save(sys.argv[2] + "/misnamed.xlsx")
book = openpyxl.load_workbook(sys.argv[1])
book["contacts"].title = "x"
book["x"].title = "CONTACTS"
book.create_sheet("Read me", 0).append(["What each sheet holds"])
book.create_sheet("storys").append(["id"])
book.save(sys.argv[2] + "/names.xlsx")
book = openpyxl.load_workbook(sys.argv[1])
book["countries"].cell(row=3, column=book["countries"].max_column + 2, value="beside")
book["figures"].delete_rows(1, book["figures"].max_row)
book.save(sys.argv[2] + "/shape.xlsx")
book = openpyxl.load_workbook(sys.argv[1])
book["partner_clusters"].cell(row=2, column=3, value="atlantis")
book.save(sys.argv[2] + "/reference.xlsx")
PY
"$kiosk" pack build "$work/data/misnamed.xlsx" -o "$work/misnamed.db" >"$work/misnamed.log" 2>&1
check "a misnamed sheet: exit status 1" test $? = 1
check "a misnamed sheet: named beside the missing one" grep -qxF "$work/data/misnamed.xlsx, sheet \"members\": sheet is \
missing; the sheet \"Members (1)\" looks like it: rename it to members" "$work/misnamed.log"
"$kiosk" pack build "$work/data/names.xlsx" -o "$work/names.db" >"$work/names.log" 2>&1
check "a sheet in another case, an unknown sheet and Read me: builds" test $? = 0
check "an unknown sheet: a warning with the likely name" grep -qxF "$work/data/names.xlsx, sheet \"storys\": warning: \
not a sheet the kiosk knows — did you mean stories?" "$work/names.log"
check "Read me: not mentioned" test "$(grep -c 'Read me' "$work/names.log")" = 0
dump "$work/names.db" >"$work/names.dump"
check "a sheet in another case: the same content" cmp -s "$work/data-csv.dump" "$work/names.dump"
"$kiosk" pack build "$work/data/shape.xlsx" -o "$work/shape.db" >"$work/shape.log" 2>&1
check "a value right of the header, an empty sheet: exit status 1" test $? = 1
check "a value right of the header: said in its row" grep -qF "sheet \"countries\", row 3: has values in" "$work/shape.log"
check "an empty sheet: said so" grep -qxF "$work/data/shape.xlsx, sheet \"figures\": the sheet is empty; the first row \
must name the columns" "$work/shape.log"
"$kiosk" pack build "$work/data/reference.xlsx" -o "$work/reference.db" >"$work/reference.log" 2>&1
check "a wrong reference: exit status 1" test $? = 1
check "a wrong reference: names the sheet" grep -qF "sheet \"partner_clusters\", row 2, column \"country\": \
\"atlantis\" is not an id in the sheet \"countries\"" "$work/reference.log"

# 5. A workbook that is not there is one problem, not one per table.
"$kiosk" pack build "$work/nowhere/content.xlsx" -o "$work/nowhere.db" >"$work/nowhere.log" 2>&1
check "a missing workbook: exit status 1" test $? = 1
check "a missing workbook: one line says so" \
  grep -qxF "$work/nowhere/content.xlsx: No such file or directory" "$work/nowhere.log"
check "a missing workbook: one problem" grep -qxF "pack build: 1 problem, no pack written" "$work/nowhere.log"

echo "workbook build: $passed passed, $failed failed"
test "$failed" = 0
