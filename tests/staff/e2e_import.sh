#!/usr/bin/env bash
# End-to-end: staff keep the content themselves (issue 17), in the real kiosk under Xvfb, driven
# with xdotool, on the package's kiosk.conf (its paths moved under a work folder) and a stick
# laid out as the package's stick-mount mounts it (<mount root>/facts-kiosk/<LABEL>):
#   - the hidden gesture and the PIN open the panel; "Copy content to stick" writes
#     facts-kiosk/edit/content.xlsx, its images/ and how-to-edit.txt on the stick;
#   - the workbook is edited with openpyxl (edit_workbook.py: a member renamed, a story added
#     with dates typed as dates, a row deleted); "Take content from stick" builds it in the
#     update worker (the watchdog keeps being pinged: fake systemd) and opens the preview,
#     which shows the renamed member (log and screenshot against the member's page before);
#   - Install: visitors see it (the member's page, status.json: from "kiosk", taken_at_kiosk,
#     base_version), the panel says "taken at the kiosk"; `pack rollback` brings back the pack
#     shown before;
#   - a workbook with errors: the problems page lists them, import-report.txt on the stick
#     names them, nothing in the state directory changes.
# FACTS_E2E_SHOTS=DIR keeps the screenshots there.
# Usage: e2e_import.sh FACTS_KIOSK FIXTURE_SOURCES SHIPPED_KIOSK_CONF
set -uo pipefail
kiosk=${1:?usage: e2e_import.sh FACTS_KIOSK FIXTURE_SOURCES SHIPPED_KIOSK_CONF}
sources=${2:?usage: e2e_import.sh FACTS_KIOSK FIXTURE_SOURCES SHIPPED_KIOSK_CONF}
shipped=${3:?usage: e2e_import.sh FACTS_KIOSK FIXTURE_SOURCES SHIPPED_KIOSK_CONF}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../support/e2e.sh
source "$here/../support/e2e.sh"
# shellcheck source=../support/staff_drive.sh
source "$here/../support/staff_drive.sh"
W=1280 H=720 PIN=2468 WAIT_S=10
log="$work/kiosk.log"
fake_systemd="$here/../support/fake_systemd.py"
e2e_start_xvfb "${W}x${H}"
export DISPLAY=":$display"
keep_shot() { [ -n "${FACTS_E2E_SHOTS:-}" ] && mkdir -p "$FACTS_E2E_SHOTS" && cp "$work/$1.png" "$FACTS_E2E_SHOTS/"; return 0; }
logged_after() { tail -n +"$(($1 + 1))" "$log" | grep -c -- "$2"; }

# The package's kiosk.conf, its paths under $work: the state directory, one mount root.
state="$work/var/lib/facts-kiosk"
media="$work/run/media"
mkdir -p "$media" "$work/keys.d" "$state"
chmod 700 "$state" # systemd makes it (StateDirectory=, StateDirectoryMode=0700)
sed -e "s|^state_dir = .*|state_dir = $state|" -e "s|^trusted_key = .*|trusted_key = $work/keys.d|" \
    -e "0,/^mount_root = .*/s||mount_root = $media|" -e "/^mount_root = \/run\/media$/d" -e "/^mount_root = \/mnt$/d" \
    "$shipped" >"$work/kiosk.conf"
check "the shipped config names the moved paths" \
  test "$(grep -c -e "^state_dir = $state\$" -e "^mount_root = $media\$" "$work/kiosk.conf")" = 2
printf '%s\n%s\n' $PIN $PIN | "$kiosk" staff set-pin --config "$work/kiosk.conf" >/dev/null
"$kiosk" pack build "$sources" -o "$work/bundled.db" >/dev/null || { echo "Bail out! pack build failed"; exit 1; }
export FACTS_BUNDLED_PACK="$work/bundled.db"
bundled_version=$(sqlite3 "$work/bundled.db" 'SELECT version FROM pack')

# systemd's notify socket, played by fake_systemd.py: a ping every 100 ms is asked for.
python3 "$fake_systemd" listen "$work/notify.sock" >"$work/notify.txt" &
systemd_pid=$!
trap 'kill $systemd_pid 2>/dev/null; e2e_cleanup' EXIT
for _ in $(seq 50); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
mark() { python3 "$fake_systemd" mark "$work/notify.sock" "$1"; }
: >"$log"
NOTIFY_SOCKET="$work/notify.sock" WATCHDOG_USEC=200000 "$kiosk" --config "$work/kiosk.conf" --log-level debug \
  --status-seconds 1 >>"$log" 2>&1 &
kiosk_pid=$!
check "kiosk starts on the shipped config" wait_for_log "first frame" 10
sleep 1

# A visitor's view of the member, to compare the preview with.
# shellcheck disable=SC2046 # centre_of gives "X Y", two words on purpose
open_member() { # NAME: to member 0's page, which shows NAME, from wherever the deck is
  local at deck
  deck=$(grep 'deck: ' "$log" | tail -1)
  if [[ $deck == *"deck: attract"* ]]; then
    at=$(lines); tap 640 400
    wait_after "$at" 'deck: interactive ' || return 1
    sleep 0.5
  fi
  if [[ $(grep 'deck: ' "$log" | tail -1) == *"deck: interactive members"* ]]; then # leave it first
    at=$(lines); tap $(centre_of "goto-section 0")
    wait_after "$at" 'deck: interactive about page' || return 1
    sleep 0.5
  fi
  at=$(lines); tap $(centre_of "goto-section 1")
  wait_after "$at" 'deck: interactive members page 1/' || return 1
  sleep 0.5; at=$(lines); tap $(centre_of "open-detail 0")
  wait_after "$at" "members: page of 0 \"$1\"" && sleep 0.7
}
check "a visitor opens \"Example Brand\"" open_member "Example Brand"
shot live_member
keep_shot live_member

# A stick where the package's stick-mount puts it, empty: as root a file system of its own
# (tmpfs), as stick-mount mounts one; else a folder with an empty facts-kiosk folder, as a stick
# used at a kiosk before (a folder of the mount root's own file system is not a stick).
stick="$media/facts-kiosk/EXAMPLE_STICK"
mkdir -p "$stick"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64m,mode=0700 facts-e2e-stick "$stick"; then
  trap 'umount -l "$stick"; kill $systemd_pid 2>/dev/null; e2e_cleanup' EXIT
else
  mkdir "$stick/facts-kiosk"
fi
gesture
type_pin $PIN
check "the gesture and the PIN open the panel" wait_for_log "PIN accepted: staff panel open" 5
check "the panel shows its import buttons" test -n "$(button panel copy-to-stick)" -a -n "$(button panel take-from-stick)"
sleep 0.5
press panel copy-to-stick
check "Copy content to stick: copied" wait_for_log "import: content copied to $stick/facts-kiosk/edit" 15
edit="$stick/facts-kiosk/edit"
check "the stick holds content.xlsx" test -s "$edit/content.xlsx"
check "the stick holds the images" test -s "$edit/images/example-logo.png"
check "the stick holds how-to-edit.txt in three languages" \
  bash -c "grep -q 'how to edit' '$edit/how-to-edit.txt' && grep -q 'kako se menja' '$edit/how-to-edit.txt' && grep -q 'како се мења' '$edit/how-to-edit.txt'"

# Staff edit the workbook on their laptop.
cp "$edit/content.xlsx" "$work/exported.xlsx"
check "the workbook is edited with openpyxl" /usr/bin/python3 "$here/edit_workbook.py" good "$edit/content.xlsx"
sleep 0.3

# Take content from stick: built in the worker, then the preview.
mark take
at=$(lines)
press panel take-from-stick
check "the import starts" wait_after "$at" 'import: taking content from '
check "it builds the workbook" wait_after "$at" "import: building $edit/content.xlsx\$"
check "the preview of the new content opens" \
  wait_after "$at" "staff: preview of the content from the stick \\(version $bundled_version\\) open"
mark preview
check "the preview bar's buttons are logged" wait_after "$at" 'staff: preview bar buttons: .*discard=.*install='
kill -TERM $systemd_pid; wait $systemd_pid
read -r gap pings < <(python3 "$fake_systemd" gap "$work/notify.txt" take preview)
echo "# longest watchdog gap while the import was built: ${gap} s ($pings pings)"
check "the watchdog was pinged all along the import (longest gap ${gap} s, under 1 s)" \
  awk -v g="$gap" 'BEGIN { exit !(g < 1.0) }'
check "the import report on the stick says it is ready" grep -q "version $bundled_version" "$edit/import-report.txt"
sleep 0.5
check "the preview shows the renamed member" open_member "Example Brand Renamed"
shot preview_member
keep_shot preview_member
check "the member's page in the preview differs from the one before" differ live_member preview_member

# Install: visitors see it.
at=$(lines)
press "preview bar" install
check "Install installs it" wait_after "$at" 'staff: content from the stick installed'
check "the kiosk shows the pack taken at the kiosk" \
  wait_after "$at" "update: showing the pack taken at the kiosk \\(base version $bundled_version\\)"
status_has() { grep -q -- "$1" "$state/status.json"; }
wait_status() { local _; for _ in $(seq 30); do status_has "$1" && return 0; sleep 0.2; done; return 1; }
check "status.json: the pack is from the kiosk" wait_status '"from":"kiosk"'
check "status.json: taken at the kiosk, with its base version" \
  wait_status "\"taken_at_kiosk\":true,\"base_version\":$bundled_version"
check "pack status says taken at the kiosk" \
  bash -c "'$kiosk' pack status --state-dir '$state' 2>&1 | grep -q 'taken at the kiosk'"
installed=$(ls "$state"/slot-*.db | head -1)
check "the installed pack has the new story with its dates" \
  test "$(sqlite3 "$installed" "SELECT show_from || ' ' || show_until FROM stories WHERE id = 'kiosk-story'")" = "2020-01-01 2099-12-31"
check "and not the deleted row" test "$(sqlite3 "$installed" "SELECT count(*) FROM about_items WHERE id = 'goal-2'")" = 0
sleep 1.5
check "visitors see the renamed member" open_member "Example Brand Renamed"

# The panel says where the pack came from.
gesture
at=$(lines)
type_pin $PIN
check "the panel opens again" wait_after "$at" "PIN accepted"
check "the panel shows the pack as taken at the kiosk" wait_after "$at" "staff: panel: showing .*taken at the kiosk \\(base version $bundled_version\\)"
press panel close

# pack rollback from a shell: the pack shown before comes back.
check "pack rollback succeeds" "$kiosk" pack rollback --state-dir "$state"
check "status.json shows the bundled pack again" wait_status '"from":"bundled"'
check "not taken at the kiosk" wait_status '"taken_at_kiosk":false'
sleep 1
check "visitors see the member's old name" open_member "Example Brand"

# A workbook with errors: listed on the problems page and in the report, nothing changes.
cp "$work/exported.xlsx" "$edit/content.xlsx"
rm -f "$edit/import-report.txt"
/usr/bin/python3 "$here/edit_workbook.py" bad "$edit/content.xlsx"
state_before=$(cd "$state" && ls -l --time-style=+%s.%N slot-* current 2>/dev/null)
gesture
at=$(lines)
type_pin $PIN
wait_after "$at" "PIN accepted" >/dev/null
sleep 0.3
press panel take-from-stick
check "the problems page opens" wait_after "$at" 'staff: problems buttons: done='
check "the build's errors are logged" wait_after "$at" 'import: .*: not taken \([1-9][0-9]* errors'
check "the wrong kind is named" wait_after "$at" 'import: .*members.*kind.*enormous'
sleep 0.5
shot problems
keep_shot problems
check "the problems are on screen" not_black problems
check "import-report.txt on the stick names the wrong kind" grep -q "enormous" "$edit/import-report.txt"
check "and the empty title" grep -q "title_en" "$edit/import-report.txt"
check "nothing in the state directory changed" test "$(cd "$state" && ls -l --time-style=+%s.%N slot-* current 2>/dev/null)" = "$state_before"
check "no built pack left" test ! -e "$state/import.db"
check "status.json still shows the bundled pack" status_has '"from":"bundled"'
at=$(lines)
press problems "done"
check "Done goes back to the panel" wait_after "$at" 'staff: panel buttons:'
e2e_finish
