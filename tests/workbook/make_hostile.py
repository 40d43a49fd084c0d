#!/usr/bin/python3
"""Writes hostile workbooks for hostile.sh, each a copy of a valid workbook (BASE.xlsx, made by
csv_to_xlsx.py) with one thing made hostile, into OUT_DIR. Nothing big is written to disk: the
huge parts are deflate streams of a repeated block (a block ended with a full flush refers to
nothing before it, so copies of it chain into one valid stream).

Usage: make_hostile.py BASE.xlsx OUT_DIR"""

import os
import random
import re
import sys
import zipfile
import zlib

GIB = 1 << 30


def members_part(base):
    """The zip entry of the sheet named "members" (from the workbook and its rels)."""
    with zipfile.ZipFile(base) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(r'<sheet [^>]*name="members"[^>]*r:id="([^"]+)"', workbook).group(1)
    target = re.search(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="%s"' % rid, rels) or \
        re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % rid, rels)
    target = target.group(1)
    return target[1:] if target.startswith("/") else "xl/" + target


def copy_except(base, out, skip):
    """A new zip at out with every entry of base but skip; returned open for more."""
    z = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(base) as source:
        for info in source.infolist():
            if info.filename != skip:
                z.writestr(info.filename, source.read(info.filename))
    return z


def add_raw(z, name, compressed, declared_size):
    """Adds an entry whose deflated bytes are given, declaring declared_size (true or not)."""
    info = zipfile.ZipInfo(name, date_time=(2024, 5, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size = declared_size
    info.compress_size = len(compressed)
    info.CRC = 0  # never checked: the reader stops long before the end
    info.header_offset = z.fp.tell()
    z.fp.write(info.FileHeader(zip64=False))
    z.fp.write(compressed)
    z.filelist.append(info)
    z.NameToInfo[name] = info
    z.start_dir = z.fp.tell()
    z._didModify = True


def repeated_deflate(head, block, copies, tail):
    """head + block * copies + tail as one raw deflate stream, compressing block once."""
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = first.compress(head) + first.flush(zlib.Z_FULL_FLUSH)
    middle = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = middle.compress(block) + middle.flush(zlib.Z_FULL_FLUSH)
    last = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = last.compress(tail) + last.flush(zlib.Z_FINISH)
    return start + piece * copies + end


def main(base, out_dir):
    members = members_part(base)
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    tail = b"</sheetData></worksheet>"
    spaces = b" " * (1 << 20)

    # 1. A sheet that inflates to 2 GiB of spaces, its size declared honestly.
    with copy_except(base, os.path.join(out_dir, "gigabytes.xlsx"), members) as z:
        add_raw(z, members, repeated_deflate(head, spaces, 2048, tail), 2 * GIB - 1)
    # 2. The same, its size declared as 1,000 bytes: only counting what comes out finds it.
    with copy_except(base, os.path.join(out_dir, "gigabytes-lying.xlsx"), members) as z:
        add_raw(z, members, repeated_deflate(head, spaces, 2048, tail), 1000)

    # 3. Billion laughs in the shared strings.
    laughs = ['<!ENTITY lol0 "lol">'] + ['<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10)]
    bomb = ('<?xml version="1.0"?><!DOCTYPE sst [%s]>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
            % "".join(laughs))
    with copy_except(base, os.path.join(out_dir, "entity-bomb.xlsx"), "xl/sharedStrings.xml") as z:
        z.writestr("xl/sharedStrings.xml", bomb)
        rels = zipfile.ZipFile(base).read("xl/_rels/workbook.xml.rels").decode()
    if "sharedStrings" not in rels:
        # openpyxl writes inline strings: point the workbook at the shared strings too.
        with zipfile.ZipFile(os.path.join(out_dir, "entity-bomb.xlsx")) as source:
            entries = {i.filename: source.read(i.filename) for i in source.infolist()}
        entries["xl/_rels/workbook.xml.rels"] = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode()
        with zipfile.ZipFile(os.path.join(out_dir, "entity-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in entries.items():
                z.writestr(name, data)

    # 4. Cut short (half of it), and 5. not a zip at all.
    with open(base, "rb") as f:
        data = f.read()
    with open(os.path.join(out_dir, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(out_dir, "not-a-zip.xlsx"), "wb") as f:
        f.write(b"id,name,kind\nexample-brand,Example Brand,SME\n")

    # 6. A million rows of different numbers (so it compresses as real sheets do).
    rng = random.Random(17)
    with copy_except(base, os.path.join(out_dir, "million-rows.xlsx"), members) as z:
        with z.open(members, "w") as f:
            f.write(head)
            for start in range(0, 1000000, 10000):
                f.write(b"".join(b"<row><c><v>%d</v></c></row>" % rng.randrange(100000, 999999)
                                 for _ in range(10000)))
            f.write(tail)

    # 7. A cell of 8 MB of letters.
    letters = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(8 << 20)).encode()
    with copy_except(base, os.path.join(out_dir, "huge-cell.xlsx"), members) as z:
        z.writestr(members, head + b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
                   b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + letters + b"</t></is></c></row>" + tail)

    # 8. The members sheet as an entry named ../../members.xml, the workbook pointing there.
    with zipfile.ZipFile(base) as source:
        entries = {i.filename: source.read(i.filename) for i in source.infolist()}
    sheet = entries.pop(members)
    relative = members[len("xl/"):]
    entries["xl/_rels/workbook.xml.rels"] = entries["xl/_rels/workbook.xml.rels"].replace(
        b'"/' + members.encode() + b'"', b'"../../members.xml"').replace(b'"' + relative.encode() + b'"',
                                                                     b'"../../members.xml"')
    with zipfile.ZipFile(os.path.join(out_dir, "dot-dot.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
        z.writestr("../../members.xml", sheet)

    # 9. More files inside than any workbook has.
    with copy_except(base, os.path.join(out_dir, "many-entries.xlsx"), "") as z:
        for i in range(5000):
            z.writestr("xl/media/empty%d.bin" % i, b"")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
