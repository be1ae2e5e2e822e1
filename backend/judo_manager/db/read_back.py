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
from collections.abc import Callable
from pathlib import Path

from judo_manager.db.fileio import SPAN_BYTES, read_from_device

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
        assert self._direct is not None
        buffer = mmap.mmap(-1, SPAN_BYTES)  # page-aligned, as O_DIRECT requires
        try:
            with memoryview(buffer) as view:
                for offset in range(0, size, SPAN_BYTES):
                    count = min(SPAN_BYTES, size - offset)
                    on_drive = os.preadv(self._direct, [buffer], offset)
                    if on_drive < count or view[:count] != os.pread(self._cached, count, offset):
                        return False
                    progress((offset + count) / size)
        finally:
            buffer.close()
        return True

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
