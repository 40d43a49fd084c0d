#!/usr/bin/env bash
# A fleet on one machine: N real kiosks (small windows on one Xvfb, each with its own state
# directory) polling one nginx on 127.0.0.1 every POLL seconds (tests/support/web.sh). Prints,
# asserts nothing:
#   - from publishing a pack to every kiosk showing it (first, median, last);
#   - with the pack unchanged for a while: requests per second at the server, bytes per poll,
#     and whether every request was a 304;
#   - the same for a second pack, and the server's CPU time.
# Usage: tests/bench/bench_fleet.sh FACTS_KIOSK [N=20] [POLL=10] [QUIET_SECONDS=60]
set -uo pipefail
kiosk=${1:?usage: bench_fleet.sh FACTS_KIOSK [N] [POLL] [QUIET_SECONDS]}
count=${2:-20} poll=${3:-10} quiet=${4:-60}
here=$(cd "$(dirname "$0")" && pwd)
sources=$here/../render/fixture
source "$here/../support/web.sh"
work=$(mktemp -d)
pids=() xvfb_pid=''
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait "${pids[@]}" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  web_stop
  rm -rf "$work"
}
trap cleanup EXIT
web_start "$work/web" || exit 1
served=$FACTS_WEB_ROOT/facts
mkdir -p "$served"
display=90
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do xdpyinfo -display ":$display" >/dev/null 2>&1 && break; sleep 0.1; done

minisign -G -W -p "$work/key.pub" -s "$work/key.sec" >/dev/null
make_pack() { # VERSION
  rm -rf "$work/src" && cp -r "$sources" "$work/src"
  sed -i "2s/^[0-9]*,/$1,/" "$work/src/pack.csv"
  "$kiosk" pack build "$work/src" -o "$work/v$1.db" >/dev/null &&
    minisign -S -s "$work/key.sec" -m "$work/v$1.db" -t "fleet pack $1" >/dev/null
}
publish() { # VERSION
  cp "$work/v$1.db" "$served/.c" && mv "$served/.c" "$served/content.db"
  cp "$work/v$1.db.minisig" "$served/.s" && mv "$served/.s" "$served/content.db.minisig"
}
now() { date +%s.%N; }
requests() { wc -l <"$FACTS_WEB_ACCESS_LOG"; }
nginx_cpu_s() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$web_nginx_pid/stat"; }
# Prints first/median/last seconds from T0 until each kiosk's log has PATTERN.
until_all() { # T0 PATTERN TIMEOUT
  local t0=$1 deadline=$((SECONDS + $3)) times=() i
  declare -A seen=()
  while [ ${#seen[@]} -lt "$count" ] && [ $SECONDS -le $deadline ]; do
    for i in $(seq "$count"); do
      if [ -z "${seen[$i]:-}" ] && grep -q -- "$2" "$work/k$i.log"; then
        seen[$i]=1
        times+=("$(awk "BEGIN { printf \"%.1f\", $(now) - $t0 }")")
      fi
    done
    sleep 0.2
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$count" '
    { t[NR] = $1 } END { if (NR == 0) { print "none"; exit }
      printf "%d of %d kiosks; first %.1f s, median %.1f s, last %.1f s\n", NR, n, t[1], t[int((NR + 1) / 2)], t[NR] }'
}
# Requests, statuses and bytes in the access log from line FROM on.
traffic() { # FROM SECONDS
  tail -n +$(($1 + 1)) "$FACTS_WEB_ACCESS_LOG" | awk -v seconds="$2" '
    { split($0, q, "\""); split(q[3], f, " "); n++; status[f[1]]++; sent += f[2]; received += f[4]
      if (q[2] ~ /content\.db /) packs++ }
    END { printf "%d requests in %d s = %.2f requests/s; %d x 304, %d x 200, %d other; %d packs fetched; ", \
            n, seconds, n / seconds, status[304], status[200], n - status[304] - status[200], packs
          printf "%.0f bytes to the kiosks and %.0f from them per request\n", n ? sent / n : 0, n ? received / n : 0 }'
}

make_pack 7 && make_pack 8 || { echo "cannot build the packs"; exit 1; }
echo "== $count kiosks, poll every $poll s, one nginx ($(nproc) cores)"
for i in $(seq "$count"); do
  DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 "$kiosk" --windowed 320x180 --update-url "$FACTS_WEB_HTTP/facts/" \
    --url-poll-seconds "$poll" --state-dir "$work/state$i" --trusted-key "$work/key.pub" --mount-root "$work/media" \
    --slide-seconds 30 >"$work/k$i.log" 2>&1 &
  pids+=($!)
done
t0=$(now)
echo "started:         $(until_all "$t0" "first frame" 120)"
sleep 1

mark=$(requests); cpu0=$(nginx_cpu_s); t0=$(now)
publish 7
echo "pack 7 on screen: $(until_all "$t0" "showing the new pack (version 7)" $((poll * 4 + 60)))"
echo "  traffic:        $(traffic "$mark" "$(awk "BEGIN { printf \"%d\", $(now) - $t0 + 0.5 }")")"

sleep 2
mark=$(requests)
sleep "$quiet"
echo "unchanged ${quiet} s: $(traffic "$mark" "$quiet")"

mark=$(requests); t0=$(now)
publish 8
echo "pack 8 on screen: $(until_all "$t0" "showing the new pack (version 8)" $((poll * 4 + 60)))"
echo "  traffic:        $(traffic "$mark" "$(awk "BEGIN { printf \"%d\", $(now) - $t0 + 0.5 }")")"
echo "nginx CPU time for all of it: $(awk "BEGIN { printf \"%.2f\", $(nginx_cpu_s) - $cpu0 }") s"
rss=0
for pid in "${pids[@]}"; do rss=$((rss + $(awk '/VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0))); done
echo "kiosks' memory (RSS, all $count): $((rss / 1024)) MiB; failed polls logged: $(cat "$work"/k*.log | grep -c 'failed in a row')"
