"""Whether a database's stored files (photos, documents' scans, logos) are what their rows
say, before a restore accepts the file.

`row_checks` holds every row to the schema; this holds the files to what the app's code
assumes of them, which no constraint can say: each file's bytes are there, as long as its
record says, of the kind it says (read from the bytes' own signature), with a JPEG
thumbnail, and held by exactly one photo, document or logo (a file held by two would be
deleted under one of them when the other lets it go). Each problem names the athlete, the
document or the club, as the coach knows them.

Each file's SHA-256 is not recomputed here. On the machine this was measured on, reading
1 GB of stored files through blob I/O took 1.1 s and hashing it 2.7 s more (3.8 s/GB;
SQLite has no SHA-256 of its own, and `hashlib` ran at 0.52 GB/s without SHA extensions),
against 1.2 s for SQLite's whole integrity check of the same file: a club's restore would
take three times as long to check. And a flipped byte inside one photo breaks nothing but
that photo, where refusing the restore would keep the coach from every other record. So a
damaged file is caught where it is used: "Save a copy…" and the system viewer's copy compare
the bytes with the digest (`MediaService.save_copy`), and refuse a damaged one in words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from judo_manager.i18n import Message, _, _n, joined

# Every column that holds a stored file, and which must be a picture (a photo, a logo).
# tests/unit/test_stored_files.py checks that each reference to `media` is listed here.
HOLDERS: tuple[tuple[str, str, bool], ...] = (
    ("athletes", "photo_id", True),
    ("documents", "media_id", False),
    ("clubs", "logo_id", True),
    ("organisation", "logo_id", True),
)
# What the first bytes of each kind kept are (media/checks.py `sniff`, for what is stored:
# a HEIC photo is kept as JPEG).
_SIGNATURES: dict[str, tuple[tuple[int, bytes], ...]] = {
    "image/jpeg": ((0, b"\xff\xd8\xff"),),
    "image/png": ((0, b"\x89PNG\r\n\x1a\n"),),
    "image/webp": ((0, b"RIFF"), (8, b"WEBP")),
    "application/pdf": ((0, b"%PDF-"),),
}
_HEAD_BYTES = 12
_KIND_WORDS: dict[str, Message] = {
    "image/jpeg": _("a JPEG picture"),
    "image/png": _("a PNG picture"),
    "image/webp": _("a WebP picture"),
    "application/pdf": _("a PDF document"),
}


@dataclass(frozen=True)
class _Found:
    """The files that break one rule: how many, and the first of them."""

    count: int
    media_id: int


# A rule's problem, said of the first file that has it (by its media id).
_Describe = Callable[[int], Message]


def first_file_problem(conn: sqlite3.Connection) -> Message | None:
    """What is wrong with the first stored file that isn't what its rows say, or None.

    `conn` is on a file with this app's schema whose rows already passed `row_checks`.
    """
    for found, describe in _problems(conn):
        if found is None:
            continue
        problem = describe(found.media_id)
        if found.count == 1:
            return problem
        return _n(
            "{problem} (and {count} other file)",
            "{problem} (and {count} other files)",
            found.count - 1,
            problem=problem,
        )
    return None


def _problems(conn: sqlite3.Connection) -> Iterator[tuple[_Found | None, _Describe]]:
    """Each rule in turn, checked only once the ones before it pass: the files that break
    it, and how to say so."""

    def named(media_id: int) -> Message | str:
        return file_named(conn, media_id)

    yield (
        _where(conn, "sha256 GLOB '*[^0-9a-f]*'"),
        lambda media_id: _("{file} has a digest Judo Manager can't read", file=named(media_id)),
    )
    yield (
        _where(
            conn,
            "NOT EXISTS (SELECT 1 FROM media_data WHERE media_data.media_id = media.id "
            "AND typeof(media_data.data) = 'blob')",
        ),
        lambda media_id: _("{file} has no stored bytes", file=named(media_id)),
    )
    # length() of a blob reads its size from the record, not its pages.
    yield (
        _where(
            conn,
            "byte_size IS NOT (SELECT length(data) FROM media_data "
            "WHERE media_data.media_id = media.id)",
        ),
        lambda media_id: _(
            "{file} is not the size its record says: it is incomplete or was changed",
            file=named(media_id),
        ),
    )
    yield (
        _mislabelled(conn),
        lambda media_id: _(
            "{file} isn't {kind}, as its record says it is",
            file=named(media_id),
            kind=_KIND_WORDS[_media_type(conn, media_id)],
        ),
    )
    yield (
        _where(
            conn,
            "thumbnail IS NOT NULL AND (typeof(thumbnail) != 'blob' "
            "OR substr(thumbnail, 1, 3) != x'FFD8FF')",
        ),
        lambda media_id: _("the thumbnail of {file} isn't a JPEG picture", file=named(media_id)),
    )
    # Each list of holders is read once (IN builds it as a lookup), not once per file.
    holders = _held_by(HOLDERS)
    yield (
        _where(conn, f"id NOT IN (SELECT id FROM ({holders}))"),
        lambda media_id: _(
            "{file} belongs to no athlete, document, club or organisation", file=named(media_id)
        ),
    )
    yield (
        _where(conn, f"id IN (SELECT id FROM ({holders}) GROUP BY id HAVING count(*) > 1)"),
        lambda media_id: _(
            "the same stored file is held by {holders}, but a file belongs to one only",
            holders=joined(_holders(conn, media_id)),
        ),
    )
    pictures = _held_by(tuple(holder for holder in HOLDERS if holder[2]))
    yield (
        _where(conn, f"media_type NOT LIKE 'image/%' AND id IN (SELECT id FROM ({pictures}))"),
        lambda media_id: _(
            "{file} is a PDF, where a photo or logo must be a picture", file=named(media_id)
        ),
    )


def _held_by(holders: tuple[tuple[str, str, bool], ...]) -> str:
    """SQL for the ids of the files the `holders` columns hold, once per holder."""
    return " UNION ALL ".join(
        f"SELECT {column} AS id FROM {table} WHERE {column} IS NOT NULL"
        for table, column, _picture in holders
    )


def _where(conn: sqlite3.Connection, condition: str) -> _Found | None:
    count, first = conn.execute(f"SELECT count(*), min(id) FROM media WHERE {condition}").fetchone()
    return _Found(count, first) if count else None


def _mislabelled(conn: sqlite3.Connection) -> _Found | None:
    """The files whose first bytes aren't those of their kind.

    Read through blob I/O: 12 bytes of each file, not its pages (2,500 files in 0.1 s).
    """
    wrong: list[int] = []
    rows = conn.execute("SELECT id, media_type FROM media ORDER BY id").fetchall()
    for media_id, media_type in rows:
        with conn.blobopen("media_data", "data", media_id, readonly=True) as blob:
            head = blob.read(_HEAD_BYTES)
        signature = _SIGNATURES.get(media_type, ())
        if not all(head[at : at + len(magic)] == magic for at, magic in signature):
            wrong.append(media_id)
    return _Found(len(wrong), wrong[0]) if wrong else None


def _media_type(conn: sqlite3.Connection, media_id: int) -> str:
    return str(conn.execute("SELECT media_type FROM media WHERE id = ?", (media_id,)).fetchone()[0])


def _holders(conn: sqlite3.Connection, media_id: int) -> list[Message]:
    """What holds the file, as the coach knows it: "the photo of Ana Silva", …"""
    named: list[Message] = []
    for (name,) in conn.execute("SELECT full_name FROM athletes WHERE photo_id = ?", (media_id,)):
        named.append(_("the photo of {athlete}", athlete=name))
    for title, athlete in conn.execute(
        "SELECT d.title, a.full_name FROM documents d LEFT JOIN athletes a ON a.id = d.athlete_id "
        "WHERE d.media_id = ?",
        (media_id,),
    ):
        named.append(_("the document “{title}” of {athlete}", title=title, athlete=athlete))
    for (name,) in conn.execute("SELECT name FROM clubs WHERE logo_id = ?", (media_id,)):
        named.append(_("the logo of the club {club}", club=name))
    if conn.execute("SELECT 1 FROM organisation WHERE logo_id = ?", (media_id,)).fetchone():
        named.append(_("the organisation's logo"))
    return named


def file_named(conn: sqlite3.Connection, media_id: int) -> Message | str:
    """A stored file as the coach knows it: by its first holder ("the photo of Ana
    Silva"), else by its name."""
    holders = _holders(conn, media_id)
    if holders:
        return holders[0]
    found = conn.execute("SELECT file_name FROM media WHERE id = ?", (media_id,)).fetchone()
    if found is None:  # bytes whose record is gone
        return _("row {number}", number=str(media_id))
    return _("a stored file ({name})", name=found[0])
