"""A workbook's first sheet as rows of values: Excel (.xlsx/.xlsm, and .xls 97-2003) and
LibreOffice (.ods), read with python-calamine.

calamine reads the value each cell was saved with (a formula cell gives its result), and a
cell formatted as a date as a `datetime.date`/`datetime`, in either of Excel's date systems;
a bare number stays a number (`values.read_date` reads it as a serial, so `date_1904` says
which system an XLSX counts in; a bare serial in an old Mac .xls is read in the 1900 system).
Before calamine unpacks anything the container is checked: a zip bomb, a password (an
encrypted Office file in an OLE2 container, an .xls with a password to open, an encrypted
ODS), and, for an XLSX, the row count its sheet declares. The sheet is then parsed in calamine's
own memory, and its height checked again before one Python value is made of it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from judo_manager.errors import ImportRejectedError
from judo_manager.i18n import _
from judo_manager.imports.model import SheetFormat

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

MAX_ROWS = 50_000
# How many rows (after blank ones) may stand above the header: a title, a date, a logo.
HEADER_SEARCH_ROWS = 10
# More rows than this can't hold MAX_ROWS data rows under a header: refused unread.
MAX_SHEET_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS + 1
# What a workbook may unpack to in all: a 50 MB file of text compresses about tenfold.
MAX_UNPACKED_BYTES = 600 * 1024 * 1024
# A part of a workbook that unpacks to more than this many times its packed size is a bomb,
# not a sheet (real sheets stay well under 100).
MAX_PACKING_RATIO = 250
# An XLSX sheet's <dimension> stands before its rows, within its first few hundred bytes.
DIMENSION_BYTES = 16 * 1024

# What an encrypted (password-protected) Office file holds inside its OLE2 container.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# An .xls with a password to open: its workbook's first record (BOF of the globals, BIFF8)
# is followed by FILEPASS (0x002F), after a WRITEPROTECT (0x0086) if it has one. calamine
# sniffing a file object only says it can't tell the format.
_XLS_GLOBALS = b"\x09\x08\x10\x00\x00\x06\x05\x00"
_XLS_FILEPASS = re.compile(rb".{12}(?:\x86\x00\x00\x00)?\x2f\x00", re.DOTALL)
SAVE_AS = _("Save it as .xlsx or .csv in your spreadsheet program, then choose that file.")

_DATE_1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_RELATION_ID = re.compile(rb"\s(?:\w+:)?id=\"([^\"]+)\"")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ID = re.compile(rb"\sId=\"([^\"]+)\"")
_TARGET = re.compile(rb"\sTarget=\"([^\"]+)\"")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*(\d+)(?::[A-Z]*(\d+))?\"")


@dataclass(frozen=True)
class SheetValues:
    """The sheet a workbook opens on, its rows numbered as the spreadsheet numbers them."""

    format: SheetFormat
    sheet_name: str
    rows: list[tuple[int, list[object]]]
    date_1904: bool


def damaged(name: str) -> ImportRejectedError:
    """The refusal of a file that claims to be a spreadsheet but can't be read as one."""
    return ImportRejectedError(
        _("{name} is damaged or not a spreadsheet. {save_as}", name=name, save_as=SAVE_AS)
    )


def read_ole2(path: Path, name: str) -> SheetValues:
    """An OLE2 container: an Excel 97-2003 workbook, or a password-protected Office file."""
    with path.open("rb") as file:
        content = file.read()
    globals_at = content.find(_XLS_GLOBALS)
    filepass = globals_at >= 0 and _XLS_FILEPASS.match(content, globals_at + len(_XLS_GLOBALS))
    if ENCRYPTED_PACKAGE in content or filepass:
        raise _protected(name)
    return _read(path, name, "xls", date_1904=False)


def read_zip(path: Path, name: str) -> SheetValues:
    """A zip container: an XLSX/XLSM workbook or an ODS spreadsheet, checked before it is
    unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _refuse_bomb(members, name)
            names = {member.filename for member in members}
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
            manifest = b""
            if "META-INF/manifest.xml" in names:
                manifest = archive.read("META-INF/manifest.xml")
            workbook = archive.read("xl/workbook.xml") if "xl/workbook.xml" in names else None
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as error:
        raise damaged(name) from error
    if b"opendocument.spreadsheet" in mimetype:
        if b"encryption-data" in manifest:
            raise _protected(name)
        return _read(path, name, "ods", date_1904=False)
    if workbook is None:
        raise ImportRejectedError(
            _("{name} is not a spreadsheet. {save_as}", name=name, save_as=SAVE_AS)
        )

    def declared(index: int) -> int | None:
        try:
            with zipfile.ZipFile(path) as archive:
                return _declared_rows(archive, workbook, index)
        except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as error:
            raise damaged(name) from error

    date_1904 = _DATE_1904.search(workbook) is not None
    return _read(path, name, "xlsx", date_1904=date_1904, declared=declared)


def too_many_rows(name: str) -> ImportRejectedError:
    """The refusal of a file with more data rows than one import takes."""
    return ImportRejectedError(
        _(
            "{name} has more than {limit} rows, more than Judo Manager imports at once. "
            "Split it into smaller files.",
            name=name,
            limit=MAX_ROWS,
        )
    )


def _read(
    path: Path,
    name: str,
    kind: SheetFormat,
    *,
    date_1904: bool,
    declared: Callable[[int], int | None] | None = None,
) -> SheetValues:
    """The rows of the workbook's first worksheet. `declared(index)`: the row count the
    file says its sheet at `index` has, asked before calamine parses that sheet."""
    from python_calamine import CalamineWorkbook, PasswordError  # loaded only for a workbook

    try:
        # By content, not by the file's name: calamine sniffs a file object, not a path.
        with path.open("rb") as file, CalamineWorkbook.from_filelike(file) as workbook:
            index = _first_worksheet(workbook)
            if index is None:
                raise ImportRejectedError(_("{name} is empty.", name=name))
            if declared is not None and (declared(index) or 0) > MAX_SHEET_ROWS:
                raise too_many_rows(name)  # the sheet says so itself: refused unparsed
            sheet = workbook.get_sheet_by_index(index)
            if sheet.end is None:
                raise ImportRejectedError(_("{name} is empty.", name=name))
            if sheet.end[0] + 1 > MAX_SHEET_ROWS:
                raise too_many_rows(name)  # counted in calamine's memory, not in Python's
            # skip_empty_area=False: from cell A1, so a row's number is its place + 1.
            values = sheet.to_python(skip_empty_area=False)
            sheet_name = sheet.name
    except PasswordError as error:  # an .xls saved with a password to open it
        raise _protected(name) from error
    except ImportRejectedError:
        raise
    except Exception as error:  # calamine raises its own errors, ValueError and OSError
        raise damaged(name) from error
    rows = [(number, list(cells)) for number, cells in enumerate(values, start=1)]
    return SheetValues(kind, sheet_name, rows, date_1904)


def _first_worksheet(workbook: CalamineWorkbook) -> int | None:
    """The place of the first visible worksheet (not a chart, not a hidden lookup list),
    else of the first sheet; None for a workbook without one."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    sheets = workbook.sheets_metadata
    for index, sheet in enumerate(sheets):
        if sheet.typ == SheetTypeEnum.WorkSheet and sheet.visible == SheetVisibleEnum.Visible:
            return index
    return 0 if sheets else None


def _refuse_bomb(members: list[zipfile.ZipInfo], name: str) -> None:
    unpacked = sum(member.file_size for member in members)
    bomb = any(
        member.file_size > 1024 * 1024
        and member.file_size > MAX_PACKING_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if bomb or unpacked > MAX_UNPACKED_BYTES:
        raise ImportRejectedError(
            _(
                "{name} unpacks to far more than a spreadsheet of athletes holds, so it "
                "was not opened. {save_as}",
                name=name,
                save_as=SAVE_AS,
            )
        )


def _declared_rows(archive: zipfile.ZipFile, workbook: bytes, index: int) -> int | None:
    """The last row the XLSX's sheet at `index` declares in its <dimension>, read from the
    head of its part alone; None if it declares none (calamine's count then decides)."""
    sheets = _SHEET.findall(workbook)
    relation = _RELATION_ID.search(sheets[index]) if index < len(sheets) else None
    if relation is None:
        return None
    try:
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return None
    for relationship in _RELATIONSHIP.findall(rels):
        found_id, target = _ID.search(relationship), _TARGET.search(relationship)
        if found_id and target and found_id[1] == relation[1]:
            part = _part_name(target[1].decode("utf-8", "replace"))
            if part not in archive.NameToInfo:
                return None
            with archive.open(part) as stream:
                head = stream.read(DIMENSION_BYTES)
            dimension = _DIMENSION.search(head)
            if dimension is None:
                return None
            return int(dimension[2] or dimension[1])
    return None


def _part_name(target: str) -> str:
    """A relationship's target as the zip names it: "worksheets/sheet1.xml" is relative to
    xl/, "/xl/worksheets/sheet1.xml" to the package's root."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for part in PurePosixPath("xl", target).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _protected(name: str) -> ImportRejectedError:
    return ImportRejectedError(
        _(
            "{name} is protected with a password. Open it in your spreadsheet program, "
            "remove the password (or save an unprotected copy as .xlsx or .csv), then "
            "choose that file.",
            name=name,
        )
    )
