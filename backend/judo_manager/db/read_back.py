"""Checking a file just written against what the drive returns for it, without a second
copy to compare with: the system's memory of the file is the reference.

On Linux's local disk file systems (`fileio.keeps_written_pages`) the cached pages of a file
are what was written. Once the file is synced, each span is read from the drive with
`O_DIRECT`, which goes to the drive without dropping those pages, and compared with them.
Everything is read back only after the last write has reached the drive: a fake-capacity
stick wraps its writes around onto earlier blocks, so a span checked early could be
overwritten by a later one.

Where the system or the drive can't read past the cache, each span is hashed from memory
first, then the file is read back through `fileio.read_from_device`, which says how on each
system.
"""

from __future__ import annotations

import contextlib
import errno
import mmap
import os
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from judo_manager.db.fileio import SPAN_BYTES, read_from_device

# Reads in flight at once: one alone leaves the drive idle while each request comes back.
READERS = 2
# What `open` or `read` says when the drive or its file system can't bypass the cache.
DIRECT_REFUSED = frozenset({errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP})


class ReadBack:
    """The handles that check one file against the drive; opened before the file is
    written, so that nothing opens it again before the check."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._cached = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self._direct = _open_direct(path)

    def matches(self, size: int, progress: Callable[[float], None]) -> bool:
        """Whether the drive holds what memory holds for all `size` bytes of the file,
        reporting the fraction (0..1) checked.

        The file must be complete and synced. OSError: the drive failed while read.
        """
        if self._direct is not None:
            try:
                return self._compare_past_cache(size, progress)
            except OSError as error:
                if error.errno not in DIRECT_REFUSED:
                    raise
                # This drive takes O_DIRECT opens but not the reads: read it another way.
        return self._compare_after_drop(size, progress)

    def close(self) -> None:
        """Close the handles."""
        for fd in (self._cached, self._direct):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)

    def _compare_past_cache(self, size: int, progress: Callable[[float], None]) -> bool:
        spans = [(offset, min(SPAN_BYTES, size - offset)) for offset in range(0, size, SPAN_BYTES)]
        # Page-aligned, as O_DIRECT requires; span i uses buffer i % READERS, free again once
        # span i - READERS is done.
        buffers = [mmap.mmap(-1, SPAN_BYTES) for _ in range(READERS)]
        checked = 0
        try:
            with ThreadPoolExecutor(max_workers=READERS) as readers:
                pending: deque[tuple[Future[bool], int]] = deque()
                for index, (offset, count) in enumerate(spans):
                    if len(pending) == READERS:
                        matched, length = pending.popleft()
                        if not matched.result():
                            return False
                        checked += length
                        progress(checked / size)
                    buffer = buffers[index % READERS]
                    check = readers.submit(self._span_matches, buffer, offset, count)
                    pending.append((check, count))
                for matched, length in pending:
                    if not matched.result():
                        return False
                    checked += length
                    progress(checked / size)
        finally:
            for buffer in buffers:
                buffer.close()
        return True

    def _span_matches(self, buffer: mmap.mmap, offset: int, count: int) -> bool:
        assert self._direct is not None
        on_drive = os.preadv(self._direct, [buffer], offset)
        # Sliced, not through a memoryview: comparing views goes byte by byte, 15x slower.
        return on_drive >= count and buffer[:count] == os.pread(self._cached, count, offset)

    def _compare_after_drop(self, size: int, progress: Callable[[float], None]) -> bool:
        in_memory = [
            zlib.crc32(os.pread(self._cached, min(SPAN_BYTES, size - offset), offset))
            for offset in range(0, size, SPAN_BYTES)
        ]
        with read_from_device(self._path) as (reader, _from_device):
            for done, expected in enumerate(in_memory, start=1):
                if zlib.crc32(reader.read(SPAN_BYTES)) != expected:
                    return False
                progress(done / len(in_memory))
            return reader.read(1) == b""


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
