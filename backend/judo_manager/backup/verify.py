"""Checks that a database file is a sound Judo Manager database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from judo_manager.db.connection import connect
from judo_manager.db.migrations import APPLICATION_ID, SCHEMA_VERSION, read_header


def structure_problem(path: Path, *, expected_version: int = SCHEMA_VERSION) -> str | None:
    """What is structurally wrong with the file, or None if `quick_check` and its header pass.

    Opens the file read-only, so checking never changes it.
    """
    try:
        conn = connect(path, read_only=True)
    except sqlite3.Error as error:
        return f"it can't be opened ({error})"
    try:
        application_id, user_version = read_header(conn)
        if application_id != APPLICATION_ID:
            return "it is not marked as a Judo Manager database"
        if user_version != expected_version:
            return f"its data version is {user_version}, expected {expected_version}"
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            return f"SQLite's quick check reports: {'; '.join(result[:3])}"
        journal_mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if journal_mode != "delete":
            return f"it is in {journal_mode} mode, so it depends on files beside it"
        return None
    except sqlite3.Error as error:
        return f"SQLite can't read it ({error})"
    finally:
        conn.close()
