"""Where the app's own log goes: one line on the terminal, the details in a file.

Tracebacks are for developers. Without this, Python prints any logged error with its
traceback on the terminal; instead the terminal gets the message alone, and the traceback
goes to `judo-manager.log` in the user's log folder (platformdirs), or nowhere at all if
that can't be written (a full or read-only disk).
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILENAME = "judo-manager.log"
MAX_LOG_BYTES = 1_000_000


def configure_logging() -> Path | None:
    """Send warnings and errors to the log file (once per process); the file, or None."""
    from platformdirs import user_log_dir  # only needed here

    root = logging.getLogger()
    if getattr(root, "_judo_manager_configured", False):
        return None
    root._judo_manager_configured = True  # type: ignore[attr-defined]
    root.setLevel(logging.WARNING)
    path = Path(user_log_dir("Judo Manager", appauthor=False)) / LOG_FILENAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=MAX_LOG_BYTES, backupCount=1, encoding="utf-8", delay=True
        )
    except OSError:
        handler, path = logging.NullHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    terminal = logging.StreamHandler()
    terminal.setFormatter(_OneLine())
    # A record with a traceback is for the file: whoever logged it tells the coach themselves.
    terminal.addFilter(lambda record: not record.exc_info)
    root.addHandler(terminal)
    # pywebview logs every exception of a bridge call as its formatted traceback; ours are
    # logged (in full, to the file) where they happen, so its own line says only what failed.
    logging.getLogger("pywebview").addFilter(_last_line_of_tracebacks)
    # A failing log write must not print its own traceback either.
    logging.raiseExceptions = False
    return path


class _OneLine(logging.Formatter):
    """`warning: could not record the backup attempt ...`, never with a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        """The level and the message, on one line."""
        return f"{record.levelname.lower()}: {' '.join(record.getMessage().split())}"


def _last_line_of_tracebacks(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    if "Traceback (most recent call last)" in message:
        record.msg, record.args = message.strip().splitlines()[-1], ()
    return True
