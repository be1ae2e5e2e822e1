"""SQL for stored files; nothing else lives here.

A file's bytes sit in `media_data`, whose rowid is the media id, so they are read in pieces
with SQLite's incremental blob I/O instead of as one value.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from judo_manager.media.model import CheckedFile, MediaInfo

_INFO = "SELECT id, media_type, file_name, byte_size, width, height, created_at FROM media"


def insert_media(conn: sqlite3.Connection, checked: CheckedFile) -> int:
    """Store a checked file and its bytes; returns the new media id."""
    cursor = conn.execute(
        "INSERT INTO media(media_type, file_name, byte_size, sha256, width, height, thumbnail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            checked.media_type,
            checked.file_name,
            len(checked.data),
            checked.sha256,
            checked.width,
            checked.height,
            checked.thumbnail,
        ),
    )
    media_id = int(cursor.lastrowid or 0)
    conn.execute("INSERT INTO media_data(media_id, data) VALUES (?, ?)", (media_id, checked.data))
    return media_id


def media_info(conn: sqlite3.Connection, media_id: int) -> MediaInfo | None:
    """What is known of a stored file without its bytes, or None."""
    row = conn.execute(f"{_INFO} WHERE id = ?", (media_id,)).fetchone()
    return None if row is None else MediaInfo(*row)


def media_infos(conn: sqlite3.Connection, media_ids: Sequence[int]) -> dict[int, MediaInfo]:
    """{id: info} of the stored files among `media_ids`."""
    if not media_ids:
        return {}
    marks = ", ".join("?" * len(media_ids))
    rows = conn.execute(f"{_INFO} WHERE id IN ({marks})", tuple(media_ids))
    return {row[0]: MediaInfo(*row) for row in rows}


def digest(conn: sqlite3.Connection, media_id: int) -> str | None:
    """The SHA-256 recorded for the file's bytes, or None when there is no such file."""
    row = conn.execute("SELECT sha256 FROM media WHERE id = ?", (media_id,)).fetchone()
    return None if row is None else str(row[0])


def read_data(conn: sqlite3.Connection, media_id: int, offset: int, count: int) -> bytes:
    """Up to `count` bytes of the file from `offset` (empty past its end)."""
    with conn.blobopen("media_data", "data", media_id, readonly=True) as blob:
        blob.seek(min(offset, len(blob)))
        return blob.read(count)


def data_length(conn: sqlite3.Connection, media_id: int) -> int | None:
    """How many bytes are stored for the file, or None when none are."""
    row = conn.execute(
        "SELECT length(data) FROM media_data WHERE media_id = ?", (media_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def thumbnails(conn: sqlite3.Connection, media_ids: Sequence[int]) -> list[tuple[int, bytes]]:
    """(id, thumbnail JPEG) of those among `media_ids` that have one."""
    if not media_ids:
        return []
    marks = ", ".join("?" * len(media_ids))
    return conn.execute(
        f"SELECT id, thumbnail FROM media WHERE id IN ({marks}) AND thumbnail IS NOT NULL",
        tuple(media_ids),
    ).fetchall()
