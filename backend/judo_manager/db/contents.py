"""What a database file holds: one count per kind of record a coach recognises.

`RECORD_KINDS` is the one list of them. Backups record these counts, the restore preview
sets a backup's beside the current data's, and the command line and Settings print them, all
without naming a kind themselves: a table added here appears in each of those places.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from judo_manager.i18n import Message, _, _n, formatted, joined


@dataclass(frozen=True)
class ComparedField:
    """One value `db/comparison.py` compares, and how the coach reads it."""

    # What the coach calls the field ("weight (kg)").
    label: Message
    # Its SQL expression over the kind's table.
    expression: str
    # Values that are words for the coach, each as the coach reads it ("active").
    words: tuple[tuple[object, Message], ...] = ()
    # A calendar day kept as YYYY-MM-DD: shown as the coach's language writes dates.
    dated: bool = False

    def shown(self, value: object) -> Message:
        """`value` as the coach reads it: a word or a date in the coach's language, or the
        value (as it is, when a file from elsewhere holds something else)."""
        if self.dated and isinstance(value, str):
            try:
                return formatted(dt.date.fromisoformat(value))
            except ValueError:
                pass
        return next((word for raw, word in self.words if raw == value), _plain(value))


@dataclass(frozen=True)
class Compared:
    """How `db/comparison.py` tells records of one kind apart and compares them.

    Each expression is SQL over the kind's table (aliased `record`), written here and never
    taken from a file. A child kind (with `RecordKind.parent`) is compared as its
    parent's rows, by `fields` alone.
    """

    # What the coach calls one record, e.g. the athlete's name.
    label: str = "NULL"
    # What names the same record in any club's file: an athlete's folded name and birth date.
    key: tuple[str, ...] = ()
    # The values compared.
    fields: tuple[ComparedField, ...] = ()
    # What a record keeps for life whatever is edited (when it was made): with the same id,
    # it tells a renamed athlete from another club's athlete who happens to share that id.
    lineage: str = "NULL"
    # A column that changes with every write to the record or its children (the athletes'
    # revision): what `comparison.since` compares, read by SQLite alone. Without one, a
    # digest of the compared values is.
    revision: str | None = None


@dataclass(frozen=True)
class RecordKind:
    """One kind of record, counted as the rows of its table."""

    table: str
    # What the coach calls the kind, in a heading or a table's row: "athletes".
    name: Message
    # A number of them: "1 athlete", "3 athletes".
    counted: Callable[[int], Message]
    compared: Compared | None = None
    # For rows that belong to one record of another kind (a promotion to its athlete).
    parent: str | None = None
    parent_column: str | None = None


_BELT_NAME = "(SELECT name FROM belts WHERE belts.id = record.belt_id)"
_SEX_LETTERS = (
    # Translators: the letter for a female athlete (in Indonesian: P, perempuan).
    ("F", _("F")),
    # Translators: the letter for a male athlete (in Indonesian: L, laki-laki).
    ("M", _("M")),
)
# A medal's place as the page names it, rather than the value stored ("gold").
_MEDAL_PLACES = (("gold", _("gold")), ("silver", _("silver")), ("bronze", _("bronze")))

RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "athletes",
        _("athletes"),
        lambda count: _n("{count} athlete", "{count} athletes", count),
        Compared(
            label="full_name",
            key=("search_name", "birth_date"),
            lineage="created_at",
            revision="revision",
            # The fields of an athlete, as the restore preview names a change.
            fields=(
                ComparedField(_("name"), "full_name"),
                ComparedField(_("birth date"), "birth_date", dated=True),
                ComparedField(_("sex"), "sex", _SEX_LETTERS),
                ComparedField(_("belt"), _BELT_NAME),
                ComparedField(_("weight (kg)"), "weight_kg"),
                ComparedField(_("licence number"), "licence_number"),
                ComparedField(_("phone"), "phone"),
                ComparedField(_("email"), "email"),
                ComparedField(_("guardian"), "guardian_name"),
                ComparedField(_("guardian phone"), "guardian_phone"),
                ComparedField(_("notes"), "notes"),
                ComparedField(
                    _("status"),
                    "CASE active WHEN 1 THEN 'active' ELSE 'inactive' END",
                    (("active", _("active")), ("inactive", _("inactive"))),
                ),
            ),
        ),
    ),
    RecordKind(
        "promotions",
        _("promotions"),
        lambda count: _n("{count} promotion", "{count} promotions", count),
        Compared(
            fields=(
                ComparedField(_("date"), "promoted_on", dated=True),
                ComparedField(_("belt"), _BELT_NAME),
                ComparedField(_("examiner"), "examiner"),
            )
        ),
        parent="athletes",
        parent_column="athlete_id",
    ),
    RecordKind(
        "medals",
        _("medals"),
        lambda count: _n("{count} medal", "{count} medals", count),
        Compared(
            fields=(
                ComparedField(_("competition"), "competition"),
                ComparedField(_("date"), "held_on", dated=True),
                ComparedField(_("place"), "place", _MEDAL_PLACES),
                ComparedField(_("category"), "category"),
            )
        ),
        parent="athletes",
        parent_column="athlete_id",
    ),
)
KINDS_BY_TABLE = {kind.table: kind for kind in RECORD_KINDS}

# {table: count}, in the order of RECORD_KINDS; None where the file's schema version has no
# such table (a backup from before promotions were kept records none, rather than zero).
Contents = Mapping[str, int | None]


def count_contents(conn: sqlite3.Connection) -> dict[str, int | None]:
    """Count every kind of record, as far as the file's schema has its table."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    counts: dict[str, int | None] = {}
    for kind in RECORD_KINDS:
        if kind.table in tables:
            # The table name comes from RECORD_KINDS above, never from the file.
            counts[kind.table] = int(
                conn.execute(f'SELECT count(*) FROM "{kind.table}"').fetchone()[0]
            )
        else:
            counts[kind.table] = None
    return counts


def describe_counts(contents: Contents) -> Message:
    """`3 athletes, 1 promotion and 0 medals`: for the command line."""
    return joined(
        kind.counted(count)
        for kind in RECORD_KINDS
        if (count := contents.get(kind.table)) is not None
    )


def _plain(value: object) -> Message:
    """A value as the coach reads it: 45.0 is 45 (44.5 is "44,5" in Indonesian), and
    nothing is "—"."""
    if value is None or value == "":
        return formatted("—")
    return formatted(value if isinstance(value, float) else str(value))


@dataclass(frozen=True)
class FileSummary:
    """What one database file holds, and its size on disk."""

    contents: Contents
    bytes: int


def summarize(conn: sqlite3.Connection, size_bytes: int) -> FileSummary:
    """The file's counts, as `count_contents`, and its size."""
    return FileSummary(count_contents(conn), size_bytes)
