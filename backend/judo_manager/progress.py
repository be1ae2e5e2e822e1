"""Progress of long jobs, thinned out before it is pushed to the page."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

PhaseT = TypeVar("PhaseT", bound=str)


class ThrottledProgress(Generic[PhaseT]):
    """Forwards progress at most every `interval_s`, plus every phase change and the end.

    Each push is a round trip into the page, so a copy of thousands of steps sends tens.
    """

    def __init__(self, send: Callable[[PhaseT, float], None], interval_s: float = 0.1) -> None:
        self._send = send
        self._interval_s = interval_s
        self._last_phase: PhaseT | None = None
        self._last_sent = 0.0

    def __call__(self, phase: PhaseT, fraction: float) -> None:
        """Report that `fraction` (0..1) of the job is done, now in `phase`."""
        now = time.monotonic()
        due = (
            phase != self._last_phase
            or fraction >= 1.0
            or now - self._last_sent >= self._interval_s
        )
        if due:
            self._last_phase, self._last_sent = phase, now
            self._send(phase, fraction)


def spread(
    progress: Callable[[PhaseT, float], None] | None,
    spans: Mapping[PhaseT, tuple[float, float]],
) -> Callable[[PhaseT, float], None]:
    """Map each phase's own fraction (0..1) onto its share of the whole job.

    So one progress bar moves forward only, through every phase of a job.
    """

    def report(phase: PhaseT, fraction: float) -> None:
        if progress is not None:
            start, end = spans[phase]
            progress(phase, start + fraction * (end - start))

    return report
