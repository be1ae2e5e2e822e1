"""One writer per data folder: an operating-system lock that the window holds while open.

The window takes it at start and keeps it until it closes; the commands that change data
(`restore`, `undo-restore`, `demo`) take it for as long as they run. A second holder is
refused at once with the coach's words. The OS releases the lock when its process ends,
however it ends, so a crashed window leaves nothing behind that has to be cleared by hand
(unlike a pid file). `backup`, `inspect` and `status` only read, and never take it.
"""

from __future__ import annotations

import logging

from filelock import FileLock, Timeout

from judo_manager.db.drive_errors import os_reason
from judo_manager.db.layout import DataFolder
from judo_manager.errors import FolderInUseError
from judo_manager.i18n import Message, _

logger = logging.getLogger(__name__)


class DataFolderLock:
    """The lock on one data folder."""

    def __init__(self, folder: DataFolder) -> None:
        self._folder = folder
        self._lock = FileLock(folder.lock_file, timeout=0, is_singleton=False)

    def acquire(self, what_next: Message | str) -> None:
        """Take the lock, or raise FolderInUseError ending with `what_next` for the coach.

        Where the lock file can't even be made because the disk is read-only or full,
        nothing can change the data anyway: the job goes on, and fails on its first write if
        it writes. Any other failure (a lock file another user owns) refuses: two writers
        must never run unlocked side by side.
        """
        try:
            self._lock.acquire()
        except Timeout:
            raise FolderInUseError(
                _(
                    "Judo Manager is already open with this club's data. {what_next}",
                    what_next=what_next,
                )
            ) from None
        except OSError as error:
            if self._folder.writable():
                raise FolderInUseError(
                    _(
                        "Judo Manager can't take its lock on the data folder {folder} "
                        "({reason}), so it can't be sure it is the only one "
                        "using it. Check the folder's permissions. {what_next}",
                        folder=self._folder.root,
                        reason=os_reason(error),
                        what_next=what_next,
                    )
                ) from error
            logger.info("no lock on a data folder that can't be written: %s", error)

    def release(self) -> None:
        """Give the lock back (closing the window does this too)."""
        self._lock.release()

    def held_elsewhere(self) -> bool:
        """True when another process holds the lock right now (for `status`)."""
        try:
            self._lock.acquire()
        except Timeout:
            return True
        except OSError:
            return False
        self._lock.release()
        return False
