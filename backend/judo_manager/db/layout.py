"""The data folder: where it is, and every file and folder the app keeps inside it.

    <data folder>/
        judo_manager.db     the club's data (with -wal and -shm beside it while open)
        damaged-*.db        live data found damaged, kept aside as it was by a restore
        .judo-manager.lock  held by the window (and commands that change data) while open
        .judo-manager.swap  the intent of a restore's file swap under way (`db/swap.py`)
        scratch/            snapshots being written for a backup or a safety copy
        staging/            private copies of backups being checked for a restore
        safety/             verified copies of the data from before each restore (last 5)
        viewing/            copies of stored PDFs opened in the system's viewer (a day)

Nothing else in the app spells these names.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from judo_manager.db.fileio import STALE_AFTER_S, free_bytes, remove_stale

APP_NAME = "Judo Manager"
DATA_DIR_ENV = "JUDO_MANAGER_DATA_DIR"
DATABASE_FILENAME = "judo_manager.db"
SNAPSHOT_PATTERN = "snapshot-*"
# A snapshot as `new_snapshot_name` makes it, and the journal SQLite keeps beside it while it
# writes: all a clean-up outside the data folder deletes, where the coach's own files are.
OUR_SNAPSHOT = re.compile(r"snapshot-[0-9a-f]{12}\.db(-journal)?")
# The private folder a snapshot takes in the system's temporary folder when the data disk
# has no room for it (`DataFolder.scratch_for`).
SYSTEM_SCRATCH_PREFIX = "judo-manager-scratch-"
STAGED_PATTERN = "restore-*"
# A new database being made (a first start, a rescue) beside the real name, before it is moved.
NEW_DATABASE_PATTERN = f".{DATABASE_FILENAME}.*.new"
# A safety copy: pre-restore-000012-20260101-120000-000000.db (older copies lack the number).
SAFETY_COPY_NAME = re.compile(r"^pre-(restore|import|undo)-(?:(\d{6})-)?(\d{8}-\d{6}-\d{6})\.db$")
# Beside a safety copy, the marks of the data the restore put in place.
MARKS_SUFFIX = ".marks.json"
# The number that orders safety copies and damaged copies: pre-restore-000012-….db.
COPY_NUMBER = re.compile(r"^(?:pre-(?:restore|import|undo)|damaged)-(\d{6})-")
# Less free than this, and SQLite can't grow its files: the disk is as good as full.
FULL_BELOW_BYTES = 256 * 1024


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder: `--data-dir`, else `$JUDO_MANAGER_DATA_DIR`, else the OS's user data dir."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV)
    if chosen:
        given = Path(chosen).expanduser()
        # A network path stays as written, so opening it can say what it is: resolved,
        # //server/share on Linux would become /server/share, a folder of this computer.
        return given.absolute() if str(given).startswith(("\\\\", "//")) else given.resolve()
    from platformdirs import user_data_dir  # only needed here; keeps subcommands quick

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataFolder:
    """The layout of one data folder."""

    root: Path

    @classmethod
    def of(cls, database: Path) -> DataFolder:
        """The data folder that holds `database`."""
        return cls(database.parent)

    @property
    def database(self) -> Path:
        """The club database."""
        return self.root / DATABASE_FILENAME

    @property
    def scratch(self) -> Path:
        """Where a backup or a safety copy takes its snapshot before it is verified, where it
        can't be written in one copy (`db/snapshot.py`)."""
        return self.root / "scratch"

    @property
    def staging(self) -> Path:
        """Where a chosen backup is copied before anything looks at it."""
        return self.root / "staging"

    @property
    def safety(self) -> Path:
        """The safety copies that undo a restore."""
        return self.root / "safety"

    @property
    def viewing(self) -> Path:
        """Copies of stored files the system's viewer opens; removed a day later."""
        return self.root / "viewing"

    @property
    def lock_file(self) -> Path:
        """The file the one-writer lock is taken on (`db/lock.py`)."""
        return self.root / ".judo-manager.lock"

    @property
    def swap_record(self) -> Path:
        """The intent record of a file swap under way (`db/swap.py`)."""
        return self.root / ".judo-manager.swap"

    @property
    def swap_lock_file(self) -> Path:
        """Taken around a file swap and its recovery, so two processes never settle one."""
        return self.root / ".judo-manager.swap.lock"

    @property
    def window_key(self) -> Path:
        """The key a second start shows the open window to bring it forward (`window/front.py`)."""
        return self.root / ".judo-manager.window-key"

    def damaged_copy(self, number: int, stamp: str) -> Path:
        """Where a restore keeps live data it found damaged; never pruned by the app."""
        return self.root / f"damaged-{number:06d}-{stamp}.db"

    def next_copy_number(self) -> int:
        """The number for the next safety or damaged copy: one more than any so far.

        Copies are ordered by these numbers, never by the clock: a laptop whose clock was
        set back would otherwise take its newest copy for the oldest.
        """
        numbers = [
            int(match[1])
            for folder in (self.root, self.safety)
            if folder.is_dir()
            for path in folder.iterdir()
            if (match := COPY_NUMBER.match(path.name))
        ]
        return max(numbers, default=0) + 1

    def writable(self) -> bool:
        """False when the folder or its database can't be written: a disk gone read-only,
        or one so full that SQLite can't even make its shared-memory file."""
        return not self.read_only() and _has_room(self.root, FULL_BELOW_BYTES)

    def read_only(self) -> bool:
        """True when the folder or its database can't be written at all, whatever room
        there is: a disk gone read-only, a folder or file the coach may not write. Not so
        a full disk, where the app may still commit a small change."""
        if not os.access(self.root, os.W_OK):
            return True
        return self.database.exists() and not os.access(self.database, os.W_OK)

    @contextmanager
    def scratch_for(self, needed: int, beside: Path) -> Iterator[Path]:
        """Where a snapshot of `needed` bytes can be taken, for the block: the data folder's
        scratch folder, else (a full or read-only data disk) a private folder made in the
        system's temporary folder and removed after the block, else `beside`.
        """
        if self.writable() and _has_room(self.root, needed):
            yield self.scratch
        elif _has_room(Path(tempfile.gettempdir()), needed):
            # A private folder of its own: a shared, guessable one could be read by anyone.
            made = Path(tempfile.mkdtemp(prefix=SYSTEM_SCRATCH_PREFIX))
            try:
                yield made
            finally:
                # Only the folder made here: never one that only has the name (`beside` may).
                shutil.rmtree(made, ignore_errors=True)
        else:
            yield beside

    def clean_stale(self) -> None:
        """Remove what a killed run left behind a day ago: snapshots, staged copies,
        databases being made, and copies opened for viewing."""
        remove_stale(self.scratch, SNAPSHOT_PATTERN)
        remove_stale(self.staging, STAGED_PATTERN)
        remove_stale(self.root, NEW_DATABASE_PATTERN)
        remove_stale(self.viewing, "*")


def new_snapshot_name() -> str:
    """A new file name for a snapshot, which the clean-ups know for the app's own."""
    return SNAPSHOT_PATTERN.replace("*", f"{secrets.token_hex(6)}.db")


def clean_stale_system_scratch() -> None:
    """Remove what a backup killed a day ago left in the system's temporary folder: its
    snapshot, and the private folder it was in.

    A backup removes its folder when it ends; killed, it can't, and a snapshot is as large
    as the club's data. Only a folder unchanged for a day goes: a fresh one may belong to
    another Judo Manager's backup that is about to write into it.
    """
    cutoff = time.time() - STALE_AFTER_S
    try:
        folders = list(Path(tempfile.gettempdir()).glob(f"{SYSTEM_SCRATCH_PREFIX}*"))
    except OSError:
        return  # no temporary folder to speak of: nothing of ours in it either
    for folder in folders:
        with suppress(OSError):  # another user's, or gone meanwhile: not ours to clear
            # Judged before its snapshot goes, which makes the folder look changed now.
            stale = folder.is_dir() and folder.stat().st_mtime < cutoff
            remove_stale(folder, SNAPSHOT_PATTERN, OUR_SNAPSHOT)
            if stale:
                folder.rmdir()  # only once empty: anything else in it stays


def database_path(data_dir: Path) -> Path:
    """The club database inside `data_dir` (as `DataFolder(data_dir).database`)."""
    return DataFolder(data_dir).database


def _has_room(folder: Path, needed: int) -> bool:
    """Whether `folder`'s drive has `needed` bytes free; a drive that doesn't say may."""
    try:
        free = free_bytes(folder)
    except OSError:
        return False
    return free is None or free >= needed
