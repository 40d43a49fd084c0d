#!/usr/bin/env bash
# End-to-end: the pack store as the real kiosk uses it, under Xvfb, with packs signed by the
# real minisign. Checks what the issue "As installed" found broken:
#   - a new pack stays pending while it is on screen (not confirmed at the first frame); each
#     unconfirmed start is a try, and it is confirmed once on screen and healthy long enough; after 3 (SIGKILL standing in for a crash) it is rolled back,
#     refused by hash, and the stick still in the slot is not retried: its report says why;
#   - `pack rollback` from a shell beside the running kiosk: the kiosk shows the older pack
#     at once, and a later stick keeps what the rollback did;
#   - the bundled pack is a version: a newer bundled pack beats an older installed one, and an
#     update must beat both;
#   - a pointer the kiosk cannot parse deletes nothing; the kiosk shows the newest pack;
#   - a pack taken at the kiosk is shown over a newer bundled pack, said in pack status, replaced
#     by a signed pack newer than its base, and rolled back to and from by pack rollback.
# Usage: e2e_store.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: e2e_store.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: e2e_store.sh FACTS_KIOSK FIXTURE_SOURCES}
source "$(dirname "$0")/../support/e2e.sh"
status_says() { "$kiosk" pack status --state-dir "$work/state" 2>&1 | grep -q -- "$1"; }
e2e_start_xvfb 960x540

minisign -G -W -p "$work/key.pub" -s "$work/key.sec" >/dev/null
make_pack() { # VERSION: $work/v<VERSION>.db and its signature
  rm -rf "$work/src"
  cp -r "$sources" "$work/src"
  sed -i "2s/^[0-9]*,/$1,/" "$work/src/pack.csv"
  "$kiosk" pack build "$work/src" -o "$work/v$1.db" >/dev/null || return 1
  minisign -S -s "$work/key.sec" -m "$work/v$1.db" -t "e2e pack $1" >/dev/null
}
insert_stick() { # NAME VERSION: the stick appears whole, as a mount does
  mkdir -p "$work/media/$1/facts-kiosk.tmp"
  cp "$work/v$2.db" "$work/media/$1/facts-kiosk.tmp/content.db"
  cp "$work/v$2.db.minisig" "$work/media/$1/facts-kiosk.tmp/content.db.minisig"
  mv "$work/media/$1/facts-kiosk.tmp" "$work/media/$1/facts-kiosk"
}
start_kiosk() { # [EXTRA ARGS]
  : >"$work/kiosk.log"
  DISPLAY=":$display" "$kiosk" --mount-root "$work/media" --state-dir "$work/state" --trusted-key "$work/key.pub" \
    --slide-seconds 60 "$@" >>"$work/kiosk.log" 2>&1 &
  kiosk_pid=$!
}
crash_kiosk() { kill -9 "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''; }
for v in 1 5 7 8 9; do make_pack $v || { echo "cannot build test packs"; exit 1; }; done
mkdir -p "$work/media"
export FACTS_BUNDLED_PACK="$work/v5.db"  # the bundled pack of this "release": version 5

# 1. A new pack is pending while on screen; three crashed starts roll it back.
start_kiosk
check "kiosk starts on the bundled pack" wait_for_log "content: loaded $work/v5.db (version 5)" 10
insert_stick stick1 7
check "version 7 installed from the stick" wait_for_log "update: ok: Content updated: version 7" 10
check "version 7 on screen" wait_for_log "update: showing the new pack (version 7)" 5
sleep 1
check "on screen but still pending (not confirmed at the first frame)" status_says "version 7, pending, try 0"
crash_kiosk
rm -rf "$work/media/stick1"
for try in 1 2 3; do
  start_kiosk
  check "start $try with the pending pack shows it" wait_for_log "content: loaded $work/state/slot-a.db (version 7)" 10
  check "start $try counted as try $try" status_says "version 7, pending, try $try of 3"
  crash_kiosk
done
insert_stick stick1 7   # the stick that hurt is still in at the next start
start_kiosk
check "after 3 failed tries the pack is rolled back" wait_for_log "did not run well 3 times in a row: rolled back" 10
check "the bundled pack is shown again" wait_for_log "content: loaded $work/v5.db (version 5)" 5
check "the stick is not installed again" wait_for_log "this pack was taken off this kiosk before" 10
check "the stick's report says why" grep -q "taken off this kiosk before" "$work/media/stick1/facts-kiosk/update-report.txt"
check "no pack installed" status_says "active: none"
crash_kiosk
rm -rf "$work/media/stick1" "$work/state"

# 2. `pack rollback` beside the running kiosk, then a new stick.
start_kiosk
check "kiosk up for the rollback test" wait_for_log "first frame" 10
insert_stick s7 7
check "version 7 installed" wait_for_log "update: ok: Content updated: version 7" 10
insert_stick s8 8
check "version 8 installed" wait_for_log "update: ok: Content updated: version 8" 10
check "version 8 on screen" wait_for_log "update: showing the new pack (version 8)" 5
"$kiosk" pack rollback --state-dir "$work/state" >"$work/rollback.out" 2>&1
check "pack rollback from a shell" grep -q "version 8 replaced by version 7" "$work/rollback.out"
check "the running kiosk notices" wait_for_log "the installed packs changed outside the kiosk" 5
check "and shows version 7 again" wait_for_log "content: loaded $work/state/slot-a.db (version 7)" 5
insert_stick s9 9
check "version 9 installed after the rollback" wait_for_log "update: ok: Content updated: version 9" 10
check "the rollback's version 7 is kept as the previous pack" status_says "previous: a (version 7)"
check "the rolled-back version is remembered" status_says "last rolled back: version 8"
crash_kiosk
start_kiosk --confirm-seconds 5
check "a restart shows version 9" wait_for_log "content: loaded $work/state/slot-b.db (version 9)" 10
check "pending while not yet on screen for long" status_says "version 9, pending"
check "confirmed after it ran healthy for 5 s" wait_for_log "the new pack ran well for 5 s: confirmed" 10
check "the store says confirmed" status_says "version 9, confirmed"
crash_kiosk

# 3. A newer bundled pack beats an older installed one; an update must beat both.
rm -rf "$work/media"/* "$work/state"
start_kiosk
insert_stick s7 7
check "version 7 installed over bundled 5" wait_for_log "update: ok: Content updated: version 7" 10
crash_kiosk
rm -rf "$work/media/s7"
export FACTS_BUNDLED_PACK="$work/v8.db"  # the next release bundles version 8
start_kiosk
check "bundled 8 shown over installed 7" wait_for_log "content: loaded $work/v8.db (version 8)" 10
check "installed 7 is not shown" wait_for_log "installed version 7 is not newer than 8" 5
insert_stick s7 7
check "a stick must beat the bundled version too" wait_for_log "version 7 is older than the installed version 8" 10
crash_kiosk

# 4. A pointer this release cannot parse: every pack is kept, the newest is shown.
rm -rf "$work/media"/* "$work/state"
export FACTS_BUNDLED_PACK="$work/v1.db"
start_kiosk
check "kiosk up for the pointer test" wait_for_log "first frame" 10
insert_stick p7 7
check "version 7 installed" wait_for_log "update: ok: Content updated: version 7" 10
insert_stick p9 9
check "version 9 installed" wait_for_log "update: ok: Content updated: version 9" 10
crash_kiosk
printf 'facts-kiosk-slots 2\nsomething=new\n' >"$work/state/current"
start_kiosk
check "unparseable pointer: the newest pack that loads is shown" \
  wait_for_log "content: loaded $work/state/slot-b.db (version 9)" 10
check "and the log says why" grep -q "not in a format this release understands" "$work/kiosk.log"
check "both packs are still there" test -f "$work/state/slot-a.db" -a -f "$work/state/slot-b.db"
crash_kiosk

# 5. A pack taken at the kiosk (the pointer as a staff import leaves it: version 5, older than
# the bundled 8): shown all the same, said in pack status; a signed pack newer than its base
# replaces it; pack rollback goes back to it, then to the bundled pack. The import is the
# first installed pack (no previous one): were a confirmed pack kept for rollback, the signed
# pack would replace the import still on trial instead and keep that one (tests/store).
rm -rf "$work/media"/* "$work/state"
mkdir -p "$work/state" && chmod 700 "$work/state"
cp "$work/v5.db" "$work/state/slot-b.db"
chmod 444 "$work/state"/slot-*.db
printf 'facts-kiosk-slots 1\nactive=b\nactive_version=5\nstate=pending\ntries=0\nprevious=none\nprevious_version=0\nrolled_back_version=0\nactive_hash=unknown\nprevious_hash=unknown\nactive_origin=kiosk\nprevious_origin=signed\nrolled_back_origin=signed\n' >"$work/state/current"
export FACTS_BUNDLED_PACK="$work/v8.db"
check "pack status: taken at the kiosk, with its base" status_says "active: b (taken at the kiosk, base version 5, pending"
start_kiosk
check "the import is shown over the newer bundled pack" wait_for_log "content: loaded $work/state/slot-b.db (version 5)" 10
check "its start counts as a try" status_says "base version 5, pending, try 1 of 3"
insert_stick k9 9
check "a signed pack newer than the base replaces it" wait_for_log "update: ok: Content updated: version 9" 10
check "pack status: the import is the previous pack" status_says "previous: b (taken at the kiosk, base version 5)"
"$kiosk" pack rollback --state-dir "$work/state" >"$work/rollback.out" 2>&1
check "pack rollback returns to the import" grep -q "version 9 replaced by version 5 (taken at the kiosk)" "$work/rollback.out"
shown_twice() { [ "$(grep -c "content: loaded $work/state/slot-b.db (version 5)" "$work/kiosk.log")" -ge 2 ]; }
check "the kiosk shows the import again" wait_until 10 shown_twice
"$kiosk" pack rollback --state-dir "$work/state" >"$work/rollback.out" 2>&1
check "pack rollback of the import: the bundled pack" grep -q "version 5 (taken at the kiosk) removed" "$work/rollback.out"
check "pack status remembers it was taken at the kiosk" status_says "last rolled back: version 5 (taken at the kiosk)"
crash_kiosk

e2e_finish
