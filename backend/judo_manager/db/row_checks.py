"""Whether every row of a database fits what the app's code assumes of it.

A backup from outside may have been edited by another program, or written by an older app
with looser rules: SQLite's integrity check passes it, and the roster then fails to open.
So each row is held to the app's own schema, read from the schema itself rather than from a
list kept here: NOT NULL and CHECK constraints, the type each column declares, text that is
UTF-8 (SQLite stores whatever bytes it is given, and only reading them fails), references
that point at rows, and dates (columns named `…_date`, `…_on` or `…_until`) the app can read.
SQLite's own `sqlite_sequence` must leave room for new records. Stored files are held to
what their rows say in `stored_files`.
The first problem found is described with its table, how many rows have it and an example.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from judo_manager.db.contents import KINDS_BY_TABLE
from judo_manager.db.stored_files import file_named
from judo_manager.i18n import Message, _, _n

# SQLite's names for the failed constraint, e.g. "CHECK constraint failed: sex IN ('F', 'M')".
_CHECK_FAILED = re.compile(r"CHECK constraint failed: (.+)$", re.S)
_DATE_COLUMN = re.compile(r".+_(date|on|until)$")
# Each edit gives its record the next change mark (data version 9). A file whose marks come
# near the CHECK's limit would make every later edit fail there, so a restored file must
# leave room: 2**48 marks is more edits than any club makes.
_MARK_ROOM = 2**48
# Values each declared type may hold; SQLite itself would store anything anywhere.
_TYPES = {
    "INTEGER": ("integer",),
    "REAL": ("real", "integer"),
    "TEXT": ("text",),
}
# The columns of the club's records, as "1 athlete has no birth date" names them.
_COLUMN_LABELS: dict[str, Message] = {
    "full_name": _("full name"),
    "search_name": _("search name"),
    "birth_date": _("birth date"),
    "sex": _("sex"),
    "belt_id": _("belt id"),
    "from_belt_id": _("from belt id"),
    "weight_kg": _("weight kg"),
    "licence_number": _("licence number"),
    "phone": _("phone"),
    "email": _("email"),
    "guardian_name": _("guardian name"),
    "guardian_phone": _("guardian phone"),
    "notes": _("notes"),
    "active": _("active"),
    "revision": _("revision"),
    "created_at": _("created at"),
    "updated_at": _("updated at"),
    "athlete_id": _("athlete id"),
    "promoted_on": _("promoted on"),
    "examiner": _("examiner"),
    "competition": _("competition"),
    "held_on": _("held on"),
    "place": _("place"),
    "category": _("category"),
    "name": _("name"),
    "rank": _("rank"),
    "kind": _("kind"),
    "color": _("color"),
    "second_color": _("second color"),
    "code": _("code"),
    "min_age": _("min age"),
    "max_age": _("max age"),
    "ruleset_id": _("ruleset id"),
    "club_id": _("club id"),
    "member_id": _("member ID"),
    "joined_on": _("joined on"),
    "address": _("address"),
    "school": _("school"),
    "licence_valid_until": _("licence valid until"),
    "medical_valid_until": _("medical valid until"),
    "photo_id": _("photo id"),
    "proof_document_id": _("proof document id"),
    "media_id": _("file id"),
    "title": _("title"),
    "issued_on": _("issued on"),
    "valid_until": _("valid until"),
    "media_type": _("file type"),
    "file_name": _("file name"),
    "byte_size": _("size"),
    "sha256": _("digest"),
    "width": _("width"),
    "height": _("height"),
    "thumbnail": _("thumbnail"),
    "data": _("bytes"),
    "short_name": _("short name"),
    "federation": _("federation"),
    "city": _("city"),
    "contact": _("contact"),
    "logo_id": _("logo id"),
    "member_id_prefix": _("member ID prefix"),
}
# The tables that records point to, by what the coach calls their rows, where no kind of
# `RECORD_KINDS` names them.
_TABLE_NAMES: dict[str, Message] = {
    "belts": _("belts"),
    "rulesets": _("rulesets"),
    "media": _("stored files"),
}


# Which rule the rows break: a value missing, of the wrong type, text that isn't UTF-8, a
# date that can't be read (a `…_date` column, or another), a CHECK constraint, a reference
# to a row that isn't there.
Rule = Literal["missing", "type", "text", "date", "dates", "check", "reference"]
# The SQL function the checks call to tell UTF-8 from other bytes stored as text.
_IS_UTF8 = "judo_manager_is_utf8"


@dataclass(frozen=True)
class RowProblem:
    """Rows of one table that break one rule, with a first example.

    `subject` is what the rule is about: the column's label, the failed CHECK rule, or the
    records pointed to; `wanted` the type a column wants.
    """

    table: str
    count: int
    rule: Rule
    subject: Message | str
    example: Message | str
    wanted: Message | str = ""

    def describe(self) -> Message:
        """`3 athletes have birth dates Judo Manager can't read, e.g. '03/05/2011' for Ana`."""
        kind = KINDS_BY_TABLE.get(self.table)
        if kind is not None:
            records = kind.counted(self.count)
        elif self.table == "media":
            records = _n("{count} stored file", "{count} stored files", self.count)
        else:
            records = _n(
                "{count} row of the {table} table",
                "{count} rows of the {table} table",
                self.count,
                table=self.table,
            )
        n, subject, example = self.count, self.subject, self.example
        if self.rule == "missing":
            return _n(
                "{records} has no {subject}, e.g. {example}",
                "{records} have no {subject}, e.g. {example}",
                n,
                records=records,
                subject=subject,
                example=example,
            )
        if self.rule == "type":
            return _n(
                "{records} has a {subject} that isn't {type}, e.g. {example}",
                "{records} have a {subject} that isn't {type}, e.g. {example}",
                n,
                records=records,
                subject=subject,
                type=self.wanted,
                example=example,
            )
        if self.rule == "text":
            return _n(
                "{records} has unreadable characters in its {subject}, e.g. {example}",
                "{records} have unreadable characters in their {subject}, e.g. {example}",
                n,
                records=records,
                subject=subject,
                example=example,
            )
        if self.rule == "date":
            # Translators: {subject} is a column such as "birth date", here in the plural.
            return _n(
                "{records} has {subject}s Judo Manager can't read, e.g. {example}",
                "{records} have {subject}s Judo Manager can't read, e.g. {example}",
                n,
                records=records,
                subject=subject,
                example=example,
            )
        if self.rule == "dates":
            return _n(
                "{records} has dates ({subject}) Judo Manager can't read, e.g. {example}",
                "{records} have dates ({subject}) Judo Manager can't read, e.g. {example}",
                n,
                records=records,
                subject=subject,
                example=example,
            )
        if self.rule == "check":
            return _n(
                "{records} has values outside the rule {subject}, e.g. {example}",
                "{records} have values outside the rule {subject}, e.g. {example}",
                n,
                records=records,
                subject=subject,
                example=example,
            )
        return _n(
            "{records} points to {subject} that aren't in the file, e.g. {example}",
            "{records} point to {subject} that aren't in the file, e.g. {example}",
            n,
            records=records,
            subject=subject,
            example=example,
        )


def first_row_problem(conn: sqlite3.Connection) -> RowProblem | None:
    """The first rule some rows break, or None when every row fits.

    `conn` must be a writable connection to a private copy: CHECK constraints are tested by
    rewriting each row inside a transaction that is then rolled back.
    """
    # Any number of values: one call checks a row's every text column (3.6 million values
    # in a 130 MB club: one call each doubled the time of these checks).
    conn.create_function(_IS_UTF8, -1, _is_utf8, deterministic=True)
    factory = conn.text_factory
    # Examples are read as text before their row is known to be readable.
    conn.text_factory = _shown
    try:
        for table in _tables(conn):
            for problem in _problems_of(conn, table):
                return problem
        for problem in _sequence_problems(conn):
            return problem
        return _dangling_reference(conn)
    finally:
        conn.text_factory = factory


def _is_utf8(*values: bytes | None) -> bool:
    try:
        for value in values:
            if value is not None:
                value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _shown(value: bytes) -> str:
    """Text as read for a message: bytes that aren't UTF-8 shown as `�`."""
    return value.decode("utf-8", "replace")


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]


@dataclass(frozen=True)
class _Column:
    name: str
    declared: str
    not_null: bool
    primary_key: bool


def _columns(conn: sqlite3.Connection, table: str) -> list[_Column]:
    return [
        _Column(row[1], row[2].upper(), bool(row[3]), bool(row[5]))
        for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))
    ]


def _problems_of(conn: sqlite3.Connection, table: str) -> Iterator[RowProblem]:
    columns = _columns(conn, table)
    garbled = _has_garbled_text(conn, table, columns)
    for column in columns:
        label = _label(column.name)
        quoted = _quote(column.name)
        if column.not_null:
            yield from _rows_where(conn, table, f"{quoted} IS NULL", "missing", label, column.name)
        if garbled and column.declared == "TEXT":
            # Before any other rule of the column: each compares or shows its text.
            yield from _rows_where(
                conn,
                table,
                f"typeof({quoted}) = 'text' AND NOT {_IS_UTF8}(CAST({quoted} AS BLOB))",
                "text",
                label,
                column.name,
            )
        allowed = _TYPES.get(column.declared)
        if allowed and not column.primary_key:
            types = ", ".join(f"'{t}'" for t in allowed)
            yield from _rows_where(
                conn,
                table,
                f"{quoted} IS NOT NULL AND typeof({quoted}) NOT IN ({types})",
                "type",
                label,
                column.name,
                wanted=_type_word(column.declared),
            )
        if _DATE_COLUMN.fullmatch(column.name):
            yield from _rows_where(
                conn,
                table,
                # With a modifier SQLite normalises the day: '2025-02-31' becomes March 3rd.
                f"{quoted} IS NOT NULL AND date({quoted}, '+0 days') IS NOT {quoted}",
                "date" if column.name.endswith("_date") else "dates",
                label,
                column.name,
            )
    yield from _check_constraints(conn, table, columns)
    if table == "change_marks":
        yield from _rows_where(
            conn, table, f"mark > {_MARK_ROOM}", "check", f"mark <= {_MARK_ROOM}", "mark"
        )


def _has_garbled_text(conn: sqlite3.Connection, table: str, columns: list[_Column]) -> bool:
    """Whether any text of `table`'s TEXT columns isn't UTF-8: one pass over the table, and
    a pass for each such column only then, to say which."""
    texts = [f"CAST({_quote(c.name)} AS BLOB)" for c in columns if c.declared == "TEXT"]
    if not texts:
        return False
    sql = f"SELECT 1 FROM {_quote(table)} WHERE NOT {_IS_UTF8}({', '.join(texts)}) LIMIT 1"
    return conn.execute(sql).fetchone() is not None


def _sequence_problems(conn: sqlite3.Connection) -> Iterator[RowProblem]:
    """Where SQLite keeps the last id of each table that never reuses one: an edited value
    near the largest id SQLite can give would make every new record there fail, with
    "database or disk is full"."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_sequence'"
    ).fetchone()
    if found is None:
        return
    yield from _rows_where(
        conn,
        "sqlite_sequence",
        f"typeof(seq) != 'integer' OR seq < 0 OR seq > {_MARK_ROOM}",
        "check",
        f"0 <= seq <= {_MARK_ROOM}",
        "seq",
    )


def _check_constraints(
    conn: sqlite3.Connection, table: str, columns: list[_Column]
) -> Iterator[RowProblem]:
    """Rows that break a CHECK constraint: SQLite tests them when each row is rewritten.

    Only the tables that have one, and only the columns that aren't BLOBs (a stored file's
    bytes, a thumbnail): SQLite tests on an UPDATE the constraints of the columns it sets,
    and no CHECK of the app's is about a BLOB. Rewriting those would write every stored
    file again, into the rollback journal: 15 s for a club's 1 GB of photos.
    """
    sql = conn.execute(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if sql is None or "CHECK" not in str(sql[0]).upper():
        return
    assignments = ", ".join(
        f"{_quote(c.name)} = {_quote(c.name)}" for c in columns if c.declared != "BLOB"
    )
    if not assignments:
        return
    conn.execute("BEGIN")
    try:
        conn.execute(f"UPDATE {_quote(table)} SET {assignments}")
        failed = None
    except sqlite3.IntegrityError as error:
        failed = _CHECK_FAILED.search(str(error))
    finally:
        conn.execute("ROLLBACK")
    if failed is not None:
        # The expression comes from the schema, which matches the app's own by now.
        expression = failed[1]
        # Shown on one line, as the schema's own line breaks mean nothing to the coach.
        shown = " ".join(expression.split())
        yield from _rows_where(conn, table, f"NOT ({expression})", "check", shown, None)


def _dangling_reference(conn: sqlite3.Connection) -> RowProblem | None:
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not broken:
        return None
    table, rowid, parent, _fk = broken[0]
    count = sum(1 for row in broken if row[0] == table and row[2] == parent)
    return RowProblem(table, count, "reference", _table_name(parent), _who(conn, table, rowid))


def _rows_where(
    conn: sqlite3.Connection,
    table: str,
    condition: str,
    rule: Rule,
    subject: Message | str,
    column: str | None,
    wanted: Message | str = "",
) -> Iterator[RowProblem]:
    key = _row_key(conn, table)
    sql = f"SELECT count(*), min({key}) FROM {_quote(table)} WHERE {condition}"
    count, row = conn.execute(sql).fetchone()
    if not count:
        return
    example = _who(conn, table, row)
    if column is not None:
        value = conn.execute(
            f"SELECT quote({_quote(column)}) FROM {_quote(table)} WHERE {key} = ?", (row,)
        ).fetchone()[0]
        example = _("{value} for {who}", value=value[:40], who=example)
    yield RowProblem(table, count, rule, subject, example, wanted)


def _row_key(conn: sqlite3.Connection, table: str) -> str:
    """`rowid`, or the primary key of a WITHOUT ROWID table."""
    try:
        conn.execute(f"SELECT rowid FROM {_quote(table)} LIMIT 0")
        return "rowid"
    except sqlite3.OperationalError:
        return _quote(next(c.name for c in _columns(conn, table) if c.primary_key))


def _who(conn: sqlite3.Connection, table: str, row: object) -> Message | str:
    """The row as a coach would name it: by its name where it has one."""
    names = [c.name for c in _columns(conn, table)]
    key = _row_key(conn, table)
    if table in ("media", "media_data") and isinstance(row, int):  # a stored file: whose
        return file_named(conn, row)
    if "title" in names and "athlete_id" in names:  # a document: its title and its athlete's
        found = conn.execute(
            f"SELECT t.title, a.full_name FROM {_quote(table)} t "
            f"LEFT JOIN athletes a ON a.id = t.athlete_id WHERE t.{key} = ?",
            (row,),
        ).fetchone()
        if found and isinstance(found[0], str) and isinstance(found[1], str):
            return _("“{title}” of {athlete}", title=found[0].strip()[:60], athlete=found[1][:60])
    for column in ("full_name", "name", "competition", "path", "key"):
        if column in names:
            value = conn.execute(
                f"SELECT {_quote(column)} FROM {_quote(table)} WHERE {key} = ?", (row,)
            ).fetchone()[0]
            if isinstance(value, str) and value.strip():
                return value.strip()[:60]
    if "athlete_id" in names:
        name = conn.execute(
            f"SELECT a.full_name FROM {_quote(table)} t JOIN athletes a ON a.id = t.athlete_id "
            f"WHERE t.{key} = ?",
            (row,),
        ).fetchone()
        if name and isinstance(name[0], str):
            return name[0][:60]
    return _("row {number}", number=str(row))


def _label(column: str) -> Message | str:
    """`birth_date` -> "birth date"; a column of no record the coach keeps, as it is named."""
    return _COLUMN_LABELS.get(column, column.replace("_", " "))


def _table_name(table: str) -> Message | str:
    """What the coach calls the records of `table` ("belts"), or the table's name."""
    kind = KINDS_BY_TABLE.get(table)
    if kind is not None:
        return kind.name
    return _TABLE_NAMES.get(table, table)


def _type_word(declared: str) -> Message:
    return {"INTEGER": _("a whole number"), "REAL": _("a number"), "TEXT": _("text")}[declared]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
