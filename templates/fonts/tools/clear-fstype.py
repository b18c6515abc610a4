#!/usr/bin/env python3
"""Clear a TrueType font's embedding restrictions (OS/2 fsType = 0, installable) and record the change in the font.

Used for the shipped AR PL SungtiL GB (gbsn00lp.ttf), whose licence, the Arphic Public License, allows modified
copies provided that "You must insert a prominent notice in each modified file stating how and when you changed
that file" (section 2 a). The notice goes into the name table, in English and Chinese:

  * name ID 10 (description): the notice alone;
  * name ID 0 (copyright): the original copyright, a line break, then the notice.

Only the OS/2 fsType field, the name table, head.modified (set to the notice's date) and the checksums change; every
other table (glyph outlines, metrics, cmap, hinting) is copied byte for byte. Running it again replaces the notice
instead of adding a second one, so the result depends only on the input file and the date.

Python 3 standard library only.

    python3 templates/fonts/tools/clear-fstype.py templates/fonts/gbsn00lp.ttf --date 2026-12-05
"""

import argparse
import datetime
import hashlib
import struct
import sys

PROJECT = "SES Documents"
EN_MARK = "Modified by the SES Documents project"
HANS_MARK = "SES Documents 项目于"
HANT_MARK = "SES Documents 專案於"

# Windows platform (3), Unicode BMP encoding (1): language id -> notice.
NOTICES = {
    0x0409: lambda d: f"{EN_MARK} on {d}: OS/2 fsType set to 0 (installable embedding); outlines unchanged.",
    0x0804: lambda d: f"{HANS_MARK} {d} 修改：OS/2 fsType 设为 0（可安装嵌入）；字形轮廓未改动。",
    0x0404: lambda d: f"{HANT_MARK} {d} 修改：OS/2 fsType 設為 0（可安裝嵌入）；字形輪廓未改動。",
}
MARKS = (EN_MARK, HANS_MARK, HANT_MARK)


def checksum(data: bytes) -> int:
    """OpenType table checksum: the sum of the big-endian uint32s, the data padded with zeros to four bytes."""
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def read_tables(font: bytes):
    version, count = struct.unpack(">IH", font[:6])
    if version not in (0x00010000, 0x74727565):
        raise SystemExit("not a TrueType font (a collection or CFF font is not handled)")
    tables = []
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        tables.append((tag.decode("latin-1"), offset, font[offset:offset + length]))
    return version, font[4:12], tables


def read_names(name: bytes):
    fmt, count, storage = struct.unpack(">HHH", name[:6])
    if fmt != 0:
        raise SystemExit(f"name table format {fmt} is not handled")
    records = []
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack(">6H", name[6 + 12 * i:18 + 12 * i])
        records.append([platform, encoding, language, name_id, name[storage + offset:storage + offset + length]])
    return records


def write_names(records) -> bytes:
    records = sorted(records, key=lambda r: (r[0], r[1], r[2], r[3]))
    storage = 6 + 12 * len(records)
    header = struct.pack(">HHH", 0, len(records), storage)
    strings = bytearray()
    offsets = {}
    entries = bytearray()
    for platform, encoding, language, name_id, data in records:
        if data not in offsets:
            offsets[data] = len(strings)
            strings += data
        entries += struct.pack(">6H", platform, encoding, language, name_id, len(data), offsets[data])
    return header + bytes(entries) + bytes(strings)


def without_notice(text: str) -> str:
    """The text before a notice this script added (so that running it again replaces it)."""
    for mark in MARKS:
        at = text.find(mark)
        if at >= 0:
            text = text[:at]
    return text.rstrip("\n ")


def mark_names(name: bytes, date: str) -> bytes:
    records = [r for r in read_names(name) if not (r[3] == 10 and any(m in decode(r) for m in MARKS))]
    languages = {r[2] for r in records if r[0] == 3 and r[1] == 1} | {0x0409}
    for r in records:
        if r[0] == 3 and r[1] == 1 and r[3] == 0 and r[2] in NOTICES:
            original = without_notice(decode(r))
            r[4] = (original + "\n" + NOTICES[r[2]](date)).encode("utf-16-be")
    for language in sorted(languages & NOTICES.keys()):
        records.append([3, 1, language, 10, NOTICES[language](date).encode("utf-16-be")])
    return write_names(records)


def decode(record) -> str:
    return record[4].decode("utf-16-be" if record[0] in (0, 3) else "latin-1")


def rebuild(font: bytes, date: str) -> bytes:
    version, search, tables = read_tables(font)
    tags = [t for t, _, _ in tables]
    for required in ("head", "OS/2", "name"):
        if required not in tags:
            raise SystemExit(f"font has no '{required}' table")
    day = datetime.datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
    seconds = int((day - datetime.datetime(1904, 1, 1, tzinfo=datetime.timezone.utc)).total_seconds())
    changed = {}
    for tag, _, data in tables:
        if tag == "OS/2":
            changed[tag] = data[:8] + struct.pack(">H", 0) + data[10:]
        elif tag == "name":
            changed[tag] = mark_names(data, date)
        elif tag == "head":
            # checkSumAdjustment zero while the checksums are summed; modified = the notice's date.
            changed[tag] = data[:8] + b"\0\0\0\0" + data[12:28] + struct.pack(">q", seconds) + data[36:]
    # Tables in the file in their original order, each starting on a four-byte boundary; the directory sorted by tag.
    order = sorted(tables, key=lambda t: t[1])
    offset = 12 + 16 * len(tables)
    body = bytearray()
    placed = {}
    for tag, _, data in order:
        data = changed.get(tag, data)
        placed[tag] = (offset + len(body), data)
        body += data + b"\0" * (-len(data) % 4)
    directory = bytearray(struct.pack(">I", version) + search)
    for tag in sorted(placed):
        at, data = placed[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), checksum(data), at, len(data))
    out = bytearray(directory + body)
    head_at = placed["head"][0]
    struct.pack_into(">I", out, head_at + 8, (0xB1B0AFBA - checksum(bytes(out))) & 0xFFFFFFFF)
    return bytes(out)


def verify(font: bytes, date: str) -> None:
    """Reads the result back: checksums, fsType, the notices."""
    _, _, tables = read_tables(font)
    count = len(tables)
    for i in range(count):
        tag, stored, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        data = bytearray(font[offset:offset + length])
        if tag == b"head":
            data[8:12] = b"\0\0\0\0"
        if checksum(bytes(data)) != stored:
            raise SystemExit(f"checksum of {tag.decode()} is wrong")
        if offset % 4:
            raise SystemExit(f"{tag.decode()} is not four-byte aligned")
    if checksum(font) != 0xB1B0AFBA:
        raise SystemExit("head.checkSumAdjustment is wrong")
    by_tag = {t: d for t, _, d in tables}
    if struct.unpack(">H", by_tag["OS/2"][8:10])[0] != 0:
        raise SystemExit("fsType is not 0")
    notices = [decode(r) for r in read_names(by_tag["name"]) if r[3] == 10]
    if NOTICES[0x0409](date) not in notices:
        raise SystemExit("the English notice is missing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("font", help="the .ttf file (changed in place unless --output is given)")
    parser.add_argument("--output", "-o", help="where to write the modified font")
    parser.add_argument("--date", default=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
                        help="the date of the modification notice, YYYY-MM-DD (default: today, UTC)")
    args = parser.parse_args()
    with open(args.font, "rb") as f:
        original = f.read()
    result = rebuild(original, args.date)
    verify(result, args.date)
    _, _, tables = read_tables(original)
    _, _, after = read_tables(result)
    kept = {t: d for t, _, d in after}
    for tag, _, data in tables:
        if tag not in ("OS/2", "name", "head") and kept[tag] != data:
            raise SystemExit(f"{tag} changed")
    with open(args.output or args.font, "wb") as f:
        f.write(result)
    print(f"input  sha256 {hashlib.sha256(original).hexdigest()} ({len(original)} bytes)")
    print(f"output sha256 {hashlib.sha256(result).hexdigest()} ({len(result)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
