"""Keeping the newest few of a set of files, and letting the rest go."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

Key = TypeVar("Key")


def keep_newest(files: Iterable[Path], keep: int, key: Callable[[Path], Key]) -> list[Path]:
    """Delete all but the `keep` files with the greatest `key`; the files kept, newest first.

    A file that can't be deleted (gone already, or on a drive that went read-only) is only
    left over; it never fails the job that is pruning.
    """
    ordered = sorted(files, key=key, reverse=True)  # type: ignore[arg-type]
    for old in ordered[keep:]:
        with contextlib.suppress(OSError):
            old.unlink(missing_ok=True)
    return ordered[:keep]
