"""The schema each data version must have, derived from the app's own migrations.

Nothing here is kept by hand: the migrations are run on an empty in-memory database up to
the version asked for, and what SQLite then holds is the expected schema. A migration added
for a new table is therefore all it takes for a restore to expect that table.

A backup's schema must be exactly that, object by object: a trigger, view, index, table or
column that the app didn't make (another program edited the file) is refused, since the
backup API would copy it into the live data and into every later backup.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from judo_manager.db.migrations import MIGRATIONS, migrate
from judo_manager.i18n import Message, _


@dataclass(frozen=True)
class SchemaObject:
    """One table, index, view or trigger, as `sqlite_schema` describes it."""

    type: str
    name: str
    table: str
    sql: str | None

    @property
    def statement(self) -> str:
        """The CREATE statement with its spacing evened out, for comparing."""
        return " ".join(re.sub(r"\s*([(),])\s*", r" \1 ", self.sql or "").split())


@functools.cache
def expected_schema(version: int) -> frozenset[SchemaObject]:
    """Every object the app's migrations create up to data `version`."""
    if not 0 <= version <= len(MIGRATIONS):
        raise ValueError(f"no data version {version}")
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, 0, MIGRATIONS[:version])
        return schema_of(conn)
    finally:
        conn.close()


def schema_of(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    """The objects of the database behind `conn`, but the indexes SQLite makes itself.

    Those (`sqlite_autoindex_…`) follow from a table's UNIQUE and PRIMARY KEY clauses, which
    the table's own statement already shows. SQLite's statistics tables (`sqlite_stat1`)
    only exist where another program ran ANALYZE, and count as an object like any other.
    """
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema "
        "WHERE NOT (type = 'index' AND name LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\')"
    ).fetchall()
    return frozenset(SchemaObject(*row) for row in rows)


def schema_difference(conn: sqlite3.Connection, version: int) -> Message | None:
    """How the schema behind `conn` differs from the one of data `version`, in coach words.

    None when every table, column, index, view and trigger is exactly the app's own.
    """
    actual = {(o.type, o.name): o for o in schema_of(conn)}
    expected = {(o.type, o.name): o for o in expected_schema(version)}
    missing_tables = sorted(
        name for kind, name in expected.keys() - actual.keys() if kind == "table"
    )
    if missing_tables:
        return _("it is missing its tables ({tables})", tables=", ".join(missing_tables))
    for kind, name in sorted(actual.keys() - expected.keys()):
        return _EXTRA[kind](name)
    for kind, name in sorted(expected.keys() - actual.keys()):
        return _MISSING[kind](name)
    for key in sorted(expected):
        if actual[key].statement != expected[key].statement:
            kind, name = key
            if kind == "table":
                return _table_difference(conn, name, version)
            return _CHANGED[kind](name)
    return None


# What is said of an object of each type (table, index, view, trigger) that another program
# added, removed or changed: one whole sentence each, so each language words its own.
_EXTRA = {
    "table": lambda name: _("it has a table Judo Manager doesn't make ({name})", name=name),
    "index": lambda name: _("it has an index Judo Manager doesn't make ({name})", name=name),
    "view": lambda name: _("it has a view Judo Manager doesn't make ({name})", name=name),
    "trigger": lambda name: _("it has a trigger Judo Manager doesn't make ({name})", name=name),
}
_MISSING = {
    "table": lambda name: _("it is missing the table {name}", name=name),
    "index": lambda name: _("it is missing the index {name}", name=name),
    "view": lambda name: _("it is missing the view {name}", name=name),
    "trigger": lambda name: _("it is missing the trigger {name}", name=name),
}
_CHANGED = {
    "index": lambda name: _("its index {name} is not the one Judo Manager makes", name=name),
    "view": lambda name: _("its view {name} is not the one Judo Manager makes", name=name),
    "trigger": lambda name: _("its trigger {name} is not the one Judo Manager makes", name=name),
}


def _table_difference(conn: sqlite3.Connection, table: str, version: int) -> Message:
    have = _columns(conn, table)
    want = expected_columns(version, table)
    if extra := [c for c in have if c not in want]:
        return _(
            "its table {table} has a column Judo Manager doesn't make ({column})",
            table=table,
            column=extra[0],
        )
    if missing := [c for c in want if c not in have]:
        return _("its table {table} is missing the column {column}", table=table, column=missing[0])
    return _(
        "its table {table} is defined differently (a column's type or rule was changed)",
        table=table,
    )


@functools.cache
def expected_columns(version: int, table: str) -> tuple[str, ...]:
    """The column names of `table` in data `version`, in order."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, 0, MIGRATIONS[:version])
        return _columns(conn, table)
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,)))
