#!/usr/bin/env bash
# Kiosk import benchmark (prints figures, asserts nothing): the real kiosk under Xvfb at
# 1280x720 with systemd's notify socket played by tests/support/fake_systemd.py (a WATCHDOG=1
# ping asked for every 100 ms), on a bundled pack of MEMBERS generated members (default 1,000;
# every fifth with a logo). Driven with xdotool as staff would: "Copy content to stick", the
# workbook edited with openpyxl (tests/staff/edit_workbook.py), "Take content from stick" with
# the panel closed at once (the slides and the progress bar on screen), the preview opened
# with the PIN, Install. For each step: how long it took and the longest gap between watchdog
# pings (the aim: under 1 s), and whether the screen moved during the build.
# Usage: tests/bench/bench_import.sh build/release/src/facts-kiosk [MEMBERS]
set -uo pipefail
kiosk=${1:?usage: bench_import.sh FACTS_KIOSK [MEMBERS]}
members=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../support/e2e.sh
source "$here/../support/e2e.sh"
# shellcheck source=../support/staff_drive.sh
source "$here/../support/staff_drive.sh"
W=1280 H=720 PIN=2468
log="$work/kiosk.log"
fake_systemd="$here/../support/fake_systemd.py"
e2e_start_xvfb "${W}x${H}"
export DISPLAY=":$display"

cp -r "$here/../render/fixture" "$work/src"
awk -v n="$members" 'BEGIN { for (i = 0; i < n; i++)
  printf "member-%04d,Example Brand %d,%s,%s,https://example.org/m%d,A fictional member number %d.,Izmišljeni član broj %d.,,\n",
    i, i, (i % 3 ? "SME" : "larger"), (i % 5 ? "" : "example-logo.png"), i, i, i }' >>"$work/src/members.csv"
"$kiosk" pack build "$work/src" -o "$work/bundled.db" >/dev/null || { echo "pack build failed"; exit 1; }
export FACTS_BUNDLED_PACK="$work/bundled.db"
mkdir -p "$work/state" "$work/media/STICK/facts-kiosk"
printf '%s\n%s\n' $PIN $PIN | "$kiosk" staff set-pin --config "$work/kiosk.conf" >/dev/null

python3 "$fake_systemd" listen "$work/notify.sock" >"$work/notify.txt" &
systemd_pid=$!
trap 'kill $systemd_pid 2>/dev/null; e2e_cleanup' EXIT
for _ in $(seq 50); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
mark() { python3 "$fake_systemd" mark "$work/notify.sock" "$1"; echo "$1 $(date +%s.%N)" >>"$work/marks"; }
NOTIFY_SOCKET="$work/notify.sock" WATCHDOG_USEC=200000 "$kiosk" --config "$work/kiosk.conf" --state-dir "$work/state" \
  --mount-root "$work/media" --log-level debug --slide-seconds 2 >"$log" 2>&1 &
kiosk_pid=$!
wait_for_log "first frame" 20 || { echo "the kiosk did not start"; cat "$log"; exit 1; }
sleep 1
gesture
type_pin $PIN
wait_for_log "PIN accepted" 5 || { echo "the panel did not open"; exit 1; }
sleep 0.5

mark copy
press panel copy-to-stick
wait_for_log "import: content copied to" 300 || echo "# the copy did not end"
mark copied
edit="$work/media/STICK/facts-kiosk/edit"
started=$SECONDS
/usr/bin/python3 "$here/../staff/edit_workbook.py" good "$edit/content.xlsx"
echo "# workbook of $members members: $(stat -c %s "$edit/content.xlsx") bytes, edited with openpyxl in $((SECONDS - started)) s"

mark take
press panel take-from-stick
press panel close
(for i in 1 2 3 4 5 6; do shot build-$i; sleep 0.2; done) &
shots=$!
wait_for_log "import: .*: ready" 600 || echo "# the build was not ready: $(grep 'import: ' "$log" | tail -1)"
mark built
wait $shots
moved=0
for i in 1 2 3 4 5; do [ "$(compare -metric AE "$work/build-$i.png" "$work/build-$((i + 1)).png" null: 2>&1 | cut -d' ' -f1)" -gt 0 ] && moved=$((moved + 1)); done
gesture
type_pin $PIN
mark pin
wait_for_log "staff: preview of the content from the stick" 60 || echo "# no preview"
mark preview
sleep 0.5
press "preview bar" install
wait_for_log "staff: content from the stick installed" 300 || echo "# not installed"
mark installed
sleep 1
kill -TERM $systemd_pid; wait $systemd_pid

span() { # FROM TO: seconds between two marks
  awk -v a="$1" -v b="$2" '$1 == a { s = $2 } $1 == b { e = $2 } END { printf "%.1f", e - s }' "$work/marks"
}
report() { # LABEL FROM TO
  read -r gap pings < <(python3 "$fake_systemd" gap "$work/notify.txt" "$2" "$3")
  printf '%-34s %6s s   longest watchdog gap %s s (%s pings)\n' "$1" "$(span "$2" "$3")" "$gap" "$pings"
}
echo "bench_import: $members members, $(nproc) cores, 1280x720, software renderer"
report "copy content to stick" copy copied
report "take content from stick (build)" take built
report "PIN to preview open" pin preview
report "install" preview installed
echo "screen changed in $moved of 5 pairs of screenshots 0.2 s apart, from the start of the build (slides, progress bar)"
grep -E "import: .*: ready|update: the kiosk: ok" "$log" | sed 's/^/# /'
failed=0
