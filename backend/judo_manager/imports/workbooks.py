"""A workbook's first sheet as rows of values: Excel (.xlsx/.xlsm, and .xls 97-2003) and
LibreOffice (.ods), read with python-calamine.

calamine reads the value each cell was saved with (a formula cell gives its result), and a
cell formatted as a date as a `datetime.date`/`datetime`, in either of Excel's date systems;
a bare number stays a number (`values.read_date` reads it as a serial, so `date_1904` says
which system an XLSX counts in; a bare serial in an old Mac .xls is read in the 1900 system).
Before calamine unpacks anything the container is checked: a zip bomb, a password (an
encrypted Office file in an OLE2 container, an .xls with a password to open, an encrypted
ODS), and how far the cells reach (`extents`): calamine keeps a sheet as one block from A1
to its farthest cell, so one value in column XFD of a small file would be gigabytes. For an
XLSX the rows and columns its sheet declares are believed too. The sheet is then parsed in
calamine's own memory, and its size checked again before one Python value is made of it.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from judo_manager.errors import ImportRejectedError
from judo_manager.i18n import _
from judo_manager.imports.extents import (
    Extent,
    column_number,
    ods_extents,
    xls_extents,
    xlsx_extent,
)
from judo_manager.imports.model import SheetFormat

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from python_calamine import CalamineWorkbook

MAX_ROWS = 50_000
# How many rows (after blank ones) may stand above the header: a title, a date, a logo.
HEADER_SEARCH_ROWS = 10
# More rows than this can't hold MAX_ROWS data rows under a header: refused unread.
MAX_SHEET_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS + 1
# An athlete list has a few dozen columns; this many leaves room for a year of attendance.
MAX_COLUMNS = 500
# The most cells (rows by columns, from A1) a sheet may span: 50,000 athletes by 40 columns,
# some 100 MB once read. calamine holds the whole block, empty cells included.
MAX_CELLS = 2_000_000
# What a workbook may unpack to in all: a 50 MB file of text compresses about tenfold.
MAX_UNPACKED_BYTES = 600 * 1024 * 1024
# A part of a workbook that unpacks to more than this many times its packed size is a bomb,
# not a sheet (real sheets stay well under 100).
MAX_PACKING_RATIO = 250
# The parts calamine reads whole as it opens an XLSX, before any sheet is measured: its
# shared texts take some 2.7 times their size in memory. 50,000 athletes by 40 columns of
# texts all different come to some 70 MB.
WHOLE_PARTS = {"xl/sharedStrings.xml": 128 * 1024 * 1024, "xl/styles.xml": 16 * 1024 * 1024}
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

_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s+ref\s*=\s*[\"']([A-Z]*)(\d+)(?::([A-Z]*)(\d+))?[\"']"
)
# An XLSX's workbook part and its relationships name its sheets; a few megabytes is more
# than any workbook's, and all that is parsed whole.
MAX_WORKBOOK_PART_BYTES = 16 * 1024 * 1024
WORKBOOK_PART = "xl/workbook.xml"
WORKBOOK_RELATIONSHIPS = "xl/_rels/workbook.xml.rels"


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
    try:
        extents = xls_extents(content)  # calamine reads every sheet as it opens the file
    except (ValueError, struct.error) as error:
        raise damaged(name) from error
    for extent in extents:
        refuse_extent(name, extent)
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
            layout = _xlsx_layout(archive) if WORKBOOK_PART in names else None
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as error:
        raise damaged(name) from error
    if b"opendocument.spreadsheet" in mimetype:
        if b"encryption-data" in manifest:
            raise _protected(name)
        try:  # calamine unpacks every table as it opens the file
            with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
                extents = ods_extents(content)
        except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as error:
            raise damaged(name) from error
        for extent in extents:
            refuse_extent(name, extent)
        return _read(path, name, "ods", date_1904=False)
    if layout is None:
        raise ImportRejectedError(
            _("{name} is not a spreadsheet. {save_as}", name=name, save_as=SAVE_AS)
        )

    def measured(index: int) -> Extent:
        if index >= len(layout.sheet_parts):
            raise damaged(name)  # calamine lists a sheet the workbook part doesn't
        try:
            with zipfile.ZipFile(path) as archive:
                return _sheet_extent(archive, layout.sheet_parts[index])
        except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as error:
            raise damaged(name) from error

    return _read(path, name, "xlsx", date_1904=layout.date_1904, measured=measured)


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


def refuse_extent(name: str, extent: Extent) -> None:
    """Refuse a sheet reaching farther than an athlete list does, before it is parsed."""
    if extent.rows > MAX_SHEET_ROWS:
        raise too_many_rows(name)
    if extent.columns > MAX_COLUMNS:
        raise ImportRejectedError(
            _(
                "{name} has {columns} columns; an athlete list has a few dozen. Copy the "
                "athletes' columns into a new file, then choose that file.",
                name=name,
                columns=extent.columns,
            )
        )
    if extent.cells > MAX_CELLS:
        raise ImportRejectedError(
            _(
                "{name} reaches {rows} rows down and {columns} columns across, more cells "
                "than Judo Manager imports at once. Copy the athletes' columns into a new "
                "file, then choose that file.",
                name=name,
                rows=extent.rows,
                columns=extent.columns,
            )
        )


def _read(
    path: Path,
    name: str,
    kind: SheetFormat,
    *,
    date_1904: bool,
    measured: Callable[[int], Extent] | None = None,
) -> SheetValues:
    """The rows of the workbook's first worksheet. `measured(index)`: how far the cells of
    the sheet at `index` reach (or say they do), asked before calamine parses that sheet."""
    from python_calamine import CalamineWorkbook, PasswordError  # loaded only for a workbook

    try:
        # By content, not by the file's name: calamine sniffs a file object, not a path.
        with path.open("rb") as file, CalamineWorkbook.from_filelike(file) as workbook:
            index = _first_worksheet(workbook)
            if index is None:
                raise ImportRejectedError(_("{name} is empty.", name=name))
            extent = measured(index) if measured is not None else None
            if extent is not None:
                refuse_extent(name, extent)  # read from the file itself: refused unparsed
            sheet = workbook.get_sheet_by_index(index)
            if sheet.end is None:
                raise ImportRejectedError(_("{name} is empty.", name=name))
            # Counted in calamine's memory, not in Python's: from A1 to the farthest cell.
            refuse_extent(name, Extent(sheet.end[0] + 1, sheet.end[1] + 1))
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
        (
            member.file_size > 1024 * 1024
            and member.file_size > MAX_PACKING_RATIO * max(member.compress_size, 1)
        )
        or member.file_size > WHOLE_PARTS.get(member.filename, unpacked)
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


@dataclass(frozen=True)
class _XlsxLayout:
    """What an XLSX's workbook part says: its date system, and the part of each sheet."""

    date_1904: bool
    sheet_parts: list[str]


def _xlsx_layout(archive: zipfile.ZipFile) -> _XlsxLayout:
    """The workbook part's date system and sheets, each sheet's part found through the
    workbook's relationships, read as XML (any quotes, any prefixes), as calamine reads
    them. ValueError for anything missing or said twice: the sheet calamine opens must be
    the one measured."""
    workbook = _parsed_part(archive, WORKBOOK_PART)
    targets: dict[str, str] = {}
    for relationship in _elements(_parsed_part(archive, WORKBOOK_RELATIONSHIPS), "Relationship"):
        found_id, target = relationship.get("Id"), relationship.get("Target")
        if found_id is None or target is None or found_id in targets:
            raise ValueError("a relationship without an id or a target, or one id twice")
        targets[found_id] = target
    parts: list[str] = []
    for sheet in _elements(workbook, "sheet"):
        ids = {value for key, value in sheet.attrib.items() if _local(key) == "id"}
        if len(ids) != 1 or (target := targets.get(ids.pop())) is None:
            raise ValueError("a sheet without one relationship")
        part = _part_name(target)
        if part not in archive.NameToInfo:
            raise ValueError("a sheet whose part isn't in the file")
        parts.append(part)
    date_1904 = any(
        element.get("date1904") in ("1", "true") for element in _elements(workbook, "workbookPr")
    )
    return _XlsxLayout(date_1904, parts)


def _parsed_part(archive: zipfile.ZipFile, part: str) -> Element:
    from xml.etree.ElementTree import ParseError, fromstring  # only for a workbook

    if archive.getinfo(part).file_size > MAX_WORKBOOK_PART_BYTES:
        raise ValueError(f"{part} is larger than any workbook's")
    try:
        # Python's expat refuses entity expansion bombs ("billion laughs") and loads
        # nothing from outside the text.
        return fromstring(archive.read(part))
    except ParseError as error:
        raise ValueError(f"{part} is not XML: {error}") from error


def _elements(root: Element, name: str) -> list[Element]:
    return [element for element in root.iter() if _local(element.tag) == name]


def _local(name: str) -> str:
    """An XML name without its namespace: `{http://…/main}sheet` is `sheet`."""
    return name.rpartition("}")[2]


def _sheet_extent(archive: zipfile.ZipFile, part: str) -> Extent:
    """How far the XLSX sheet in `part` reaches: as far as its <dimension> declares (read
    from the head of its part) or its cells do (the part streamed), whichever is farther."""
    with archive.open(part) as stream:
        dimension = _DIMENSION.search(stream.read(DIMENSION_BYTES))
    declared = Extent(0, 0)
    if dimension is not None:
        last_column = (dimension[3] or dimension[1]).decode("ascii")
        declared = Extent(int(dimension[4] or dimension[2]), column_number(last_column))
    if declared.rows > MAX_SHEET_ROWS or declared.columns > MAX_COLUMNS:
        return declared  # the sheet says so itself: refused without reading it all
    with archive.open(part) as stream:
        cells = xlsx_extent(stream)
    return Extent(max(declared.rows, cells.rows), max(declared.columns, cells.columns))


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
