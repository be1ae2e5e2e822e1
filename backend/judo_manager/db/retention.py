"""Keeping the newest few of a set of files, and letting the rest go."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from judo_manager.db.fileio import remove_leftover

Key = TypeVar("Key")


def keep_newest(files: Iterable[Path], keep: int, key: Callable[[Path], Key]) -> list[Path]:
    """Delete all but the `keep` files with the greatest `key`; the files kept, newest first.

    A file that can't be deleted (gone already, or on a drive that went read-only) is only
    left over; it never fails the job that is pruning.
    """
    ordered = sorted(files, key=key, reverse=True)  # type: ignore[arg-type]
    for old in ordered[keep:]:
        remove_leftover(old)
    return ordered[:keep]
