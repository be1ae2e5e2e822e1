"""Athletes, their promotions and medals, as the app works with them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from judo_manager.i18n import Message

Sex = Literal["F", "M"]
SEXES: tuple[Sex, ...] = ("F", "M")
MedalPlace = Literal["gold", "silver", "bronze"]
MEDAL_PLACES: tuple[MedalPlace, ...] = ("gold", "silver", "bronze")
Status = Literal["active", "inactive", "all"]
STATUSES: tuple[Status, ...] = ("active", "inactive", "all")
SortKey = Literal["name", "belt", "age", "weight"]
SORT_KEYS: tuple[SortKey, ...] = ("name", "belt", "age", "weight")


@dataclass(frozen=True)
class RosterQuery:
    """Which athletes the list shows, and in what order."""

    search: str
    sex: Sex | None
    belt_id: int | None
    category_id: int | None
    status: Status
    season: int
    sort: SortKey
    descending: bool


# Not frozen: a frozen dataclass is five times slower to make, and a roster makes thousands.
@dataclass(slots=True)
class RosterRow:
    """One line of the list; `category_id` is the most specific category the athlete fits."""

    id: int
    full_name: str
    birth_year: int
    age: int
    sex: Sex
    belt_id: int | None
    weight_kg: float | None
    category_id: int | None
    active: bool


@dataclass(frozen=True)
class Roster:
    """The list for one query; `total` counts every athlete."""

    season: int
    total: int
    rows: Sequence[RosterRow]


@dataclass(frozen=True)
class AthleteFields:
    """The add/edit form: as the page sends it (dates as YYYY-MM-DD), and once checked."""

    full_name: str
    birth_date: dt.date
    sex: Sex
    belt_id: int
    weight_kg: float
    licence_number: str | None
    phone: str | None
    email: str | None
    guardian_name: str | None
    guardian_phone: str | None
    notes: str | None
    active: bool


@dataclass(frozen=True)
class Promotion:
    """A grading: the belt reached, and the belt held before it."""

    id: int
    promoted_on: str
    belt_id: int
    from_belt_id: int | None
    examiner: str | None
    notes: str | None


@dataclass(frozen=True)
class PromotionFields:
    """The "record a promotion" form: as the page sends it, and once checked."""

    promoted_on: dt.date
    belt_id: int
    examiner: str | None
    notes: str | None


@dataclass(frozen=True)
class Medal:
    """A podium place at a competition."""

    id: int
    competition: str
    held_on: str
    place: MedalPlace
    category: str | None


@dataclass(frozen=True)
class MedalFields:
    """The "add a medal" form: as the page sends it, and once checked."""

    competition: str
    held_on: dt.date
    place: MedalPlace
    category: str | None


@dataclass(frozen=True)
class Athlete:
    """One athlete in full; promotions and medals newest first."""

    id: int
    full_name: str
    birth_date: str
    sex: Sex
    belt_id: int | None
    weight_kg: float | None
    licence_number: str | None
    phone: str | None
    email: str | None
    guardian_name: str | None
    guardian_phone: str | None
    notes: str | None
    active: bool
    created_at: str
    updated_at: str
    # Changes with every write to the athlete, their promotions or medals; writes name it.
    revision: str
    promotions: Sequence[Promotion]
    medals: Sequence[Medal]


@dataclass(frozen=True)
class DeletedAthlete:
    """What a delete hands back: who it was, and the token that undoes it for a while."""

    full_name: str
    undo_token: str


@dataclass(frozen=True)
class AthleteWarnings:
    """Unusual values in an athlete's form, by field; None where the field looks usual."""

    belt_id: Message | None
    weight_kg: Message | None
