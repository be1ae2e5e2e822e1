"""Import athletes from a spreadsheet: read once, previewed as the coach changes the settings,
then every good row added in one transaction, after a safety copy that Undo puts back.

The page only ever holds an opaque token: the chosen path and the rows stay here.
Each row is judged by the athletes' own checks (the add form's, the member ID's
uniqueness), on the data as it is inside the same transaction that writes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from judo_manager.athletes.model import AthleteFields
from judo_manager.athletes.names import search_key
from judo_manager.athletes.service import AthletesService
from judo_manager.clubs.service import ClubsService
from judo_manager.db import Database
from judo_manager.errors import ImportRejectedError, ValidationError
from judo_manager.i18n import Message, _, formatted, translate
from judo_manager.imports import values
from judo_manager.imports.columns import guess_columns
from judo_manager.imports.model import (
    DATE_ORDERS,
    DUPLICATE_POLICIES,
    IMPORT_FIELDS,
    LABELS,
    MAX_PROBLEMS_SHOWN,
    REQUIRED_FIELDS,
    SAMPLES,
    DateExample,
    DateOrder,
    DuplicatePolicy,
    ImportColumn,
    ImportField,
    ImportOutcome,
    ImportPreview,
    ImportProblem,
    ImportSettings,
    ReadSheet,
    SheetRow,
)
from judo_manager.imports.reading import read_sheet
from judo_manager.imports.values import BeltMatcher, UnreadableError
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService
from judo_manager.rules.service import RulesService

Today = Callable[[], dt.date]
_GONE = _("This import is no longer open. Choose the file again.")
_NOTHING_TO_IMPORT = _(
    "No row would add an athlete or fill in one already in the club. Nothing was changed."
)

# Fields that are plain text in the athlete's form, by the form's name.
_TEXT_FIELDS: dict[ImportField, str] = {
    "licenceNumber": "licence_number",
    "memberId": "member_id",
    "phone": "phone",
    "email": "email",
    "guardianName": "guardian_name",
    "guardianPhone": "guardian_phone",
    "address": "address",
    "school": "school",
    "notes": "notes",
}
_OTHER_DATES: dict[ImportField, str] = {
    "joinedOn": "joined_on",
    "licenceValidUntil": "licence_valid_until",
    "medicalValidUntil": "medical_valid_until",
}


@dataclass(frozen=True)
class _Pending:
    token: str
    source: Path
    sheet: ReadSheet
    guesses: Sequence[ImportField | None]


@dataclass(frozen=True)
class _Reading:
    """How the file is read with the coach's settings: preview and import alike.

    `order` is the order typed dates are read in (the coach's, else the one the file's own
    dates settle, else day first); `order_needed` says every date reads both ways and the
    coach hasn't chosen yet (`example` shows one of them both ways).
    """

    order: DateOrder
    order_needed: bool
    example: DateExample | None


@dataclass
class _Plan:
    """What the rows come to with one set of settings."""

    new: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    fills: list[tuple[int, AthleteFields]] = field(default_factory=list)
    duplicates: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    # The clubs the added athletes name that the app lacks, by folded name.
    new_clubs: dict[str, str] = field(default_factory=dict)
    # Why each club the app lacks can't be added (None: it can), by folded name.
    club_checks: dict[str, Message | str | None] = field(default_factory=dict)


class ImportService:
    """Reads a spreadsheet of athletes, previews it and imports it, undoably."""

    def __init__(
        self,
        db: Database,
        jobs: JobLock,
        athletes: AthletesService,
        rules: RulesService,
        clubs: ClubsService,
        restore: RestoreService,
        *,
        today: Today = dt.date.today,
    ) -> None:
        self._db = db
        self._jobs = jobs
        self._athletes = athletes
        self._rules = rules
        self._clubs = clubs
        self._restore = restore
        self._today = today
        self._pending: _Pending | None = None
        self._lock = threading.Lock()

    def read(self, source: Path) -> ImportPreview:
        """Read the file and preview it with the app's guesses; its token names it from now
        on (a file read before is forgotten)."""
        sheet = read_sheet(source)
        pending = _Pending(
            secrets.token_urlsafe(16), source, sheet, tuple(guess_columns(sheet.headers))
        )
        with self._lock:
            self._pending = pending
        return self._preview(pending, ImportSettings(pending.guesses, None, "skip"))

    def preview(self, token: object, settings: Mapping[str, object]) -> ImportPreview:
        """What importing with `settings` would do; nothing changes."""
        pending = self._claim(token)
        return self._preview(pending, _read_settings(settings, pending.sheet))

    def apply(self, token: object, settings: Mapping[str, object]) -> ImportOutcome:
        """Add every good row (and fill duplicates' empty fields, with "fill") in one write,
        after a safety copy of the data as it was; refused while a backup or restore runs."""
        pending = self._claim(token)
        chosen = _read_settings(settings, pending.sheet)
        reading = self._reading(pending.sheet, chosen)
        with self._jobs.exclusive():
            refusal = self._refusal(chosen, reading)
            if refusal is not None:
                raise ImportRejectedError(refusal)
            copies: list[Path] = []
            try:
                # Under the same lock as the write: nothing is saved between copy and import.
                with self._db.write(before=lambda: copies.append(self._restore.take_import_copy())):
                    # Read in the write: a club or belt deleted since the preview is not
                    # given to an athlete (the club is then added again, as the file names it).
                    belts, clubs = self._ladder_and_clubs()
                    plan = self._plan(pending.sheet, chosen, reading.order, belts, clubs)
                    if not plan.new and not plan.fills:
                        # Refused, so its copy is dropped: an Undo of an import that did
                        # nothing would only throw away the work done after it.
                        raise ImportRejectedError(_NOTHING_TO_IMPORT)
                    added = self._add(plan)
                    for athlete_id, athlete in plan.fills:
                        self._athletes.save_filled(athlete_id, athlete)
            except BaseException:
                for copy in copies:
                    self._restore.import_failed(copy)
                raise
            self._restore.import_done(copies[0])
            # Committed: nothing may fail now. A copy that can't be read back (a failing
            # disk) is simply no Undo to offer, as Settings would show it.
            undo = self._restore.undo_status()
        with self._lock:
            if self._pending is pending:
                self._pending = None
        # Counted from the plan the write followed: if the club's data changed since the
        # preview (an athlete added meanwhile), these say what happened, not what was shown.
        problems = len(plan.problems)
        return ImportOutcome(
            added=added,
            filled=len(plan.fills),
            skipped=len(pending.sheet.rows) - added - len(plan.fills) - problems,
            problems=problems,
            undo=undo,
        )

    def discard(self, token: object) -> None:
        """Forget the file behind `token`, if it is still the one held."""
        with self._lock:
            if self._pending is not None and self._pending.token == token:
                self._pending = None

    def _claim(self, token: object) -> _Pending:
        with self._lock:
            pending = self._pending
        if pending is None or not isinstance(token, str):
            raise ImportRejectedError(_GONE)
        if not secrets.compare_digest(pending.token, token):
            raise ImportRejectedError(_GONE)
        return pending

    def _ladder_and_clubs(self) -> tuple[BeltMatcher, dict[str, int]]:
        """The belts and the clubs by folded name and short name, as the caller's snapshot
        or write sees them."""
        belts = BeltMatcher(self._rules.current_belts())
        known = self._clubs.current_clubs()
        clubs: dict[str, int] = {}
        for club in known:
            clubs.setdefault(search_key(club.name), club.id)
        for club in known:
            if club.short_name:
                clubs.setdefault(search_key(club.short_name), club.id)
        return belts, clubs

    def _preview(self, pending: _Pending, chosen: ImportSettings) -> ImportPreview:
        sheet = pending.sheet
        reading = self._reading(sheet, chosen)
        with self._db.snapshot():
            belts, clubs = self._ladder_and_clubs()
            plan = self._plan(sheet, chosen, reading.order, belts, clubs)
        missing = _missing_fields(chosen.columns)
        to_fill = len(plan.fills)
        return ImportPreview(
            token=pending.token,
            file_name=sheet.file_name,
            format=sheet.format,
            encoding=sheet.encoding,
            separator=sheet.separator,
            sheet_name=sheet.sheet_name,
            columns=[
                ImportColumn(
                    index=index,
                    header=header,
                    field=chosen.columns[index],
                    guessed=chosen.columns[index] is not None
                    and chosen.columns[index] == pending.guesses[index],
                    samples=_samples(sheet.rows, index),
                )
                for index, header in enumerate(sheet.headers)
            ],
            row_count=len(sheet.rows),
            to_add=len(plan.new),
            duplicates=plan.duplicates,
            to_fill=to_fill if chosen.duplicates == "fill" else 0,
            problems=plan.problems[:MAX_PROBLEMS_SHOWN],
            problem_count=len(plan.problems),
            date_order=None if reading.order_needed else reading.order,
            date_order_needed=reading.order_needed,
            date_example=reading.example,
            missing_fields=missing,
            new_clubs=sorted(plan.new_clubs.values(), key=search_key),
            can_import=not missing
            and not reading.order_needed
            and (len(plan.new) + (to_fill if chosen.duplicates == "fill" else 0)) > 0,
        )

    def _refusal(self, chosen: ImportSettings, reading: _Reading) -> Message | None:
        """Why the file can't be imported with these settings as they are, or None."""
        missing = _missing_fields(chosen.columns)
        if missing:
            return _(
                "No column is chosen for: {fields}.",
                fields=", ".join(translate(LABELS[f]) for f in missing),
            )
        if reading.order_needed:
            return _("Say first whether the dates are day/month or month/day.")
        return None

    def _reading(self, sheet: ReadSheet, chosen: ImportSettings) -> _Reading:
        """The order to read typed dates in, whether the coach must choose it, and a row
        to show both ways: worked out here alone, so the import reads the dates exactly as
        its preview did."""
        typed = [
            (row.number, text, date)
            for row in sheet.rows
            for index, name in enumerate(chosen.columns)
            if name in ("birthDate", "joinedOn", "licenceValidUntil", "medicalValidUntil")
            and index < len(row.values)
            and (date := values.ambiguous_date(text := row.values[index])) is not None
        ]
        dates = [date for _number, _text, date in typed]
        settled = values.settled_order(dates)
        if settled is not None:
            return _Reading(chosen.date_order or settled, False, None)
        if not values.needs_order(dates):
            return _Reading(chosen.date_order or "dmy", False, None)
        number, text, date = next(
            (number, text, date)
            for number, text, date in typed
            if date.first != date.second and date.first <= 12
        )
        return _Reading(
            order=chosen.date_order or "dmy",
            order_needed=chosen.date_order is None,
            example=DateExample(
                row=number,
                text=values.cell_text(text),
                as_dmy=_day_text(date.year, date.second, date.first, self._today()),
                as_mdy=_day_text(date.year, date.first, date.second, self._today()),
            ),
        )

    def _plan(
        self,
        sheet: ReadSheet,
        chosen: ImportSettings,
        order: DateOrder,
        belts: BeltMatcher,
        clubs: Mapping[str, int],
    ) -> _Plan:
        """Every row judged, its dates read in `order`, on this thread's connection (inside
        the caller's snapshot or write): the new athletes' forms, the fills, the problems."""
        plan = _Plan()
        if _missing_fields(chosen.columns):
            return plan
        today = self._today()
        known = self._athletes.identities()
        in_file: dict[tuple[str, str], int] = {}
        member_ids: dict[str, int] = {}
        for row in sheet.rows:
            try:
                form, club_name = _row_form(row, chosen.columns, belts, order, today, sheet)
            except UnreadableError as problem:
                plan.problems.append(_problem(row.number, problem.message))
                continue
            new_club: str | None = None
            if club_name is not None:
                club_id = clubs.get(search_key(club_name))
                if club_id is None:
                    problem = self._club_problem(plan, club_name)
                    if problem is not None:
                        plan.problems.append(_problem(row.number, problem))
                        continue
                    new_club = club_name
                form["club_id"] = club_id
            key = _identity(form)
            if key is not None and key in in_file:
                plan.problems.append(
                    _problem(
                        row.number,
                        _(
                            "{name}, born {born}, is already on row {row}.",
                            name=str(form["full_name"]),
                            born=dt.date.fromisoformat(key[1]),
                            row=str(in_file[key]),
                        ),
                    )
                )
                continue
            existing = None
            if key is not None:
                in_file[key] = row.number
                existing = known.get(key)
            if existing is not None:
                plan.duplicates += 1
                if chosen.duplicates == "fill":
                    self._fill(plan, row.number, existing, form)
                continue
            member_id = form.get("member_id")
            if isinstance(member_id, str):
                folded = member_id.casefold()
                if folded in member_ids:
                    plan.problems.append(
                        _problem(
                            row.number,
                            _(
                                "Member ID {member_id} is also on row {row}.",
                                member_id=member_id,
                                row=str(member_ids[folded]),
                            ),
                        )
                    )
                    continue
                member_ids[folded] = row.number
            try:
                self._athletes.check_new(form)
            except ValidationError as error:
                plan.problems.append(_problem(row.number, str(error)))
                continue
            plan.new.append((row.number, form))
            if new_club is not None:
                # Only an athlete added brings their club in: a row skipped (a duplicate, a
                # problem) adds no empty club.
                plan.new_clubs.setdefault(search_key(new_club), new_club)
        return plan

    def _club_problem(self, plan: _Plan, name: str) -> Message | str | None:
        """Why a club the file names that the app lacks can't be added, or None."""
        key = search_key(name)
        if key not in plan.club_checks:
            try:
                self._clubs.check_new(name)
            except ValidationError as error:
                plan.club_checks[key] = str(error)
            else:
                plan.club_checks[key] = None
        return plan.club_checks[key]

    def _fill(self, plan: _Plan, number: int, athlete_id: int, form: dict[str, object]) -> None:
        # A club the import adds is not there yet to fill in: the athlete keeps theirs.
        try:
            filled = self._athletes.filled(athlete_id, form)
        except ValidationError as error:
            plan.problems.append(_problem(number, str(error)))
            return
        if filled is not None:
            plan.fills.append((athlete_id, filled))

    def _add(self, plan: _Plan) -> int:
        """Add the new clubs and athletes (inside the caller's write); how many athletes."""
        club_ids = {key: self._clubs.add_named(name) for key, name in plan.new_clubs.items()}
        given = {str(f["member_id"]).casefold() for _n, f in plan.new if f.get("member_id")}
        blanks = sum(1 for _n, f in plan.new if not f.get("member_id"))
        generated = iter(
            [
                member_id
                for member_id in self._athletes.new_member_ids(blanks + len(given))
                if member_id.casefold() not in given
            ]
        )
        for _number, form in plan.new:
            club_name = form.pop("club_name", None)
            if isinstance(club_name, str) and form.get("club_id") is None:
                form["club_id"] = club_ids[search_key(club_name)]
            athlete = self._athletes.check_new(form)
            if athlete.member_id is None:
                athlete = dataclasses.replace(athlete, member_id=next(generated))
            self._athletes.add_checked(athlete)
        return len(plan.new)


def _identity(form: Mapping[str, object]) -> tuple[str, str] | None:
    """What tells a row's athlete from another: name and birth date; None when either is
    missing, so the row is checked as a new athlete, which says which one."""
    name, born = form.get("full_name"), form.get("birth_date")
    if not isinstance(name, str) or not isinstance(born, str):
        return None
    return search_key(name), born


def _row_form(
    row: SheetRow,
    columns: Sequence[ImportField | None],
    belts: BeltMatcher,
    order: DateOrder,
    today: dt.date,
    sheet: ReadSheet,
) -> tuple[dict[str, object], str | None]:
    """One row as the athlete form's fields, and the club it names; UnreadableError if a cell
    can't be read as its field."""
    cells: dict[ImportField, object] = {}
    for index, name in enumerate(columns):
        if name is not None and index < len(row.values) and row.values[index] is not None:
            cells[name] = row.values[index]
    form: dict[str, object] = {"active": True, "member_id": None}
    full = values.read_text(cells.get("fullName"))
    if full is None:
        parts = [values.read_text(cells.get(f)) for f in ("firstName", "lastName")]
        full = " ".join(part for part in parts if part) or None
    form["full_name"] = full
    if "birthDate" in cells:
        form["birth_date"] = values.read_birth_date(
            cells["birthDate"], LABELS["birthDate"], order=order, today=today,
            date_1904=sheet.date_1904,
        ).isoformat()  # fmt: skip
    for name, key in _OTHER_DATES.items():
        if name in cells:
            form[key] = values.read_date(
                cells[name], LABELS[name], order=order, today=today, date_1904=sheet.date_1904,
                ahead=name != "joinedOn",
            ).isoformat()  # fmt: skip
    if "sex" in cells:
        form["sex"] = values.read_sex(cells["sex"], LABELS["sex"])
    if "belt" in cells:
        form["belt_id"] = belts.read(cells["belt"], LABELS["belt"])
    if "weight" in cells:
        form["weight_kg"] = values.read_weight(cells["weight"], LABELS["weight"])
    for name, key in _TEXT_FIELDS.items():
        if name in cells:
            form[key] = values.read_text(cells[name])
    club = values.read_text(cells.get("club"))
    if club is not None:
        form["club_name"] = club
    return form, club


def _read_settings(data: Mapping[str, object], sheet: ReadSheet) -> ImportSettings:
    """The page's settings, checked against the file: one choice per column, no field
    chosen twice, a known date order and duplicate policy."""
    columns = data.get("columns")
    if not isinstance(columns, list) or len(columns) != len(sheet.headers):
        raise ValidationError({"columns": _("The column choices don't fit this file.")})
    if any(c is not None and c not in IMPORT_FIELDS for c in columns):
        raise ValidationError({"columns": _("The column choices don't fit this file.")})
    for name in IMPORT_FIELDS:
        chosen = [i for i, c in enumerate(columns) if c == name]
        if len(chosen) > 1:
            raise ValidationError(
                {
                    "columns": _(
                        "{field} is chosen for more than one column ({columns}). Ignore "
                        "all but one of them.",
                        field=LABELS[name],
                        columns=", ".join(sheet.headers[i] or _letter(i) for i in chosen),
                    )
                }
            )
    order = data.get("date_order")
    duplicates = data.get("duplicates")
    if order is not None and order not in DATE_ORDERS:
        raise ValidationError({"date_order": _("Choose how the dates are written.")})
    if duplicates not in DUPLICATE_POLICIES:
        raise ValidationError(
            {"duplicates": _("Choose whether to skip or fill the athletes already here.")}
        )
    return ImportSettings(
        columns=tuple(cast(list[ImportField | None], columns)),
        date_order=cast(DateOrder | None, order),
        duplicates=cast(DuplicatePolicy, duplicates),
    )


def _missing_fields(columns: Sequence[ImportField | None]) -> list[ImportField]:
    chosen = set(columns)
    missing: list[ImportField] = []
    for name in REQUIRED_FIELDS:
        if name == "fullName":
            if "fullName" not in chosen and not {"firstName", "lastName"} <= chosen:
                missing.append(name)
        elif name not in chosen:
            missing.append(name)
    return missing


def _samples(rows: Sequence[SheetRow], index: int) -> list[str]:
    found: list[str] = []
    for row in rows:
        if index < len(row.values) and row.values[index] is not None:
            text = values.cell_text(row.values[index])
            if text:
                found.append(text)
                if len(found) == SAMPLES:
                    break
    return found


def _day_text(year: int, month: int, day: int, today: dt.date) -> str | None:
    """A day as the coach's language writes it ("3 Mei 2011"), None if there is none."""
    try:
        full = year if year >= 100 else (2000 + year if 2000 + year <= today.year else 1900 + year)
        return translate(formatted(dt.date(full, month, day)))
    except ValueError:
        return None


def _problem(number: int, message: Message | str) -> ImportProblem:
    """A row's problem, in the language of the preview's call: a ValidationError's
    messages already name their fields, each one a sentence."""
    return ImportProblem(number, translate(message) if isinstance(message, Message) else message)


def _letter(index: int) -> str:
    """A column's letter as spreadsheets name it: A, B, … Z, AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
