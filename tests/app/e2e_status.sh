#!/usr/bin/env bash
# End-to-end: status.json as the real kiosk writes it under Xvfb (every second here:
# --status-seconds 1), with packs built by the real builder and signed by the real minisign.
#   1. SIGKILL at random moments, many times: status.json is always whole, valid JSON
#      (python3 -m json.tool) and says what was on screen (pack version and title);
#      meanwhile a reader reading it in a tight loop never sees a partial file;
#   2. SIGKILL at random moments while a signed stick installs: the file is the state before
#      the attempt or after it, never a mix, and "after" has the attempt's result;
#   3. settled: the fields match what the kiosk logs it shows, the last update attempt after a
#      signed stick (ok), an older pack (refused) and an unsigned one (sig-missing), the last
#      touch after a click; the kiosk id is systemd's app-specific id of the machine id, or
#      --kiosk-id with quotes and Cyrillic in it.
# Usage: e2e_status.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: e2e_status.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: e2e_status.sh FACTS_KIOSK FIXTURE_SOURCES}
source "$(dirname "$0")/../support/e2e.sh"
e2e_start_xvfb 960x540
RANDOM_KILLS=${RANDOM_KILLS:-24}
UPDATE_KILLS=${UPDATE_KILLS:-10}
last=$((5 + UPDATE_KILLS)) older=$((6 + UPDATE_KILLS)) unsigned=$((7 + UPDATE_KILLS)) good=$((8 + UPDATE_KILLS))
status="$work/state/status.json"

title_of() { printf 'Example "Fair" Pack %s — Пример' "$1"; }
minisign -G -W -p "$work/key.pub" -s "$work/key.sec" >/dev/null
make_pack() { # VERSION [padded]: $work/v<VERSION>.db, titled title_of VERSION, and its signature
  rm -rf "$work/src"
  cp -r "$sources" "$work/src"
  sed -i "2s/.*/$1,\"Example \"\"Fair\"\" Pack $1 — Пример\",Primer paketa $1,,2026-01-02/" "$work/src/pack.csv"
  "$kiosk" pack build "$work/src" -o "$work/v$1.db" >/dev/null || return 1
  # 40 MB of free pages, so that copying and checking take long enough to be killed during.
  [ "${2:-}" = padded ] && { sqlite3 "$work/v$1.db" "CREATE TABLE pad (b); INSERT INTO pad VALUES (zeroblob(40000000)); DROP TABLE pad;" || return 1; }
  minisign -S -s "$work/key.sec" -m "$work/v$1.db" -t "e2e pack $1" >/dev/null
}
insert_stick() { # NAME VERSION [unsigned]: the stick appears whole, as a mount does
  mkdir -p "$work/media/$1/facts-kiosk.tmp"
  cp "$work/v$2.db" "$work/media/$1/facts-kiosk.tmp/content.db"
  [ "${3:-}" = unsigned ] || cp "$work/v$2.db.minisig" "$work/media/$1/facts-kiosk.tmp/content.db.minisig"
  mv "$work/media/$1/facts-kiosk.tmp" "$work/media/$1/facts-kiosk"
}
start_kiosk() { # [EXTRA ARGS]
  : >"$work/kiosk.log"
  DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 "$kiosk" --mount-root "$work/media" --state-dir "$work/state" \
    --trusted-key "$work/key.pub" --slide-seconds 60 --status-seconds 1 "$@" >>"$work/kiosk.log" 2>&1 &
  kiosk_pid=$!
}
crash_kiosk() { kill -9 "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''; }
random_delay() { echo "$((RANDOM % 2)).$(printf '%03d' $((RANDOM % 1000)))"; } # 0 .. 1.999 s
shown_version() { sed -n 's/.*content: loaded .* (version \([0-9]*\)).*/\1/p; s/.*update: showing the new pack (version \([0-9]*\)).*/\1/p' "$work/kiosk.log" | tail -1; }

# The field checks, in Python's strict JSON parser. `fields FILE path=value...`: each dotted
# path (pack.version, last_update.result, last_update) equals value (null, true, false, or the
# text of a string or number); `state FILE VERSION SOURCE`: prints before or after (see 2.).
cat >"$work/check.py" <<'EOF'
import json, sys, time
def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
def get(doc, path):
    for key in path.split("."):
        doc = doc[key]
    return doc
def text(value):
    return "null" if value is None else ("true" if value is True else "false" if value is False else str(value))
def title(version):
    return 'Example "Fair" Pack %d — Пример' % version
mode, path = sys.argv[1], sys.argv[2]
if mode == "reader":  # read PATH until STOP exists; print reads and bad reads
    reads = bad = 0
    while True:
        try:
            with open(path, "rb") as f:
                data = f.read()
            reads += 1
            try:
                json.loads(data.decode("utf-8"))
            except ValueError:
                bad += 1
                print("partial read: %r" % data[:120], file=sys.stderr)
        except FileNotFoundError:
            pass
        try:
            open(sys.argv[3]).close()
            break
        except FileNotFoundError:
            time.sleep(0.001)
    print(reads, bad)
    sys.exit(0)
doc = load(path)
if mode == "fields":
    wrong = [f"{p}: {text(get(doc, p.split('=', 1)[0]))!r} is not {p.split('=', 1)[1]!r}"
             for p in sys.argv[3:] if text(get(doc, p.split("=", 1)[0])) != p.split("=", 1)[1]]
    if wrong:
        print("\n".join(wrong), file=sys.stderr)
    sys.exit(1 if wrong else 0)
if mode == "state":  # before: an older pack, no attempt yet; after: the stick's pack and its result
    version, source = int(sys.argv[3]), sys.argv[4]
    pack, update = doc["pack"], doc["last_update"]
    if pack["title"] != title(pack["version"]):
        sys.exit(f"title {pack['title']!r} is not that of version {pack['version']}")
    if pack["version"] < version and update is None:
        print("before")
    elif (pack["version"] == version and pack["pending"] and update and update["result"] == "ok"
          and update["message_id"] == "installed" and update["pack_version"] == version and update["source"] == source):
        print("after")
    else:
        sys.exit(f"neither before nor after the attempt: {doc}")
EOF
valid() { python3 -m json.tool "$status" >/dev/null; }
not_in_status() { ! grep -qiF -- "$1" "$status"; }
fields() { python3 "$work/check.py" fields "$status" "$@"; }

for v in 5 $older $unsigned $good; do make_pack $v || { echo "cannot build test packs"; exit 1; }; done
for v in $(seq 6 $last); do make_pack "$v" padded || { echo "cannot build test packs"; exit 1; }; done
mkdir -p "$work/media"
export FACTS_BUNDLED_PACK="$work/v5.db"
python3 "$work/check.py" reader "$status" "$work/stop-reader" >"$work/reader.out" 2>"$work/reader.err" &
reader_pid=$!

# 1. Random SIGKILLs while the bundled pack is shown.
start_kiosk
check "kiosk starts" wait_for_log "first frame" 10
sleep 1.2
check "status.json written" valid
kill_ok=0 kill_bad=0
for i in $(seq "$RANDOM_KILLS"); do
  crash_kiosk
  if valid && fields pack.version=5 "pack.title=$(title_of 5)" pack.from=bundled last_update=null; then
    kill_ok=$((kill_ok + 1))
  else
    kill_bad=$((kill_bad + 1)); echo "# after kill $i:"; cat "$status"
  fi
  start_kiosk
  sleep "$(random_delay)"
done
check "valid and right after $RANDOM_KILLS random SIGKILLs ($kill_bad wrong)" test "$kill_bad" = 0
crash_kiosk

# 2. Random SIGKILLs while a signed stick installs: before or after, never between.
before=0 after=0 neither=0
for v in $(seq 6 $last); do
  start_kiosk
  wait_for_log "first frame" 10
  insert_stick "s$v" "$v"
  wait_for_log "pack found" 5
  sleep "0.$(printf '%03d' $((RANDOM % 250)))" # the attempt takes about 100 ms
  crash_kiosk
  state=$(valid && python3 "$work/check.py" state "$status" "$v" "$work/media/s$v/facts-kiosk") || state=neither
  case $state in before) before=$((before + 1)) ;; after) after=$((after + 1)) ;; *) neither=$((neither + 1)); cat "$status" ;; esac
  rm -rf "$work/media/s$v"
done
echo "# kills during an update: $before before the attempt ended, $after after, $neither neither"
check "a SIGKILL during an update leaves the state before or after it" test "$neither" = 0

# 3. Settled: the fields say what is on screen.
start_kiosk
check "kiosk up for the settled checks" wait_for_log "first frame" 10
sleep 1.5
v=$(shown_version)
check "pack on screen (version $v) and its title" fields "pack.version=$v" "pack.title=$(title_of "$v")" last_update=null last_touch=null
check "package version" fields "package_version=$("$kiosk" --version | cut -d' ' -f2)"
check "frames drawn in the last minute counted" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(not (d['frames_last_minute'] > 0 and d['uptime_seconds'] >= 1))" "$status"
if command -v systemd-id128 >/dev/null && [ -r /etc/machine-id ]; then
  check "kiosk id: systemd's app-specific id of the machine id" \
    fields "kiosk_id=$(systemd-id128 machine-id --app-specific=146b0f68d1614d7eaa40708b7d619fab)" kiosk_id_from=machine-id
fi
machine_id=$(cat /etc/machine-id 2>/dev/null)
[ -n "$machine_id" ] && check "the machine id itself is not in the report" not_in_status "$machine_id"
insert_stick good $good
check "signed stick installed" wait_for_log "update: showing the new pack (version $good)" 10
check "written at once after the attempt" fields pack.version=$good pack.pending=true last_update.result=ok \
  last_update.message_id=installed last_update.pack_version=$good "last_update.source=$work/media/good/facts-kiosk" \
  last_update.step=done "pack.title=$(title_of $good)"
insert_stick older $older
check "older pack refused" wait_for_log "update: refused" 10
sleep 0.3
check "last update: refused, older-version" fields last_update.result=refused last_update.message_id=older-version \
  "last_update.source=$work/media/older/facts-kiosk" pack.version=$good
insert_stick nosig $unsigned unsigned
check "unsigned pack not used" wait_for_log "not used: sig-missing" 10
sleep 0.3
check "last update: refused, sig-missing" fields last_update.result=refused last_update.message_id=sig-missing \
  "last_update.source=$work/media/nosig/facts-kiosk"
DISPLAY=":$display" xdotool mousemove 480 270 click 1
sleep 1.5
check "last touch after a click" python3 -c "
import json, sys, datetime
d = json.load(open(sys.argv[1]))
at = lambda key: datetime.datetime.strptime(d[key], '%Y-%m-%dT%H:%M:%SZ')
sys.exit(not (d['last_touch'] and 0 <= (at('written_at') - at('last_touch')).total_seconds() <= 5))" "$status"
crash_kiosk
check "still valid after the last SIGKILL" valid

start_kiosk --kiosk-id 'киоск "A" \ 1'
check "kiosk up with --kiosk-id" wait_for_log "first frame" 10
sleep 1.5
check "kiosk id from the config, escaped" fields 'kiosk_id=киоск "A" \ 1' kiosk_id_from=config
check "the file is UTF-8 with the Cyrillic as it is" grep -qF 'киоск \"A\" \\ 1' "$status"
crash_kiosk

touch "$work/stop-reader"
wait "$reader_pid"
read -r reads bad_reads <"$work/reader.out"
echo "# a reader read status.json $reads times while the kiosk wrote and was killed: $bad_reads partial"
check "a reader never sees a partial status.json" test "${bad_reads:-1}" = 0 -a "${reads:-0}" -gt 1000
e2e_finish
