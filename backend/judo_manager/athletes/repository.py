"""SQL for athletes; nothing else lives here."""

from __future__ import annotations

import sqlite3


def count_athletes(conn: sqlite3.Connection) -> int:
    """How many athletes the club has, active or not."""
    return int(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])
