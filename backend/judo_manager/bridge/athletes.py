"""`window.pywebview.api.athletes`."""

from __future__ import annotations

from judo_manager.athletes.service import AthletesService
from judo_manager.bridge.safety import coach_errors


class AthletesApi:
    """The roster, as the page sees it."""

    def __init__(self, athletes: AthletesService) -> None:
        self._athletes = athletes

    @coach_errors
    def count(self) -> int:
        """How many athletes the club has."""
        return self._athletes.count()
