"""An Excel 97-2003 workbook (.xls) written by hand, for the import's tests: no library
installed here writes one (xlwt is long unmaintained, and LibreOffice is not installed).

The file is what Excel saves, reduced to what a reader needs: an OLE2 compound file
([MS-CFB], version 3, 512-byte sectors) holding one "Workbook" stream of BIFF8 records
([MS-XLS]): the globals (BOF, code page, date system, two cell formats, the shared strings,
the sheet's name and place) and one worksheet of text, number, date and formula cells.
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Sequence
from pathlib import Path

_SECTOR = 512
_END_OF_CHAIN = 0xFFFFFFFE
_FAT_SECTOR = 0xFFFFFFFD
_FREE = 0xFFFFFFFF
# A stream under 4,096 bytes lives in the mini stream: the Workbook is padded past it.
_MINI_CUTOFF = 4096
_GENERAL, _DATE = 0, 1  # the two cell formats (XF records) below
_DATE_FORMAT = 14  # Excel's built-in "m/d/yyyy"
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def write_xls(
    path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "Atlet", password: bool = False
) -> Path:
    """`rows` as the first sheet of an .xls: text, numbers, `datetime.date` as date cells,
    and (formula, saved value) pairs as formula cells with the value Excel saved.
    `password`: the workbook says it is encrypted (RC4), as Excel's "password to open"."""
    strings = sorted({v for row in rows for v in row if isinstance(v, str)})
    cells = b"".join(
        _cell(r, c, value, strings)
        for r, row in enumerate(rows)
        for c, value in enumerate(row)
        if value is not None
    )
    width = max((len(row) for row in rows), default=0)
    worksheet = (
        _bof(0x0010)
        + _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))  # DIMENSIONS
        + cells
        + _record(0x000A, b"")  # EOF
    )
    name = sheet.encode("latin-1")

    def globals_(sheet_at: int) -> bytes:
        # FILEPASS: RC4 encryption, its salt and verifier (zeros: no reader gets past it).
        encrypted = _record(0x002F, struct.pack("<HHH", 1, 1, 1) + bytes(48)) if password else b""
        return (
            _bof(0x0005)
            + encrypted
            + _record(0x0042, struct.pack("<H", 1200))  # CODEPAGE: UTF-16
            + _record(0x0022, struct.pack("<H", 0))  # DATEMODE: the 1900 system
            + _record(0x00E0, struct.pack("<HH", 0, 0) + bytes(16))  # XF: General
            + _record(0x00E0, struct.pack("<HH", 0, _DATE_FORMAT) + bytes(16))  # XF: a date
            + _record(0x00FC, _shared_strings(strings))  # SST
            + _record(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, len(name), 0) + name)
            + _record(0x000A, b"")
        )

    head = globals_(0)
    stream = globals_(len(head)) + worksheet
    stream += bytes(max(0, _MINI_CUTOFF - len(stream)))
    path.write_bytes(_compound_file(stream))
    return path


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))


def _shared_strings(strings: Sequence[str]) -> bytes:
    # Each string in UTF-16 (flag 1), so "José" and "Zsófia" are read as they are.
    body = b"".join(struct.pack("<HB", len(text), 1) + text.encode("utf-16-le") for text in strings)
    return struct.pack("<II", len(strings), len(strings)) + body


def _cell(row: int, column: int, value: object, strings: Sequence[str]) -> bytes:
    place = struct.pack("<HH", row, column)
    if isinstance(value, str):  # LABELSST
        return _record(0x00FD, place + struct.pack("<HI", _GENERAL, strings.index(value)))
    if isinstance(value, dt.date):  # NUMBER in a date format: how Excel keeps a date
        serial = (value - _EXCEL_EPOCH).days
        return _record(0x0203, place + struct.pack("<Hd", _DATE, serial))
    if isinstance(value, tuple):  # FORMULA with its saved result; the formula is "=42"
        _formula, saved = value
        tokens = b"\x1e" + struct.pack("<H", 42)  # ptgInt 42
        return _record(
            0x0006, place + struct.pack("<HdHIH", _GENERAL, saved, 0, 0, len(tokens)) + tokens
        )
    return _record(0x0203, place + struct.pack("<Hd", _GENERAL, float(value)))  # NUMBER


def _compound_file(stream: bytes) -> bytes:
    """One stream named "Workbook" in an OLE2 container: sector 0 the FAT, sector 1 the
    directory, the stream from sector 2 on."""
    stream += bytes(-len(stream) % _SECTOR)
    count = len(stream) // _SECTOR
    fat = [_FAT_SECTOR, _END_OF_CHAIN, *range(3, 2 + count), _END_OF_CHAIN]
    fat += [_FREE] * (_SECTOR // 4 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, _MINI_CUTOFF, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", _FREE) * 108
    )
    directory = (
        _entry("Root Entry", 5, child=1, start=_END_OF_CHAIN, size=0)
        + _entry("Workbook", 2, child=_FREE, start=2, size=len(stream))
        + bytes(256)
    )
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + stream


def _entry(name: str, kind: int, *, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _FREE, _FREE, child)
        + bytes(16 + 4 + 8 + 8)
        + struct.pack("<IQ", start, size)
    )
