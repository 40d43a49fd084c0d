#!/usr/bin/env bash
# End-to-end visitor leads: the real kiosk full screen under Xvfb with --leads-key, a folder
# standing in for the mount root (as in e2e_update.sh). Leads sealed into its state directory
# (by lead_writer, the same seal and append) are copied to each stick inserted, pack or not,
# into facts-kiosk/leads/<kiosk-id>-<date>.sealed; `leads open` on what landed on the stick finds
# them; the same stick again gets only what is new; a blank stick mounted for real (tmpfs, as
# root) gets them too, without an update message. No plaintext in the state folder or the log.
# Usage: e2e_leads.sh FACTS_KIOSK LEAD_WRITER
set -uo pipefail
kiosk=${1:?usage: e2e_leads.sh FACTS_KIOSK LEAD_WRITER}
writer=${2:?usage: e2e_leads.sh FACTS_KIOSK LEAD_WRITER}
source "$(dirname "$0")/../support/e2e.sh"
e2e_start_xvfb 1280x720
rows() { tail -n +2 "$1" | grep -c .; }
today=$(date -u +%F)
blank_mounted=''
trap 'if [ -n "$blank_mounted" ]; then umount "$blank_mounted"; fi; e2e_cleanup' EXIT

"$kiosk" leads keygen -p "$work/leads.pub" -s "$work/leads.key" >/dev/null
mkdir -p "$work/media" "$work/state"
"$writer" "$work/leads.pub" "$work/state" 1 3 >/dev/null

DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 "$kiosk" --mount-root "$work/media" --state-dir "$work/state" \
  --leads-key "$work/leads.pub" --kiosk-id booth-1 --slide-seconds 60 >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
check "kiosk shows its first frame" wait_for_log "first frame" 10
check "leads are on" wait_for_log "leads: contact requests are sealed for" 2

# A stick that has been used for leads before (facts-kiosk/leads, no pack).
stick="$work/media/facts-kiosk/LEADS"
mkdir -p "$stick.tmp/facts-kiosk/leads" && mv "$stick.tmp" "$stick"
check "stick: 3 requests copied (log)" wait_for_log "3 sealed contact requests (975 bytes) copied to $stick/facts-kiosk/leads/booth-1-$today.sealed" 6
sleep 0.5
shot copied
check "stick: no update message for a stick without a pack" bash -c "! grep -q 'not used' '$work/kiosk.log'"
"$kiosk" leads open -s "$work/leads.key" "$stick" -o "$work/first.csv" >/dev/null
check "stick: leads open finds the 3 leads" test "$(rows "$work/first.csv")" = 3
check "stick: a lead's name in the CSV" grep -q ",Writer Visitor 2," "$work/first.csv"

# Out, two more leads, in again: only those two.
mv "$stick" "$work/pulled"
sleep 2
"$writer" "$work/leads.pub" "$work/state" 4 2 >/dev/null
mv "$work/pulled" "$stick"
check "same stick again: 2 new requests copied" wait_for_log "2 sealed contact requests (650 bytes) copied to $stick" 6
"$kiosk" leads open -s "$work/leads.key" "$stick" -o "$work/second.csv" >/dev/null
check "same stick again: 5 leads, none twice" test "$(rows "$work/second.csv")" = 5

# A stick with a (here unsigned) pack: it is refused as a pack, and still gets the leads.
packed="$work/media/facts-kiosk/PACKED"
mkdir -p "$packed.tmp/facts-kiosk" && echo "not a pack" >"$packed.tmp/facts-kiosk/content.db" && mv "$packed.tmp" "$packed"
check "stick with a pack: leads copied" wait_for_log "5 sealed contact requests (1625 bytes) copied to $packed" 6
check "stick with a pack: the update says why it is not used" wait_for_log "not used: sig-missing" 4

# A blank stick, really mounted (needs root): facts-kiosk/leads is made on it.
blank="$work/media/facts-kiosk/BLANK"
if [ "$(id -u)" = 0 ] && mkdir -p "$blank" && mount -t tmpfs -o size=1m tmpfs "$blank" 2>/dev/null; then
  blank_mounted=$blank
  check "blank stick: leads copied" wait_for_log "5 sealed contact requests (1625 bytes) copied to $blank" 6
  check "blank stick: holds facts-kiosk/leads/booth-1-$today.sealed" test -s "$blank/facts-kiosk/leads/booth-1-$today.sealed"
  sleep 2
  check "blank stick: no update message" test "$(grep -c 'BLANK.*not used' "$work/kiosk.log")" = 0
else
  echo "ok - blank stick: skipped (mounting a tmpfs needs root)"
fi

check "no plaintext in the state folder" bash -c "! grep -rqa 'Writer Visitor\|example.org' '$work/state'"
check "no plaintext in the log" bash -c "! grep -qa 'Writer Visitor\|example.org' '$work/kiosk.log'"

kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''
# Without a key: no leads at all.
DISPLAY=":$display" "$kiosk" --mount-root "$work/media" --state-dir "$work/state" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
check "no key: says so" wait_for_log 'no \[leads\] public_key: no "Contact me" button' 10
kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''
DISPLAY=":$display" "$kiosk" --mount-root "$work/media" --state-dir "$work/state" --leads-key "$work/leads.key" \
  >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
check "the secret key given by mistake: refused, no button" wait_for_log "not a leads public key" 10

e2e_finish
