"""A club to enter tournaments with: its services on one real database, a clock the test
moves, and athletes and tournaments made as the page makes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from judo_manager.athletes.model import Athlete
from judo_manager.athletes.service import AthletesService
from judo_manager.clubs.service import ClubsService
from judo_manager.db import Database
from judo_manager.media.service import MediaService
from judo_manager.rules.service import RulesService
from judo_manager.tournaments.model import Entry, Tournament
from judo_manager.tournaments.service import TournamentsService

TODAY = dt.date(2026, 6, 15)


@dataclass
class Clock:
    """Today, as the services see it; a test moves it."""

    today: dt.date = TODAY

    def __call__(self) -> dt.date:
        return self.today


@dataclass
class TournamentClub:
    """The services of one club, sharing one database and one clock."""

    db: Database
    clock: Clock
    rules: RulesService
    media: MediaService
    clubs: ClubsService
    athletes: AthletesService
    tournaments: TournamentsService
    belts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def on(cls, db: Database) -> TournamentClub:
        """The club of `db`, today being `TODAY`."""
        clock = Clock()
        rules = RulesService(db)
        media = MediaService(db)
        clubs = ClubsService(db, media)
        athletes = AthletesService(db, rules, clubs=clubs, media=media, today=clock)
        tournaments = TournamentsService(db, athletes, rules, clubs, media, today=clock)
        belts = {belt.name: belt.id for belt in rules.get().belts}
        return cls(db, clock, rules, media, clubs, athletes, tournaments, belts)

    def athlete(
        self,
        name: str,
        born: str = "2010-04-02",
        sex: str = "M",
        weight: float = 66.0,
        belt: str = "Orange",
        **changes: Any,
    ) -> Athlete:
        """An athlete added through the athletes' form, with valid papers unless told."""
        fields: dict[str, Any] = {
            "full_name": name,
            "birth_date": born,
            "sex": sex,
            "belt_id": self.belts[belt],
            "weight_kg": weight,
            "licence_number": "PJSI-10001",
            "licence_valid_until": "2027-12-31",
            "medical_valid_until": "2027-12-31",
            "active": True,
        }
        return self.athletes.create(fields | changes)

    def tournament(self, name: str = "Bogor Open", **changes: Any) -> Tournament:
        """A tournament made through its form: 12 July 2026 unless told."""
        fields: dict[str, Any] = {
            "name": name,
            "starts_on": "2026-07-12",
            "ends_on": None,
            "location": "GOR Pajajaran, Bogor",
            "organiser": "PJSI Kota Bogor",
            "entry_deadline": None,
            "notes": None,
        }
        return self.tournaments.create(fields | changes)

    def enter(self, tournament: Tournament, *athletes: Athlete) -> Tournament:
        """The tournament once `athletes` are entered."""
        return self.tournaments.add_entries(tournament.id, [a.id for a in athletes]).tournament


def entry_of(tournament: Tournament, athlete: Athlete) -> Entry:
    """The athlete's entry in the tournament."""
    return next(e for e in tournament.entries if e.athlete_id == athlete.id)


def category(tournament: Tournament, code: str) -> int:
    """The id of the tournament's copied category with this code."""
    return next(c.id for c in tournament.categories if c.code == code)


def weight_class(tournament: Tournament, code: str, sex: str, label: str) -> int:
    """The id of a copied class, by its category and its label ("-66", "+100")."""
    over = label.startswith("+")
    limit = float(label[1:])
    copied = next(c for c in tournament.categories if c.code == code)
    return next(
        c.id for c in copied.weight_classes if (c.sex, c.over, c.limit_kg) == (sex, over, limit)
    )


def codes(entry: Entry) -> list[str]:
    """The codes of an entry's conflicts, in their order."""
    return [conflict.code for conflict in entry.conflicts]


def messages(entry: Entry) -> list[str]:
    """An entry's conflicts as the coach reads them (in English)."""
    return [str(conflict.message) for conflict in entry.conflicts]
