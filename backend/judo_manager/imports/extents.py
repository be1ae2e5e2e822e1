"""How far a workbook's cells reach, read from the file itself before calamine parses it.

calamine keeps a sheet as one block of rows by columns, from A1 to its farthest cell: a single
value in column XFD of a small file makes it 16,384 columns wide, and a few thousand such
rows are gigabytes (a Rust allocation that fails aborts the whole process). So the farthest
row and column holding a value are measured here first, streaming the XML of an XLSX sheet
or of an ODS's content, and walking the cell records of an .xls, each at a few megabytes at
a time. What calamine leaves out (an empty cell, a BLANK record) is left out here too; a
doubtful case counts as a value, so the measure is never smaller than calamine's block.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

_CHUNK = 4 * 1024 * 1024
# A tag longer than this (a cell's attributes) is no spreadsheet's: the file is damaged.
_LONGEST_TAG = 1024 * 1024


@dataclass(frozen=True)
class Extent:
    """The farthest row and column (counted from 1, as A1 is row 1, column 1) that a sheet
    has a value in; 0 and 0 for an empty one."""

    rows: int
    columns: int

    @property
    def cells(self) -> int:
        """The size of the block a reader makes of the sheet, from A1."""
        return self.rows * self.columns


def column_number(letters: str) -> int:
    """A column's number from its letters: A is 1, Z 26, AA 27, XFD 16,384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


# A tag's attributes: a quoted value may hold ">", but nothing in a tag holds "<" (XML forbids
# it). So a tag that never closes ("<c <c <c …") fails at the next "<", not at the end of the
# text, which from every "<" made the scan quadratic: hours for a 5 KB file.
_ATTRIBUTES = rb"((?:[^<>\"']|\"[^<\"]*\"|'[^<']*')*)"
# An XLSX sheet's row and cell start tags, with their attributes.
_XLSX_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])" + _ATTRIBUTES + rb">")
_XLSX_REF = re.compile(rb"\sr\s*=\s*[\"']([A-Za-z]*)(\d*)[\"']")


def xlsx_extent(stream: IO[bytes]) -> Extent:
    """How far the cells of an XLSX worksheet's XML reach.

    A cell's place is its `r="XFD300"`, else the one after the cell before it (in the row
    after the row before); a self-closing `<c/>` holds no value and reaches nowhere.
    """
    rows = columns = row = column = 0
    for kind, attributes in _tags(stream, _XLSX_TAG):
        ref = _XLSX_REF.search(attributes)
        if kind == b"row":
            row = int(ref[2]) if ref is not None and ref[2] else row + 1
            column = 0
            continue
        cell_row = row
        if ref is not None and ref[1]:
            column = column_number(ref[1].decode("ascii"))
            cell_row = int(ref[2]) if ref[2] else row
        else:
            column += 1
        if not attributes.rstrip().endswith(b"/"):
            rows, columns = max(rows, cell_row), max(columns, column)
    return Extent(rows, columns)


# An ODS's tables, rows and cells (a covered cell, under a merged one, takes a place too).
_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])" + _ATTRIBUTES + rb">"
)
_ROWS_REPEATED = re.compile(rb"\stable:number-rows-repeated\s*=\s*[\"'](\d+)[\"']")
_COLUMNS_REPEATED = re.compile(rb"\stable:number-columns-repeated\s*=\s*[\"'](\d+)[\"']")
_VALUE_TYPE = re.compile(rb"\soffice:value-type\s*=")


def ods_extents(stream: IO[bytes]) -> list[Extent]:
    """How far the cells of each table of an ODS's content.xml reach (a reader unpacks every
    table when it opens the file).

    A cell or row "repeated" n times takes n places: LibreOffice writes the empty ones that
    way, and a table reaches only as far as its last value, repeats included. A table inside
    a cell counts as part of the one around it.
    """
    extents: list[Extent] = []
    depth = rows = columns = row = column = reach = 0
    repeats = 1  # how many rows the open row stands for

    def end_row() -> None:
        nonlocal rows, columns, row
        if reach:
            rows, columns = row + repeats, max(columns, reach)
        row += repeats

    for match in _matches(stream, _ODS_TAG):
        closing, kind, attributes = match[1], match[2], match[3]
        alone = attributes.rstrip().endswith(b"/")  # a self-closing tag: no content
        if kind == b"table":
            if closing:
                depth -= 1
                if depth == 0:
                    extents.append(Extent(rows, columns))
                    rows = columns = row = 0
            elif not alone:
                depth += 1
        elif depth > 1:  # a table in a cell: its cells take places in the row around it
            if kind != b"table-row" and not closing:
                column += _repeats(_COLUMNS_REPEATED, attributes)
                reach = column
        elif kind == b"table-row":
            if closing:
                end_row()
            else:
                column = reach = 0
                repeats = _repeats(_ROWS_REPEATED, attributes)
                if alone:
                    end_row()
        elif not closing:  # a cell, or a covered one under a merge
            repeated = _repeats(_COLUMNS_REPEATED, attributes)
            if not alone or _VALUE_TYPE.search(attributes):
                reach = column + repeated
            column += repeated
    if depth:  # a table never closed: damaged, but measured as far as it went
        extents.append(Extent(rows, columns))
    return extents


def _repeats(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return max(1, int(found[1])) if found is not None else 1


def _tags(stream: IO[bytes], pattern: re.Pattern[bytes]) -> Iterator[tuple[bytes, bytes]]:
    for match in _matches(stream, pattern):
        yield match[1], match[2]


# Any tag, with its attributes.
_ANY_TAG = re.compile(rb"<" + _ATTRIBUTES + rb">")


def _matches(stream: IO[bytes], pattern: re.Pattern[bytes]) -> Iterator[re.Match[bytes]]:
    """Every match of a tag `pattern` in the XML `stream`, read a few megabytes at a time:
    each piece is cut before its last "<", so no tag is ever split between two pieces."""
    rest = b""
    while chunk := stream.read(_CHUNK):
        data = rest + chunk
        cut = data.rfind(b"<")
        if cut < 0:  # text alone: no tag in it
            rest = b""
            continue
        yield from pattern.finditer(data, 0, cut)
        rest = data[cut:]
        if len(rest) > _LONGEST_TAG:
            # One tag and a long text after it (which holds no tag), or a tag without end.
            tag = _ANY_TAG.match(rest)
            if tag is None:
                raise ValueError("a tag longer than any spreadsheet writes")
            yield from pattern.finditer(rest, 0, tag.end())
            rest = b""
    yield from pattern.finditer(rest)


# The BIFF records of cells holding a value (BIFF8, and the older ones' codes): each starts
# with its row and column. MULRK holds several, its last column at its end. BLANK and
# MULBLANK (a formatted empty cell) hold none, and a reader leaves them out.
_VALUE_CELLS = frozenset(
    {0x0006, 0x00FD, 0x0203, 0x027E, 0x0204, 0x0205, 0x00D6, 0x0002, 0x0003, 0x0004,
     0x0005, 0x007E, 0x0206, 0x0406}
)  # fmt: skip
_MULRK = 0x00BD
_BOF = 0x0809
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LAST_SECTOR = 0xFFFFFFFA  # from here on, sector numbers are markers (end of chain, free…)


def xls_extents(content: bytes) -> list[Extent]:
    """How far the cells of each sheet of an .xls reach, from its cell records (a reader
    reads every sheet when it opens the file; the DIMENSIONS record may say less than
    the cells it stands before). ValueError if the file's container is damaged."""
    stream = _ole2_stream(content, ("Workbook", "Book"))
    extents: list[Extent] = []
    rows = columns = 0
    at = 0
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        data = stream[at + 4 : at + 4 + length]
        at += 4 + length
        if kind == _BOF:
            extents.append(Extent(rows, columns))
            rows = columns = 0
        elif (kind in _VALUE_CELLS or kind == _MULRK) and len(data) >= 4:
            row, column = struct.unpack_from("<HH", data)
            if kind == _MULRK and len(data) >= 6:
                last = struct.unpack_from("<H", data, len(data) - 2)[0]
                column = max(column, last, column + (len(data) - 6) // 6 - 1)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
    extents.append(Extent(rows, columns))
    return extents


def _ole2_stream(content: bytes, names: tuple[str, ...]) -> bytes:
    """The first stream named one of `names` in an OLE2 compound file ([MS-CFB]): the FAT
    from the header's DIFAT (and its chain), the directory, then the stream's sectors, or its
    mini sectors for a small one."""
    if len(content) < 512 or not content.startswith(_OLE2):
        raise ValueError("not an OLE2 compound file")
    shift, mini_shift = struct.unpack_from("<HH", content, 0x1E)
    if not 7 <= shift <= 16 or not 1 <= mini_shift < shift:
        raise ValueError("impossible sector sizes")
    size, mini_size = 1 << shift, 1 << mini_shift
    (fat_count, directory_at, _signature, cutoff, mini_fat_at, _mini_fat_count, difat_at,
     difat_count) = struct.unpack_from("<8I", content, 0x2C)  # fmt: skip

    def sector(number: int) -> bytes:
        start = (number + 1) * size
        if start >= len(content):
            raise ValueError("a sector past the end of the file")
        return content[start : start + size]

    # The header says how many FAT sectors there are; no more can be listed than the file
    # holds, nor one twice: a crafted DIFAT naming sector 0 millions of times would make a
    # FAT of gigabytes. Past that count the lists' slots are unused, whatever they hold
    # (some writers leave zeros there).
    if fat_count > len(content) // size:
        raise ValueError("more FAT sectors than the file holds")
    fat_sectors = list(struct.unpack_from("<109I", content, 0x4C))[:fat_count]
    seen: set[int] = set()
    while len(fat_sectors) < fat_count and difat_at < _LAST_SECTOR and len(seen) <= difat_count:
        if difat_at in seen:
            raise ValueError("a DIFAT chain that loops")
        seen.add(difat_at)
        entries = struct.unpack(f"<{size // 4}I", sector(difat_at).ljust(size, b"\0"))
        fat_sectors += entries[: min(len(entries) - 1, fat_count - len(fat_sectors))]
        difat_at = entries[-1]
    fat_sectors = [n for n in fat_sectors if n < _LAST_SECTOR]
    if len(set(fat_sectors)) != len(fat_sectors):
        raise ValueError("a FAT sector listed twice")
    fat = _table(b"".join(sector(n) for n in fat_sectors))
    directory = b"".join(sector(n) for n in _chain(fat, directory_at))
    entries = [directory[at : at + 128] for at in range(0, len(directory) - 127, 128)]
    if not entries:
        raise ValueError("no directory")
    for entry in entries:
        name_length = min(struct.unpack_from("<H", entry, 0x40)[0], 64)
        name = entry[: max(name_length - 2, 0)].decode("utf-16-le", "replace")
        if entry[0x42] != 2 or name not in names:  # 2: a stream
            continue
        start, length = struct.unpack_from("<II", entry, 0x74)
        if length >= cutoff:
            return b"".join(sector(n) for n in _chain(fat, start))[:length]
        root_start = struct.unpack_from("<I", entries[0], 0x74)[0]
        mini_stream = b"".join(sector(n) for n in _chain(fat, root_start))
        mini_fat = _table(b"".join(sector(n) for n in _chain(fat, mini_fat_at)))
        return b"".join(
            mini_stream[n * mini_size : (n + 1) * mini_size] for n in _chain(mini_fat, start)
        )[:length]
    raise ValueError("no workbook stream")


def _table(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])


def _chain(table: tuple[int, ...], start: int) -> list[int]:
    """The sectors of a chain from `start`; ValueError if it loops or leaves the table."""
    chain: list[int] = []
    seen: set[int] = set()
    while start < _LAST_SECTOR:
        if start in seen or start >= len(table):
            raise ValueError("a sector chain that loops or leaves the table")
        seen.add(start)
        chain.append(start)
        start = table[start]
    return chain
