"""Opening one SQLite connection with the settings every connection needs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

BUSY_TIMEOUT_MS = 10_000
WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

# Files SQLite keeps beside a database while it is in use.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")

# The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"
# Opens retried when the file was replaced meanwhile; a swap is done in well under a second.
REOPEN_ATTEMPTS = 5


class Connection(sqlite3.Connection):
    """An SQLite connection that can be tracked with a weak reference (the base can't be)."""


def connect(
    path: Path,
    *,
    read_only: bool = False,
    check_same_thread: bool = True,
    frozen: bool = False,
) -> sqlite3.Connection:
    """Open `path` in autocommit mode (transactions are explicit), with foreign keys on.

    A connection belongs to the thread that opened it, unless `check_same_thread` is off
    for one that is handed to a single worker thread. `frozen` (read-only, for a file on a
    disk nobody can write, with no write-ahead log beside it) takes no locks and needs no
    shared-memory file, which a full or read-only disk can't give SQLite.
    """
    # A restore may rename another file onto `path` while it is being opened (`db/swap.py`):
    # a connection that straddled the rename could hold the old file, so it is made again.
    before = _inode_of(path)
    conn = _open(path, read_only=read_only, check_same_thread=check_same_thread, frozen=frozen)
    for _attempt in range(REOPEN_ATTEMPTS):
        after = _inode_of(path)
        if before is None or after == before:
            break
        conn.close()
        before = after
        conn = _open(path, read_only=read_only, check_same_thread=check_same_thread, frozen=frozen)
    return conn


def _inode_of(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None  # not there yet (a new database), or unreadable: the open tells


def _open(
    path: Path, *, read_only: bool, check_same_thread: bool, frozen: bool
) -> sqlite3.Connection:
    if frozen:
        target = sqlite_uri(path, "mode=ro&immutable=1")
        read_only = True
    else:
        target = sqlite_uri(path, "mode=ro") if read_only else str(path)
    conn = sqlite3.connect(
        target,
        uri=read_only,
        isolation_level=None,
        check_same_thread=check_same_thread,
        factory=Connection,
    )
    conn.row_factory = sqlite3.Row
    # macOS: commits flush the drive's own cache too (F_FULLFSYNC), as fsync there doesn't.
    # SQLite ignores it on the systems where fsync already does.
    conn.execute("PRAGMA fullfsync = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # After a restore the write-ahead log holds the whole database; let it shrink again.
    conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT_BYTES}")
    return conn


def sqlite_uri(path: PurePath, query: str) -> str:
    """An SQLite `file:` URI for `path` with `query`, for every kind of path.

    `Path.as_uri()` writes a Windows network path (`\\\\server\\share\\club.db`) as
    `file://server/share/club.db`, and SQLite refuses any authority but `localhost`; with an
    empty authority, `file:////server/share/club.db` names the same file. `?` and `#` in a
    folder name are escaped, or SQLite would read them as the query.
    """
    text = str(path)
    if isinstance(path, PureWindowsPath):
        text = text.replace("\\", "/")
        if not text.startswith("/"):
            text = "/" + text  # C:/Users/... -> /C:/Users/...
    return f"file://{quote(text, safe='/:')}?{query}"


def sidecars(database: Path) -> tuple[Path, ...]:
    """The files SQLite may keep beside `database`."""
    return tuple(database.with_name(database.name + suffix) for suffix in SIDECAR_SUFFIXES)


def is_part_of(database: Path, candidate: Path) -> bool:
    """True if `candidate` is `database` or one of its side files, by any name or link."""
    # realpath, not Path.resolve: a loop of links is only a name that leads nowhere, where
    # resolve raises RuntimeError.
    target = os.path.realpath(candidate)
    for part in (database, *sidecars(database)):
        if candidate.absolute() == part.absolute() or target == os.path.realpath(part):
            return True
        try:
            if candidate.exists() and part.exists() and candidate.samefile(part):
                return True
        except OSError:
            continue
    return False
