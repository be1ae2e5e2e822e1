"""What the app can do with athletes."""

from __future__ import annotations

from judo_manager.athletes import repository
from judo_manager.db import Database


class AthletesService:
    """Reads and changes the roster."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def count(self) -> int:
        """How many athletes the club has."""
        return repository.count_athletes(self._db.connection())
