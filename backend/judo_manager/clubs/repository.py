"""SQL for clubs and the organisation; nothing else lives here."""

from __future__ import annotations

import sqlite3

from judo_manager.clubs.model import Club, ClubFields, Organisation, OrganisationFields
from judo_manager.db.migrations import DEFAULT_MEMBER_ID_PREFIX


def club_exists(conn: sqlite3.Connection, club_id: int) -> bool:
    """Whether the club is there."""
    return conn.execute("SELECT 1 FROM clubs WHERE id = ?", (club_id,)).fetchone() is not None


def list_clubs(conn: sqlite3.Connection) -> list[Club]:
    """Every club, in no particular order, with how many athletes belong to it now."""
    rows = conn.execute(
        "SELECT c.id, c.name, c.short_name, c.federation, c.city, c.contact, c.logo_id, "
        "(SELECT count(*) FROM athletes a WHERE a.club_id = c.id) AS athlete_count "
        "FROM clubs c"
    )
    return [Club(*row) for row in rows]


def club_names(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, name) of every club."""
    return [(int(row[0]), str(row[1])) for row in conn.execute("SELECT id, name FROM clubs")]


def insert_club(conn: sqlite3.Connection, club: ClubFields) -> int:
    """Add a club; its id."""
    cursor = conn.execute(
        "INSERT INTO clubs(name, short_name, federation, city, contact) VALUES (?, ?, ?, ?, ?)",
        (club.name, club.short_name, club.federation, club.city, club.contact),
    )
    return int(cursor.lastrowid or 0)


def update_club(conn: sqlite3.Connection, club_id: int, club: ClubFields) -> bool:
    """Change a club's fields (not its logo); False when there is no such club."""
    cursor = conn.execute(
        "UPDATE clubs SET name = ?, short_name = ?, federation = ?, city = ?, contact = ? "
        "WHERE id = ?",
        (club.name, club.short_name, club.federation, club.city, club.contact, club_id),
    )
    return cursor.rowcount == 1


def delete_club(conn: sqlite3.Connection, club_id: int) -> bool:
    """Remove a club; its athletes stay, with no club (the foreign key sets it NULL), and its
    logo goes with it (a trigger). False when there is no such club."""
    return conn.execute("DELETE FROM clubs WHERE id = ?", (club_id,)).rowcount == 1


def set_club_logo(conn: sqlite3.Connection, club_id: int, media_id: int | None) -> bool:
    """Give a club another logo, or none; a trigger deletes the one it had. False when there
    is no such club."""
    cursor = conn.execute("UPDATE clubs SET logo_id = ? WHERE id = ?", (media_id, club_id))
    return cursor.rowcount == 1


def organisation(conn: sqlite3.Connection) -> Organisation:
    """The organisation's branding; its defaults where a file from elsewhere lost the row."""
    row = conn.execute(
        "SELECT name, logo_id, member_id_prefix FROM organisation WHERE id = 1"
    ).fetchone()
    if row is None:
        return Organisation(name=None, logo_id=None, member_id_prefix=DEFAULT_MEMBER_ID_PREFIX)
    return Organisation(*row)


def save_organisation(conn: sqlite3.Connection, fields: OrganisationFields) -> None:
    """Set the organisation's name and member-ID prefix, making its row if a file lost it."""
    conn.execute(
        "INSERT INTO organisation(id, name, member_id_prefix) VALUES (1, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
        "member_id_prefix = excluded.member_id_prefix",
        (fields.name, fields.member_id_prefix),
    )


def set_organisation_logo(conn: sqlite3.Connection, media_id: int | None) -> None:
    """Give the organisation another logo, or none, making its row if a file lost it; a
    trigger deletes the logo it had."""
    conn.execute(
        "INSERT INTO organisation(id, logo_id) VALUES (1, ?) "
        "ON CONFLICT(id) DO UPDATE SET logo_id = excluded.logo_id",
        (media_id,),
    )
