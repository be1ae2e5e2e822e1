"""What a database holds, in the counts a coach recognises."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Contents:
    """Counts of one database; None where a table doesn't exist in its schema version."""

    athletes: int
    promotions: int | None
    medals: int | None


@dataclass(frozen=True)
class DataSummary(Contents):
    """The counts of one database file, and its size."""

    bytes: int


def count_contents(conn: sqlite3.Connection) -> Contents:
    """Count athletes, promotions and medals, as far as the file's schema has them."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}

    def count(table: str) -> int | None:
        if table not in tables:
            return None
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    return Contents(
        athletes=count("athletes") or 0, promotions=count("promotions"), medals=count("medals")
    )


def summarize(conn: sqlite3.Connection, size_bytes: int) -> DataSummary:
    """The file's counts, as `count_contents`, and its size."""
    contents = count_contents(conn)
    return DataSummary(contents.athletes, contents.promotions, contents.medals, size_bytes)
