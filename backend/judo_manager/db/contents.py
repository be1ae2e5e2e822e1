"""What a database file holds: one count per kind of record a coach recognises.

`RECORD_KINDS` is the one list of them. Backups record these counts, the restore preview
sets a backup's beside the current data's, and the command line and Settings print them, all
without naming a kind themselves: a table added here appears in each of those places.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Compared:
    """How `db/comparison.py` tells records of one kind apart and compares them.

    Each is an SQL expression over the kind's table (aliased `record`), written here and
    never taken from a file. A child kind (with `RecordKind.parent`) is compared as its
    parent's rows, by `fields` alone.
    """

    # What the coach calls one record, e.g. the athlete's name.
    label: str = "NULL"
    # What names the same record in any club's file: an athlete's folded name and birth date.
    key: tuple[str, ...] = ()
    # (what the coach calls the field, its expression): the values compared.
    fields: tuple[tuple[str, str], ...] = ()
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
    singular: str
    plural: str
    compared: Compared | None = None
    # For rows that belong to one record of another kind (a promotion to its athlete).
    parent: str | None = None
    parent_column: str | None = None


_BELT_NAME = "(SELECT name FROM belts WHERE belts.id = record.belt_id)"

RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "athletes",
        "athlete",
        "athletes",
        Compared(
            label="full_name",
            key=("search_name", "birth_date"),
            lineage="created_at",
            revision="revision",
            fields=(
                ("name", "full_name"),
                ("birth date", "birth_date"),
                ("sex", "sex"),
                ("belt", _BELT_NAME),
                ("weight (kg)", "weight_kg"),
                ("licence number", "licence_number"),
                ("phone", "phone"),
                ("email", "email"),
                ("guardian", "guardian_name"),
                ("guardian phone", "guardian_phone"),
                ("notes", "notes"),
                ("status", "CASE active WHEN 1 THEN 'active' ELSE 'inactive' END"),
            ),
        ),
    ),
    RecordKind(
        "promotions",
        "promotion",
        "promotions",
        Compared(fields=(("date", "promoted_on"), ("belt", _BELT_NAME), ("examiner", "examiner"))),
        parent="athletes",
        parent_column="athlete_id",
    ),
    RecordKind(
        "medals",
        "medal",
        "medals",
        Compared(
            fields=(
                ("competition", "competition"),
                ("date", "held_on"),
                ("place", "place"),
                ("category", "category"),
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


def describe_counts(contents: Contents) -> str:
    """`3 athletes, 1 promotion and 0 medals`: for the command line and logs."""
    parts = [
        f"{count:,} {kind.singular if count == 1 else kind.plural}"
        for kind in RECORD_KINDS
        if (count := contents.get(kind.table)) is not None
    ]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


@dataclass(frozen=True)
class FileSummary:
    """What one database file holds, and its size on disk."""

    contents: Contents
    bytes: int


def summarize(conn: sqlite3.Connection, size_bytes: int) -> FileSummary:
    """The file's counts, as `count_contents`, and its size."""
    return FileSummary(count_contents(conn), size_bytes)
