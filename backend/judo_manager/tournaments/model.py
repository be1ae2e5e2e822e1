"""Tournaments, the copy of the rules each keeps, their entries and results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from judo_manager.athletes.model import MedalPlace
from judo_manager.i18n import Message
from judo_manager.rules.model import AgeCategory, Sex

# An entry's place: 1st, 2nd, 3rd, 5th, 7th, took part, did not start.
Result = Literal["1", "2", "3", "5", "7", "participated", "dns"]
RESULTS: tuple[Result, ...] = get_args(Result)
# The places that are also a medal in the athlete's history.
MEDAL_OF_RESULT: dict[str, MedalPlace] = {"1": "gold", "2": "silver", "3": "bronze"}
# What can be wrong with an entry, in the order the page lists them.
ConflictCode = Literal[
    "age",
    "no_weight",
    "weight_class",
    "no_category",
    "belt",
    "sex_closed",
    "inactive",
    "duplicate",
    "licence_missing",
    "licence_expired",
    "medical_missing",
    "medical_expired",
]
CONFLICT_CODES: tuple[ConflictCode, ...] = get_args(ConflictCode)


@dataclass(frozen=True)
class TournamentFields:
    """The tournament form: as the page sends it (dates as YYYY-MM-DD), and once checked."""

    name: str
    starts_on: dt.date
    ends_on: dt.date | None
    location: str | None
    organiser: str | None
    entry_deadline: dt.date | None
    notes: str | None


@dataclass(frozen=True)
class TournamentCategory(AgeCategory):
    """An age category of the tournament's copy of the rules, with the tournament's own
    limits: the lowest belt allowed (None: any), and whether each sex may enter.

    `weight_classes` are the copied ladders (their `category_id` is this category's id).
    """

    min_belt_id: int | None = None
    open_to_f: bool = True
    open_to_m: bool = True

    def open_to(self, sex: Sex) -> bool:
        """Whether athletes of `sex` may enter this category."""
        return self.open_to_f if sex == "F" else self.open_to_m


@dataclass(frozen=True)
class CategoryLimits:
    """A category's limits for one tournament: as the page sends them, and once checked."""

    min_belt_id: int | None
    open_to_f: bool
    open_to_m: bool


@dataclass(frozen=True)
class Conflict:
    """Something about an entry that the organiser may refuse, in the coach's words."""

    code: ConflictCode
    message: Message


# Not frozen: a tournament can have a thousand entries.
@dataclass(slots=True)
class Entry:
    """One athlete entered, with what the entry sheet shows of them.

    `weight_kg` is the weight the entry is judged by: the weigh-in where one is recorded,
    else the roster's. `suggested_category_id` is the narrowest category the age fits, and
    `suggested_weight_class_id` the class that weight falls in within the chosen category
    (the suggested one while none is chosen); `eligible_category_ids` are every category
    the age fits (the page marks the others). `medal_id` is the medal a result of 1st to
    3rd gave.
    """

    id: int
    athlete_id: int
    full_name: str
    member_id: str | None
    birth_year: int
    age: int
    sex: Sex
    belt_id: int | None
    club_id: int | None
    licence_number: str | None
    roster_weight_kg: float | None
    weigh_in_kg: float | None
    weight_kg: float | None
    category_id: int | None
    weight_class_id: int | None
    suggested_category_id: int | None
    suggested_weight_class_id: int | None
    eligible_category_ids: Sequence[int]
    result: Result | None
    medal_id: int | None
    conflicts: Sequence[Conflict]


@dataclass(frozen=True)
class EntryFields:
    """An entry's editable fields: as the page sends them, and once checked.

    With `follow_weight`, the class is the one the entry's weight falls in within its
    category (`rules.weights.weight_class_for`), whatever `weight_class_id` says: the page
    asks for it when the category or the weigh-in changes, and never works it out itself.
    """

    category_id: int | None
    weight_class_id: int | None
    weigh_in_kg: float | None
    follow_weight: bool = False


@dataclass(frozen=True)
class Tournament:
    """A tournament in full: its copy of the rules, and its entries in the entry sheet's
    order (age category, youngest first; women, then men; the weight ladder; the name).

    `age_year` is the year ages are counted for; `can_refresh_rules` says whether the copy
    of the rules may still be taken again (until the entry deadline, or without one, the
    first day). `conflict_count` counts the entries with at least one conflict.
    """

    id: int
    name: str
    starts_on: str
    ends_on: str | None
    location: str | None
    organiser: str | None
    entry_deadline: str | None
    notes: str | None
    ruleset_name: str
    rules_copied_at: str
    can_refresh_rules: bool
    age_year: int
    upcoming: bool
    categories: Sequence[TournamentCategory]
    entries: Sequence[Entry]
    conflict_count: int


@dataclass(frozen=True)
class TournamentSummary:
    """One line of the tournaments list; `upcoming` while its last day hasn't passed."""

    id: int
    name: str
    starts_on: str
    ends_on: str | None
    location: str | None
    entry_count: int
    conflict_count: int
    upcoming: bool
    entry_deadline: str | None


@dataclass(frozen=True)
class EntryDeadline:
    """A tournament whose entries close on `entry_deadline` (YYYY-MM-DD), and its first day."""

    tournament_id: int
    name: str
    starts_on: str
    entry_deadline: str


@dataclass(frozen=True)
class EntriesAdded:
    """What adding athletes did: the tournament now, those added, and those skipped
    because they were entered already."""

    tournament: Tournament
    added: int
    skipped: int


@dataclass(frozen=True)
class AthleteTournament:
    """A tournament an athlete entered, as their page lists it."""

    tournament_id: int
    name: str
    starts_on: str
    ends_on: str | None
    category_code: str | None
    weight_class_label: Message | None
    result: Result | None
