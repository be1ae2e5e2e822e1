"""What a database holds, in the counts a coach recognises."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class DataSummary:
    """Counts of one database; None where a table doesn't exist in its schema version."""

    athletes: int
    promotions: int | None
    medals: int | None
    bytes: int


def summarize(conn: sqlite3.Connection, size_bytes: int) -> DataSummary:
    """Count athletes, promotions and medals, as far as the file's schema has them."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}

    def count(table: str) -> int | None:
        if table not in tables:
            return None
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    return DataSummary(
        athletes=count("athletes") or 0,
        promotions=count("promotions"),
        medals=count("medals"),
        bytes=size_bytes,
    )
