"""A second window on the same data folder brings the first one to the front instead.

The window that holds the data folder (`db/lock.py`) listens on a local socket named after
the folder: an abstract socket on Linux (nothing on disk to leave behind), a named pipe on
Windows, a socket in the user's temporary folder on macOS. A second start that finds the
folder locked asks it to come forward and exits; only when nobody answers does it say that
Judo Manager is already open. The key that proves the caller is this user's Judo Manager is
kept in the data folder, readable by its owner alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import sys
import tempfile
import threading
from collections.abc import Callable
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path

from judo_manager.db.layout import DataFolder

logger = logging.getLogger(__name__)
# Plain bytes, sent and read with send_bytes/recv_bytes: `recv` would unpickle whatever a
# caller sent, and nothing from outside is ever unpickled.
_REQUEST = b"come to the front"
_DONE = b"in front"
# How long a second start waits for the first window's answer before saying it is open.
ANSWER_TIMEOUT_S = 5.0


def _address(folder: DataFolder) -> str:
    digest = hashlib.sha256(os.fsencode(folder.root.resolve())).hexdigest()[:24]
    if sys.platform == "win32":
        return rf"\\.\pipe\judo-manager-{digest}"
    if sys.platform.startswith("linux"):
        return f"\0judo-manager-{digest}"
    return str(Path(tempfile.gettempdir()) / f"judo-manager-{digest}.sock")


class FrontDoor:
    """The first window's side: answers "come to the front" while the window is open."""

    def __init__(self, folder: DataFolder, bring_forward: Callable[[], None]) -> None:
        self._folder = folder
        self._bring_forward = bring_forward
        self._listener: Listener | None = None

    def open(self) -> None:
        """Start answering; a failure only means a second start can't hand over to us."""
        key = secrets.token_bytes(32)
        address = _address(self._folder)
        try:
            if not address.startswith(("\0", "\\\\")):
                # Left by a window that crashed: we hold the folder's lock, so it's stale.
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(address)
            self._listener = Listener(address, authkey=key)
            _write_private(self._folder.window_key, key)
        except OSError as error:
            logger.warning("a second start can't bring this window forward: %s", error)
            self.close()
            return
        threading.Thread(target=self._serve, name="front-door", daemon=True).start()

    def close(self) -> None:
        """Stop answering (the window is closing)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.close()
        with contextlib.suppress(OSError):
            self._folder.window_key.unlink(missing_ok=True)

    def _serve(self) -> None:
        while (listener := self._listener) is not None:
            try:
                conn = listener.accept()
            except Exception as error:  # closed, or AuthenticationError
                # A caller without the key is refused by `accept` itself: nobody is let in.
                if self._listener is None:
                    return
                logger.info("refused a caller: %s", error)
                continue
            with conn:
                self._answer(conn)

    def _answer(self, conn: Connection) -> None:
        try:
            asked = conn.poll(ANSWER_TIMEOUT_S) and conn.recv_bytes(64) == _REQUEST
            # Closing meanwhile: say nothing, so the caller tells the coach it's open.
            if asked and self._listener is not None:
                self._bring_forward()
                conn.send_bytes(_DONE)
        except (OSError, EOFError, ValueError) as error:
            logger.info("a caller went away: %s", error)


def bring_open_window_forward(folder: DataFolder) -> bool:
    """Ask the window holding `folder` to come to the front; True once it says it did.

    Bounded: a window that accepts but never answers (hung, or busy closing) counts as no
    answer after `ANSWER_TIMEOUT_S`, and the coach is told the data is open instead.
    """
    answered: list[bool] = []

    def knock() -> None:
        try:
            key = folder.window_key.read_bytes()
            with Client(_address(folder), authkey=key) as conn:
                conn.send_bytes(_REQUEST)
                answered.append(conn.poll(ANSWER_TIMEOUT_S) and conn.recv_bytes(64) == _DONE)
        except Exception as error:  # no window, an old one, a stale key
            logger.info("no open window to bring forward: %s", error)

    knocker = threading.Thread(target=knock, name="knock", daemon=True)
    knocker.start()
    knocker.join(ANSWER_TIMEOUT_S + 1)
    return bool(answered and answered[0])


def _write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path`, readable by its owner alone (where the system has modes)."""
    # Made anew, so an older file's looser mode can't carry over.
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
