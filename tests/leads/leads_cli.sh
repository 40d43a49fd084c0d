#!/usr/bin/env bash
# The `leads` verbs as staff use them, through the real binary:
#  - `leads keygen` writes a key pair (secret key 0600), refuses to overwrite either file;
#  - `leads open` turns what the kiosk sealed (lead_writer: the kiosk's own seal and append)
#    into a CSV with a byte order mark, from files and folders; a wrong key, a changed byte
#    and a cut-off tail are each reported with file and offset, and exit status 1;
#  - SIGKILL at random moments during appends: afterwards every lead that was reported
#    durable is in the CSV, and `leads open` finds no damage once the writer started again.
# Usage: leads_cli.sh FACTS_KIOSK LEAD_WRITER
set -uo pipefail
kiosk=${1:?usage: leads_cli.sh FACTS_KIOSK LEAD_WRITER}
writer=${2:?usage: leads_cli.sh FACTS_KIOSK LEAD_WRITER}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if "${@:2}"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi; }
rows() { tail -n +2 "$1" | grep -c .; }

# 1. keygen
"$kiosk" leads keygen -p "$work/leads.pub" -s "$work/leads.key" >"$work/keygen.log" 2>&1
check "keygen: exit status 0" test $? = 0
check "keygen: secret key is mode 0600" test "$(stat -c %a "$work/leads.key")" = 600
check "keygen: public key file names itself" grep -qx "facts-kiosk leads public key 1" "$work/leads.pub"
cp "$work/leads.key" "$work/leads.key.before"
"$kiosk" leads keygen -p "$work/other.pub" -s "$work/leads.key" >"$work/again.log" 2>&1
check "keygen over an existing key: exit status 1" test $? = 1
check "keygen over an existing key: says so" grep -q "exists already" "$work/again.log"
check "keygen over an existing key: key unchanged" cmp -s "$work/leads.key" "$work/leads.key.before"
check "keygen over an existing key: no new public key" test ! -e "$work/other.pub"
"$kiosk" leads keygen -p "$work/other.pub" >/dev/null 2>&1
check "keygen without -s: exit status 2" test $? = 2
"$kiosk" leads >/dev/null 2>"$work/verbs.log"
check "'leads' alone: exit status 2, lists the verbs" grep -q "facts-kiosk leads open" "$work/verbs.log"

# 2. A round trip through the kiosk's seal and the staff's open.
mkdir -p "$work/state"
"$writer" "$work/leads.pub" "$work/state" 1 5 >/dev/null
check "open: exit status 0" "$kiosk" leads open -s "$work/leads.key" "$work/state/leads.sealed" -o "$work/one.csv"
check "open: CSV starts with a UTF-8 byte order mark" test "$(head -c 3 "$work/one.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check "open: 5 rows" test "$(rows "$work/one.csv")" = 5
check "open: the lead's fields" grep -q "^2026-12-01T10:00:00Z,writer,,Writer Visitor 3,,writer3@example.org,,,"$'\r'"$" "$work/one.csv"
check "open: CSV is private (0600)" test "$(stat -c %a "$work/one.csv")" = 600
"$kiosk" leads open -s "$work/leads.key" "$work/state" -o "$work/dir.csv" >/dev/null
check "open a folder: finds *.sealed in it" test "$(rows "$work/dir.csv")" = 5
"$kiosk" leads open -s "$work/leads.pub" "$work/state" -o "$work/x.csv" >/dev/null 2>"$work/pub.log"
check "open with the public key: refused, says why" grep -q "not a leads secret key" "$work/pub.log"
check "no plaintext in the state folder" bash -c "! grep -rqa 'Writer Visitor' '$work/state'"

# 3. The wrong key, a changed byte, a cut-off tail.
"$kiosk" leads keygen -p "$work/wrong.pub" -s "$work/wrong.key" >/dev/null
"$kiosk" leads open -s "$work/wrong.key" "$work/state" -o "$work/wrong.csv" 2>"$work/wrong.log" >/dev/null
check "wrong key: exit status 1" test $? = 1
check "wrong key: file and offset of each record" grep -q "leads.sealed: offset 325: record sealed for another key" "$work/wrong.log"
check "wrong key: no rows" test "$(rows "$work/wrong.csv")" = 0
cp "$work/state/leads.sealed" "$work/tampered.sealed"
printf 'X' | dd of="$work/tampered.sealed" bs=1 seek=800 conv=notrunc 2>/dev/null
"$kiosk" leads open -s "$work/leads.key" "$work/tampered.sealed" -o "$work/tampered.csv" 2>"$work/tampered.log" >/dev/null
check "changed byte: exit status 1" test $? = 1
check "changed byte: file and offset" grep -q "tampered.sealed: offset 650: 325 damaged bytes" "$work/tampered.log"
check "changed byte: the other 4 leads" test "$(rows "$work/tampered.csv")" = 4
cp "$work/state/leads.sealed" "$work/cut.sealed"
truncate -s -7 "$work/cut.sealed"
"$kiosk" leads open -s "$work/leads.key" "$work/cut.sealed" -o "$work/cut.csv" 2>"$work/cut.log" >/dev/null
check "cut-off tail: exit status 1" test $? = 1
check "cut-off tail: file and offset" grep -q "cut.sealed: offset 1300: the last record is cut short (318 bytes)" "$work/cut.log"
check "cut-off tail: the other 4 leads" test "$(rows "$work/cut.csv")" = 4

# 4. SIGKILL during appends, at random moments, 25 times; then once more to the end.
rm -f "$work/state/leads.sealed"
next=1 kills=0
for round in $(seq 25); do
  "$writer" "$work/leads.pub" "$work/state" "$next" 0 >"$work/acked.$round" 2>>"$work/writer.log" &
  pid=$!
  sleep "0.$((RANDOM % 20 + 1))"
  kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
  wait "$pid" 2>/dev/null
  last=$(tail -n 1 "$work/acked.$round")
  [ -n "$last" ] && next=$((last + 1))
  # A power cut may also leave half a record: cut the file inside its last record at times.
  if [ $((round % 5)) = 0 ] && [ -s "$work/state/leads.sealed" ]; then
    truncate -s -$((RANDOM % 300 + 1)) "$work/state/leads.sealed"
    next=$((next - 1))  # that lead is gone; it is written again
    sed -i '$d' "$work/acked.$round"
  fi
done
"$writer" "$work/leads.pub" "$work/state" "$next" 3 >"$work/acked.last" 2>>"$work/writer.log"
cat "$work/acked."* | sort -nu >"$work/acked"
acked=$(wc -l <"$work/acked")
check "SIGKILL: the writer was killed during appends ($kills times, $acked leads acknowledged)" \
  test "$kills" -ge 20 -a "$acked" -gt 25
check "SIGKILL: torn tails cut off by the next start" grep -q "cut off a torn tail" "$work/writer.log"
"$kiosk" leads open -s "$work/leads.key" "$work/state" -o "$work/killed.csv" >"$work/killed.log" 2>&1
check "SIGKILL: leads open finds no damage" test $? = 0
sed -n 's/^[^,]*,writer,,Writer Visitor \([0-9]*\),.*/\1/p' "$work/killed.csv" | sort -nu >"$work/found"
missing=$(comm -23 <(sort "$work/acked") <(sort "$work/found") | wc -l)
check "SIGKILL: every acknowledged lead is in the CSV (missing: $missing)" test "$missing" = 0
check "SIGKILL: at most one unacknowledged lead per kill" test "$(rows "$work/killed.csv")" -le $((acked + kills))

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
