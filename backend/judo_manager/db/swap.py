"""Putting a checked staged database in place of the live one by rename, crash-safely.

The old live file becomes the safety copy for free (a second name, a hard link) and the
staged file takes the live name (`os.replace`). Before the first name changes, an intent
record is written and fsynced beside the live database; the next `open_database` (or the
failure handler here) settles whatever the record finds: the live name holds the staged
file, so the swap is finished (roll forward), or it still holds the old file, so the swap is
undone (roll back). Either way the coach has the complete old or the complete new data, and
a safety copy whenever the data is new.

Only while nothing else has the live file open: the caller closed this process's
connections and blocks new ones, the one-writer lock keeps other Judo Manager windows out,
and switching the file out of WAL mode (which SQLite refuses while any other connection,
in any process, has it open) proves there is no reader elsewhere.

    1. the live file is made self-contained (journal_mode=DELETE: its WAL checkpointed and
       removed), and the staged file fsynced;
    2. the intent record is written to a temporary name, fsynced, renamed, folder fsynced;
    3. the live file gets its safety-copy name (a hard link; a byte copy where the drive
       has none), that folder fsynced;
    4. the staged file takes the live name, the folders fsynced;
    5. the record is removed, the folder fsynced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import signal
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from judo_manager.db.connection import sidecars, sqlite_uri
from judo_manager.db.fileio import (
    durable_sync,
    fsync_folder,
    remove_file,
    remove_leftover,
    replace_file,
)
from judo_manager.db.layout import MARKS_SUFFIX, SAFETY_COPY_NAME, STAGED_PATTERN, DataFolder

logger = logging.getLogger(__name__)

# Tests only: SIGKILL this process right after the named step (see STEPS).
STOP_AT_ENV = "JUDO_MANAGER_STOP_AT"
STEPS = ("made-self-contained", "staged-synced", "recorded", "linked", "replaced", "finished")
# Enough of the file to tell two databases apart where inode numbers can't (some drives).
HEAD_BYTES = 64 * 1024
RECORD_VERSION = 1
# How long the switch out of WAL may wait for a reader elsewhere before the swap gives up.
SWITCH_WAIT_MS = 100
# How long a second process waits for a running swap (well under a second) to finish.
LOCK_WAIT_S = 30.0
_STAGED_NAME = re.compile(STAGED_PATTERN.replace(".", r"\.").replace("*", r"[0-9a-f]+\.db"))


class FileHeldError(Exception):
    """The live file is open elsewhere, so it can't be swapped: nothing was changed."""


@dataclass(frozen=True)
class Intent:
    """What a swap under way was doing: read back after a crash to finish or undo it."""

    staged: Path
    safety: Path
    inode: int
    size: int
    head: str


def swap_in(folder: DataFolder, staged: Path, safety: Path) -> None:
    """Make `staged` the live database and the old live file the safety copy `safety`.

    The caller guarantees that this process holds no connection to the live file and opens
    none meanwhile. Raises FileHeldError, having changed nothing, when another connection
    (another process) still has it open; on any other failure the swap is rolled back
    before the error is raised.
    """
    with _swap_lock(folder):
        live = folder.database
        _make_self_contained(live)
        _stop_if_asked("made-self-contained")
        _sync_file(staged)
        _stop_if_asked("staged-synced")
        intent = Intent(
            staged.relative_to(folder.root),
            safety.relative_to(folder.root),
            staged.stat().st_ino,
            staged.stat().st_size,
            _head_of(staged),
        )
        try:
            _write_record(folder, intent)
            _stop_if_asked("recorded")
            safety.parent.mkdir(exist_ok=True)
            _second_name(live, safety)
            _stop_if_asked("linked")
            replace_file(staged, live)
            fsync_folder(live.parent)
            fsync_folder(staged.parent)
            _stop_if_asked("replaced")
        except BaseException as error:
            if not _settle(folder, intent) or not isinstance(error, Exception):
                raise
            # Failed after the rename (a folder's fsync): the new data is in place all the same.
            logger.warning("the restore finished, but a last step failed: %s", error)
            return
        try:
            _drop_record(folder)
        except OSError as error:
            # The new data is in place; the next start finds it so and drops the record.
            logger.warning("the swap record could not be removed: %s", error)
        _stop_if_asked("finished")


def recover(folder: DataFolder) -> None:
    """Finish or undo a swap that a crash or power cut interrupted; nothing if none was.

    Runs before any connection to the live file is opened. A record that can't be read, or
    that names files outside the data folder's own, is dropped without touching any data
    file: the live name always holds a whole database, old or new.
    """
    if not folder.swap_record.exists():
        return
    try:
        _recover(folder)
    except (OSError, Timeout) as error:
        # A disk gone read-only, say: the live name holds a whole database all the same, and
        # the next start that can write settles the record.
        logger.warning("an interrupted restore could not be settled yet: %s", error)


def _recover(folder: DataFolder) -> None:
    with _swap_lock(folder):
        if not folder.swap_record.exists():
            return  # another process settled it while this one waited
        intent = _read_record(folder)
        if intent is None:
            logger.warning("an unreadable swap record %s was dropped", folder.swap_record)
            _drop_record(folder)
            return
        _settle(folder, intent)


def _settle(folder: DataFolder, intent: Intent) -> bool:
    """Roll the swap described by `intent` forward or back, then drop its record; whether
    the new data is in place."""
    live = folder.database
    staged = folder.root / intent.staged
    safety = folder.root / intent.safety
    new = False
    if not live.exists():
        # Never left so by these steps; a drive that lost a rename: the copy is the old file.
        if safety.exists():
            _second_name(safety, live)
            logger.warning("the live data was missing; put back from %s", safety)
    elif _is_new(live, safety, intent):
        new = True
        if not safety.exists():
            logger.error("a swap finished without its safety copy %s", safety)
        logger.info("an interrupted restore was finished: the restored data is in place")
    else:
        # The old data is still live: the copy protects nothing, and Undo would offer it.
        remove_leftover(safety)
        remove_leftover(safety.with_name(safety.name.removesuffix(".db") + MARKS_SUFFIX))
        if safety.parent.is_dir():
            fsync_folder(safety.parent)
        logger.info("an interrupted restore was undone: the data is as it was before")
    # Byte copies a kill cut short (`_second_name`), as large as the data.
    for leftover in (staged, *sidecars(staged), _partial_of(safety), _partial_of(live)):
        remove_leftover(leftover)
    _drop_record(folder)
    return new


def _is_new(live: Path, safety: Path, intent: Intent) -> bool:
    """Whether the live name holds the staged file (the swap's last rename happened)."""
    info = live.stat()
    if info.st_ino == intent.inode and info.st_size == intent.size:
        return True
    with contextlib.suppress(OSError):
        if safety.exists() and live.samefile(safety):
            return False
    # A drive without stable inode numbers or hard links: tell the files by their content.
    return info.st_size == intent.size and _head_of(live) == intent.head


def _make_self_contained(live: Path) -> None:
    """Checkpoint the WAL into the live file and remove it (journal_mode=DELETE).

    SQLite switches only while no other connection has the file open: otherwise
    FileHeldError, with the file unchanged.
    """
    conn = sqlite3.connect(sqlite_uri(live, "mode=rw"), uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {SWITCH_WAIT_MS}")
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise FileHeldError(str(error)) from error
            raise
        if str(mode).lower() != "delete":
            raise FileHeldError(f"journal mode stayed {mode}")
    finally:
        conn.close()
    wal, shm, journal = sidecars(live)
    if wal.exists() or journal.exists():
        raise FileHeldError(f"{wal.name} or {journal.name} is still there")
    # Unused outside WAL mode: beside the new file it would describe a log that isn't there.
    remove_leftover(shm)


def _second_name(existing: Path, name: Path) -> None:
    """Give `existing` the further name `name`, durably: a hard link, else a byte copy."""
    try:
        os.link(existing, name)
    except FileExistsError:
        if not name.samefile(existing):
            raise
    except OSError:
        # A drive without hard links (FAT): the old file is copied, then synced.
        temporary = _partial_of(name)
        with existing.open("rb") as reader, temporary.open("wb") as writer:
            shutil.copyfileobj(reader, writer, length=8 * 1024 * 1024)
            writer.flush()
            durable_sync(writer.fileno())
        replace_file(temporary, name)
    fsync_folder(name.parent)


def _partial_of(name: Path) -> Path:
    """Where `_second_name` copies a file to before it takes `name`."""
    return name.with_name(f".{name.name}.partial")


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        durable_sync(fd)
    finally:
        os.close(fd)


def _head_of(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.sha256(file.read(HEAD_BYTES)).hexdigest()


def _write_record(folder: DataFolder, intent: Intent) -> None:
    record = {
        "version": RECORD_VERSION,
        "staged": intent.staged.as_posix(),
        "safety": intent.safety.as_posix(),
        "inode": intent.inode,
        "size": intent.size,
        "head": intent.head,
    }
    temporary = folder.swap_record.with_name(folder.swap_record.name + ".new")
    with temporary.open("w", encoding="utf-8") as file:
        json.dump(record, file)
        file.flush()
        durable_sync(file.fileno())
    replace_file(temporary, folder.swap_record)
    fsync_folder(folder.root)


def _read_record(folder: DataFolder) -> Intent | None:
    """The record's intent, or None when it is garbled or names files not of a swap."""
    try:
        record = json.loads(folder.swap_record.read_text(encoding="utf-8"))
        staged = Path(record["staged"])
        safety = Path(record["safety"])
        intent = Intent(
            staged, safety, int(record["inode"]), int(record["size"]), str(record["head"])
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None
    # Trust nothing in it: only a staged file and a safety copy, in their own folders.
    staging, safe = folder.staging.relative_to(folder.root), folder.safety.relative_to(folder.root)
    if record.get("version") != RECORD_VERSION:
        return None
    if staged.parent != staging or not _STAGED_NAME.fullmatch(staged.name):
        return None
    if safety.parent != safe or not SAFETY_COPY_NAME.fullmatch(safety.name):
        return None
    return intent


def _drop_record(folder: DataFolder) -> None:
    remove_leftover(folder.swap_record.with_name(folder.swap_record.name + ".new"))
    remove_file(folder.swap_record)
    fsync_folder(folder.root)


@contextlib.contextmanager
def _swap_lock(folder: DataFolder) -> Iterator[None]:
    with FileLock(folder.swap_lock_file, timeout=LOCK_WAIT_S, is_singleton=False):
        yield


def _stop_if_asked(step: str) -> None:
    """The tests' seam: die here, as a SIGKILL or a power cut would stop the swap."""
    if os.environ.get(STOP_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)
