"""Opening the coach's file by its content, not its name: a workbook (XLSX, XLS or ODS,
read by `workbooks`) or a CSV text.

A password-protected workbook, a zip bomb, a PDF or a photo renamed `.xlsx`, an empty or
oversized file are refused with the reason before anything else is read. The first row that
names the columns is the header; title rows above it, blank rows and the header repeated
further down are passed over.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from judo_manager.db.drive_errors import os_reason
from judo_manager.errors import ImportRejectedError
from judo_manager.exports.spreadsheets import FORMULA_STARTS
from judo_manager.i18n import _, in_megabytes
from judo_manager.imports import workbooks
from judo_manager.imports.columns import guess_field, header_key
from judo_manager.imports.extents import Extent
from judo_manager.imports.model import ReadSheet, SheetRow
from judo_manager.imports.workbooks import (
    HEADER_SEARCH_ROWS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    SAVE_AS,
    SheetValues,
    refuse_extent,
    too_many_rows,
)

MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 64 * 1024
SEPARATORS = (",", ";", "\t")
# The start of a CSV the separator is told from: the csv module's sniffer takes seconds for
# every few kilobytes of quote-heavy text.
SEPARATOR_SAMPLE = 4 * 1024
# A line this many separators long is refused before it is split: the split line alone would
# take gigabytes. Far above MAX_COLUMNS, which each row is held to once split, as separators
# inside quoted values count here too.
MOST_SEPARATORS_IN_A_LINE = 100 * MAX_COLUMNS

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
_IMAGE_STARTS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF", b"II*\x00", b"MM\x00*")


def read_sheet(path: Path) -> ReadSheet:
    """The file at `path` as a header and data rows; ImportRejectedError says why not."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            start = file.read(SNIFF_BYTES)
    except OSError as error:
        raise ImportRejectedError(
            _("{name} can't be opened ({reason}).", name=name, reason=os_reason(error))
        ) from error
    if size == 0 or not start.strip():
        raise ImportRejectedError(_("{name} is empty.", name=name))
    if size > MAX_BYTES:
        raise ImportRejectedError(
            _(
                "{name} is too big to import ({size} MB; at most {limit} MB).",
                name=name,
                size=in_megabytes(size, 0),
                limit=in_megabytes(MAX_BYTES, 0),
            )
        )
    if start.startswith(OLE2):
        return _read_workbook(workbooks.read_ole2(path, name), name)
    if start.startswith(ZIP):
        return _read_workbook(workbooks.read_zip(path, name), name)
    if start.startswith(b"%PDF"):
        raise ImportRejectedError(
            _("{name} is a PDF document, not a spreadsheet. {save_as}", name=name, save_as=SAVE_AS)
        )
    if start.startswith(_IMAGE_STARTS):
        raise ImportRejectedError(
            _("{name} is an image, not a spreadsheet. {save_as}", name=name, save_as=SAVE_AS)
        )
    return _read_csv(path, name)


def _read_workbook(sheet: SheetValues, name: str) -> ReadSheet:
    headers, data = _split(sheet.rows, name)
    return ReadSheet(
        file_name=name,
        format=sheet.format,
        encoding=None,
        separator=None,
        sheet_name=sheet.sheet_name,
        headers=headers,
        rows=data,
        date_1904=sheet.date_1904,
    )


def _read_csv(path: Path, name: str) -> ReadSheet:
    raw = path.read_bytes()
    text, encoding = decode(raw)
    if not text.strip():  # a byte order mark and nothing after it
        raise ImportRejectedError(_("{name} is empty.", name=name))
    if "\x00" in text:
        raise ImportRejectedError(
            _("{name} is not a spreadsheet. {save_as}", name=name, save_as=SAVE_AS)
        )
    separator = detect_separator(text[:SEPARATOR_SAMPLE])
    widest = max(line.count(separator) for line in text.splitlines())
    if widest > MOST_SEPARATORS_IN_A_LINE:
        refuse_extent(name, Extent(1, widest + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows = _held_to_limits(
        ((number, [unguarded(cell) for cell in cells]) for number, cells in enumerate(reader, 1)),
        name,
    )
    try:
        headers, data = _split(rows, name)
    except csv.Error as error:
        raise ImportRejectedError(
            _("{name} can't be read as CSV ({reason}).", name=name, reason=str(error))
        ) from error
    return ReadSheet(
        file_name=name,
        format="csv",
        encoding=encoding,
        separator=separator,
        sheet_name=None,
        headers=headers,
        rows=data,
    )


def _held_to_limits(
    rows: Iterable[tuple[int, list[str]]], name: str
) -> Iterator[tuple[int, list[str]]]:
    """`rows`, refused as a workbook is once a row is wider, or all of them larger, than an
    import takes (`workbooks.refuse_extent`)."""
    widest = cells = 0
    for number, values in rows:
        widest, cells = max(widest, len(values)), cells + len(values)
        if widest > MAX_COLUMNS or cells > MAX_CELLS:
            refuse_extent(name, Extent(number, widest))
        yield number, values


def unguarded(cell: str) -> str:
    """A CSV value without the apostrophe that keeps a spreadsheet from running it as a
    formula ("'-66 kg", as `athletes export` writes it): the value itself."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding, by simple rules: a byte order
    mark says it; else UTF-8 if it is valid UTF-8; else Windows-1252 (Excel's "CSV" on a
    Western or Indonesian Windows)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 reads them, as Windows itself does.
        try:
            return raw.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            return raw.decode("latin-1"), "Windows-1252"


def detect_separator(sample: str) -> str:
    """The separator among comma, semicolon and tab: the csv module's sniffer, limited to
    those three, else the one that splits the first lines most evenly."""
    try:
        found = csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS)).delimiter
        if found in SEPARATORS:
            return found
    except csv.Error:
        pass
    lines = [line for line in sample.splitlines()[:20] if line.strip()]

    def score(separator: str) -> tuple[int, int]:
        counts = [line.count(separator) for line in lines]
        steady = sum(1 for c in counts if c and c == counts[0])
        return steady, counts[0] if counts else 0

    return max(SEPARATORS, key=score)


def _split(
    rows: Iterable[tuple[int, Sequence[object]]], name: str
) -> tuple[list[str], list[SheetRow]]:
    """The header row and the data rows after it, numbered as the file numbers them."""
    kept: Iterator[tuple[int, list[object]]] = (
        (number, _trimmed(values)) for number, values in rows if not _blank(values)
    )
    above: list[tuple[int, list[object]]] = []
    header: list[str] | None = None
    for number, values in kept:
        if _names_fields(values):
            header = [_header_text(value) for value in values]
            break
        above.append((number, values))
        if len(above) >= HEADER_SEARCH_ROWS:
            break
    data: list[SheetRow] = []
    if header is None:
        # No row names two known fields: the first row is the header if it is all text (the
        # coach then says which column is which); a first row of dates and numbers is data.
        if not above or any(_looks_like_data(v) for v in above[0][1]):
            raise ImportRejectedError(
                _(
                    "{name} has no header row: its first row should name the columns "
                    "(Name, Date of birth, Sex, Belt, Weight…). Add one, then choose the "
                    "file again.",
                    name=name,
                )
            )
        header = [_header_text(value) for value in above[0][1]]
        data = [SheetRow(number, values) for number, values in above[1:]]
    repeated = [header_key(text) for text in header]
    for number, values in kept:
        if [header_key(_header_text(v)) for v in values[: len(repeated)]] == repeated:
            continue  # the header again, above the next block of rows
        data.append(SheetRow(number, values))
        if len(data) > MAX_ROWS:
            raise too_many_rows(name)
    width = max([len(header), *(len(row.values) for row in data)])
    while (
        width
        and (width > len(header) or not header[width - 1])
        and all(len(row.values) < width or row.values[width - 1] is None for row in data)
    ):
        width -= 1  # a column with neither a header nor a value
    header += [""] * (width - len(header))
    return header[:width], data


def _names_fields(values: Sequence[object]) -> bool:
    """Whether a row is a header: two of its cells name fields the app knows."""
    return sum(1 for v in values if isinstance(v, str) and guess_field(v) is not None) >= 2


_DATA_TEXT = re.compile(r"[\d\s.,:/+\-]+(kg)?", re.IGNORECASE)


def _looks_like_data(value: object) -> bool:
    """Whether a cell is a value rather than a column's name: a number, a date, or a text
    of digits such as "2011-05-03" or "45,5"."""
    if value is None:
        return False
    return not isinstance(value, str) or _DATA_TEXT.fullmatch(value.strip()) is not None


def _header_text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _blank(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _trimmed(values: Sequence[object]) -> list[object]:
    """The row's cells, an empty text as None, without the empty cells at its end."""
    cells = [None if isinstance(v, str) and not v.strip() else v for v in values]
    while cells and cells[-1] is None:
        cells.pop()
    return cells
