"""Putting a checked database in place of live data found damaged, keeping that aside.

The damaged file can't be copied through SQLite, nor trusted to hold what a safety copy
would, so it is kept exactly as it is, under `damaged-<when>.db` in the data folder (with
its write-ahead log, if any): the app never deletes it. At every moment the live name
holds either the damaged file or the new one, whole.

Nothing may have the live database open meanwhile.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
from pathlib import Path

from judo_manager.db.connection import sidecars
from judo_manager.db.fileio import durable_sync, fsync_folder, remove_leftover, replace_file
from judo_manager.db.layout import NEW_DATABASE_PATTERN, DataFolder


def replace_damaged(folder: DataFolder, replacement: Path) -> Path:
    """Make `replacement` (a checked, self-contained database) the live data; where the
    damaged file now is."""
    live = folder.database
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    aside = folder.damaged_copy(folder.next_copy_number(), stamp)
    temporary = live.with_name(NEW_DATABASE_PATTERN.replace("*", secrets.token_hex(4)))
    moved: list[tuple[Path, Path]] = []
    try:
        _copy_durably(replacement, temporary)
        _keep(live, aside)
        # The damaged file's journals belong to it: left beside the new file, SQLite would
        # play them into it.
        for side, side_aside in zip(sidecars(live), sidecars(aside), strict=True):
            if side.name.endswith("-shm"):
                remove_leftover(side)  # rebuilt from the log whenever it is opened
            elif side.exists():
                replace_file(side, side_aside)
                moved.append((side_aside, side))
        replace_file(temporary, live)
        fsync_folder(live.parent)
    except BaseException:
        # The live name still holds the damaged file: give it back its journals.
        for side_aside, side in moved:
            replace_file(side_aside, side)
        raise
    finally:
        remove_leftover(temporary)
    return aside


def _copy_durably(source: Path, destination: Path) -> None:
    with source.open("rb") as reader, destination.open("xb") as writer:
        shutil.copyfileobj(reader, writer, length=8 * 1024 * 1024)
        writer.flush()
        durable_sync(writer.fileno())


def _keep(live: Path, aside: Path) -> None:
    """Give the damaged file a second name, so it stays when the live name is replaced."""
    if not live.exists():
        return
    try:
        os.link(live, aside)
    except OSError:  # a drive without hard links: a byte-for-byte copy will do
        _copy_durably(live, aside)
    fsync_folder(aside.parent)
