"""Checking a file against the drive while it is still being written, span by span.

A backup is written by SQLite straight into its temporary file on the destination drive.
Checking it only afterwards would cost a second full pass over the drive; instead a
follower thread takes each span SQLite has passed, hashes what the system holds for it in
memory (what was written) and compares that with what the drive returns for it, read with
`O_DIRECT`, which goes to the drive without dropping the memory copy. SQLite still changes
a few spans after they were checked (the header at its commit, the stamp), so once the file
is complete and synced, a last pass hashes every span from memory again and reads back from
the drive each one that changed, or that the follower never reached.

Where the system or the drive can't read past the cache (macOS, Windows, tmpfs, a network
share) the whole check runs after the sync instead: each span is hashed from memory, then
the file is read back through `fileio.read_from_device`, which says how on each system.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import mmap
import os
import threading
import zlib
from collections.abc import Callable
from pathlib import Path

from judo_manager.db.fileio import SPAN_BYTES, read_from_device

logger = logging.getLogger(__name__)

# What `open` or `read` says when the drive or its file system can't bypass the cache.
DIRECT_REFUSED = frozenset({errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP})


class ReadBack:
    """Follows a file as it is written and checks it against the drive.

    Call `written` as the file grows, then, once it is complete and synced, `matches`.
    `close` releases the follower and the file handles, whatever happened.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._cached = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self._direct = _open_direct(path)
        # Span number -> the hash that memory and the drive agreed on.
        self._agreed: dict[int, int] = {}
        self._frontier = 0
        self._closing = False
        self._changed = threading.Condition()
        self._follower: threading.Thread | None = None
        if self._direct is not None:
            self._follower = threading.Thread(target=self._follow, name="read-back", daemon=True)
            self._follower.start()

    def written(self, offset: int) -> None:
        """Everything before `offset` has been handed to the system: it may be checked."""
        with self._changed:
            if offset > self._frontier:
                self._frontier = offset
                self._changed.notify()

    def matches(self, size: int, progress: Callable[[float], None]) -> bool:
        """Whether the drive holds what memory holds for all `size` bytes of the file,
        reporting the fraction (0..1) checked.

        The file must be complete and synced. OSError: the drive failed while read.
        """
        self._stop_following()
        if self._direct is None:
            return self._check_after_sync(size, progress)
        spans = _span_count(size)
        buffer = mmap.mmap(-1, SPAN_BYTES)  # page-aligned, as O_DIRECT requires
        try:
            for span in range(spans):
                in_memory = self._hash_in_memory(span, size)
                checked = self._agreed.get(span) == in_memory
                if not checked and self._hash_on_drive(span, buffer) != in_memory:
                    return False
                progress((span + 1) / spans)
        finally:
            buffer.close()
        return True

    def close(self) -> None:
        """Stop the follower and close the file handles."""
        self._stop_following()
        for fd in (self._cached, self._direct):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._direct = None

    def _stop_following(self) -> None:
        with self._changed:
            self._closing = True
            self._changed.notify()
        if self._follower is not None:
            self._follower.join()
            self._follower = None

    def _follow(self) -> None:
        buffer = mmap.mmap(-1, SPAN_BYTES)
        try:
            span = 0
            while self._wait_for_span(span):
                in_memory = self._hash_in_memory(span, (span + 1) * SPAN_BYTES)
                # SQLite may write into the span between the two reads: a difference here
                # is only settled by the last pass, once the file is complete.
                if self._hash_on_drive(span, buffer) == in_memory:
                    self._agreed[span] = in_memory
                span += 1
        except OSError as error:
            # The last pass reads every span the follower left and meets the same error,
            # if it was the drive's; a drive that refuses O_DIRECT is read another way.
            logger.info("following %s stopped (%s)", self._path, error)
            if error.errno in DIRECT_REFUSED:
                self._refuse_direct()
        finally:
            buffer.close()

    def _wait_for_span(self, span: int) -> bool:
        """Wait until `span` is complete in memory; False once following should stop."""
        with self._changed:
            while not self._closing and self._frontier < (span + 1) * SPAN_BYTES:
                self._changed.wait()
            return not self._closing

    def _refuse_direct(self) -> None:
        direct, self._direct = self._direct, None
        if direct is not None:
            os.close(direct)

    def _hash_in_memory(self, span: int, size: int) -> int:
        offset = span * SPAN_BYTES
        return zlib.crc32(os.pread(self._cached, min(SPAN_BYTES, size - offset), offset))

    def _hash_on_drive(self, span: int, buffer: mmap.mmap) -> int:
        assert self._direct is not None
        count = os.preadv(self._direct, [buffer], span * SPAN_BYTES)
        return zlib.crc32(memoryview(buffer)[:count])

    def _check_after_sync(self, size: int, progress: Callable[[float], None]) -> bool:
        in_memory = [self._hash_in_memory(span, size) for span in range(_span_count(size))]
        with read_from_device(self._path) as (reader, _from_device):
            for done, expected in enumerate(in_memory, start=1):
                if zlib.crc32(reader.read(SPAN_BYTES)) != expected:
                    return False
                progress(done / len(in_memory))
            return reader.read(1) == b""


def _span_count(size: int) -> int:
    return -(-size // SPAN_BYTES)


def _open_direct(path: Path) -> int | None:
    """`path` opened to read past the cache (Linux's O_DIRECT); None where it can't be."""
    flag = getattr(os, "O_DIRECT", None)
    if flag is None:
        return None
    try:
        return os.open(path, os.O_RDONLY | flag)
    except OSError as error:
        if error.errno not in DIRECT_REFUSED:
            raise
        return None
