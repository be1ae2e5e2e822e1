"""One backup or restore at a time, across the whole app."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from judo_manager.errors import BusyError
from judo_manager.i18n import _


class JobLock:
    """Refuses at once, rather than queueing, when another backup or restore is running.

    Re-entrant on one thread: the bridge holds it while the native dialog is open, so no
    second job starts meanwhile, and the service it then calls takes it again.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the lock for one job, or raise BusyError if another job has it."""
        if not self._lock.acquire(blocking=False):
            raise BusyError(
                _("A backup or restore is already running. Please wait for it to finish.")
            )
        try:
            yield
        finally:
            self._lock.release()

    def busy(self) -> bool:
        """Whether a backup or restore (or its dialog) is running in another thread now."""
        if not self._lock.acquire(blocking=False):
            return True
        self._lock.release()
        return False

    @contextmanager
    def after_the_running_job(self) -> Iterator[None]:
        """Wait for the running job to finish, then hold the lock: no new job starts inside.

        For closing the app once a backup or restore is done, never in the middle of one.
        """
        with self._lock:
            yield
