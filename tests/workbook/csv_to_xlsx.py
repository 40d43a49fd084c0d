#!/usr/bin/python3
"""Writes a workbook as another program would (openpyxl): one sheet per CSV file of a sources
folder, named like the file without .csv, one row per record; whole numbers as numbers and
YYYY-MM-DD values as date cells (formatted yyyy-mm-dd), everything else as text. Copies the
folder's images/ beside the workbook.

Usage: csv_to_xlsx.py SOURCE_DIR OUT.xlsx [--set SHEET ROW COLUMN VALUE]...
(--set changes one cell before saving: ROW as the spreadsheet numbers it, COLUMN by header name)."""

import csv
import datetime
import os
import re
import shutil
import sys

import openpyxl

WHOLE = re.compile(r"^[1-9][0-9]{0,8}$")
DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def cell_value(text):
    if WHOLE.match(text):
        return int(text)
    match = DATE.match(text)
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            return text
    return text


def main(argv):
    source, out = argv[1], argv[2]
    changes = []
    rest = argv[3:]
    while rest:
        if rest[0] != "--set" or len(rest) < 5:
            sys.exit(__doc__)
        changes.append((rest[1], int(rest[2]), rest[3], rest[4]))
        rest = rest[5:]
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in sorted(os.listdir(source)):
        if not name.endswith(".csv"):
            continue
        sheet = book.create_sheet(name[:-4])
        with open(os.path.join(source, name), encoding="utf-8-sig", newline="") as f:
            text = f.read()
        separator = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        for number, record in enumerate(csv.reader(text.splitlines(True), delimiter=separator)):
            if not any(field.strip() for field in record):
                continue
            values = [field if number == 0 else cell_value(field) for field in record]
            sheet.append([None if value == "" else value for value in values])
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
    for sheet_name, row, column, value in changes:
        sheet = book[sheet_name]
        header = [cell.value for cell in sheet[1]]
        sheet.cell(row=row, column=header.index(column) + 1, value=value)
    book.save(out)
    images = os.path.join(source, "images")
    if os.path.isdir(images):
        shutil.copytree(images, os.path.join(os.path.dirname(os.path.abspath(out)), "images"), dirs_exist_ok=True)


if __name__ == "__main__":
    main(sys.argv)
