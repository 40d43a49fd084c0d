#!/usr/bin/python3
"""workbook_test.py — tests of `facts-kiosk pack export` as staff use it, one case per run:

  round-trip PACK      export PACK, read the workbook with openpyxl into CSV files (plus
                       images/), `pack build` them: the new pack's canonical dump
                       (tests/support/pack_dump.py) is the old one's
  round-trip-generated the same for a generated fictional pack: 200 members in both scripts
                       (members_pack.sh) over long texts and empty sections (long_pack.sh)
  direct PACK          export PACK and `pack build` the .xlsx itself: the same content
  direct-generated     the same for the generated pack of round-trip-generated
  event                a pack with an event of the day (tests/support/event_pack.sh: sessions,
                       40 tables of meetings, private ones, announcements), on a summer day and
                       on the day the clocks go back: its four event sheets hold the local
                       times staff type, and both round trips give the same content
  typed-cyrillic       a typed Cyrillic text survives export → edit of its Latin → build; a
                       made one is empty in the workbook and is made again from the edited
                       Latin; a pack of schema version 1 exports its made Cyrillic empty too
  libreoffice PACK     the exported workbook, saved again by LibreOffice (soffice --headless
                       --convert-to xlsx, one run), still builds to the same content, through
                       CSV files and as the .xlsx itself
  cli                  exit status and messages of `pack export` on bad input; nothing is
                       left at the workbook's path after a failure

Usage: workbook_test.py CASE --kiosk FACTS_KIOSK --source SOURCE_ROOT [PACK]"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "support"))

import openpyxl  # noqa: E402

import pack_dump  # noqa: E402
import xlsx_to_csv  # noqa: E402


class Failure(Exception):
    pass


def run(args, expect=0):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != expect:
        raise Failure("%s: exit %d (expected %d)\n%s%s" % (" ".join(args), result.returncode, expect,
                                                          result.stdout, result.stderr))
    return result


class Case:
    def __init__(self, options, tmp):
        self.kiosk = options.kiosk
        self.source = options.source
        self.tmp = tmp

    def path(self, *names):
        return os.path.join(self.tmp, *names)

    def export(self, pack, name="edit"):
        os.makedirs(self.path(name), exist_ok=True)
        xlsx = self.path(name, "content.xlsx")
        run([self.kiosk, "pack", "export", pack, "-o", xlsx])
        return xlsx

    def build(self, source, out):
        run([self.kiosk, "pack", "build", source, "-o", out])
        return out

    def build_through_csv(self, xlsx, name):
        folder = self.path(name)
        xlsx_to_csv.convert(xlsx, folder)
        return self.build(folder, self.path(name + ".db"))

    def expect_same(self, a, b):
        diff = pack_dump.differences(a, b)
        if diff:
            raise Failure("the packs differ:\n" + "\n".join(diff))

    def generated_pack(self):
        long_dir, members_dir = self.path("long"), self.path("members")
        support = os.path.join(self.source, "tests", "support")
        run(["bash", os.path.join(support, "long_pack.sh"), long_dir])
        run(["bash", os.path.join(support, "members_pack.sh"), long_dir, members_dir])
        return self.build(members_dir, self.path("generated.db"))


def case_round_trip(case, pack):
    xlsx = case.export(pack)
    case.expect_same(pack, case.build_through_csv(xlsx, "csv"))
    rows = pack_dump.dump(pack)
    print("round trip: %d lines of content the same" % len(rows))


def generated_members_pack(case):
    pack = case.generated_pack()
    members = sqlite3.connect(pack).execute("SELECT count(*) FROM members").fetchone()[0]
    if members < 200:
        raise Failure("the generated pack has %d members" % members)
    return pack


def case_round_trip_generated(case, _pack):
    case_round_trip(case, generated_members_pack(case))


def case_direct(case, pack):
    xlsx = case.export(pack)
    case.expect_same(pack, case.build(xlsx, case.path("direct.db")))
    print("export then pack build content.xlsx: %d lines of content the same" % len(pack_dump.dump(pack)))


def case_direct_generated(case, _pack):
    case_direct(case, generated_members_pack(case))


def case_event(case, _pack):
    support = os.path.join(case.source, "tests", "support")
    fixture = os.path.join(case.source, "tests", "render", "fixture")
    for day in ("2026-09-17", "2026-10-25"):
        sources = case.path("event-" + day)
        run(["bash", os.path.join(support, "event_pack.sh"), fixture, sources, day])
        pack = case.build(sources, case.path("event-%s.db" % day))
        xlsx = case.export(pack, "edit-" + day)
        book = openpyxl.load_workbook(xlsx)
        for sheet in ("events", "sessions", "meetings", "announcements"):
            if sheet not in book.sheetnames or book[sheet].max_row < 2:
                raise Failure("%s: no sheet %s with rows in %s" % (day, sheet, book.sheetnames))
        opening = find_row(book["sessions"], "opening")
        if opening["starts"].value != day + "T09:00":
            raise Failure("%s: the opening starts at %r in the workbook, not at 09:00 local time" %
                          (day, opening["starts"].value))
        if "utc_offsets" in sheet_rows(book["events"])[0]:
            raise Failure("the builder's own utc_offsets column was exported")
        case.expect_same(pack, case.build_through_csv(xlsx, "csv-" + day))
        case.expect_same(pack, case.build(xlsx, case.path("direct-%s.db" % day)))
        counts = [sqlite3.connect(pack).execute("SELECT count(*) FROM %s" % t).fetchone()[0]
                  for t in ("sessions", "meetings", "announcements")]
        print("%s: the event (%d sessions, %d meetings, %d announcements) the same after export" %
              ((day,) + tuple(counts)))


def sheet_rows(sheet):
    """The rows of a sheet as dicts by column name."""
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def find_row(sheet, row_id):
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == row_id:
            return {name: cell for name, cell in zip(header, row)}
    raise Failure("no row %s in sheet %s" % (row_id, sheet.title))


def query(pack, sql, *args):
    db = sqlite3.connect(pack)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def case_typed_cyrillic(case, _pack):
    pack = case.generated_pack()
    typed = query(pack, "SELECT count(*) FROM typed_cyrillic WHERE table_name = 'programmes'")[0][0]
    made = query(pack, "SELECT count(*) FROM typed_cyrillic WHERE table_name = 'members'")[0][0]
    if typed == 0 or made != 0:
        raise Failure("typed_cyrillic lists %d programme and %d member texts (expected some and none)" % (typed, made))
    xlsx = case.export(pack)
    workbook = openpyxl.load_workbook(xlsx)
    # Made from the Latin: empty in the workbook. Typed: written as typed.
    member = find_row(workbook["members"], "member-002")
    programme = find_row(workbook["programmes"], "programme-1")
    old_member_cyrl = query(pack, "SELECT description_sr_cyrl FROM members WHERE id = 'member-002'")[0][0]
    typed_name = query(pack, "SELECT name_sr_cyrl FROM programmes WHERE id = 'programme-1'")[0][0]
    if member["description_sr_cyrl"].value is not None or not old_member_cyrl:
        raise Failure("a made Cyrillic text is in the workbook: %r" % member["description_sr_cyrl"].value)
    if programme["name_sr_cyrl"].value != typed_name:
        raise Failure("a typed Cyrillic text is not in the workbook: %r" % programme["name_sr_cyrl"].value)
    # Staff edit the Latin of both, as in Excel.
    member["description_sr_latn"].value = "Novi opis člana, džemper i ljubičasta nit."
    programme["name_sr_latn"].value = "Novo ime programa"
    workbook.save(xlsx)
    rebuilt = case.build_through_csv(xlsx, "edited")
    got_member = query(rebuilt, "SELECT description_sr_cyrl FROM members WHERE id = 'member-002'")[0][0]
    if got_member != "Нови опис члана, џемпер и љубичаста нит.":
        raise Failure("the made Cyrillic was not made again from the edited Latin: %r" % got_member)
    got_name = query(rebuilt, "SELECT name_sr_cyrl FROM programmes WHERE id = 'programme-1'")[0][0]
    if got_name != typed_name:
        raise Failure("the typed Cyrillic did not survive: %r" % got_name)
    if query(rebuilt, "SELECT count(*) FROM typed_cyrillic WHERE table_name = 'programmes'")[0][0] != typed:
        raise Failure("the rebuilt pack lost its record of typed texts")
    # A pack of schema version 1 (no record): Cyrillic that is what the Latin makes counts as made.
    old = case.path("version1.db")
    shutil.copy(pack, old)
    db = sqlite3.connect(old)
    db.executescript("DROP TABLE typed_cyrillic; UPDATE about_items SET text_sr_cyrl = 'Руком FACTS' "
                     "WHERE id = 'sector-1'; PRAGMA user_version = 1;")
    db.close()
    workbook = openpyxl.load_workbook(case.export(old, "old"))
    sector = find_row(workbook["about_items"], "sector-1")
    member = find_row(workbook["members"], "member-002")
    if sector["text_sr_cyrl"].value != "Руком FACTS" or member["description_sr_cyrl"].value is not None:
        raise Failure("version 1 pack: typed %r, made %r" % (sector["text_sr_cyrl"].value,
                                                             member["description_sr_cyrl"].value))
    print("typed Cyrillic kept (%d texts), made Cyrillic made again" % typed)


SKIPPED = 77  # CTest's SKIP_RETURN_CODE


def case_libreoffice(case, pack):
    if not shutil.which("soffice"):
        print("soffice not found (Debian libreoffice-calc-nogui): skipped")
        return SKIPPED
    xlsx = case.export(pack)
    out = case.path("saved")
    os.makedirs(out)
    profile = "file://" + case.path("lo-profile")
    run(["soffice", "--headless", "-env:UserInstallation=" + profile, "--convert-to", "xlsx", "--outdir", out, xlsx])
    saved = os.path.join(out, "content.xlsx")
    if not os.path.isfile(saved):
        raise Failure("LibreOffice wrote no workbook")
    shutil.copytree(case.path("edit", "images"), os.path.join(out, "images"))
    case.expect_same(pack, case.build_through_csv(saved, "csv"))
    case.expect_same(pack, case.build(saved, case.path("saved.db")))
    print("LibreOffice opened and saved the workbook; it builds to the same content (CSV files and .xlsx)")


def case_cli(case, pack):
    xlsx = case.path("content.xlsx")
    result = run([case.kiosk, "pack", "export", case.path("missing.db"), "-o", xlsx], expect=1)
    if "pack export:" not in result.stderr or "missing.db" not in result.stderr or os.path.exists(xlsx):
        raise Failure("missing pack: %r" % result.stderr)
    not_a_pack = case.path("text.db")
    with open(not_a_pack, "w") as f:
        f.write("id,name\n")
    result = run([case.kiosk, "pack", "export", not_a_pack, "-o", xlsx], expect=1)
    if "not an SQLite database" not in result.stderr or os.path.exists(xlsx):
        raise Failure("not a pack: %r" % result.stderr)
    result = run([case.kiosk, "pack", "export", pack, "-o", case.path("no-such-folder", "content.xlsx")], expect=1)
    if "no-such-folder" not in result.stderr:
        raise Failure("missing folder: %r" % result.stderr)
    run([case.kiosk, "pack", "export", pack], expect=2)
    # A workbook already there is replaced whole, and no temp file is left beside it.
    with open(xlsx, "w") as f:
        f.write("old")
    run([case.kiosk, "pack", "export", pack, "-o", xlsx])
    left = sorted(n for n in os.listdir(case.tmp) if n.startswith("content.xlsx"))
    if left != ["content.xlsx"] or openpyxl.load_workbook(xlsx).sheetnames[0] != "Read me":
        raise Failure("after export: %s" % left)
    print("pack export refuses bad input with exit 1 and leaves nothing half-written")


CASES = {
    "round-trip": case_round_trip,
    "round-trip-generated": case_round_trip_generated,
    "direct": case_direct,
    "direct-generated": case_direct_generated,
    "event": case_event,
    "typed-cyrillic": case_typed_cyrillic,
    "libreoffice": case_libreoffice,
    "cli": case_cli,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", choices=sorted(CASES))
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("pack", nargs="?")
    options = parser.parse_intermixed_args()
    tmp = tempfile.mkdtemp(prefix="workbook-", dir=os.environ.get("TMPDIR", "/tmp"))
    try:
        return CASES[options.case](Case(options, tmp), options.pack) or 0
    except Failure as failure:
        print("FAIL: %s" % failure, file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
