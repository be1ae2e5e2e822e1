"""Structural checks of a Judo Manager database: its header, and SQLite's quick_check."""

from __future__ import annotations

import sqlite3

from judo_manager.db.migrations import APPLICATION_ID, read_header


def header_problem(conn: sqlite3.Connection, expected_version: int) -> str | None:
    """What is wrong with the file's id, schema version or journal mode, or None."""
    application_id, user_version = read_header(conn)
    if application_id != APPLICATION_ID:
        return "it is not marked as a Judo Manager database"
    if user_version != expected_version:
        return f"its data version is {user_version}, expected {expected_version}"
    journal_mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if journal_mode != "delete":
        return f"it is in {journal_mode} mode, so it depends on files beside it"
    return None


def quick_check_problem(conn: sqlite3.Connection) -> str | None:
    """What SQLite's `quick_check` reports, or None when it says ok."""
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        return f"SQLite can't read it ({error})"
    if result != ["ok"]:
        return f"SQLite's quick check reports: {'; '.join(result[:3])}"
    return None
