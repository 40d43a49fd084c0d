#!/usr/bin/env bash
# Display benchmark (prints figures, asserts nothing): the real kiosk full screen in Xvfb at
# 1920x1080 with SDL's software renderer, left alone in its attract loop for SECONDS (default
# 60) three times: with the bundled pack, with a generated fictional pack of 1,000 members
# (tests/render/fixture plus "Example Brand" rows), and with the bundled pack and no
# transitions (--transition-ms 0, the floor the fades are measured against). For each: the
# kiosk's own time to its first frame, the frame times during transitions (p50/p95, from
# --stats) and frames drawn per transition, the CPU it used after the first frame (% of one
# core), and its PSS (/proc/PID/smaps_rollup sampled every 0.5 s: peak and last).
# Usage: tests/bench/bench_display.sh build/release/src/facts-kiosk [SECONDS]
set -euo pipefail
kiosk=${1:?usage: bench_display.sh FACTS_KIOSK [SECONDS]}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
display=81
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do xdpyinfo -display ":$display" >/dev/null 2>&1 && break; sleep 0.1; done

# The 1,000-member pack: the screenshot fixture with generated members, every fifth with a logo.
cp -r "$here/../render/fixture" "$work/members-1000"
awk 'BEGIN { for (i = 0; i < 1000; i++)
  printf "member-%04d,Example Brand %d,%s,%s,https://example.org/m%d,A fictional member number %d.,Izmišljeni član broj %d.,,\n",
    i, i, (i % 3 ? "SME" : "larger"), (i % 5 ? "" : "example-logo.png"), i, i, i }' >>"$work/members-1000/members.csv"
"$kiosk" pack build "$work/members-1000" -o "$work/members-1000.db" >/dev/null

run() { # LABEL KIOSK-OPTIONS...
  local label=$1; shift
  rm -rf "$work/state"
  DISPLAY=":$display" "$kiosk" --stats --state-dir "$work/state" "$@" >"$work/out.log" 2>"$work/err.log" &
  local pid=$!
  for _ in $(seq 100); do grep -q "first frame" "$work/err.log" && break; sleep 0.1; done
  local hz start_ticks end_ticks pss peak=0 last=0
  hz=$(getconf CLK_TCK)
  ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  start_ticks=$(ticks)
  for _ in $(seq $((seconds * 2))); do
    sleep 0.5
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
    last=$pss
    [ "$pss" -gt "$peak" ] && peak=$pss
  done
  end_ticks=$(ticks)
  kill -TERM "$pid" # SIGINT is ignored by background jobs of a script
  wait "$pid" || true
  local first stats transitions
  first=$(sed -n 's/.*first frame after \([0-9]*\) ms.*/\1/p' "$work/err.log")
  stats=$(grep '^stats:' "$work/out.log" || echo "stats: none")
  # Attract slides change every 8 s (the default): that many transitions ran.
  transitions=$((seconds / 8))
  awk -v label="$label" -v first="$first" -v t=$((end_ticks - start_ticks)) -v hz="$hz" -v s="$seconds" \
    -v peak="$peak" -v last="$last" -v n="$transitions" -v stats="$stats" 'BEGIN {
      split(stats, f, " "); for (i in f) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
      printf "%-16s first_frame_ms=%s fade_p50_ms=%s fade_p95_ms=%s frames_per_transition=%.1f cpu_pct=%.2f pss_peak_mib=%.1f pss_end_mib=%.1f\n",
        label, first, v["p50_ms"], v["p95_ms"], n ? v["transition_frames"] / n : 0, 100 * t / hz / s, peak / 1024, last / 1024 }'
}

echo "bench_display: 1920x1080 software renderer, ${seconds} s of attract loop each ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
run bundled
run members-1000 --db "$work/members-1000.db"
run no-transitions --transition-ms 0
grep -h "renderer" "$work/err.log" | sed 's/^/  /'
