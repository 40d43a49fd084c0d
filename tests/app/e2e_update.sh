#!/usr/bin/env bash
# End-to-end USB update: the real kiosk binary full screen under Xvfb, a folder standing in
# for the mount root, a stick "inserted" by creating its folder with a pack signed by the real
# minisign. Checks: the new content is on screen within 5 s (log and screenshot), the overlay
# says so; a tampered pack on a second stick is refused and the content stays; a stick with
# only the staff's sources (facts-kiosk/edit) changes nothing and says to open the staff panel.
# Usage: e2e_update.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: e2e_update.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: e2e_update.sh FACTS_KIOSK FIXTURE_SOURCES}
source "$(dirname "$0")/../support/e2e.sh"
e2e_start_xvfb 1280x720

minisign -G -W -p "$work/key.pub" -s "$work/key.sec" >/dev/null
"$kiosk" pack build "$sources" -o "$work/new.db" >/dev/null
minisign -S -s "$work/key.sec" -m "$work/new.db" -t "e2e pack" >/dev/null
mkdir -p "$work/media"

DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 "$kiosk" --mount-root "$work/media" --state-dir "$work/state" \
  --trusted-key "$work/key.pub" --slide-seconds 60 >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
check "kiosk shows its first frame" wait_for_log "first frame" 10
sleep 0.5
shot before

# A stick where the package's stick-mount puts it (<root>/facts-kiosk/<label>) with an unsigned
# pack: not used, and the reason is on screen and in the report on the stick.
unsigned="$work/media/facts-kiosk/NO_SIG/facts-kiosk"
mkdir -p "$unsigned.tmp"
cp "$work/new.db" "$unsigned.tmp/content.db"
mv "$unsigned.tmp" "$unsigned"
check "unsigned pack: reason logged" wait_for_log "not used: sig-missing" 8
sleep 0.5
shot reason
check "unsigned pack: reason on screen" differ before reason
check "unsigned pack: reason on the stick" grep -q "message id: sig-missing" "$unsigned/update-report.txt"
rm -rf "$work/media/facts-kiosk/NO_SIG"

# A stick with only the staff's sources (facts-kiosk/edit): outside the staff panel it changes
# nothing, and its report says to open the panel.
editing="$work/media/EDIT/facts-kiosk"
mkdir -p "$editing.tmp/edit"
cp -r "$sources"/. "$editing.tmp/edit/"
mv "$editing.tmp" "$editing"
check "edit folder: not used" wait_for_log "EDIT/facts-kiosk not used: pack-missing" 8
check "edit folder: the report says to open the staff panel" grep -q "message id: edit-folder" "$editing/update-report.txt"
check "edit folder: no import report, nothing built" test ! -e "$editing/edit/import-report.txt" -a ! -e "$work/state/import.db"
check "edit folder: nothing installed" test ! -e "$work/state/current"
rm -rf "$work/media/EDIT"

# A stick with a tampered pack first: refused, content stays.
mkdir -p "$work/media/junk-stick/facts-kiosk"
cp "$work/new.db" "$work/media/junk-stick/facts-kiosk/content.db"
cp "$work/new.db.minisig" "$work/media/junk-stick/facts-kiosk/content.db.minisig"
printf 'X' | dd of="$work/media/junk-stick/facts-kiosk/content.db" bs=1 seek=5000 conv=notrunc 2>/dev/null
check "tampered pack refused" wait_for_log "refused: Not installed: the pack was changed after it was signed" 8
check "refusal written to the stick" grep -q "result: refused" "$work/media/junk-stick/facts-kiosk/update-report.txt"
rm -rf "$work/media/junk-stick"

# The good stick: inserted, installed and on screen within 5 s.
inserted=$SECONDS
mkdir -p "$work/media/stick/facts-kiosk.tmp"
cp "$work/new.db" "$work/new.db.minisig" "$work/media/stick/facts-kiosk.tmp/"
mv "$work/media/stick/facts-kiosk.tmp/new.db" "$work/media/stick/facts-kiosk.tmp/content.db"
mv "$work/media/stick/facts-kiosk.tmp/new.db.minisig" "$work/media/stick/facts-kiosk.tmp/content.db.minisig"
mv "$work/media/stick/facts-kiosk.tmp" "$work/media/stick/facts-kiosk"
check "update installed (log)" wait_for_log "update: ok: Content updated: version 7" 5
check "new pack on screen within 5 s" wait_for_log "update: showing the new pack (version 7)" $((5 - (SECONDS - inserted) > 0 ? 5 - (SECONDS - inserted) : 1))
check "new pack read once (by the acceptance check)" test "$(grep -c 'content: loaded .*(version 7)' "$work/kiosk.log")" = 1
sleep 1
shot after
check "screen is not black" not_black after
check "screen changed to the new content" differ before after
check "report on the stick" grep -q "result: ok" "$work/media/stick/facts-kiosk/update-report.txt"
check "pack installed read-only in a slot" test "$(stat -c %a "$work/state/slot-a.db")" = 444
check "nothing left next to the installed pack" test -z "$(ls "$work/state" | grep -E 'journal|wal|tmp|staged')"

kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''
# Restart: the installed pack is shown, not the bundled one.
DISPLAY=":$display" "$kiosk" --mount-root "$work/media" --state-dir "$work/state" --trusted-key "$work/key.pub" \
  >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
check "restart shows the installed pack" wait_for_log "content: loaded $work/state/slot-a.db (version 7)" 10

e2e_finish
