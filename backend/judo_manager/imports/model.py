"""Athletes from the coach's spreadsheet: the file as read, the settings, the preview.

The field names are the page's (camelCase): the preview's column choices cross the bridge
as they are, and the page names each field in its own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from judo_manager.i18n import Message, _
from judo_manager.restore.safety_copies import SafetyCopyFile

ImportField = Literal[
    "fullName",
    "firstName",
    "lastName",
    "birthDate",
    "sex",
    "belt",
    "weight",
    "club",
    "licenceNumber",
    "memberId",
    "joinedOn",
    "licenceValidUntil",
    "medicalValidUntil",
    "phone",
    "email",
    "guardianName",
    "guardianPhone",
    "address",
    "school",
    "notes",
]
IMPORT_FIELDS: tuple[ImportField, ...] = get_args(ImportField)
# The order the numbers of an ambiguous date are read in: 03/05/2011 is 3 May as "dmy".
DateOrder = Literal["dmy", "mdy", "ymd"]
DATE_ORDERS: tuple[DateOrder, ...] = get_args(DateOrder)
# An athlete already in the club: left as they are, or their empty fields filled.
DuplicatePolicy = Literal["skip", "fill"]
DUPLICATE_POLICIES: tuple[DuplicatePolicy, ...] = get_args(DuplicatePolicy)
SheetFormat = Literal["xlsx", "csv", "ods", "xls"]
# Every athlete has these: a file that maps no column to one of them can't be imported.
# A full name is there when the full-name column is, or both halves of it.
REQUIRED_FIELDS: tuple[ImportField, ...] = ("fullName", "birthDate", "sex", "belt", "weight")
# Shown at most, of the problem rows; the count says how many there are in all.
MAX_PROBLEMS_SHOWN = 200
# The values shown under each column's header.
SAMPLES = 3


@dataclass(frozen=True)
class SheetRow:
    """One data row: its number as the spreadsheet shows it, and its cells' values."""

    number: int
    values: Sequence[object]


@dataclass(frozen=True)
class ReadSheet:
    """A file as read: its kind, how it was read, its header row and its data rows.

    `date_1904`: an old Mac workbook counts its date serials from 1904, not 1900.
    """

    file_name: str
    format: SheetFormat
    encoding: str | None
    separator: str | None
    sheet_name: str | None
    headers: Sequence[str]
    rows: Sequence[SheetRow]
    date_1904: bool = False


@dataclass(frozen=True)
class ImportSettings:
    """How to read the file: a field (or None, ignored) per column by index, the order of
    an ambiguous date's day and month (None: not chosen), and what to do with athletes
    already in the club."""

    columns: Sequence[ImportField | None]
    date_order: DateOrder | None
    duplicates: DuplicatePolicy


@dataclass(frozen=True)
class ImportColumn:
    """One column of the file: its header, the field it fills (None: ignored), whether that
    is the app's guess, and its first few values."""

    index: int
    header: str
    field: ImportField | None
    guessed: bool
    samples: Sequence[str]


@dataclass(frozen=True)
class ImportProblem:
    """A row that won't be imported, numbered as the spreadsheet numbers it, and why."""

    row: int
    # Rendered in the language of the preview's call.
    message: str


@dataclass(frozen=True)
class DateExample:
    """A row whose date reads two ways, as text and read each way (None: no such date)."""

    row: int
    text: str
    as_dmy: str | None
    as_mdy: str | None


@dataclass(frozen=True)
class ImportPreview:
    """What importing the file would do, before anything changes.

    `to_add` new athletes; `duplicates` rows that are athletes already in the club, of which
    `to_fill` would have empty fields filled (with "fill"); `problems` the first rows that
    can't be imported (`problem_count` in all). `date_order_needed`: every date reads as
    day/month and as month/day, so the coach chooses (`date_example` shows one). `new_clubs`
    are the clubs the file names that the app doesn't have yet: the import adds them.
    `can_import` is false when a required field has no column, the date order isn't chosen
    yet, or no row would change anything.
    """

    token: str
    file_name: str
    format: SheetFormat
    encoding: str | None
    separator: str | None
    sheet_name: str | None
    columns: Sequence[ImportColumn]
    row_count: int
    to_add: int
    duplicates: int
    to_fill: int
    problems: Sequence[ImportProblem]
    problem_count: int
    date_order: DateOrder | None
    date_order_needed: bool
    date_example: DateExample | None
    missing_fields: Sequence[ImportField]
    new_clubs: Sequence[str]
    can_import: bool


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did, and the safety copy that "Undo import" puts back (None when it
    can't be read back, so there is no undo to offer): athletes
    added, athletes already in the club whose empty fields were filled, athletes already in
    the club left as they were (`skipped`), and rows with a problem, not imported."""

    added: int
    filled: int
    skipped: int
    problems: int
    undo: SafetyCopyFile | None


# How each field is named in a row's problem ("birth date '31/02/2010' doesn't exist").
LABELS: dict[ImportField, Message] = {
    "fullName": _("Full name"),
    "firstName": _("First name"),
    "lastName": _("Last name"),
    "birthDate": _("Birth date"),
    "sex": _("Sex"),
    "belt": _("Belt"),
    "weight": _("Weight"),
    "club": _("Club"),
    "licenceNumber": _("Licence number"),
    "memberId": _("Member ID"),
    "joinedOn": _("Date joined"),
    "licenceValidUntil": _("Licence valid until"),
    "medicalValidUntil": _("Medical valid until"),
    "phone": _("Phone"),
    "email": _("Email"),
    "guardianName": _("Guardian name"),
    "guardianPhone": _("Guardian phone"),
    "address": _("Address"),
    "school": _("School"),
    "notes": _("Notes"),
}
