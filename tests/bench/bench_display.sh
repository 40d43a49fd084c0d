#!/usr/bin/env bash
# Display benchmark (prints figures, asserts nothing): the real kiosk full screen in Xvfb at
# 1920x1080 with SDL's software renderer, left alone in its attract loop for SECONDS (default
# 60): time to first frame, frame times during transitions (p50/p95/p99/max, from --stats),
# peak RSS, and the CPU it used after the first frame.
# Usage: tests/bench/bench_display.sh build/release/src/facts-kiosk [SECONDS]
set -euo pipefail
kiosk=${1:?usage: bench_display.sh FACTS_KIOSK [SECONDS]}
seconds=${2:-60}
work=$(mktemp -d)
display=81
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do xdpyinfo -display ":$display" >/dev/null 2>&1 && break; sleep 0.1; done

DISPLAY=":$display" "$kiosk" --stats --state-dir "$work/state" >"$work/out.log" 2>"$work/err.log" &
pid=$!
for _ in $(seq 100); do grep -q "first frame" "$work/err.log" && break; sleep 0.1; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
start_ticks=$(ticks)
sleep "$seconds"
end_ticks=$(ticks)
kill -TERM "$pid"  # SIGINT is ignored by background jobs of a script
wait "$pid" || true
cpu=$(awk -v t=$((end_ticks - start_ticks)) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.2f", 100 * t / hz / s }')
echo "bench_display: 1920x1080 software renderer, ${seconds} s of attract loop"
grep -h "renderer\|first frame" "$work/err.log" | sed 's/^/  /'
sed 's/^/  /' "$work/out.log"
echo "  cpu_pct_after_first_frame=$cpu"
