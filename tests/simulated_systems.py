"""Windows' and macOS's file rules, played on Linux, for tests that can't run there.

- `WindowsFiles`: what NTFS does that Linux doesn't. Renaming, replacing or deleting a file
  that any handle in this process has open raises PermissionError with winerror 32 (a
  sharing violation), as Python's and SQLite's own handles lack FILE_SHARE_DELETE there.
  Windows has neither `os.sendfile` nor `os.posix_fadvise`. In scanner mode, the first
  `holds` replaces and deletes of each file fail the same way, as when Defender, the search
  indexer or OneDrive open a new file for a moment.
- `MacFiles`: `sendfile` answers ENOTSOCK for a file destination (macOS wants a socket), and
  there is no `posix_fadvise`.

Only this process is covered: tests that run the app in a child process see Linux.
"""

from __future__ import annotations

import errno
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from judo_manager.db import fileio

SHARING_VIOLATION = 32
# A scanner opens what was just written: files changed this recently.
NEW_FOR_S = 600


def sharing_violation(path: Any) -> PermissionError:
    """The error Windows gives for a file another handle has open, as CPython raises it."""
    error = PermissionError(
        errno.EACCES,
        "The process cannot access the file because it is being used by another process",
        str(path),
    )
    error.winerror = SHARING_VIOLATION  # type: ignore[attr-defined]
    return error


def open_in_this_process(path: Any) -> bool:
    """Whether any file descriptor of this process has `path` (by its inode) open."""
    try:
        target = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    for fd in os.listdir("/proc/self/fd"):
        try:
            held = os.stat(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if (held.st_dev, held.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


@dataclass
class WindowsFiles:
    """Windows' sharing rules on this process's renames and deletes; see the module."""

    holds: int = 0
    # What the scanner holds: "replace", "rename", "delete".
    held_actions: frozenset[str] = frozenset({"replace", "rename", "delete"})
    refused: Counter[str] = field(default_factory=Counter)
    _attempts: Counter[str] = field(default_factory=Counter)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> WindowsFiles:
        """Patch `os` for the test; monkeypatch undoes it."""
        real_replace, real_rename, real_unlink = os.replace, os.rename, os.unlink
        monkeypatch.delattr(os, "sendfile", raising=False)
        # Not Linux: a backup goes through a scratch copy (`fileio.keeps_written_pages`).
        monkeypatch.setattr(fileio, "IS_LINUX", False)
        monkeypatch.delattr(os, "posix_fadvise", raising=False)

        def replace(src: Any, dst: Any, **kwargs: Any) -> None:
            self._refuse_if_held("replace", src, dst)
            real_replace(src, dst, **kwargs)

        def rename(src: Any, dst: Any, **kwargs: Any) -> None:
            self._refuse_if_held("rename", src, dst)
            real_rename(src, dst, **kwargs)

        def unlink(path: Any, **kwargs: Any) -> None:
            if os.path.lexists(path):
                self._refuse_if_held("delete", path)
            real_unlink(path, **kwargs)

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "rename", rename)
        monkeypatch.setattr(os, "unlink", unlink)
        monkeypatch.setattr(os, "remove", unlink)
        # So a restore copies over the live file, as it does on Windows (fileio).
        monkeypatch.setattr(fileio, "RENAME_OPEN_FILES", False)
        return self

    def _refuse_if_held(self, action: str, *paths: Any) -> None:
        for path in paths:
            if open_in_this_process(path):
                self.refused[action] += 1
                raise sharing_violation(path)
        if action not in self.held_actions or not _is_new(paths[0]):
            return
        key = f"{action}:{Path(paths[0]).absolute()}"
        self._attempts[key] += 1
        if self._attempts[key] <= self.holds:
            self.refused[f"{action} (scanner)"] += 1
            raise sharing_violation(paths[0])


def _is_new(path: Any) -> bool:
    try:
        return os.stat(path, follow_symlinks=False).st_mtime > time.time() - NEW_FOR_S
    except OSError:
        return False


@dataclass
class MacFiles:
    """macOS's sendfile and missing fadvise; see the module."""

    sendfile_calls: int = 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> MacFiles:
        """Patch `os` and make the copy try sendfile, as if it had been left on for macOS."""

        def sendfile(out_fd: int, in_fd: int, offset: int | None, count: int) -> int:
            self.sendfile_calls += 1
            raise OSError(errno.ENOTSOCK, "Socket operation on non-socket")

        monkeypatch.setattr(os, "sendfile", sendfile, raising=False)
        monkeypatch.delattr(os, "posix_fadvise", raising=False)
        monkeypatch.setattr(fileio, "IS_LINUX", False)
        monkeypatch.setattr(fileio, "USE_SENDFILE", True)
        return self
