"""What the app can do with clubs and the organisation's branding."""

from __future__ import annotations

from judo_manager.clubs import repository
from judo_manager.clubs.model import Organisation
from judo_manager.db import Database


class ClubsService:
    """The clubs athletes belong to, and who the app is branded for."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def exists(self, club_id: int) -> bool:
        """Whether the club is there (on this thread's connection, inside a caller's write)."""
        return repository.club_exists(self._db.connection(), club_id)

    def organisation(self) -> Organisation:
        """The organisation's name, logo and member-ID prefix."""
        return repository.organisation(self._db.connection())
