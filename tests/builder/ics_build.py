#!/usr/bin/python3
"""ics_build.py — pack build reads .ics files written by another program (Python's icalendar,
Debian python3-icalendar) and refuses hostile ones with a message, never a crash.

Usage: ics_build.py FACTS_KIOSK FIXTURE_DIR

Each case copies the fixture's sources, adds events.csv (an event over Belgrade's spring DST
weekend, 2026-03-28 and 29) and one or more .ics files, runs `facts-kiosk pack build` and
checks its exit status, its messages and the sessions in the pack:
  - TZID=Europe/Belgrade without a VTIMEZONE (icalendar with pytz writes this): the system's zone;
  - a TZID only the file's VTIMEZONE defines ("Example Standard Time", as Outlook writes);
  - UTC times, an all-day event, a daily repetition with COUNT, one without an end (bounded by
    the event's days), a weekly one (refused with a message);
  - hostile: megabytes of properties, deep nesting, bad dates, binary garbage, an empty file.
"""
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import icalendar
import pytz

KIOSK, FIXTURE = sys.argv[1], sys.argv[2]
TMP = tempfile.mkdtemp(prefix="facts-ics-", dir=os.environ.get("TMPDIR", "/tmp"))
EVENTS = ("id,name_en,name_sr_latn,venue_en,venue_sr_latn,starts,ends,time_zone\n"
          "fair,Example Fair,Primer sajam,Example Hall,Primer hala,2026-03-28,2026-03-29,Europe/Belgrade\n")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def calendar():
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Example Calendar//example.org//")
    cal.add("version", "2.0")
    return cal


def event(uid, summary, start, end=None, location=None, rrule=None):
    ev = icalendar.Event()
    ev.add("uid", uid + "@example.org")
    ev.add("dtstamp", datetime.datetime(2026, 1, 1, tzinfo=pytz.utc))
    ev.add("summary", summary)
    ev.add("dtstart", start)
    if end is not None:
        ev.add("dtend", end)
    if location:
        ev.add("location", location)
    if rrule:
        ev.add("rrule", rrule)
    return ev


def build(name, files):
    """Writes the sources with files {name: bytes}, builds; returns (status, output, sessions)."""
    src = os.path.join(TMP, name)
    shutil.copytree(FIXTURE, src)
    with open(os.path.join(src, "events.csv"), "w", encoding="utf-8") as f:
        f.write(EVENTS)
    for file_name, data in files.items():
        with open(os.path.join(src, file_name), "wb") as f:
            f.write(data)
        seeds = os.environ.get("ICS_SEEDS")  # set by hand to refresh tests/fuzz/seeds_ics/
        if seeds and len(data) < 8192:
            with open(os.path.join(seeds, name + "-" + file_name), "wb") as f:
                f.write(data)
    pack = os.path.join(TMP, name + ".db")
    run = subprocess.run([KIOSK, "pack", "build", src, "-o", pack], capture_output=True, text=True, timeout=60)
    output = run.stdout + run.stderr
    check(run.returncode in (0, 1), "%s: pack build ended with %d (a crash?): %s" % (name, run.returncode, output))
    sessions = []
    if run.returncode == 0:
        db = sqlite3.connect(pack)
        sessions = db.execute("SELECT title_en, room_en, starts, ends FROM sessions ORDER BY starts, title_en").fetchall()
        db.close()
    return run.returncode, output, sessions


def belgrade(*args):
    return pytz.timezone("Europe/Belgrade").localize(datetime.datetime(*args))


# ---- written by icalendar: TZID without a VTIMEZONE, UTC, all-day, daily repetitions ------
cal = calendar()
cal.add_component(event("opening", "Opening", belgrade(2026, 3, 28, 9, 0), belgrade(2026, 3, 28, 9, 45), "Hall A"))
cal.add_component(event("after-dst", "After the clocks change", belgrade(2026, 3, 29, 10, 0),
                        belgrade(2026, 3, 29, 11, 0), "Hall B"))
cal.add_component(event("utc", "A talk in UTC", datetime.datetime(2026, 3, 28, 14, 0, tzinfo=pytz.utc),
                        datetime.datetime(2026, 3, 28, 15, 0, tzinfo=pytz.utc)))
cal.add_component(event("allday", "Fair open", datetime.date(2026, 3, 29)))
cal.add_component(event("coffee", "Coffee", belgrade(2026, 3, 28, 11, 0), belgrade(2026, 3, 28, 11, 30),
                        rrule={"freq": "daily", "count": 2}))
cal.add_component(event("endless", "Stand-up", datetime.datetime(2026, 3, 27, 7, 0, tzinfo=pytz.utc),
                        datetime.datetime(2026, 3, 27, 7, 15, tzinfo=pytz.utc), rrule={"freq": "daily"}))
cal.add_component(event("weekly", "Weekly call", belgrade(2026, 3, 28, 16, 0), belgrade(2026, 3, 28, 17, 0),
                        rrule={"freq": "weekly", "count": 3}))
cal.add_component(event("elsewhere", "Another week", belgrade(2026, 4, 8, 9, 0), belgrade(2026, 4, 8, 10, 0)))
text = cal.to_ical()
check(b"TZID=Europe/Belgrade" in text and b"VTIMEZONE" not in text, "icalendar wrote a TZID without a VTIMEZONE")
status, output, sessions = build("pytz", {"agenda.ics": text})
check(status == 0, "pytz: built: " + output)
expected = [
    ("Stand-up", "", "2026-03-28T07:00:00Z", "2026-03-28T07:15:00Z"),
    ("Opening", "Hall A", "2026-03-28T08:00:00Z", "2026-03-28T08:45:00Z"),
    ("Coffee", "", "2026-03-28T10:00:00Z", "2026-03-28T10:30:00Z"),
    ("A talk in UTC", "", "2026-03-28T14:00:00Z", "2026-03-28T15:00:00Z"),
    ("Fair open", "", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"),
    ("Stand-up", "", "2026-03-29T07:00:00Z", "2026-03-29T07:15:00Z"),
    ("After the clocks change", "Hall B", "2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z"),
    ("Coffee", "", "2026-03-29T09:00:00Z", "2026-03-29T09:30:00Z"),
]
check(sessions == expected, "pytz: sessions %r" % (sessions,))
summary = subprocess.run([KIOSK, "pack", "check", os.path.join(TMP, "pytz.db")], capture_output=True, text=True)
check("events: 1 (8 sessions, 0 meetings, 0 announcements)" in summary.stdout, "pack check: " + summary.stdout)
check('event "Weekly call" is not used: only simple daily repetitions are read' in output, "weekly refused: " + output)
check('event "Another week" on 2026-04-08T07:00:00Z falls on no event\'s days' in output, "outside: " + output)

# ---- a TZID only the file's VTIMEZONE defines ----------------------------------------------
cal = calendar()
tz = icalendar.Timezone()
tz.add("tzid", "Example Standard Time")
standard = icalendar.TimezoneStandard()
standard.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0))
standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
standard.add("tzoffsetto", datetime.timedelta(hours=1))
standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
daylight = icalendar.TimezoneDaylight()
daylight.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0))
daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
daylight.add("tzoffsetto", datetime.timedelta(hours=2))
daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
tz.add_component(standard)
tz.add_component(daylight)
cal.add_component(tz)
for uid, day, hour in (("sat", 28, 10), ("sun", 29, 10)):
    ev = event(uid, "Panel " + uid, datetime.datetime(2026, 3, day, hour, 0), datetime.datetime(2026, 3, day, hour + 1, 0))
    ev["dtstart"].params["TZID"] = "Example Standard Time"
    ev["dtend"].params["TZID"] = "Example Standard Time"
    cal.add_component(ev)
text = cal.to_ical()
check(b"BEGIN:VTIMEZONE" in text and b"TZID=\"Example Standard Time\"" in text, "a VTIMEZONE written")
status, output, sessions = build("vtimezone", {"outlook.ics": text})
check(status == 0, "vtimezone: built: " + output)
check(sessions == [("Panel sat", "", "2026-03-28T09:00:00Z", "2026-03-28T10:00:00Z"),
                   ("Panel sun", "", "2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z")],
      "vtimezone: sessions %r" % (sessions,))

# ---- hostile files: refused with a message, never a crash -----------------------------------
head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"
tail = b"END:VCALENDAR\r\n"
one = (b"BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260328T080000Z\r\nDTEND:20260328T090000Z\r\nSUMMARY:X\r\n"
       b"END:VEVENT\r\n")
hostile = {
    "megabytes": (head + b"X-PROP:" + b"A" * 70 + b"\r\n") * 1 + b"X-EXAMPLE-PROPERTY:%s\r\n" % (b"v" * 60) * 60000 + tail,
    "lines": head + b"X-A:1\r\n" * 60000 + tail,
    "nesting": head + b"BEGIN:VEVENT\r\n" * 40 + b"END:VEVENT\r\n" * 40 + tail,
    "components": head + one * 2100 + tail,
    "garbage": bytes(range(256)) * 8,
    "empty": b"",
}
expected_why = {
    "megabytes": "the file is larger than 1024 KiB",
    "lines": "the file has more than 50000 lines",
    "nesting": "components are nested deeper than 3",
    "components": "the file has more than 2000 components",
    "garbage": "the file has a NUL byte",
    "empty": "no BEGIN:VCALENDAR",
}
for name, data in hostile.items():
    status, output, _ = build("hostile-" + name, {name + ".ics": data})
    check(status == 1 and "not an iCalendar file the kiosk can read: " + expected_why[name] in output,
          "hostile %s: %d %s" % (name, status, output[-400:]))

bad_dates = head + (b"BEGIN:VEVENT\r\nUID:bad\r\nDTSTART:20261345T250000Z\r\nDTEND:20260328T090000Z\r\n"
                    b"SUMMARY:Bad date\r\nEND:VEVENT\r\n"
                    b"BEGIN:VEVENT\r\nUID:nozone\r\nDTSTART;TZID=Mars/Olympus:20260328T080000\r\n"
                    b"DTEND;TZID=Mars/Olympus:20260328T090000\r\nSUMMARY:No such zone\r\nEND:VEVENT\r\n"
                    b"BEGIN:VEVENT\r\nUID:skip\r\nDTSTART;TZID=Europe/Belgrade:20260329T023000\r\n"
                    b"DTEND;TZID=Europe/Belgrade:20260329T040000\r\nSUMMARY:Lost hour\r\nEND:VEVENT\r\n"
                    b"BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20260328T080000Z\r\nDTEND:20260328T090000Z\r\n"
                    b"SUMMARY:Good\r\nEND:VEVENT\r\n") + tail
status, output, sessions = build("bad-dates", {"bad.ics": bad_dates})
check(status == 0 and [s[0] for s in sessions] == ["Good"], "bad dates: only the good one: %r %s" % (sessions, output))
check('event "Bad date" is not used' in output, "bad date said: " + output)
check('event "No such zone" is not used: time zone "Mars/Olympus" has no VTIMEZONE' in output, "zone said: " + output)
check('event "Lost hour" is not used: 2026-03-29T02:30 does not exist in Europe/Belgrade' in output,
      "skipped time said: " + output)

shutil.rmtree(TMP)
print("ics_build: %d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
