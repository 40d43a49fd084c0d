#!/usr/bin/env bash
# End-to-end: the picture of the screen (screen.jpg) and the Prometheus textfile, as the real
# kiosk writes them under Xvfb (lobby profile: nothing moves between slides, 60 s each).
#   1. software renderer (SDL's, into the window's surface) and 2. OpenGL ES 2 (Mesa's
#      llvmpipe, the Pi's path: read from the back buffer before the swap): screen.jpg is 640
#      px wide and is the frame on screen: `xwd -root` of the same Xvfb, scaled to its size,
#      differs by less than TOLERANCE (RMSE), while the same frame upside down differs by far
#      more; status.json names its time and size; the log gives the time the loop spent;
#   3. the Prometheus file (--prometheus-file) passes `promtool check metrics`, as does the
#      text of a full report (test_status: temperature, throttling, update and poll), and is
#      readable by everyone under the service's umask 0077; the README's alert rule passes
#      `promtool test rules`: it fires for a kiosk that stops drawing while open, not at night;
#   4. SIGKILL at random moments around the first picture, KILLS times: screen.jpg is always
#      a whole JPEG (or not there yet), never a torn one.
# promtool comes from Debian's prometheus package, unpacked, not installed
# (toolchain/promtool.sh); where apt cannot download it, step 3 is skipped and says so.
# Usage: e2e_screen.sh FACTS_KIOSK TEST_STATUS
set -uo pipefail
kiosk=${1:?usage: e2e_screen.sh FACTS_KIOSK TEST_STATUS}
test_status=${2:?usage: e2e_screen.sh FACTS_KIOSK TEST_STATUS}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/e2e.sh"
KILLS=${KILLS:-5}
TOLERANCE=0.02
e2e_start_xvfb 1280x720
mkdir -p "$work/run"
picture="$work/state/screen.jpg"

start_kiosk() { # [EXTRA ARGS]
  : >"$work/kiosk.log"
  (umask 077 && DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 exec "$kiosk" --profile lobby --slide-seconds 60 \
    --state-dir "$work/state" --mount-root "$work/media" --status-seconds 1 --screenshot-minutes 1 \
    --prometheus-file "$work/run/facts-kiosk.prom" "$@" >>"$work/kiosk.log" 2>&1) &
  kiosk_pid=$!
}
stop_kiosk() { kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''; }
whole_jpeg() { # FILE: starts with SOI, ends with EOI, and decodes
  python3 -c 'import sys; b = open(sys.argv[1], "rb").read(); sys.exit(0 if b[:2] == b"\xff\xd8" and b[-2:] == b"\xff\xd9" else 1)' "$1" &&
    convert "$1" null: 2>/dev/null
}
rmse() { compare -metric RMSE "$1" "$2" null: 2>&1 | sed 's/.*(\(.*\))/\1/'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
status_says() { # PYTHON-EXPRESSION over s (status.json)
  python3 -c 'import json, sys; s = json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
    "$work/state/status.json" "$1"
}
same_as_screen() { # NAME: screen.jpg against an xwd of the screen taken now
  shot "$1"
  convert "$work/$1.png" -filter Box -resize 640x360\! "$work/$1-small.png"
  convert "$work/$1-small.png" -flip "$work/$1-flipped.png"
  local same other
  same=$(rmse "$picture" "$work/$1-small.png") other=$(rmse "$picture" "$work/$1-flipped.png")
  echo "# $1: RMSE $same against the screen, $other against it upside down"
  below "$same" "$TOLERANCE" && ! below "$other" "$(awk -v t=$TOLERANCE 'BEGIN { print 3 * t }')"
}

alert_rule_works() { # PROMTOOL: README's alert rule, tested on made-up series
  python3 - "$here/../../README.md" "$work/rules.yml" <<'PY' || return 1
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```yaml\n(- alert: KioskStoppedDrawing\n.*?)```", readme, re.S).group(1)
assert len(block.strip().splitlines()) == 5, "the README's alert is five lines"
with open(sys.argv[2], "w") as f:
    f.write("groups:\n  - name: facts-kiosk\n    rules:\n")
    f.write("".join("      " + line + "\n" for line in block.strip().splitlines()))
PY
  # Two kiosks draw every minute until minute 5, then neither does: hall-a-left stays open,
  # lobby-night's display goes to sleep (closing time).
  cat >"$work/rules-test.yml" <<'YML'
rule_files: [rules.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'facts_kiosk_last_frame_timestamp_seconds{instance="hall-a-left"}'
        values: '0+60x5 300+0x30'
      - series: 'facts_kiosk_display_awake{instance="hall-a-left"}'
        values: '1+0x35'
      - series: 'facts_kiosk_last_frame_timestamp_seconds{instance="lobby-night"}'
        values: '0+60x5 300+0x30'
      - series: 'facts_kiosk_display_awake{instance="lobby-night"}'
        values: '1+0x5 0+0x30'
    alert_rule_test:
      - eval_time: 9m
        alertname: KioskStoppedDrawing
        exp_alerts: []
      - eval_time: 20m
        alertname: KioskStoppedDrawing
        exp_alerts:
          - exp_labels: {instance: hall-a-left}
            exp_annotations: {summary: "hall-a-left has drawn nothing for 10 minutes while open"}
YML
  (cd "$work" && "$1" test rules rules-test.yml)
}

# 1. and 2. The picture is the frame on screen, whatever the renderer.
for renderer in software opengles2; do
  rm -f "$picture"
  start_kiosk --renderer "$renderer"
  check "$renderer: screen.jpg written within 10 s of the start" wait_for_log "status: screen.jpg" 10
  grep "status: screen.jpg" "$work/kiosk.log" | sed "s/^/# $renderer: /"
  check "$renderer: a whole JPEG, 640x360" test "$(identify -format '%m %wx%h' "$picture" 2>/dev/null)" = "JPEG 640x360"
  check "$renderer: it is the frame on screen (xwd -root), within RMSE $TOLERANCE" same_as_screen "$renderer"
  sleep 1.2
  check "$renderer: status.json names its time and size" \
    status_says 's["screenshot"]["at"] is not None and s["screenshot"]["width"] == 640 and s["screenshot"]["height"] == 360'
  stop_kiosk
done

# 3. The Prometheus textfile.
metrics="$work/run/facts-kiosk.prom"
check "the Prometheus file is there, mode 0644 under umask 0077" test "$(stat -c %a "$metrics" 2>/dev/null)" = 644
check "it names the last frame drawn and the picture" \
  grep -q '^facts_kiosk_last_frame_timestamp_seconds [0-9]*$' "$metrics"
FACTS_METRICS_SAMPLE="$work/full.prom" "$test_status" >/dev/null 2>&1
if promtool=$("$here/../../toolchain/promtool.sh"); then
  check "promtool check metrics accepts the kiosk's file" "$promtool" check metrics <"$metrics"
  check "promtool check metrics accepts a full report's (temperature, throttling, update, poll)" \
    "$promtool" check metrics <"$work/full.prom"
  check "README's alert fires for a kiosk that stops drawing while open, not for one asleep (promtool test rules)" \
    alert_rule_works "$promtool"
else
  echo "SKIPPED - promtool check metrics: apt-get download prometheus failed (no network?)"
fi

# 4. SIGKILL around the first picture (due 5 s after the start): always whole or absent.
torn=0
for i in $(seq "$KILLS"); do
  start_kiosk
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.3f", 4.6 + (r % 1300) / 1000 }')"
  kill -9 "$kiosk_pid" 2>/dev/null
  wait "$kiosk_pid" 2>/dev/null
  kiosk_pid=''
  if [ -e "$picture" ] && ! whole_jpeg "$picture"; then torn=$((torn + 1)); cp "$picture" "$work/torn-$i.jpg"; fi
done
check "after $KILLS SIGKILLs around the write, screen.jpg is never torn" test "$torn" = 0
check "and it is there" whole_jpeg "$picture"
e2e_finish
