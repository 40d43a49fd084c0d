#!/usr/bin/env bash
# Installed-kiosk test: the kiosk as the facts-kiosk package deploys it, with USB updates from sticks
# laid out exactly as the package's stick-mount mounts them. Called by package_test.sh while the
# .deb is installed (run it alone only where the package is installed and may be changed):
#
#   tests/package/installed_kiosk.sh
#
# It starts /usr/bin/facts-kiosk the way facts-kiosk.service does (User, Group, SupplementaryGroups,
# UMask, Environment, ExecStart and WatchdogSec read from the installed unit; a NOTIFY_SOCKET that
# plays systemd), with the packaged /etc/facts-kiosk/kiosk.conf, state directory and trusted-key
# folder, under Xvfb (SDL_VIDEODRIVER=x11 instead of the unit's kmsdrm: no KMS here). A stick is
# a tmpfs mounted at <stick-mount's ROOT>/<label> with the owner and modes stick-mount gives a FAT
# stick (uid/gid of the kiosk user, fmask/dmask read from stick-mount), filled before it appears
# (mount --move), holding facts-kiosk/content.db + content.db.minisig: fictional packs built from
# tests/render/fixture and signed with a throw-away minisign key put into the trusted-key folder.
#
# Sequence: 1. start on the bundled pack (version B). 2. stick 1 (B+10) installs, stick 2 (B+11)
# installs. 3. `facts-kiosk pack rollback` as root beside the running kiosk (back to B+10), which
# the running kiosk then shows; stick 2 again is refused; stick 3 (B+12) installs with B+10 kept
# for rollback. 4. a restart shows B+12. Then, each on a state directory seeded as this release
# writes it (slot-a B+10, slot-b B+11 active, pointer in this release's format): 5. a root
# rollback with the kiosk stopped, then a start, shows B+10; 6. a pointer owned by root with mode
# 0600 (an earlier release's root rollback leaves it so) deletes no slot file and B+11 is shown.
#
# Prints "ok - …" / "not ok - …" per check and the kiosk logs of failed runs. Exit status: 0 all
# passed; 1 a check failed; 77 it cannot run here (says why). It runs in a private mount namespace
# (unshare) where it can. Every wait has a timeout; the trap stops the kiosk, Xvfb and the notify
# listener, unmounts the sticks and removes the test key.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fixture=$here/../render/fixture
SKIPPED=77
KIOSK=/usr/bin/facts-kiosk
UNIT=/usr/lib/systemd/system/facts-kiosk.service
CONFIG=/etc/facts-kiosk/kiosk.conf
STICK_MOUNT=/usr/libexec/facts-kiosk/stick-mount

skip_all() { echo "SKIPPED - installed kiosk: $*"; exit $SKIPPED; }
[ "$(id -u)" = 0 ] || skip_all "needs root (to mount sticks and start the kiosk as its user)"
# A private mount namespace: the sticks (and the tmpfs above stick-mount's ROOT they are mounted
# in) are seen by this test's kiosk only, not by kiosks other tests run on this machine (which watch
# /run/media by default and would take the sticks, or show them), and vanish with the test.
if [ -z "${FACTS_INSTALLED_KIOSK_PRIVATE:-}" ]; then
  if unshare --mount --propagation private true 2>/dev/null; then
    FACTS_INSTALLED_KIOSK_PRIVATE=1 exec unshare --mount --propagation private -- "$0" "$@"
  fi
  echo "installed_kiosk: no private mount namespace here; the sticks are visible to every process"
fi
for f in "$KIOSK" "$UNIT" "$CONFIG" "$STICK_MOUNT"; do
  [ -e "$f" ] || { echo "installed_kiosk: $f is missing: is the facts-kiosk package installed?" >&2; exit 1; }
done
for tool in Xvfb xdpyinfo minisign python3 setpriv timeout; do
  command -v "$tool" >/dev/null || skip_all "$tool is not installed"
done

passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
check() { # NAME COMMAND...
  local name=$1; shift
  if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# --- what the package says ---------------------------------------------------------------------
unit_get() { sed -n "s/^$1=//p" "$UNIT" | tail -1; }
conf_get() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$CONFIG" | head -1; }
kiosk_user=$(unit_get User)
kiosk_group=$(unit_get Group)
supplementary=$(unit_get SupplementaryGroups | tr ' ' ',')
unit_umask=$(unit_get UMask)
read -r -a exec_start <<<"$(unit_get ExecStart | sed 's/^[-+@!:]*//')"
watchdog_sec=$(unit_get WatchdogSec)
unit_state_dir=/var/lib/$(unit_get StateDirectory)
unit_runtime_dir=/run/$(unit_get RuntimeDirectory)
unit_runtime_mode=$(unit_get RuntimeDirectoryMode)
unit_env=()
while IFS= read -r assignment; do unit_env+=("$assignment"); done < <(sed -n 's/^Environment=//p' "$UNIT")
state=$(conf_get state_dir)
metrics=$(conf_get prometheus_file)
keys=$(conf_get trusted_key)
media=$(sed -n 's/^ROOT=//p' "$STICK_MOUNT")
fmask=$(grep -o 'fmask=[0-7]*' "$STICK_MOUNT" | head -1 | cut -d= -f2)
dmask=$(grep -o 'dmask=[0-7]*' "$STICK_MOUNT" | head -1 | cut -d= -f2)
uid=$(id -u "$kiosk_user" 2>/dev/null) || { echo "installed_kiosk: no user '$kiosk_user'" >&2; exit 1; }
gid=$(id -g "$kiosk_user")
home=$(getent passwd "$kiosk_user" | cut -d: -f6)
file_mode=$(printf '%o' $((0777 & ~0$fmask)))
dir_mode=$(printf '%o' $((0777 & ~0$dmask)))
echo "== installed_kiosk: unit runs ${exec_start[*]} as $kiosk_user:$kiosk_group (+$supplementary), umask $unit_umask;" \
  "state $state, keys $keys, sticks under $media (files $file_mode, folders $dir_mode)"
check "packaged config's state_dir is the unit's StateDirectory ($unit_state_dir)" test "$state" = "$unit_state_dir"
check "packaged config's prometheus_file ($metrics) is in the unit's RuntimeDirectory ($unit_runtime_dir)" \
  test "${metrics%/*}" = "$unit_runtime_dir"
check "packaged config searches the mount root stick-mount uses ($media)" \
  grep -qE "^[[:space:]]*mount_root[[:space:]]*=[[:space:]]*(${media%/*}|$media)/?[[:space:]]*$" "$CONFIG"
[ -d "$keys" ] || { not_ok "trusted-key folder $keys exists"; exit 1; }

bundled=$(timeout 30 "$KIOSK" pack check /usr/share/facts-kiosk/facts-content.db | sed -n 's/^version: \([0-9]*\).*/\1/p')
[ -n "$bundled" ] || { not_ok "version of the bundled pack"; exit 1; }
v1=$((bundled + 10)) v2=$((bundled + 11)) v3=$((bundled + 12))

# --- clean-up -----------------------------------------------------------------------------------
work=$(mktemp -d)
notify_dir=$(mktemp -d)  # reachable by the kiosk user, unlike $work
chmod 0755 "$notify_dir"
key_file=$keys/installed-kiosk-test.pub
xvfb_pid='' kiosk_pid='' notify_pid='' run=0 made_runtime_dir='' 
sticks=()
stop_pid() { # PID SECONDS: SIGTERM, then SIGKILL after SECONDS (systemd's TimeoutStopSec)
  local pid=$1 deadline=$((SECONDS + $2))
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt "$deadline" ]; do sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null && echo "installed_kiosk: pid $pid ignored SIGTERM for $2 s; killed"
  wait "$pid" 2>/dev/null
  return 0
}
cleanup() {
  local target
  [ -n "$kiosk_pid" ] && stop_pid "$kiosk_pid" 10
  [ -n "$notify_pid" ] && stop_pid "$notify_pid" 2
  [ -n "$xvfb_pid" ] && stop_pid "$xvfb_pid" 5
  for target in "${sticks[@]}" "$work"/prep-*; do
    mountpoint -q "$target" 2>/dev/null && umount -l "$target"
    case $target in "$media"/*) rmdir "$target" 2>/dev/null ;; esac
  done
  rm -f "$key_file"
  rm -rf "$work" "$notify_dir"
  [ -n "$made_runtime_dir" ] && rm -rf "$unit_runtime_dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# --- helpers ------------------------------------------------------------------------------------
log=''
mark=0
# start_kiosk: the installed kiosk as the unit starts it; its log is $work/kiosk-<run>.log.
start_kiosk() {
  run=$((run + 1))
  log=$work/kiosk-$run.log
  mark=0
  : >"$log"
  (
    cd / || exit 1
    umask "$unit_umask"
    # After the execs (env, setpriv) this subshell's PID is the kiosk's: the unit's main PID.
    exec env -i PATH=/usr/bin:/bin HOME="$home" USER="$kiosk_user" LOGNAME="$kiosk_user" \
      "${unit_env[@]}" SDL_VIDEODRIVER=x11 DISPLAY=":$display" \
      NOTIFY_SOCKET="$notify_dir/notify" WATCHDOG_USEC=$((watchdog_sec * 1000000)) WATCHDOG_PID="$BASHPID" \
      setpriv --reuid="$uid" --regid="$(getent group "$kiosk_group" | cut -d: -f3)" --groups="$supplementary" \
      --no-new-privs --inh-caps=-all --bounding-set=-all -- "${exec_start[@]}"
  ) >"$log" 2>&1 &
  kiosk_pid=$!
}
stop_kiosk() {
  stop_pid "$kiosk_pid" 10
  kiosk_pid=''
}
# set_mark: later waits look only at log lines written after this point.
set_mark() { mark=$(wc -l <"$log"); }
new_log() { tail -n +$((mark + 1)) "$log"; }
wait_log() { # ERE SECONDS: a log line after the mark matches
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -le $deadline ]; do
    new_log | grep -E -- "$1" >/dev/null && return 0
    kill -0 "$kiosk_pid" 2>/dev/null || { new_log | grep -E -- "$1" >/dev/null; return; }
    sleep 0.2
  done
  return 1
}
# shown_version VERSION SECONDS: the kiosk shows VERSION from the state directory: it loads a slot
# holding it, or shows the pack it has just installed (read once, from the staged copy).
shown_version() {
  wait_log "content: loaded $state/slot-[ab]\.db \(version $1\)|update: showing the new pack \(version $1\)" "$2"
}
# The pointer's fields (format of src/update/slots.c: key=value lines).
pointer() { sed -n "s/^$1=//p" "$state/current" 2>/dev/null; }
as_kiosk() { setpriv --reuid="$uid" --regid="$gid" --clear-groups -- "$@"; }
# every_state_file_usable: the kiosk user can read every file in the state directory.
every_state_file_usable() {
  local f bad=""
  for f in "$state"/* "$state"/.[!.]*; do
    [ -e "$f" ] || continue
    as_kiosk test -r "$f" || bad="$bad $(stat -c '%n (%U %a)' "$f")"
  done
  [ -z "$bad" ] || { echo "  not readable by $kiosk_user:$bad"; return 1; }
}
slot_files() { (cd "$state" && ls slot-*.db 2>/dev/null | sort | tr '\n' ' '); }
slot_hashes() { (cd "$state" && sha256sum slot-*.db 2>/dev/null); }

make_pack() { # VERSION: $work/pack-VERSION.db + .minisig, a fictional pack signed by the test key
  local src=$work/src-$1
  cp -r "$fixture" "$src"
  sed -i "2s/^[0-9]*,Example Fair Pack,/$1,Example Fair Pack $1,/" "$src/pack.csv"
  timeout 60 "$KIOSK" pack build "$src" -o "$work/pack-$1.db" >/dev/null &&
    timeout 30 minisign -S -s "$work/key.sec" -m "$work/pack-$1.db" -t "installed-kiosk test pack $1" >/dev/null
}
# insert_stick LABEL VERSION: the stick appears at $media/LABEL at once, already filled, owned and
# moded as stick-mount mounts a FAT stick (mkdir -p the mount point, then mount).
insert_stick() {
  local target=$media/$1 prep=$work/prep-$1
  mkdir -p "$prep" "$target" &&
    mount -t tmpfs -o "rw,nosuid,nodev,noexec,noatime,size=32m,uid=$uid,gid=$gid,mode=$dir_mode" "stick-$1" "$prep" &&
    install -d -o "$uid" -g "$gid" -m "$dir_mode" "$prep/facts-kiosk" &&
    install -o "$uid" -g "$gid" -m "$file_mode" "$work/pack-$2.db" "$prep/facts-kiosk/content.db" &&
    install -o "$uid" -g "$gid" -m "$file_mode" "$work/pack-$2.db.minisig" "$prep/facts-kiosk/content.db.minisig" &&
    sticks+=("$target") &&
    mount --move "$prep" "$target" &&
    rmdir "$prep"
}
remove_stick() { # LABEL: as stick-mount unmount does
  umount -l "$media/$1" && rmdir "$media/$1"
}
report_says() { # LABEL RESULT: update-report.txt on the stick says "result: RESULT"
  grep -qx "result: $2" "$media/$1/facts-kiosk/update-report.txt" 2>/dev/null
}
rollback_as_root() { # EXPECTED-OUTPUT-ERE: the packaged CLI, as `sudo facts-kiosk pack rollback` runs it
  local out status=0
  out=$(cd / && env -i PATH=/usr/bin:/bin HOME=/root timeout 30 "$KIOSK" pack rollback 2>&1) || status=$?
  echo "  pack rollback: $out (exit $status)"
  [ $status = 0 ] && grep -qE -- "$1" <<<"$out"
}
notify_has() { grep -q "$1" "$notify_dir/notify.log" 2>/dev/null; }
# watchdog_gap: "GAP PINGS": the longest time (s) systemd would have waited for a sign of life
# from READY=1 through each WATCHDOG=1 until now (the kiosk still running), and the ping count.
watchdog_gap() {
  local now
  now=$(python3 -c 'import time; print("%.3f" % time.monotonic())')
  awk -v now="$now" '
    $2 == "READY=1" && !t { t = $1 }
    $2 == "WATCHDOG=1" && t { if ($1 - t > max) max = $1 - t; t = $1; n++ }
    END { if (!t) { print "99 0"; exit } if (now - t > max) max = now - t; printf "%.2f %d\n", max, n }' \
    "$notify_dir/notify.log" 2>/dev/null
}
dump_log() { echo "--- kiosk log $log (without the deck's slide changes)"; grep -v '\] deck: ' "$log" | sed 's/^/  | /'; }

# --- set up -------------------------------------------------------------------------------------
display=81
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
# -ac: no X access control, so the kiosk user may draw (the unit's kiosk draws on KMS instead).
Xvfb ":$display" -screen 0 1280x720x24 -nolisten tcp -ac >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do xdpyinfo -display ":$display" >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo -display ":$display" >/dev/null 2>&1 || skip_all "Xvfb :$display did not start"

python3 -c '
import os, socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
os.chmod(sys.argv[1], 0o777)
with open(sys.argv[2], "a", buffering=1) as log:
    while True:
        for line in s.recv(4096).decode(errors="replace").split("\n"):
            if line:
                log.write("%.3f %s\n" % (time.monotonic(), line))
' "$notify_dir/notify" "$notify_dir/notify.log" &
notify_pid=$!
for _ in $(seq 50); do [ -S "$notify_dir/notify" ] && break; sleep 0.1; done

timeout 30 minisign -G -W -p "$work/key.pub" -s "$work/key.sec" >/dev/null || { not_ok "minisign -G"; exit 1; }
install -m 0644 "$work/key.pub" "$key_file"
for v in $v1 $v2 $v3; do
  make_pack "$v" || { not_ok "build and sign test pack $v"; exit 1; }
done
if [ -n "${FACTS_INSTALLED_KIOSK_PRIVATE:-}" ]; then
  # A private tmpfs over the folder above stick-mount's ROOT (/run/media, on the /run tmpfs on a
  # real system), so ROOT is a plain folder on the same file system as on a real system and each
  # stick is a mount of its own below it, as the watcher expects.
  mkdir -p "${media%/*}" &&
    mount -t tmpfs -o mode=0755,size=1m,nosuid,nodev "facts-kiosk-run-media" "${media%/*}" ||
    { not_ok "private ${media%/*}"; exit 1; }
fi
# As the package's tmpfiles.d makes it: 0755 root.
mkdir -p "$media" && chmod 0755 "$media"
# As systemd makes the unit's RuntimeDirectory before it starts the kiosk (ProtectSystem=strict
# leaves it writable): owned by the kiosk's user, RuntimeDirectoryMode. node_exporter's textfile
# collector reads it (README, "Watching a fleet").
if [ ! -e "$unit_runtime_dir" ]; then
  made_runtime_dir=1
  install -d -o "$uid" -g "$gid" -m "${unit_runtime_mode:-0755}" "$unit_runtime_dir" ||
    { not_ok "make $unit_runtime_dir"; exit 1; }
fi

# --- 1. first start: the bundled pack -------------------------------------------------------------
echo "== installed_kiosk: start (bundled pack $bundled; test packs $v1 $v2 $v3)"
start_kiosk
check "kiosk shows its first frame (installed binary, as $kiosk_user)" wait_log "first frame" 30
check "kiosk runs as $kiosk_user (uid $uid)" test "$(ps -o uid= -p "$kiosk_pid" 2>/dev/null | tr -d ' ')" = "$uid"
check "READY=1 on NOTIFY_SOCKET" notify_has READY=1
check "kiosk shows the bundled pack (version $bundled)" \
  grep -qE "content: loaded /usr/share/facts-kiosk/facts-content.db \(version $bundled\)" "$log"
check "state directory $state usable by the kiosk" every_state_file_usable
check "the Prometheus figures are written to $metrics" wait_log "Prometheus figures go to $metrics" 10
check "another user (nobody, as node_exporter) can read them" \
  setpriv --reuid=nobody --regid=nogroup --clear-groups -- grep -q '^facts_kiosk_last_frame_timestamp_seconds ' "$metrics"
if promtool=$("$here/../../toolchain/promtool.sh"); then
  check "promtool check metrics accepts them" "$promtool" check metrics <"$metrics"
else
  echo "SKIPPED - promtool check metrics: apt-get download prometheus failed"
fi

# --- 2. a stick in stick-mount's layout -------------------------------------------------------------
echo "== installed_kiosk: stick 1 at $media/STICK1/facts-kiosk (version $v1)"
set_mark
insert_stick STICK1 "$v1" || not_ok "insert stick 1"
check "stick in the package layout: update installed (log: Content updated: version $v1)" \
  wait_log "Content updated: version $v1" 20
check "running kiosk shows version $v1" shown_version "$v1" 10
check "pointer names version $v1" test "$(pointer active_version)" = "$v1"
check "update-report.txt on stick 1 says ok" report_says STICK1 ok
remove_stick STICK1

echo "== installed_kiosk: stick 2 (version $v2)"
set_mark
insert_stick STICK2 "$v2" || not_ok "insert stick 2"
check "stick 2: update installed (version $v2)" wait_log "Content updated: version $v2" 20
check "running kiosk shows version $v2" shown_version "$v2" 10
check "update-report.txt on stick 2 says ok" report_says STICK2 ok
remove_stick STICK2
check "two installed packs: slot-a.db and slot-b.db" test "$(slot_files)" = "slot-a.db slot-b.db "

# --- 3. root's pack rollback beside the running kiosk -----------------------------------------------
echo "== installed_kiosk: facts-kiosk pack rollback as root, the kiosk running"
set_mark
check "pack rollback as root: version $v2 replaced by version $v1" rollback_as_root "version $v2 replaced by version $v1"
check "after the rollback: pointer names version $v1" test "$(pointer active_version)" = "$v1"
check "after the rollback: every state file readable by $kiosk_user" every_state_file_usable
check "after the rollback: the active slot file is there" test -f "$state/slot-$(pointer active).db"
check "running kiosk shows the rolled-back-to version $v1 (no restart)" shown_version "$v1" 15
# root's pointer is the kiosk user's before it has its name: the kiosk never meets it unreadable
check "the kiosk never found root's pointer unreadable (updates stay on)" \
  bash -c '! grep -E "current: Permission denied|updates are paused" <<<"$0"' "$(new_log)"

echo "== installed_kiosk: stick 2 again (version $v2, rolled back)"
set_mark
insert_stick STICK2B "$v2" || not_ok "insert stick 2 again"
check "rolled-back version $v2 is not installed again (report: refused)" \
  bash -c 'for _ in $(seq 100); do [ -f "$0" ] && break; sleep 0.2; done; grep -qx "result: refused" "$0"' \
  "$media/STICK2B/facts-kiosk/update-report.txt"
check "pointer still names version $v1" test "$(pointer active_version)" = "$v1"
remove_stick STICK2B

echo "== installed_kiosk: stick 3 (version $v3)"
set_mark
insert_stick STICK3 "$v3" || not_ok "insert stick 3"
check "stick 3 after the rollback: update installed (version $v3)" wait_log "Content updated: version $v3" 20
check "running kiosk shows version $v3" shown_version "$v3" 10
check "version $v1 kept as the previous pack" test "$(pointer previous_version)" = "$v1"
check "the previous pack's slot file is there" test -f "$state/slot-$(pointer previous).db"
check "update-report.txt on stick 3 says ok" report_says STICK3 ok
remove_stick STICK3
read -r gap pings <<<"$(watchdog_gap)"
check "watchdog kept alive through the updates ($pings pings; longest wait ${gap:-?} s < WatchdogSec=$watchdog_sec)" \
  awk -v g="${gap:-99}" -v w="$watchdog_sec" 'BEGIN { exit !(g < w) }'
[ $failed = 0 ] || dump_log

# --- 4. a restart shows the right pack ---------------------------------------------------------------
echo "== installed_kiosk: restart"
failed_before=$failed
stop_kiosk
start_kiosk
check "restart: first frame" wait_log "first frame" 30
check "restart shows version $v3" grep -qE "content: loaded $state/slot-[ab]\.db \(version $v3\)" "$log"
stop_kiosk
[ $failed = "$failed_before" ] || dump_log

# --- 5. and 6.: state directories as an earlier release leaves them ------------------------------------
# seed_state OWNER MODE: two installed packs, $v2 active (slot b) and $v1 kept for rollback
# (slot a), as this release's kiosk writes them; the pointer `current` in this release's format
# (src/update/slots.c), owned by OWNER with MODE. A newer kiosk must still read it.
seed_state() {
  find "$state" -mindepth 1 -delete &&
    install -o "$uid" -g "$gid" -m 0444 "$work/pack-$v1.db" "$state/slot-a.db" &&
    install -o "$uid" -g "$gid" -m 0444 "$work/pack-$v2.db" "$state/slot-b.db" &&
    printf 'facts-kiosk-slots 1\nactive=b\nactive_version=%s\nstate=confirmed\nprevious=a\nprevious_version=%s\nrolled_back_version=0\n' \
      "$v2" "$v1" >"$state/current" &&
    chown "$1" "$state/current" && chmod "$2" "$state/current"
}
echo "== installed_kiosk: pack rollback as root with the kiosk stopped, then start"
failed_before=$failed
seed_state "$uid:$gid" 0600 || not_ok "seed the state directory"
check "pack rollback as root: version $v2 replaced by version $v1" rollback_as_root "version $v2 replaced by version $v1"
before=$(cd "$state" && sha256sum slot-a.db 2>/dev/null)
echo "  after the rollback: $(cd "$state" && stat -c '%n %U %a' -- *)"
start_kiosk
check "start after a root rollback: first frame" wait_log "first frame" 30
check "start after a root rollback shows version $v1" \
  grep -qE "content: loaded $state/slot-a\.db \(version $v1\)" "$log"
check "start after a root rollback keeps slot-a.db (version $v1)" \
  test -n "$before" -a "$(cd "$state" && sha256sum slot-a.db 2>/dev/null)" = "$before"
stop_kiosk
[ $failed = "$failed_before" ] || dump_log

echo "== installed_kiosk: state directory from an earlier release, current owned by root, mode 0600"
failed_before=$failed
seed_state root:root 0600 || not_ok "seed the state directory"
before=$(slot_hashes)
start_kiosk
check "root-owned 0600 pointer: first frame" wait_log "first frame" 30
check "root-owned 0600 pointer: no slot file deleted or changed ($(slot_files))" \
  test "$(slot_hashes)" = "$before"
check "root-owned 0600 pointer: kiosk shows the newest installed pack, version $v2" \
  grep -qE "content: loaded $state/slot-b\.db \(version $v2\)" "$log"
stop_kiosk
[ $failed = "$failed_before" ] || dump_log

echo "installed_kiosk: $passed passed, $failed failed"
[ $failed = 0 ]
