#!/usr/bin/python3
"""edit_workbook.py — edits a workbook the kiosk copied to a stick as a member of staff would,
with openpyxl (not the kiosk's code), for tests/staff/e2e_import.sh:

  good WORKBOOK   renames the member "Example Brand" to "Example Brand Renamed", adds a story
                  whose show_from and show_until are typed as dates (cells of date type),
                  deletes the row of the about item "goal-2"
  bad WORKBOOK    a member's kind that is not one of the allowed words, and a story whose
                  title is left empty: errors the kiosk must list

Usage: edit_workbook.py good|bad WORKBOOK"""
import datetime
import sys

import openpyxl


def rows_by_id(sheet):
    header = [c.value for c in sheet[1]]
    return header, {row[0].value: row for row in sheet.iter_rows(min_row=2) if row[0].value}


def good(book):
    members = book["members"]
    header, rows = rows_by_id(members)
    rows["example-brand"][header.index("name")].value = "Example Brand Renamed"
    stories = book["stories"]
    header = [c.value for c in stories[1]]
    story = {"id": "kiosk-story", "title_en": "A Story Added at the Kiosk", "title_sr_latn": "Priča dodata na kiosku",
             "place_en": "Example City", "place_sr_latn": "Primer grad", "years": "2026",
             "body_en": "Typed into the workbook on a laptop.", "body_sr_latn": "Upisano u radnu svesku.",
             "show_from": datetime.date(2020, 1, 1), "show_until": datetime.date(2099, 12, 31)}
    stories.append([story.get(name) for name in header])
    about = book["about_items"]
    _, rows = rows_by_id(about)
    about.delete_rows(rows["goal-2"][0].row)


def bad(book):
    members = book["members"]
    header, rows = rows_by_id(members)
    rows["other-example"][header.index("kind")].value = "enormous"
    stories = book["stories"]
    header, rows = rows_by_id(stories)
    rows["fair"][header.index("title_en")].value = None


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("good", "bad"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    workbook = openpyxl.load_workbook(sys.argv[2])
    (good if sys.argv[1] == "good" else bad)(workbook)
    workbook.save(sys.argv[2])
