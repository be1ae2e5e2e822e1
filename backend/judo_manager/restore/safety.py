"""Safety copies: the data as it was before each restore, so a restore can be undone."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from judo_manager.backup.service import SCRATCH_FOLDER
from judo_manager.backup.writer import ProgressCallback, write_backup

SAFETY_FOLDER = "safety"
logger = logging.getLogger(__name__)
KEEP = 5
# `pre-restore-…` copies are what Undo puts back; `pre-undo-…` copies protect an undo.
NAME = re.compile(r"^pre-(restore|undo)-(\d{8}-\d{6}-\d{6})\.db$")


@dataclass(frozen=True)
class SafetyCopyFile:
    """One safety copy on disk."""

    path: Path
    kind: str
    taken_at: dt.datetime
    bytes: int
    athletes: int


def take(live_db: Path, kind: str, progress: ProgressCallback | None = None) -> Path:
    """Write a verified copy of the live database into the safety folder; keep the last 5."""
    folder = live_db.parent / SAFETY_FOLDER
    folder.mkdir(exist_ok=True)
    # UTC, so the names sort in time order even when the clocks go back.
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    destination = folder / f"pre-{kind}-{stamp}.db"
    write_backup(
        live_db,
        destination,
        scratch_dir=live_db.parent / SCRATCH_FOLDER,
        progress=progress,
        stamp=False,
    )
    for old in _all(folder)[KEEP:]:
        old.unlink(missing_ok=True)
    return destination


def latest_undo(live_db: Path) -> SafetyCopyFile | None:
    """The copy taken before the latest restore, while that restore is not yet undone.

    After an undo the newest copy is a `pre-undo` one: the restores before it stay as they
    are, so a later "Undo last restore" can't jump back over the coach's newer work.
    """
    copies = _all(live_db.parent / SAFETY_FOLDER)
    if not copies or _kind_and_stamp(copies[0])[0] != "restore":
        return None
    try:
        return _describe(copies[0])
    except (OSError, sqlite3.Error):
        # A damaged safety copy can't be put back; Settings simply offers no undo.
        logger.exception("the safety copy %s can't be read", copies[0])
        return None


def _all(folder: Path) -> list[Path]:
    """Every safety copy, newest first."""
    if not folder.is_dir():
        return []
    copies = [p for p in folder.iterdir() if NAME.match(p.name)]
    return sorted(copies, key=lambda p: _kind_and_stamp(p)[1], reverse=True)


def _kind_and_stamp(path: Path) -> tuple[str, str]:
    match = NAME.match(path.name)
    if match is None:
        raise ValueError(f"not a safety copy: {path.name}")
    return match[1], match[2]


def _describe(path: Path) -> SafetyCopyFile:
    kind, stamp = _kind_and_stamp(path)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        athletes = conn.execute("SELECT count(*) FROM athletes").fetchone()[0]
    finally:
        conn.close()
    return SafetyCopyFile(
        path=path,
        kind=kind,
        taken_at=dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
        .replace(tzinfo=dt.UTC)
        .astimezone(),
        bytes=path.stat().st_size,
        athletes=athletes,
    )
