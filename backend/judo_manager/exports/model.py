"""A sheet to export, as the features hand it over: already in the coach's words.

A feature (tournaments, athletes) builds a `Sheet`; `exports` writes it as a PDF, a CSV or an
XLSX file without knowing what it lists. Every text is final: translated, with numbers and
dates formatted in the coach's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

ExportFormat = Literal["pdf", "csv", "xlsx"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("pdf", "csv", "xlsx")
Align = Literal["left", "right"]
# Control characters, and the line and paragraph separators: none belongs in a cell.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# How a sentence ends, in the scripts the app writes (the ideographic full stop too).
_SENTENCE_ENDS = (".", "!", "?", "\u3002")


@dataclass(frozen=True)
class Column:
    """One column: its heading, its share of the PDF page's width, and its alignment."""

    label: str
    width: float = 1.0
    align: Align = "left"


@dataclass(frozen=True)
class Row:
    """One line; `cells` match the sheet's `columns`. `problems` mark the line (an entry's
    conflicts, in the coach's words): the PDF flags the row and lists them under it, the
    spreadsheets put them in a last column."""

    cells: Sequence[str]
    problems: Sequence[str] = ()


@dataclass(frozen=True)
class Group:
    """Rows under one heading. `values` match the sheet's `group_columns` ("U18", "Men",
    "-66 kg"): the PDF joins them into the heading, the spreadsheets repeat them on each
    row. `total` is the line under the group ("12 entries")."""

    values: Sequence[str]
    rows: Sequence[Row]
    total: str


@dataclass(frozen=True)
class Sheet:
    """A whole document: who it is from, what it is, and its groups of rows.

    `organisation` and `logo` (PNG or JPEG bytes) head the PDF; `details` are lines under
    the title (dates, location). `problems_label` heads the spreadsheets' last column and
    names the PDF's marks; `signature` is the line the coach signs on (None: no line).
    `summary` closes the PDF ("120 entries, 3 with conflicts").
    """

    title: str
    details: Sequence[str]
    organisation: str | None
    logo: bytes | None
    group_columns: Sequence[str]
    columns: Sequence[Column]
    groups: Sequence[Group]
    problems_label: str
    summary: str
    signature: str | None = None


@dataclass(frozen=True)
class SavedExport:
    """A document written where the coach chose. `token` names it for `exports.open` (the
    page never holds a path); `bytes` is its size."""

    token: str
    file_name: str
    bytes: int
    format: ExportFormat


def one_line(text: str) -> str:
    """`text` as one line, without spaces at its ends: a tab or a newline (a name from a
    restored backup may hold any) becomes a space."""
    return _CONTROLS.sub(" ", text).strip()


def joined_problems(problems: Sequence[str]) -> str:
    """A row's problems as one line: sentences one after the other ("… on the roster. The
    licence runs out …"), and short ones parted by "; " ("Weight outside -66 kg; Belt")."""
    text = ""
    for problem in (one_line(p) for p in problems):
        if not problem:
            continue
        if text:
            text += " " if text.endswith(_SENTENCE_ENDS) else "; "
        text += problem
    return text
