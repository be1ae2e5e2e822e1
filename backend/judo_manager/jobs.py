"""One backup or restore at a time, across the whole app."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from judo_manager.errors import BusyError


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
            raise BusyError("A backup or restore is already running. Please wait for it to finish.")
        try:
            yield
        finally:
            self._lock.release()
