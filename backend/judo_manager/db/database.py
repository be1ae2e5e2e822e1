"""The open club database: one connection per thread and a single write path.

pywebview runs every bridge call on a new thread of its own, and an SQLite connection must
stay on the thread that made it, so each thread gets its own connection: in the window that
means one per bridge call, opened in well under a millisecond. Writers queue on one
lock before `BEGIN IMMEDIATE`, so two writes in this process never fight over SQLite's lock.
"""

from __future__ import annotations

import contextlib
import gc
import secrets
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from judo_manager.db.checks import check_compatible
from judo_manager.db.connection import Connection, connect, sidecars
from judo_manager.db.drive_errors import (
    NETWORK_SHARE,
    is_network_path,
    network_folder_kind,
    os_reason,
    sqlite_reason,
)
from judo_manager.db.fileio import publish_new_file, remove_leftover
from judo_manager.db.health import damage_of, damaged, describe_database_error, not_a_database
from judo_manager.db.layout import NEW_DATABASE_PATTERN, DataFolder
from judo_manager.db.migrations import migrate
from judo_manager.db.swap import FileHeldError, recover, swap_in
from judo_manager.errors import DataFolderError, FileInUseError
from judo_manager.i18n import _


class _ThreadConnection:
    """Holds one thread's connection; dropped, and so closed, when the thread ends."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn


class Database:
    """The club database file, ready to use from any thread."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self._read_only = read_only
        self._local = threading.local()
        self._write_lock = threading.Lock()
        # Held while the file itself is replaced: no connection is opened meanwhile.
        self._file_lock = threading.Lock()
        # Every connection still alive, in any thread: one a running call still uses stays
        # here even after its thread's holder is gone.
        self._connections: weakref.WeakSet[Connection] = weakref.WeakSet()
        self._generation = 0

    @property
    def generation(self) -> int:
        """How many times this run replaced the club's data (a restore, or its undo): a
        record read under another generation belongs to data that is no longer here."""
        return self._generation

    def data_replaced(self) -> None:
        """Record that the club's data was replaced, whether or not the file was."""
        self._generation += 1

    @property
    def folder(self) -> DataFolder:
        """The data folder around the database, and what else it keeps there."""
        return DataFolder.of(self.path)

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        holder: _ThreadConnection | None = getattr(self._local, "holder", None)
        if holder is None:
            with self._file_lock:
                conn = connect(self.path, read_only=self._read_only)
            holder = _ThreadConnection(conn)
            self._local.holder = holder
            self._connections.add(conn)
        return holder.conn

    @contextmanager
    def write(self, *, before: Callable[[], object] | None = None) -> Iterator[sqlite3.Connection]:
        """One write transaction; commits on success, rolls back on any error.

        `before` runs under the write lock just before the transaction begins: a safety copy
        taken there shows the data exactly as the write finds it (a copy can't be read while
        a write transaction is open).
        """
        with self._write_lock:
            if before is not None:
                before()
            # Asked for inside the lock: a write that waited out a replaced file gets the new one.
            conn = self.connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # Also after a failed COMMIT (a full disk): never keep holding the write lock.
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextmanager
    def exclusive(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, outside any transaction, while no other write can start.

        For work that runs its own transaction on the live file, such as a restore.
        """
        with self._write_lock:
            yield self.connection()

    @contextmanager
    def replacing_file(self) -> Iterator[None]:
        """For replacing the database file itself: no connection may hold it meanwhile.

        Closes this thread's connection, refuses (FileInUseError) while any other thread
        still has one open, and lets no write start nor connection open until the block ends.
        """
        with self._write_lock, self._file_lock:
            self.close()
            gc.collect()  # a finished thread's connection may wait in a reference cycle
            if len(self._connections):
                raise FileInUseError(
                    _(
                        "Judo Manager is still reading the club's data for another task, so "
                        "the file can't be replaced now. Close Judo Manager, open it again, "
                        "and try again. Nothing was changed."
                    )
                )
            yield

    def swap_file(self, staged: Path, safety: Path) -> bool:
        """Put `staged` in place of the live file by rename, the old file kept as `safety`
        (`db/swap.py`); False, with nothing changed, when a connection elsewhere (another
        thread's, another process's) still holds the live file.

        The app waits meanwhile: no write starts and no connection opens until the swap is
        done and the new file is back in WAL mode.
        """
        with self._write_lock, self._file_lock:
            self.close()
            gc.collect()  # a finished thread's connection may wait in a reference cycle
            # The swap and its recovery know the data folder's own name only.
            if len(self._connections) or self.path != self.folder.database:
                return False
            try:
                swap_in(self.folder, staged, safety)
            except FileHeldError:
                return False
            finally:
                # Whatever happened, the live name holds a whole database: back to WAL.
                bring_up_to_date(self.path)
            self.data_replaced()
        return True

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the database at one moment."""
        conn = self.connection()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def size_bytes(self) -> int:
        """The database's size on disk, counting its write-ahead log."""
        wal = sidecars(self.path)[0]
        return self.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)

    def page_size(self) -> int:
        """The database's page size in bytes."""
        return int(self.connection().execute("PRAGMA page_size").fetchone()[0])

    def close(self) -> None:
        """Close every connection that can be closed from here; the object is done with.

        SQLite refuses to close another live thread's connection from this one; those close
        when their thread ends.
        """
        for conn in list(self._connections):
            try:
                conn.close()
            except sqlite3.ProgrammingError:
                continue  # another live thread's: it stays counted until that thread ends
            self._connections.discard(conn)
        # A later use opens new connections (after a rescue, to the new file).
        self._local = threading.local()


def open_database(path: Path, *, language: str | None = None) -> Database:
    """Open the club database at `path`, creating and migrating it as needed.

    A missing file is a first start: the new club's default belts and age categories are
    named in `language` (the one the app speaks; None: the one spoken now). A file that is
    damaged (empty, cut off, not SQLite, failing its check), belongs to another program or
    comes from a newer app is refused with a coach-readable error before anything is
    written to it.
    """
    refuse_network_folder(path.parent)
    _ensure_folder(path.parent)
    # Before any connection: a restore's swap cut short is finished or undone first.
    recover(DataFolder.of(path))
    if not path.exists():
        _create(path, language)
    problem = damage_of(path, full_check=False)
    if problem is not None:
        raise damaged(path, problem)
    bring_up_to_date(path, language=language)
    return Database(path)


def bring_up_to_date(path: Path, *, language: str | None = None) -> None:
    """Check that the database at `path` is ours, switch it to WAL and apply migrations
    (which name what they seed in `language`, as `migrate` does)."""
    try:
        conn = connect(path)
    except sqlite3.Error as error:
        raise _describe(path, error) from error
    try:
        version = check_compatible(conn, path)
        # WAL lets the coach keep working while a backup reads the file.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, version, language=language)
    except sqlite3.DatabaseError as error:
        raise _describe(path, error) from error
    finally:
        conn.close()


def _create(path: Path, language: str | None) -> None:
    """A new, empty club database, made beside `path` and then moved into place.

    So a first start that is cut short leaves no empty or half-made file under the real
    name, which the next start would have to call damaged.
    """
    temporary = path.with_name(NEW_DATABASE_PATTERN.replace("*", secrets.token_hex(4)))
    try:
        conn = connect(temporary)
        try:
            migrate(conn, 0, language=language)
        finally:
            conn.close()
        publish_new_file(temporary, path)
    except FileExistsError:
        pass  # another Judo Manager made it meanwhile: that one is the club's database
    except sqlite3.Error as error:
        raise _describe(path, error) from error
    except OSError as error:
        raise DataFolderError(
            _(
                "Judo Manager can't create its database in {folder} "
                "({reason}). Choose another folder with --data-dir.",
                folder=path.parent,
                reason=os_reason(error),
            )
        ) from error
    finally:
        for leftover in (temporary, *sidecars(temporary)):
            remove_leftover(leftover)


def _describe(path: Path, error: sqlite3.Error) -> Exception:
    described = describe_database_error(error, path)
    if described is not None:
        return described
    if isinstance(error, sqlite3.DatabaseError) and "not a database" in str(error).lower():
        return damaged(path, not_a_database())
    return DataFolderError(
        _(
            "Judo Manager can't use its database in {folder} ({error}). Check that the "
            "folder is writable, or choose another with --data-dir.",
            folder=path.parent,
            error=sqlite_reason(error),
        )
    )


def refuse_network_folder(folder: Path) -> None:
    """A data folder on another computer is refused: SQLite can't keep the data whole there.

    Its locks and its write-ahead log's shared memory don't hold over a network file
    system, so two computers (or one that lost the connection mid-commit) could damage it.
    """
    kind = NETWORK_SHARE if is_network_path(folder) else None
    kind = kind or network_folder_kind(_existing_ancestor(folder))
    if kind is not None:
        raise DataFolderError(
            # Translators: {kind} is "a network share", "a network drive", ...
            _(
                "The data folder {folder} is on {kind}. Judo Manager keeps the club's data on "
                "this computer, where it can't be damaged by a dropped connection: choose a "
                "folder on this computer with --data-dir, and back up to the network folder "
                "instead.",
                folder=folder,
                kind=kind,
            )
        )


def _existing_ancestor(folder: Path) -> Path:
    resolved = folder.absolute()
    for candidate in (resolved, *resolved.parents):
        with contextlib.suppress(OSError):
            if candidate.exists():
                return candidate.resolve()
    return resolved


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataFolderError(
            _(
                "Judo Manager can't create its data folder {folder} ({reason}). "
                "Choose another folder with --data-dir.",
                folder=folder,
                reason=os_reason(error),
            )
        ) from error
