"""Closing the window (or Cmd+Q) while a backup or restore runs: ask first, never cut it short.

pywebview asks `events.closing` on its GUI thread before the window closes; False keeps it
open. A running job can't be stopped halfway safely (a restore copies the data in one
transaction, a backup publishes only a verified file, and both clean up after themselves),
so the window stays open, and the coach chooses: close as soon as it has finished, or keep
working. The question is asked from a thread of its own, so the GUI thread goes on drawing
the job's progress meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from judo_manager.i18n import SOURCE_LANGUAGE, _, speaking
from judo_manager.jobs import JobLock

logger = logging.getLogger(__name__)

QUESTION_TITLE = _("A backup or restore is running")
# Translators: OK and Cancel are the question's two buttons.
QUESTION = _(
    "Judo Manager is still writing a backup or restoring data. Stopping it halfway could "
    "leave the backup unfinished.\n\nOK closes Judo Manager as soon as it has finished; "
    "Cancel keeps it open."
)


class ClosableWindow(Protocol):
    """The window as closing needs it."""

    def confirm(self, title: str, message: str) -> bool:
        """A native OK/Cancel question."""
        ...

    def close(self) -> None:
        """Close the window."""
        ...


class CloseGuard:
    """Keeps the window open while a job runs, and closes it after the job if asked to.

    `language` gives the language the app speaks now (the coach may have changed it since
    the start): the question is asked in it.
    """

    def __init__(
        self,
        jobs: JobLock,
        window: ClosableWindow,
        language: Callable[[], str] = lambda: SOURCE_LANGUAGE,
    ) -> None:
        self._jobs = jobs
        self._window = window
        self._language = language
        self._lock = threading.Lock()
        self._asking = False
        self._closing = False
        self._worker: threading.Thread | None = None

    def on_closing(self) -> bool | None:
        """pywebview's `closing` handler: False keeps the window open."""
        with self._lock:
            if self._closing:
                return None  # our own close, once the job has finished
            if not self._jobs.busy():
                return None
            if not self._asking:
                self._asking = True
                self._worker = threading.Thread(target=self._ask, daemon=True)
                self._worker.start()
        return False

    def wait(self) -> None:
        """Wait until the question (and a close it led to) is over; for tests."""
        if self._worker is not None:
            self._worker.join()

    def _ask(self) -> None:
        try:
            # On this thread of its own: the window's words (its buttons) follow too.
            with speaking(self._language()):
                close = self._window.confirm(str(QUESTION_TITLE), str(QUESTION))
        except Exception:
            logger.exception("could not ask whether to close during a job")
            close = False
        if not close:
            with self._lock:
                self._asking = False
            return
        with self._jobs.after_the_running_job():
            with self._lock:
                self._closing = True
            self._window.close()
