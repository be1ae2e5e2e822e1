"""The schema each data version must have, derived from the app's own migrations.

Nothing here is kept by hand: the migrations are run on an empty in-memory database up to
the version asked for, and what SQLite then holds is the expected schema. A migration added
for a new table is therefore all it takes for a restore to expect that table.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass

from judo_manager.db.migrations import MIGRATIONS, migrate


@dataclass(frozen=True)
class SchemaObject:
    """One table, index, view or trigger, as `sqlite_schema` describes it."""

    type: str
    name: str
    table: str
    sql: str | None


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


def expected_tables(version: int) -> frozenset[str]:
    """The names of the tables a file of data `version` must have."""
    return frozenset(o.name for o in expected_schema(version) if o.type == "table")


def schema_of(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    """The objects of the database behind `conn`, SQLite's own internal ones left out."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return frozenset(SchemaObject(*row) for row in rows)
