#!/usr/bin/env bash
# event_pack.sh — writes the sources of a fictional pack with an event of the day (for the
# event board's screenshot and end-to-end tests): the fixture's files (tests/render/fixture)
# with events.csv (one B2B day in Europe/Belgrade), sessions.csv (an agenda of talks, panels,
# a workshop, breaks and an evening that runs past midnight), meetings.csv (40 tables and 8
# rounds of 20 minutes from 10:00 with 5-minute breaks; every seventh meeting private, the
# first party a member's id of the fixture or a fictional company) and announcements.csv
# (lunch moved 12:00-13:30; the evening's bus 17:00-18:00). All fictional (example.org,
# "Example Brand"). Deterministic: the same output for the same day.
#
#   tests/support/event_pack.sh FIXTURE_DIR OUT_DIR [YYYY-MM-DD]   (default 2026-09-17)
#   then: facts-kiosk pack build OUT_DIR -o pack.db
set -euo pipefail
fixture=${1:?usage: event_pack.sh FIXTURE_DIR OUT_DIR [YYYY-MM-DD]}
out=${2:?usage: event_pack.sh FIXTURE_DIR OUT_DIR [YYYY-MM-DD]}
day=${3:-2026-09-17}
mkdir -p "$out"
cp -R "$fixture"/. "$out"/

cat >"$out/events.csv" <<CSV
id,name_en,name_sr_latn,venue_en,venue_sr_latn,starts,ends,time_zone
b2b-day,Example B2B Meeting Day,Primer B2B dan sastanaka,Example Hall,Primer hala,$day,$day,Europe/Belgrade
CSV

next_day=$(date -u -d "$day + 1 day" +%F)
cat >"$out/sessions.csv" <<CSV
id,event,starts,ends,room_en,room_sr_latn,title_en,title_sr_latn,kind
opening,b2b-day,${day}T09:00,${day}T09:30,Hall A,Hala A,Opening of the day,Otvaranje dana,talk
trends,b2b-day,${day}T09:30,${day}T10:15,Hall A,Hala A,Example trends in knitwear,Primer trendova u trikotaži,panel
matchmaking,b2b-day,${day}T10:00,${day}T13:25,Hall B,Hala B,B2B meetings,B2B sastanci,other
lunch,b2b-day,${day}T12:00,${day}T13:30,Hall C,Hala C,Lunch,Ručak,break
workshop,b2b-day,${day}T13:30,${day}T15:00,Room 2,Sala 2,Workshop: example sourcing,Radionica: primer nabavke,workshop
export,b2b-day,${day}T15:00,${day}T16:00,Hall A,Hala A,Export to example markets,Izvoz na primer tržišta,talk
evening,b2b-day,${day}T21:00,${next_day}T00:30,Terrace,Terasa,Evening of example fashion,Veče primer mode,social
CSV

members=(example-brand other-example example-institute)
{
    echo 'id,event,starts,ends,table,party_a,party_b,title,private'
    for round in 0 1 2 3 4 5 6 7; do
        minutes=$((10 * 60 + round * 25))
        start=$(printf '%02d:%02d' $((minutes / 60)) $((minutes % 60)))
        end=$(printf '%02d:%02d' $(((minutes + 20) / 60)) $(((minutes + 20) % 60)))
        for table in $(seq 1 40); do
            n=$((round * 40 + table))
            if [ $((n % 11)) -lt 3 ]; then
                a=${members[$((n % 11))]}
            else
                a="Example Knit $(printf '%03d' $((n % 97)))"
            fi
            b="Example Buyer $(printf '%03d' $(((n * 7) % 89)))"
            private=no
            if [ $((n % 7)) = 0 ]; then private=yes; fi
            printf 'm-%d-%02d,b2b-day,%sT%s,%sT%s,%d,%s,%s,Sourcing talk %d,%s\n' \
                $((round + 1)) "$table" "$day" "$start" "$day" "$end" "$table" "$a" "$b" "$n" "$private"
        done
    done
} >"$out/meetings.csv"

cat >"$out/announcements.csv" <<CSV
id,text_en,text_sr_latn,from,until
lunch-moved,Lunch moved to hall C,Ručak je premešten u halu C,${day}T12:00,${day}T13:30
bus,The bus to the evening leaves at 20:30 from the main entrance,Autobus za veče polazi u 20:30 sa glavnog ulaza,${day}T17:00,${day}T18:00
CSV
