"""Safety copies: the data as it was before each restore, so a restore can be undone."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from judo_manager.db.comparison import Marks
from judo_manager.db.contents import count_contents
from judo_manager.db.fileio import remove_leftover
from judo_manager.db.layout import MARKS_SUFFIX, SAFETY_COPY_NAME, DataFolder
from judo_manager.db.retention import keep_newest
from judo_manager.db.snapshot import ProgressCallback, write_verified_copy

logger = logging.getLogger(__name__)
KEEP = 5
# `pre-restore-…` and `pre-import-…` copies are what Undo puts back; `pre-undo-…` copies
# protect an undo. The number (DataFolder.next_copy_number) orders them; copies from before
# it had none sort first.
NAME = SAFETY_COPY_NAME
# What a copy was taken before: a restore, an import of athletes, or an undo.
CopyKind = Literal["restore", "import", "undo"]
# The copies that Undo puts back.
SafetyCopyKind = Literal["restore", "import"]
UNDOABLE: tuple[SafetyCopyKind, ...] = ("restore", "import")
# Live data a restore found damaged and kept aside (db/rescue.py), numbered the same way.
DAMAGED = re.compile(r"^damaged-(\d{6})-\d{8}-\d{6}-\d{6}\.db$")


@dataclass(frozen=True)
class SafetyCopyFile:
    """One safety copy on disk."""

    path: Path
    kind: CopyKind
    taken_at: dt.datetime
    bytes: int
    athletes: int


def take(data: DataFolder, kind: CopyKind, progress: ProgressCallback | None = None) -> Path:
    """Write a verified copy of the live database into the safety folder; keep the last 5."""
    destination = next_name(data, kind)
    write_verified_copy(
        data.database, destination, scratch_dir=data.scratch, progress=progress, stamp=False
    )
    prune(data)
    return destination


def next_name(data: DataFolder, kind: CopyKind) -> Path:
    """Where the next safety copy goes: numbered after every copy so far (see `_order_of`).

    A restore by rename (`db/swap.py`) gives the old live file this name itself. Makes the
    safety folder if need be.
    """
    data.safety.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    return data.safety / f"pre-{kind}-{data.next_copy_number():06d}-{stamp}.db"


def prune(data: DataFolder) -> None:
    """Keep the newest KEEP copies, and only the marks of those."""
    keep_newest(_all(data), KEEP, key=_order_of)
    _drop_orphan_marks(data)


def keep_marks(copy: Path, marks: Marks) -> None:
    """Keep, beside the copy a restore took, the marks of the data that restore put in place.

    The undo preview reads them to name the work done since the restore. Losing them loses
    only that sentence, so they are written plainly, without a verified copy.
    """
    keep_marks_json(copy, json.dumps(marks))


def keep_marks_json(copy: Path, text: str) -> None:
    """As `keep_marks`, for marks put into JSON earlier (while the restore was checked)."""
    _marks_path(copy).write_text(text, encoding="utf-8")


def marks_for(copy: Path) -> Marks | None:
    """The marks kept for `copy`, or None when there are none or they can't be read."""
    try:
        marks = json.loads(_marks_path(copy).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marks if isinstance(marks, dict) else None


def drop_marks(copy: Path) -> None:
    """Forget the marks kept for `copy` (it was put back, or protects nothing)."""
    remove_leftover(_marks_path(copy))


def _marks_path(copy: Path) -> Path:
    return copy.with_name(copy.name.removesuffix(".db") + MARKS_SUFFIX)


def _drop_orphan_marks(data: DataFolder) -> None:
    for marks in data.safety.glob(f"*{MARKS_SUFFIX}"):
        if not marks.with_name(marks.name.removesuffix(MARKS_SUFFIX) + ".db").exists():
            remove_leftover(marks)


def latest_undo(data: DataFolder) -> SafetyCopyFile | None:
    """The copy taken before the latest restore or import, while it is not yet undone.

    After an undo the newest copy is a `pre-undo` one: the restores before it stay as they
    are, so a later "Undo last restore" can't jump back over the coach's newer work. After a
    rescue of damaged data (a `damaged-…` file newer than every copy) there is nothing to
    undo either: the copies are of older data.
    """
    copies = sorted(_all(data), key=_order_of, reverse=True)
    if not copies or _kind_and_stamp(copies[0])[0] not in UNDOABLE:
        return None
    rescued = [int(m[1]) for p in data.root.glob("damaged-*.db") if (m := DAMAGED.match(p.name))]
    if rescued and max(rescued) > _order_of(copies[0])[0]:
        return None
    try:
        return _describe(copies[0])
    except (OSError, sqlite3.Error):
        # A damaged safety copy can't be put back; Settings simply offers no undo.
        logger.exception("the safety copy %s can't be read", copies[0])
        return None


def every_copy(data: DataFolder) -> list[SafetyCopyFile]:
    """Every safety copy that can be read, newest first (for `status`)."""
    described = []
    for path in sorted(_all(data), key=_order_of, reverse=True):
        try:
            described.append(_describe(path))
        except (OSError, sqlite3.Error):
            logger.warning("the safety copy %s can't be read", path)
    return described


def _all(data: DataFolder) -> list[Path]:
    """Every safety copy."""
    if not data.safety.is_dir():
        return []
    return [p for p in data.safety.iterdir() if NAME.match(p.name)]


def _kind_and_stamp(path: Path) -> tuple[CopyKind, str]:
    match = NAME.match(path.name)
    if match is None:
        raise ValueError(f"not a safety copy: {path.name}")
    return cast(CopyKind, match[1]), match[3]


def _order_of(path: Path) -> tuple[int, str]:
    """Newest last: by the copy's number, then (copies from before numbers) its stamp."""
    match = NAME.match(path.name)
    if match is None:
        raise ValueError(f"not a safety copy: {path.name}")
    return int(match[2] or 0), match[3]


def _describe(path: Path) -> SafetyCopyFile:
    kind, stamp = _kind_and_stamp(path)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        athletes = count_contents(conn)["athletes"] or 0
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
