#!/usr/bin/env bash
# Renders the README's pictures of "Editing the content": the real kiosk under Xvfb, driven with
# xdotool as staff would (gesture, PIN, "Copy content to stick", the workbook edited with
# openpyxl, "Take content from stick": the problems, then the preview and Install), on the
# fictional pack of tests/render/fixture; and the workbook's members sheet of the bundled pack
# (`pack export`) printed by LibreOffice. Needs Xvfb, xdotool, xwd, ImageMagick, soffice,
# pdftoppm (poppler-utils) and /usr/bin/python3 with openpyxl.
#   assets/readme/make-import-screens.sh build/dev/src/facts-kiosk
set -uo pipefail
kiosk=${1:?usage: assets/readme/make-import-screens.sh FACTS_KIOSK}
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../..
source "$root/tests/support/e2e.sh"
W=1280 H=720 PIN=2468
e2e_start_xvfb "${W}x${H}"
export DISPLAY=":$display"

tap() { xdotool mousemove "$1" "$2" click 1; sleep 0.25; }
corner_hold() { xdotool mousemove "$1" "$2" mousedown 1; sleep "$3"; xdotool mouseup 1; sleep 0.3; }
gesture() { corner_hold 8 8 3.4; corner_hold $((W - 8)) $((H - 8)) 3.4; }
press() { # PAGE NAME: taps the button the kiosk's debug log placed last on that page
  local xy
  xy=$(grep "staff: $1 buttons:" "$work/kiosk.log" | tail -1 | grep -o " $2=[0-9]*,[0-9]*" | cut -d= -f2 | tr , ' ')
  [ -n "$xy" ] || { echo "no button $2 on the $1"; return 1; }
  # shellcheck disable=SC2086
  tap $xy
}
open_panel() {
  gesture
  wait_for_log "PIN pad open" 3 || return 1
  local i
  for ((i = 0; i < ${#PIN}; i++)); do press "pin pad" "${PIN:i:1}"; done
  press "pin pad" ok
  wait_for_log "PIN accepted" 3
}
keep() { # NAME: the last shot, 8-bit, into assets/readme/
  convert "$work/$1.png" -dither None -colors 96 "PNG8:$here/$1.png"
}
edit() { # SHEET ROW COLUMN VALUE...: sets cells of the stick's workbook, as a laptop would
  /usr/bin/python3 - "$stick/facts-kiosk/edit/content.xlsx" "$@" <<'EOF'
import sys, openpyxl
path, cells = sys.argv[1], sys.argv[2:]
wb = openpyxl.load_workbook(path)
for i in range(0, len(cells), 4):
    ws = wb[cells[i]]
    header = [c.value for c in ws[1]]
    ws.cell(row=int(cells[i + 1]), column=header.index(cells[i + 2]) + 1).value = cells[i + 3] or None
wb.save(path)
EOF
}

"$kiosk" pack build "$root/tests/render/fixture" -o "$work/bundled.db" >/dev/null || exit 1
export FACTS_BUNDLED_PACK="$work/bundled.db"
printf '[kiosk]\nslide_seconds = 60\n' >"$work/kiosk.conf"
printf '%s\n%s\n' $PIN $PIN | "$kiosk" staff set-pin --config "$work/kiosk.conf" >/dev/null
stick=$work/media/stick
mkdir -p "$work/media"
: >"$work/kiosk.log"
"$kiosk" --config "$work/kiosk.conf" --mount-root "$work/media" --state-dir "$work/state" \
  --log-level debug >>"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
check "kiosk starts" wait_for_log "first frame" 10
sleep 1

check "the panel opens" open_panel
sleep 0.5
shot staff-import-panel
keep staff-import-panel
mkdir -p "$stick/facts-kiosk" # the stick goes in (a stand-in: a folder that holds facts-kiosk/)
sleep 2.5
press panel copy-to-stick
check "the content is copied to the stick" wait_for_log "copy content to stick:" 20
check "the stick holds content.xlsx" test -s "$stick/facts-kiosk/edit/content.xlsx"

# Mistakes first: an empty required name, a kind that is not one of the allowed words.
check "a workbook with mistakes" edit members 2 name "" members 3 kind "Startup"
press panel take-from-stick
check "the problems are shown" wait_for_log "content from the stick\|staff: problems buttons:" 30
sleep 1
shot staff-import-problems
keep staff-import-problems
check "the report is on the stick" test -s "$stick/facts-kiosk/edit/import-report.txt"
press problems "done"
sleep 0.5

# Corrected, with a member renamed: the preview, then Install.
check "the workbook corrected" edit members 2 name "Example Brand Renamed" members 3 kind "larger"
press panel take-from-stick
check "the preview opens" wait_for_log "preview of the content from the stick" 30
sleep 1
tap 640 400 # a touch on the slides: the preview is browsable as visitors browse
sleep 1
section=$(grep "targets: goto-section 1 at" "$work/kiosk.log" | tail -1 | sed 's/.* at \([0-9]*\),\([0-9]*\) \([0-9]*\)x\([0-9]*\)/\1 \2 \3 \4/')
# shellcheck disable=SC2086
set -- $section
check "Members in the preview" test -n "$section"
tap $(($1 + $3 / 2)) $(($2 + $4 / 2))
sleep 1.5
shot staff-import-preview
keep staff-import-preview
press "preview bar" install
check "installed" wait_for_log "content from the stick installed" 30
sleep 0.5
shot staff-import-installed
keep staff-import-installed

# The workbook: the bundled pack exported, its members sheet alone, printed by LibreOffice with
# its grid and headings (the headless Calc has no picture export: PDF, then pdftoppm).
"$kiosk" pack build "$root/data" -o "$work/facts.db" >/dev/null
mkdir -p "$work/wb"
"$kiosk" pack export "$work/facts.db" -o "$work/wb/content.xlsx" >/dev/null
/usr/bin/python3 - "$work/wb/content.xlsx" "$work/members.xlsx" <<'PY'
import sys, openpyxl
from openpyxl.worksheet.properties import PageSetupProperties
wb = openpyxl.load_workbook(sys.argv[1])
for name in list(wb.sheetnames):
    if name != "members":
        del wb[name]
ws = wb["members"]
ws.sheet_view.tabSelected = True
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A3
ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
ws.print_options.gridLines = ws.print_options.headings = True
ws.print_area = "A1:H7"
wb.save(sys.argv[2])
PY
timeout 180 soffice --headless "-env:UserInstallation=file://$work/lo" --convert-to pdf --outdir "$work" "$work/members.xlsx" >/dev/null 2>&1
pdftoppm -png -r 100 -f 1 -l 1 "$work/members.pdf" "$work/members"
convert "$work/members-1.png" -trim -bordercolor white -border 8 -resize 1280x -dither None -colors 64 "PNG8:$here/workbook-members.png"
check "the workbook's members sheet" test -s "$here/workbook-members.png"
e2e_finish
