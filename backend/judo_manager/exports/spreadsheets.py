"""A `Sheet` as CSV and XLSX, for federation portals and spreadsheets: one row per line of
the sheet, its group's values first, its problems last.

CSV: UTF-8 with a byte order mark, which is how Excel knows the file is UTF-8 (without it,
"Öztürk" opens garbled, its "ü" as "Ã¼"); commas, and quotes where a value needs them.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and a name
from outside (a restored backup, a typed name) may be made to start so: `=HYPERLINK(…)`
sends data away when clicked, `=cmd|…` starts a program in old Excel. So in the CSV every
value that starts with one of those, or with a tab or a carriage return, gets an apostrophe
before it, as OWASP advises: a spreadsheet shows `'-66 kg`, a person still reads it, and
no value runs. It is done to every such value, the sheet's own weight classes too, rather
than guessing which could be harmful. The XLSX needs no such mark: each cell is stored
typed as text, which no spreadsheet runs, so it holds the values exactly ("-66 kg").
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator

from judo_manager.exports.model import Sheet, joined_problems, one_line

BOM = "\ufeff"
# What makes a spreadsheet read a cell as a formula (or split it, for tab and CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The most an XLSX cell holds.
XLSX_CELL_LIMIT = 32_767
# Column widths, in characters: readable, and never a column as wide as the screen.
MIN_WIDTH, MAX_WIDTH = 6, 50
# What an XLSX sheet's name can't hold, and its longest.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]+")
SHEET_NAME_LIMIT = 31


def table(sheet: Sheet) -> Iterator[list[str]]:
    """The sheet as rows of text: the header, then one row per line, each on one line."""
    yield [one_line(label) for label in (*sheet.group_columns, *_labels(sheet))]
    for group in sheet.groups:
        values = [one_line(value) for value in group.values]
        values += [""] * (len(sheet.group_columns) - len(values))
        for row in group.rows:
            cells = [one_line(cell) for cell in row.cells]
            cells += [""] * (len(sheet.columns) - len(cells))
            problems = joined_problems(row.problems)
            yield [*values[: len(sheet.group_columns)], *cells[: len(sheet.columns)], problems]


def _labels(sheet: Sheet) -> list[str]:
    return [*(column.label for column in sheet.columns), sheet.problems_label]


def guarded(value: str) -> str:
    """`value` as a spreadsheet shows it but never runs it: with an apostrophe before it if
    it starts like a formula ("'-66 kg", "'=HYPERLINK(…)")."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def render_csv(sheet: Sheet) -> bytes:
    """The sheet as CSV bytes: UTF-8 with BOM, comma-separated, CRLF line ends."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    for row in table(sheet):
        writer.writerow([guarded(value) for value in row])
    return out.getvalue().encode("utf-8")


def render_xlsx(sheet: Sheet) -> bytes:
    """The sheet as an XLSX workbook's bytes: one worksheet, its header row bold and frozen,
    columns as wide as their text, every cell text."""
    # openpyxl (and the Pillow it loads) only when a workbook is made: the window's start
    # imports this module through the spreadsheet import, and paid 0.16 s for it.
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = _sheet_name(sheet.title)
    workbook.properties.title = one_line(sheet.title)
    workbook.properties.creator = "Judo Manager"
    widths: list[int] = []
    bold = Font(bold=True)
    for row_number, row in enumerate(table(sheet), start=1):
        for column_number, value in enumerate(row, start=1):
            text = value[:XLSX_CELL_LIMIT]
            cell = worksheet.cell(row=row_number, column=column_number)
            cell.value = text
            # openpyxl takes a text starting with "=" for a formula: this one is a name.
            cell.data_type = TYPE_STRING
            if row_number == 1:
                cell.font = bold
            if column_number > len(widths):
                widths.append(MIN_WIDTH)
            widths[column_number - 1] = max(widths[column_number - 1], _display_width(text))
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    worksheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _display_width(text: str) -> int:
    """Characters as a spreadsheet's columns count them: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _sheet_name(title: str) -> str:
    name = _SHEET_NAME_FORBIDDEN.sub(" ", one_line(title)).strip(" '")[:SHEET_NAME_LIMIT]
    return name.strip(" '") or "Sheet"
