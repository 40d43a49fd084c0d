#!/usr/bin/python3
"""pack_dump.py — a canonical text dump of a content pack (or any SQLite file), for tests
that compare two packs by content rather than by bytes: the schema version, then every table
by name with its columns, then its rows in order (by position where the table has one, else by
every column), one JSON line each; BLOBs as their length and sha256.

    tests/support/pack_dump.py PACK.db            prints the dump
    tests/support/pack_dump.py PACK.db OTHER.db   prints the differences; exit 1 if any

As a module: dump(path) -> list of lines."""

import difflib
import hashlib
import json
import sqlite3
import sys


def value_text(value):
    if isinstance(value, bytes):
        return {"blob": len(value), "sha256": hashlib.sha256(value).hexdigest()}
    return value


def dump(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        lines = ["user_version %d" % db.execute("PRAGMA user_version").fetchone()[0]]
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            columns = [row[1] for row in db.execute("SELECT * FROM pragma_table_info(?)", (table,))]
            lines.append("table %s %s" % (table, json.dumps(columns)))
            quoted = ", ".join('"%s"' % c for c in columns)
            order = '"position"' if "position" in columns else quoted
            for row in db.execute('SELECT %s FROM "%s" ORDER BY %s' % (quoted, table, order)):
                lines.append(json.dumps([value_text(v) for v in row], ensure_ascii=False))
        return lines
    finally:
        db.close()


def differences(a, b, limit=40):
    """The first limit lines of a unified diff of two packs' dumps ([] when they are equal)."""
    diff = list(difflib.unified_diff(dump(a), dump(b), a, b, lineterm="", n=1))
    return diff[:limit] + (["… %d more lines" % (len(diff) - limit)] if len(diff) > limit else [])


def main(argv):
    if len(argv) == 2:
        print("\n".join(dump(argv[1])))
        return 0
    if len(argv) == 3:
        diff = differences(argv[1], argv[2])
        print("\n".join(diff) if diff else "same content")
        return 1 if diff else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
