#!/usr/bin/env bash
# End-to-end URL updates: the real kiosk binary under Xvfb polling a real nginx on 127.0.0.1
# (tests/support/web.sh) every 10 s, with packs built by the real builder and signed by the
# real minisign. Checks:
#   - nothing published yet (404) and later the server down: a log line, nothing on screen,
#     and the next try comes later and later;
#   - a pack published appears on screen within one poll (the time is printed), read once;
#   - an unchanged pack costs one request per poll (a 304; nginx's access log is counted) and
#     changes nothing, also after a restart;
#   - https with a CA made by the test (--ca-file);
#   - a tampered pack and an older pack are refused on screen once, not at every poll; the
#     tampered one's right content.db (published later) installs; after the older pack's
#     refusal and a quiet poll, status.json keeps the refusal (last_update) beside the poll
#     (last_poll);
#   - a stick inserted while a pack crawls in from a slow server stops the download and
#     installs first.
# Usage: e2e_url.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: e2e_url.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: e2e_url.sh FACTS_KIOSK FIXTURE_SOURCES}
source "$(dirname "$0")/../support/e2e.sh"
source "$(dirname "$0")/../support/web.sh"
trap 'web_stop; e2e_cleanup' EXIT
web_start "$work/web" || exit 1
e2e_start_xvfb 960x540
served=$FACTS_WEB_ROOT/facts
mkdir -p "$served" "$work/media"

minisign -G -W -p "$work/key.pub" -s "$work/key.sec" >/dev/null
make_pack() { # VERSION [THEME_ACCENT]: $work/v<VERSION>.db and its signature, from the fixture sources
  rm -rf "$work/src"
  cp -r "$sources" "$work/src"
  sed -i "2s/^[0-9]*,/$1,/" "$work/src/pack.csv"
  [ -n "${2:-}" ] && sed -i "2s/^#[0-9A-Fa-f]*,/$2,/" "$work/src/theme.csv"
  "$kiosk" pack build "$work/src" -o "$work/v$1.db" >/dev/null || return 1
  minisign -S -s "$work/key.sec" -m "$work/v$1.db" -t "e2e pack $1" >/dev/null
}
publish() { # VERSION: content.db first, then its signature, each replaced atomically
  cp "$work/v$1.db" "$served/.content.db" && mv "$served/.content.db" "$served/content.db"
  cp "$work/v$1.db.minisig" "$served/.sig" && mv "$served/.sig" "$served/content.db.minisig"
}
log_count() { grep -c -- "$1" "$work/kiosk.log"; }
not_in_log() { ! grep -q -- "$1" "$work/kiosk.log"; }
no_change() { ! differ "$1" "$2"; }
requests() { wc -l <"$FACTS_WEB_ACCESS_LOG"; }
wait_for_count() { # PATTERN COUNT SECONDS: PATTERN is in the log COUNT times within SECONDS
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -le $deadline ]; do
    [ "$(log_count "$1")" -ge "$2" ] && return 0
    sleep 0.2
  done
  return 1
}
start_kiosk() { # URL [EXTRA ARGS]
  local url=$1
  shift
  : >"$work/kiosk.log"
  DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 "$kiosk" --update-url "$url" --url-poll-seconds 10 \
    --mount-root "$work/media" --state-dir "$work/state" --trusted-key "$work/key.pub" --slide-seconds 60 \
    --confirm-seconds 5 "$@" >>"$work/kiosk.log" 2>&1 &
  kiosk_pid=$!
}
stop_kiosk() { kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''; }
for v in 6 7; do make_pack $v || { echo "cannot build test packs"; exit 1; }; done
make_pack 8 "#E0457B" && make_pack 10 "#22AA66" || { echo "cannot build test packs"; exit 1; }

# 1. Nothing at the URL yet: the first poll a few seconds after the start, quiet.
start_kiosk "$FACTS_WEB_HTTP/facts/"
check "kiosk shows its first frame" wait_for_log "first frame" 10
sleep 0.5
shot before
check "first poll within 7 s of the start: nothing there (404), logged" \
  wait_for_log "The update server cannot be reached (content.db.minisig: the server answered 404)" 8
check "and tried again sooner than the poll interval's backoff would wait" wait_for_log "next try in 10 s" 2
sleep 0.5
shot nothing
check "no pack at the URL: nothing on screen" no_change before nothing

# 2. A pack is published: on screen within one poll.
published=$(date +%s.%N)
publish 7
check "published pack installed" wait_for_log "update: ok: Content updated: version 7" 25
check "and on screen" wait_for_log "update: showing the new pack (version 7)" 5
shown=$(date +%s.%N)
echo "# publish to screen with a 10 s poll: $(awk "BEGIN { printf \"%.1f\", $shown - $published }") s"
check "new pack read once (by the acceptance check)" test "$(log_count 'content: loaded .*(version 7)')" = 1
sleep 1
shot after
check "screen is not black" not_black after
check "screen changed to the new content" differ before after

# 3. Unchanged: one small request per poll, nothing else.
before_requests=$(requests)
before_unchanged=$(log_count "unchanged at find")
check "two more polls find it unchanged" wait_for_count "unchanged at find" $((before_unchanged + 2)) 25
polls=$(($(log_count "unchanged at find") - before_unchanged))
sleep 0.3
new_lines=$(tail -n +$((before_requests + 1)) "$FACTS_WEB_ACCESS_LOG")
echo "# unchanged pack: $polls polls, nginx logged:"; echo "$new_lines" | sed 's/^/#   /'
check "one request per unchanged poll, each a 304" test "$(echo "$new_lines" | grep -c '" 304 ')" = "$polls" -a \
  "$(echo "$new_lines" | wc -l)" = "$polls"
check "no content.db fetched" test "$(echo "$new_lines" | grep -c '/content.db ')" = 0
check "still version 7" test "$(log_count 'showing the new pack')" = 1
shot unchanged

# 4. A tampered pack: refused on screen once; later polls are quiet.
cp "$work/v8.db" "$work/v8.tampered"
printf 'X' | dd of="$work/v8.db" bs=1 seek=5000 conv=notrunc 2>/dev/null
publish 8
check "tampered pack refused" wait_for_log "refused: Not installed: the pack was changed after it was signed" 25
sleep 0.5
shot refused
check "the refusal is on screen" differ unchanged refused
refusals=$(log_count "update: refused:")
check "the next two polls say nothing" wait_for_count "content.db is looked at again" 2 25
check "refused once, not at every poll" test "$(log_count 'update: refused:')" = "$refusals"
# 5. The right content.db under the same signature (a publication caught half way): installed.
cp "$work/v8.tampered" "$served/.content.db" && mv "$served/.content.db" "$served/content.db"
check "the matching content.db installs" wait_for_log "update: ok: Content updated: version 8" 25

# 6. An older pack: refused once.
publish 6
check "older pack refused" wait_for_log "refused: Not installed: version 6 is older than the installed version 8" 25
refusals=$(log_count "update: refused:")
before_unchanged=$(log_count "unchanged at find")
check "the next poll finds it unchanged" wait_for_count "unchanged at find" $((before_unchanged + 1)) 25
check "older pack refused once" test "$(log_count 'update: refused:')" = "$refusals"
# status.json is written by the kiosk's loop once the poll's result is in: a moment after its log line.
check "status.json still shows the refusal in last_update, the quiet poll in last_poll" wait_until 5 python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
u, p = s["last_update"], s["last_poll"]
sys.exit(0 if u["result"] == "refused" and u["message_id"] == "older-version" and p["result"] == "unchanged" else 1)' \
  "$work/state/status.json"

# 7. A restart remembers what the server said: its first poll is one 304.
stop_kiosk
before_requests=$(requests)
start_kiosk "$FACTS_WEB_HTTP/facts/"
check "restarted kiosk shows version 8" wait_for_log "(version 8)" 10
check "its first poll finds the pack unchanged" wait_for_log "unchanged at find" 10
sleep 0.3
check "with one request, a 304" test "$(tail -n +$((before_requests + 1)) "$FACTS_WEB_ACCESS_LOG" | grep -c '" 304 ')" = 1 -a \
  "$(requests)" = $((before_requests + 1))
stop_kiosk

# 7b. The same folder over https with the test CA (--ca-file): a new URL, so its pack (the
# older version 6 by now) is looked at afresh and refused again.
before_requests=$(requests)
start_kiosk "$FACTS_WEB_HTTPS/facts/" --ca-file "$FACTS_WEB_CA"
check "https with the test CA: the pack there is fetched and checked" \
  wait_for_log "refused: Not installed: version 6 is older than the installed version 8" 12
check "https: both files came over it" test "$(tail -n +$((before_requests + 1)) "$FACTS_WEB_ACCESS_LOG" | grep -c '" 200 ')" = 2
stop_kiosk

# 8. The server is down: a log line, nothing on screen, tried again later.
start_kiosk "$FACTS_WEB_DOWN/facts/"
check "kiosk up for the server-down test" wait_for_log "first frame" 10
sleep 0.5
shot down_before
check "server down: logged" wait_for_log "Couldn't connect to server" 10
check "and tried again later" wait_for_log "next try in 10 s (1 failed in a row)" 2
check "and again" wait_for_log "(2 failed in a row)" 15
shot down_after
check "no error on screen for a server that is down" no_change down_before down_after
check "nor in the app's result lines" not_in_log "update: failed:"
stop_kiosk

# 8. A stick while a pack crawls in from a slow server: the stick goes first.
make_pack 9 "#3A7BD5" || exit 1
publish 9
start_kiosk "$FACTS_WEB_HTTP/slow/"
check "the slow download starts" wait_for_log "downloading content.db" 12
sleep 1
mkdir -p "$work/media/stick/facts-kiosk.tmp"
cp "$work/v10.db" "$work/media/stick/facts-kiosk.tmp/content.db"
cp "$work/v10.db.minisig" "$work/media/stick/facts-kiosk.tmp/content.db.minisig"
mv "$work/media/stick/facts-kiosk.tmp" "$work/media/stick/facts-kiosk"
check "the stick stops the download" wait_for_log "a stick arrived: it goes before the update URL" 5
check "and installs at once" wait_for_log "update: ok: Content updated: version 10" 10
check "the stopped download says nothing on screen" not_in_log "update: failed:"
stop_kiosk

e2e_finish
