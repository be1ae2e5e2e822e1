"""SQL for clubs and the organisation; nothing else lives here."""

from __future__ import annotations

import sqlite3

from judo_manager.clubs.model import Organisation
from judo_manager.db.migrations import DEFAULT_MEMBER_ID_PREFIX


def club_exists(conn: sqlite3.Connection, club_id: int) -> bool:
    """Whether the club is there."""
    return conn.execute("SELECT 1 FROM clubs WHERE id = ?", (club_id,)).fetchone() is not None


def organisation(conn: sqlite3.Connection) -> Organisation:
    """The organisation's branding; its defaults where a file from elsewhere lost the row."""
    row = conn.execute(
        "SELECT name, logo_id, member_id_prefix FROM organisation WHERE id = 1"
    ).fetchone()
    if row is None:
        return Organisation(name=None, logo_id=None, member_id_prefix=DEFAULT_MEMBER_ID_PREFIX)
    return Organisation(*row)
