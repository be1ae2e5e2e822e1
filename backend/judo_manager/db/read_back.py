"""Checking a file just written against what the drive returns for it. The reference is the
system's memory of the file; once that is gone, a second copy made for the purpose
(`reference`).

Only where `fileio.keeps_written_pages` vouches for it (ext4, xfs): there the cached pages
of a file are what was written to it, `O_DIRECT` reads go to the drive without dropping
them, and a read with `RWF_NOWAIT` proves that the reference still comes from memory: the
system may evict clean pages at any time, and a reference read from the drive again would
compare the drive with itself. A span whose reference is gone leaves the answer open
(`Verdict.UNKNOWN`); the caller then checks another way.

Everything is read back only after the last write reached the drive: a fake-capacity
stick wraps its writes around onto earlier blocks, so a span checked early could be
overwritten by a later one.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import mmap
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from judo_manager.db.fileio import SPAN_BYTES, SourceReadError

# Reads in flight at once: one alone leaves the drive idle while each request comes back.
READERS = 2
# What a read says when the drive or its file system can't bypass the cache, or can't say
# whether it would have to wait for the drive.
REFUSED = frozenset({errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP})


class Verdict(enum.Enum):
    """What the read-back found."""

    MATCHES = "matches"
    DIFFERS = "differs"
    # The reference left memory (or the drive can't be read past it): no answer.
    UNKNOWN = "unknown"


class Comparison(NamedTuple):
    """What the read-back found, and how many bytes from the start it found to match."""

    verdict: Verdict
    matched: int


class ReadBack:
    """Compares one synced file with what its drive returns, span by span."""

    def __init__(self, path: Path, reference: Path | None = None) -> None:
        """Read `path` from its drive, and compare it with the pages the system keeps of it;
        or, given a `reference` file, with that file's bytes. The reference must not be
        one the drive under test alone vouches for (`snapshot._make_second_copy`)."""
        # Only a reference kept in memory must prove it comes from there (RWF_NOWAIT).
        self._nowait = os.RWF_NOWAIT if reference is None else 0
        self._reference_file = reference
        self._reference = os.open(reference or path, os.O_RDONLY)
        try:
            self._direct = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECT", 0))
        except BaseException:
            os.close(self._reference)
            raise

    def __enter__(self) -> ReadBack:
        return self

    def __exit__(self, *_exc: object) -> None:
        for fd in (self._reference, self._direct):
            with contextlib.suppress(OSError):
                os.close(fd)

    def compare(
        self, size: int, progress: Callable[[float], None], *, start: int = 0
    ) -> Comparison:
        """Whether the drive holds what the reference holds for the `size` bytes of the file
        from `start` (a multiple of SPAN_BYTES) on, reporting the fraction (0..1) of the
        file known to match. OSError: the drive failed while read; SourceReadError: the
        reference file's drive did."""
        spans = [
            (offset, min(SPAN_BYTES, size - offset)) for offset in range(start, size, SPAN_BYTES)
        ]
        checked = start
        with contextlib.ExitStack() as stack:
            # Page-aligned, as O_DIRECT requires; span i uses buffer i % READERS, free again
            # once span i - READERS is done.
            buffers = [stack.enter_context(mmap.mmap(-1, SPAN_BYTES)) for _ in range(READERS)]
            readers = stack.enter_context(ThreadPoolExecutor(max_workers=READERS))
            pending: deque[tuple[Future[Verdict], int]] = deque()
            for index, (offset, count) in enumerate(spans):
                if len(pending) == READERS:
                    verdict, length = pending.popleft()
                    if verdict.result() is not Verdict.MATCHES:
                        return Comparison(verdict.result(), checked)
                    checked += length
                    progress(checked / size)
                check = readers.submit(self._compare_span, buffers[index % READERS], offset, count)
                pending.append((check, count))
            for verdict, length in pending:
                if verdict.result() is not Verdict.MATCHES:
                    return Comparison(verdict.result(), checked)
                checked += length
                progress(checked / size)
        return Comparison(Verdict.MATCHES, checked)

    def _compare_span(self, buffer: mmap.mmap, offset: int, count: int) -> Verdict:
        try:
            on_drive = os.preadv(self._direct, [buffer], offset)
            expected = bytearray(count)
            got = self._read_reference(expected, offset)
        except BlockingIOError:
            return Verdict.UNKNOWN  # some of the reference was evicted meanwhile
        except SourceReadError:
            raise
        except OSError as error:
            if error.errno in REFUSED:
                return Verdict.UNKNOWN
            raise
        if got < count:
            # The rest of the reference was evicted meanwhile; a reference file is shorter.
            return Verdict.UNKNOWN if self._nowait else Verdict.DIFFERS
        # Sliced, not through a memoryview: comparing views goes byte by byte, 15x slower.
        return (
            Verdict.MATCHES if on_drive >= count and buffer[:count] == expected else Verdict.DIFFERS
        )

    def _read_reference(self, into: bytearray, offset: int) -> int:
        """Read the reference at `offset` into `into`; the bytes read."""
        try:
            return os.preadv(self._reference, [into], offset, self._nowait)
        except OSError as error:
            # The pages kept of the file under test are its own drive's to answer for.
            if self._reference_file is None or error.errno in REFUSED:
                raise
            raise SourceReadError.of(error, self._reference_file) from error
