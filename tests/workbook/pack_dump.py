#!/usr/bin/python3
"""Prints a pack's canonical content: every table (by name), its columns, and every row in
rowid order, each value with its SQL type; and PRAGMA user_version. Two packs with the same
content print the same text. Usage: pack_dump.py PACK.db"""

import sqlite3
import sys


def main(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    print("user_version", db.execute("PRAGMA user_version").fetchone()[0])
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        columns = [row[1] for row in db.execute('PRAGMA table_info("%s")' % table)]
        print("table", table, columns)
        for row in db.execute('SELECT * FROM "%s" ORDER BY rowid' % table):
            print(" ", [(type(value).__name__, value) for value in row])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
