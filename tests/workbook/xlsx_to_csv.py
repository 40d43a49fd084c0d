#!/usr/bin/python3
"""xlsx_to_csv.py — turns a workbook (as `pack export` writes it, or as Excel, LibreOffice or
openpyxl save it) into a folder `pack build` reads: one CSV file per sheet except "Read me",
named like the sheet, every cell as text (dates as YYYY-MM-DD, whole numbers without ".0"),
empty rows left out; the workbook's images/ folder is copied beside the CSV files. Written
with openpyxl, a reader that is not the kiosk's, so the round trip tests check the exported
workbook, not the kiosk's own reading of it.

    tests/workbook/xlsx_to_csv.py content.xlsx OUT_DIR"""

import csv
import datetime
import os
import shutil
import sys

import openpyxl

READ_ME = "Read me"


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def convert(xlsx_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    workbook = openpyxl.load_workbook(xlsx_path, data_only=True)
    for sheet in workbook.worksheets:
        if sheet.title == READ_ME:
            continue
        rows = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        rows = [row for row in rows if any(row)]
        width = max((max((i + 1 for i, v in enumerate(row) if v), default=0) for row in rows), default=0)
        with open(os.path.join(out_dir, sheet.title + ".csv"), "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            for row in rows:
                writer.writerow((row + [""] * width)[:width])
    images = os.path.join(os.path.dirname(os.path.abspath(xlsx_path)), "images")
    if os.path.isdir(images):
        shutil.copytree(images, os.path.join(out_dir, "images"), dirs_exist_ok=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    convert(sys.argv[1], sys.argv[2])
