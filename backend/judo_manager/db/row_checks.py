"""Whether every row of a database fits what the app's code assumes of it.

A backup from outside may have been edited by another program, or written by an older app
with looser rules: SQLite's integrity check passes it, and the roster then fails to open.
So each row is held to the app's own schema, read from the schema itself rather than from a
list kept here: NOT NULL and CHECK constraints, the type each column declares, references
that point at rows, and dates (columns named `…_date` or `…_on`) the app can read.
The first problem found is described with its table, how many rows have it and an example.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from judo_manager.db.contents import KINDS_BY_TABLE

# SQLite's names for the failed constraint, e.g. "CHECK constraint failed: sex IN ('F', 'M')".
_CHECK_FAILED = re.compile(r"CHECK constraint failed: (.+)$", re.S)
_DATE_COLUMN = re.compile(r".+_(date|on)$")
# Values each declared type may hold; SQLite itself would store anything anywhere.
_TYPES = {
    "INTEGER": ("integer",),
    "REAL": ("real", "integer"),
    "TEXT": ("text",),
}


@dataclass(frozen=True)
class RowProblem:
    """Rows of one table that break one rule, with a first example."""

    table: str
    count: int
    what: str
    example: str
    verb: tuple[str, str] = ("has", "have")

    def describe(self) -> str:
        """`3 athletes have birth dates Judo Manager can't read, e.g. '03/05/2011' for Ana`."""
        kind = KINDS_BY_TABLE.get(self.table)
        if kind is not None:
            noun = kind.singular if self.count == 1 else kind.plural
        else:
            noun = f"row{'s' if self.count != 1 else ''} of the {self.table} table"
        verb = self.verb[0] if self.count == 1 else self.verb[1]
        return f"{self.count:,} {noun} {verb} {self.what}, e.g. {self.example}"


def first_row_problem(conn: sqlite3.Connection) -> RowProblem | None:
    """The first rule some rows break, or None when every row fits.

    `conn` must be a writable connection to a private copy: CHECK constraints are tested by
    rewriting each row inside a transaction that is then rolled back.
    """
    for table in _tables(conn):
        for problem in _problems_of(conn, table):
            return problem
    return _dangling_reference(conn)


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
    for column in columns:
        label = _label(column.name)
        quoted = _quote(column.name)
        if column.not_null:
            yield from _rows_where(conn, table, f"{quoted} IS NULL", f"no {label}", column.name)
        allowed = _TYPES.get(column.declared)
        if allowed and not column.primary_key:
            types = ", ".join(f"'{t}'" for t in allowed)
            yield from _rows_where(
                conn,
                table,
                f"{quoted} IS NOT NULL AND typeof({quoted}) NOT IN ({types})",
                f"a {label} that isn't {_type_word(column.declared)}",
                column.name,
            )
        if _DATE_COLUMN.fullmatch(column.name):
            dates = f"{label}s" if column.name.endswith("_date") else f"dates ({label})"
            yield from _rows_where(
                conn,
                table,
                # With a modifier SQLite normalises the day: '2025-02-31' becomes March 3rd.
                f"{quoted} IS NOT NULL AND date({quoted}, '+0 days') IS NOT {quoted}",
                f"{dates} Judo Manager can't read",
                column.name,
            )
    yield from _check_constraints(conn, table, columns)


def _check_constraints(
    conn: sqlite3.Connection, table: str, columns: list[_Column]
) -> Iterator[RowProblem]:
    """Rows that break a CHECK constraint: SQLite tests them when each row is rewritten."""
    assignments = ", ".join(f"{_quote(c.name)} = {_quote(c.name)}" for c in columns)
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
        yield from _rows_where(
            conn, table, f"NOT ({expression})", f"values outside the rule {expression}", None
        )


def _dangling_reference(conn: sqlite3.Connection) -> RowProblem | None:
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not broken:
        return None
    table, rowid, parent, _ = broken[0]
    count = sum(1 for row in broken if row[0] == table and row[2] == parent)
    return RowProblem(
        table,
        count,
        f"{parent} that aren't in the file",
        _who(conn, table, rowid),
        verb=("points to", "point to"),
    )


def _rows_where(
    conn: sqlite3.Connection, table: str, condition: str, what: str, column: str | None
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
        example = f"{value[:40]} for {example}"
    yield RowProblem(table, count, what, example)


def _row_key(conn: sqlite3.Connection, table: str) -> str:
    """`rowid`, or the primary key of a WITHOUT ROWID table."""
    try:
        conn.execute(f"SELECT rowid FROM {_quote(table)} LIMIT 0")
        return "rowid"
    except sqlite3.OperationalError:
        return _quote(next(c.name for c in _columns(conn, table) if c.primary_key))


def _who(conn: sqlite3.Connection, table: str, row: object) -> str:
    """The row as a coach would name it: by its name where it has one."""
    names = [c.name for c in _columns(conn, table)]
    key = _row_key(conn, table)
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
    return f"row {row}"


def _label(column: str) -> str:
    """`birth_date` -> "birth date"."""
    return column.replace("_", " ")


def _type_word(declared: str) -> str:
    return {"INTEGER": "a whole number", "REAL": "a number", "TEXT": "text"}[declared]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
